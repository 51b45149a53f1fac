from django.urls import path

from . import views

app_name = "benefits"

urlpatterns = [
    path("benefits/", views.portfolio, name="portfolio"),
    path("benefits/export.xlsx", views.export_register, name="export"),
    path("benefits/measurements/template.xlsx", views.measurement_template, name="template"),
    path("benefits/measurements/upload/", views.measurement_upload, name="upload"),
    path("benefits/harvest/", views.harvest_year, name="harvest"),
    path("benefits/harvest/<int:year>/", views.harvest_year, name="harvest_year"),
    path("benefits/<int:benefit_id>/", views.benefit_detail, name="detail"),
    path("benefits/<int:benefit_id>/edit/", views.benefit_edit, name="edit"),
    path("benefits/<int:benefit_id>/plan/", views.benefit_plan, name="plan"),
    path(
        "benefits/<int:benefit_id>/measurements/<int:measurement_id>/delete/",
        views.measurement_delete,
        name="measurement_delete",
    ),
    path("benefits/<int:benefit_id>/harvest/new/", views.harvest_form, name="harvest_create"),
    path(
        "benefits/<int:benefit_id>/harvest/<int:harvest_id>/",
        views.harvest_form,
        name="harvest_edit",
    ),
    path("initiatives/<int:number>/benefits/", views.initiative_benefits, name="initiative"),
    path("initiatives/<int:number>/benefits/new/", views.benefit_create, name="create"),
    path("initiatives/<int:number>/changes/new/", views.output_create, name="output_create"),
    path(
        "initiatives/<int:number>/changes/<int:output_id>/", views.output_edit, name="output_edit"
    ),
    path("departments/", views.departments, name="departments"),
]
