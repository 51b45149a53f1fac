from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("status/", views.portfolio, name="portfolio"),
    path("initiatives/<int:number>/status/", views.initiative_status, name="initiative"),
    path("initiatives/<int:number>/status/new/", views.report_create, name="report_create"),
    path("initiatives/<int:number>/risks/new/", views.risk_edit, name="risk_create"),
    path("initiatives/<int:number>/risks/<int:entry_id>/", views.risk_edit, name="risk_edit"),
]
