from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts_views
from cycle.urls import feed_patterns
from organisations import urls as organisation_urls
from organisations import views as organisation_views

from .api import api

org_patterns = [
    path("", include("initiatives.urls")),
    path("", include("strategy.urls")),
    path("", include("finance.urls")),
    path("", include("benefits.urls")),
    path("", include("portfolio.urls")),
    path("", include("governance.urls")),
    path("", include("reporting.urls")),
    path("", include("meetings.urls")),
    path("", include("assessments.urls")),
    path("", include("involvement.urls")),
    path("", include("cycle.urls")),
    path("", include("publication.urls")),
    path("", include("catalogue.urls")),
    path("", include("notifications.urls")),
    path("", include(organisation_urls)),
]

urlpatterns = [
    path("", include("core.urls")),
    path("admin/", admin.site.urls),
    path("svar/", include("assessments.answer_urls")),
    path("public/", include("publication.public_urls")),
    path("accounts/login/", accounts_views.login, name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("api/v1/", api.urls),
    *feed_patterns,
    path("permissions/", organisation_views.permissions_view, name="permissions"),
    path("organisations/new/", organisation_views.create, name="organisation_create"),
    path("<slug:org_slug>/", include(org_patterns)),
]
