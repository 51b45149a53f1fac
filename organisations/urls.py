from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("members/", views.members, name="members"),
    path("members/<int:membership_id>/role/", views.member_role, name="member_role"),
    path("members/<int:membership_id>/remove/", views.member_remove, name="member_remove"),
    path("settings/", views.settings_view, name="settings"),
]
