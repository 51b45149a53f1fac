from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "portfolio"
    nav_by_url = {
        "tracks": "tracks",
        "track": "tracks",
    }

    def ready(self) -> None:
        # A focus area's goal may be measured by the joint-public share of the portfolio.
        from strategy import sources  # noqa: PLC0415 - apps are loaded only now

        from .models import Initiative  # noqa: PLC0415

        sources.register(
            "joint_public_share",
            _("Joint-public share of the active portfolio (%), from the initiatives"),
            lambda org: Initiative.objects.for_org(org).joint_public_share(),
        )
