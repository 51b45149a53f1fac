from django.urls import path

from . import communication_views as c
from . import views

app_name = "publication"

urlpatterns = [
    path("strategies/<int:pk>/versions/", views.versions, name="versions"),
    path("strategies/<int:pk>/versions/recommend/", views.recommend, name="recommend"),
    path(
        "strategies/<int:pk>/versions/<int:version_number>/", views.version_detail, name="version"
    ),
    path(
        "strategies/<int:pk>/versions/<int:version_number>/approve/", views.approve, name="approve"
    ),
    path(
        "strategies/<int:pk>/versions/<int:version_number>/withdraw/",
        views.withdraw,
        name="withdraw",
    ),
    path(
        "strategies/<int:pk>/versions/<int:version_number>/publish/", views.publish, name="publish"
    ),
    path(
        "strategies/<int:pk>/versions/<int:version_number>/<slug:document>.<slug:fmt>",
        views.document,
        name="version_document",
    ),
    path("strategies/<int:pk>/compare/", views.compare_versions, name="compare"),
    path(
        "strategies/<int:pk>/document/<slug:document>.<slug:fmt>", views.document, name="document"
    ),
    path("strategies/<int:pk>/communication/", c.communication, name="communication"),
    path(
        "strategies/<int:pk>/communication/stakeholders/add/",
        c.stakeholder_edit,
        name="stakeholder_add",
    ),
    path("strategies/<int:pk>/communication/activities/add/", c.activity_edit, name="activity_add"),
    path(
        "initiatives/<int:number>/communication/",
        c.initiative_communication,
        name="initiative_communication",
    ),
    path(
        "initiatives/<int:number>/communication/stakeholders/add/",
        c.stakeholder_edit,
        name="initiative_stakeholder_add",
    ),
    path(
        "initiatives/<int:number>/communication/activities/add/",
        c.activity_edit,
        name="initiative_activity_add",
    ),
    path(
        "communication/stakeholders/<int:stakeholder_pk>/",
        c.stakeholder_edit,
        name="stakeholder_edit",
    ),
    path("communication/activities/<int:activity_pk>/", c.activity_edit, name="activity_edit"),
    path("communication/<slug:what>/<int:row_pk>/remove/", c.remove, name="remove"),
    path("published/", views.published, name="published"),
    path("publication/", views.public_settings, name="settings"),
]
