from django.urls import path

from . import views

app_name = "involvement"

urlpatterns = [
    path("ideas/", views.board, name="board"),
    path("ideas/new/", views.item_new, name="new"),
    path("ideas/export.xlsx", views.export, name="export"),
    path("ideas/overview/", views.overview_page, name="overview"),
    path("ideas/campaigns/", views.campaigns, name="campaigns"),
    path("ideas/campaigns/new/", views.campaign_new, name="campaign_new"),
    path("ideas/campaigns/<int:campaign_id>/", views.campaign, name="campaign"),
    path("ideas/change-agents/", views.agents, name="agents"),
    path("ideas/<int:item_number>/", views.item_detail, name="item"),
    path("ideas/<int:item_number>/vote/", views.vote, name="vote"),
    path("ideas/<int:item_number>/comment/", views.comment, name="comment"),
    path("ideas/<int:item_number>/answer/", views.answer, name="answer"),
    path("ideas/<int:item_number>/screenshots/<int:shot_id>/", views.screenshot, name="screenshot"),
]
