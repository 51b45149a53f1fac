from django.urls import path

from . import public_views

app_name = "public"

urlpatterns = [
    path("<slug:org_slug>/", public_views.public_page, name="page"),
    path(
        "<slug:org_slug>/<slug:document>.<slug:fmt>", public_views.public_document, name="document"
    ),
]
