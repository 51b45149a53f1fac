from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Status and risks")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "status"
