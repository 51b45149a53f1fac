from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("business-cases/", views.case_list, name="list"),
    path("initiatives/<int:number>/business-cases/new/", views.case_create, name="create"),
    path("business-cases/<int:case_id>/", views.case_detail, name="detail"),
    path("business-cases/<int:case_id>/edit/", views.case_edit, name="edit"),
    path("business-cases/<int:case_id>/lines/new/", views.line_create, name="line_create"),
    path("business-cases/<int:case_id>/lines/<int:line_id>/", views.line_edit, name="line_edit"),
    path(
        "business-cases/<int:case_id>/lines/<int:line_id>/delete/",
        views.line_delete,
        name="line_delete",
    ),
    path("business-cases/<int:case_id>/risks/new/", views.risk_create, name="risk_create"),
    path("business-cases/<int:case_id>/risks/<int:risk_id>/", views.risk_edit, name="risk_edit"),
    path(
        "business-cases/<int:case_id>/risks/<int:risk_id>/delete/",
        views.risk_delete,
        name="risk_delete",
    ),
    path("business-cases/<int:case_id>/approve/", views.approve, name="approve"),
    path(
        "business-cases/<int:case_id>/approvals/<int:approval_id>/",
        views.approval_detail,
        name="approval",
    ),
    path("business-cases/<int:case_id>/export.xlsx", views.export, name="export"),
    path("business-cases/<int:case_id>/template.xlsx", views.template, name="template"),
    path("business-cases/<int:case_id>/upload/", views.upload, name="upload"),
]
