"""Respondents' addresses, outside any organisation's: a link is all they need."""

from django.urls import path

from . import answer_views

app_name = "answer"

urlpatterns = [
    path("aaben/<str:token>/", answer_views.open_link, name="open"),
    path("<str:token>/", answer_views.invitation, name="invitation"),
]
