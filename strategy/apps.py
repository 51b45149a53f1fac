from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "strategy"
