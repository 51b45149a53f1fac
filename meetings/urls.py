from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("initiatives/<int:number>/gate/request/", views.gate_request, name="gate_request"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:meeting_id>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/move/",
        views.item_move,
        name="item_move",
    ),
    path("meetings/<int:meeting_id>/agenda/", views.agenda_add, name="agenda_add"),
    path("meetings/<int:meeting_id>/items/new/", views.item_add, name="item_add"),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/decide/",
        views.item_decide,
        name="item_decide",
    ),
    path(
        "meetings/<int:meeting_id>/items/<int:item_id>/remove/",
        views.item_remove,
        name="item_remove",
    ),
    path("meetings/<int:meeting_id>/publish/", views.meeting_publish, name="publish"),
    path("meetings/<int:meeting_id>/minutes/", views.meeting_close, name="close"),
    *[
        path(
            f"meetings/<int:meeting_id>/{doc}.{fmt}",
            views.meeting_document,
            {"doc": doc, "fmt": fmt},
            name=f"{doc}_{fmt}",
        )
        for doc in ("agenda", "minutes")
        for fmt in ("docx", "pdf")
    ],
]
