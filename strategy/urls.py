from django.urls import path

from . import goal_views, views

app_name = "strategy"

urlpatterns = [
    path("strategies/", views.strategy_list, name="list"),
    path("strategies/new/", views.strategy_create, name="create"),
    path("strategies/<int:pk>/", views.strategy_detail, name="detail"),
    path("strategies/<int:pk>/history/", views.history, name="history"),
    path("strategies/<int:pk>/goals/<int:goal_pk>/", goal_views.goal_detail, name="goal"),
    path(
        "strategies/<int:pk>/goals/<int:goal_pk>/measurements/<int:m_pk>/delete/",
        goal_views.measurement_delete,
        name="measurement_delete",
    ),
    path(
        "strategies/<int:pk>/measurements/template.xlsx",
        goal_views.measurement_template,
        name="measurement_template",
    ),
    path(
        "strategies/<int:pk>/measurements/upload/",
        goal_views.measurement_upload,
        name="measurement_upload",
    ),
    path("strategies/<int:pk>/edit/<slug:section>/", views.section_edit, name="section_edit"),
    path("strategies/<int:pk>/<slug:kind>/add/", views.part_edit, name="part_add"),
    path("strategies/<int:pk>/<slug:kind>/<int:part_pk>/edit/", views.part_edit, name="part_edit"),
    path(
        "strategies/<int:pk>/<slug:kind>/<int:part_pk>/delete/",
        views.part_delete,
        name="part_delete",
    ),
]
