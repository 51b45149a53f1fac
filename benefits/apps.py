from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "benefits"
    verbose_name = _("Benefits realisation")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "benefits"

    def ready(self) -> None:
        # A focus area's goal may be measured by the share of planned benefits realised.
        from strategy import sources  # noqa: PLC0415 - apps are loaded only now

        from . import portfolio  # noqa: PLC0415

        sources.register(
            "benefits_realised",
            _("Benefits realised against plan so far (%), from the benefits"),
            portfolio.realised_against_plan_percent,
        )
