from django.urls import path

from . import gate_views, meeting_views, views

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
    path("initiatives/<int:number>/gate/request/", meeting_views.gate_request, name="gate_request"),
    path("meetings/", meeting_views.meeting_list, name="meetings"),
    path("meetings/new/", meeting_views.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", meeting_views.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:meeting_id>/cancel/", meeting_views.meeting_cancel, name="meeting_cancel"),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/move/",
        meeting_views.item_move,
        name="item_move",
    ),
    path("meetings/<int:meeting_id>/agenda/", meeting_views.agenda_add, name="agenda_add"),
    path("meetings/<int:meeting_id>/items/new/", meeting_views.item_add, name="item_add"),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/decide/",
        meeting_views.item_decide,
        name="item_decide",
    ),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/remove/",
        meeting_views.item_remove,
        name="item_remove",
    ),
    path("meetings/<int:meeting_id>/publish/", meeting_views.meeting_publish, name="publish"),
    path("meetings/<int:meeting_id>/minutes/", meeting_views.meeting_close, name="close"),
    *[
        path(
            f"meetings/<int:meeting_id>/{doc}.{fmt}",
            meeting_views.meeting_document,
            {"doc": doc, "fmt": fmt},
            name=f"{doc}_{fmt}",
        )
        for doc in ("agenda", "minutes")
        for fmt in ("docx", "pdf")
    ],
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/export.xlsx", views.decisions_export, name="export"),
    path("decisions/new/", views.decision_create, name="decision_create"),
]
