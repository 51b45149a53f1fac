from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = _("Business cases")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "cases"
