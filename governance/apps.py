from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "governance"
    nav_by_url = {
        "gate": "portfolio",
        "stop": "portfolio",
        "ambition": "portfolio",
        "strategy_status": "strategy",
    }
