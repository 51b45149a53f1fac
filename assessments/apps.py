from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Readiness and maturity")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "assessments"
