from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("", views.portfolio, name="portfolio"),
    path("initiatives/new/", views.create, name="create"),
    path("initiatives/<int:number>/", views.detail, name="detail"),
    path("initiatives/<int:number>/edit/", views.edit, name="edit"),
    path("tracks/", views.tracks, name="tracks"),
    path("tracks/<slug:track>/", views.track_detail, name="track"),
]
