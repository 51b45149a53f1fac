from django.urls import path

from . import gate_views, views

app_name = "governance"

urlpatterns = [
    path("governance/", views.bodies, name="bodies"),
    path("governance/defaults/", views.defaults, name="defaults"),
    path("governance/bodies/new/", views.body_edit, name="body_create"),
    path("governance/bodies/<int:body_id>/", views.body_edit, name="body_edit"),
    path("governance/bodies/<int:body_id>/remove/", views.body_remove, name="body_remove"),
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
    path("governance/checklists/", gate_views.checklists, name="checklists"),
    path(
        "governance/checklists/defaults/",
        gate_views.checklist_defaults,
        name="checklist_defaults",
    ),
    path("governance/checklists/new/", gate_views.checklist_edit, name="checklist_add"),
    path("governance/checklists/<int:point_id>/", gate_views.checklist_edit, name="checklist_edit"),
    path(
        "governance/checklists/<int:point_id>/remove/",
        gate_views.checklist_remove,
        name="checklist_remove",
    ),
    path("initiatives/<int:number>/gate/", gate_views.gate, name="gate"),
    path("initiatives/<int:number>/stop/", gate_views.stop, name="stop"),
    path("initiatives/<int:number>/ambition/", gate_views.ambition, name="ambition"),
    path("strategies/<int:pk>/status/", views.strategy_status, name="strategy_status"),
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/export.xlsx", views.decisions_export, name="export"),
    path("decisions/new/", views.decision_create, name="decision_create"),
]
