from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = _("Ideas and hassles")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "involvement"

    def ready(self) -> None:
        # A focus area's goal may be measured by the share of hassles answered on time.
        from strategy import sources  # noqa: PLC0415 - apps are loaded only now

        from . import overview  # noqa: PLC0415

        sources.register(
            "hassles_on_time",
            _("Hassles answered on time (%), from ideas and hassles"),
            overview.hassles_on_time_percent,
        )
