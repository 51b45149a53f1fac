from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.bodies, name="bodies"),
    path("governance/defaults/", views.defaults, name="defaults"),
    path("governance/bodies/new/", views.body_edit, name="body_create"),
    path("governance/bodies/<int:body_id>/", views.body_edit, name="body_edit"),
    path("governance/bodies/<int:body_id>/members/new/", views.member_add, name="member_add"),
    path(
        "governance/bodies/<int:body_id>/members/<int:member_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("governance/bodies/<int:body_id>/mandates/new/", views.mandate_add, name="mandate_add"),
    path(
        "governance/bodies/<int:body_id>/mandates/<int:mandate_id>/remove/",
        views.mandate_remove,
        name="mandate_remove",
    ),
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/export.xlsx", views.decisions_export, name="export"),
    path("decisions/new/", views.decision_create, name="decision_create"),
]
