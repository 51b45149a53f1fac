from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="set_language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("healthz/", views.healthz, name="healthz"),
]
