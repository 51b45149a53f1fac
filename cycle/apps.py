from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    name = "cycle"
    verbose_name = _("Yearly cycle")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "meetings"
