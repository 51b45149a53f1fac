from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "publication"
    verbose_name = _("The strategy published")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "strategy"

    def ready(self) -> None:
        # Communication activities are dated work: the yearly cycle and the calendar feeds
        # (a lower app) show them through cycle.calendar's registry.
        from cycle import calendar  # noqa: PLC0415 - apps are loaded only now

        from . import activities  # noqa: PLC0415

        calendar.register(activities.dated_entries)
