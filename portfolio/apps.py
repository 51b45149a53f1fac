from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Prioritisation and action plan")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "scenarios"
    nav_by_url = {
        "priorities": "priorities",
        "criteria_defaults": "priorities",
        "criterion_create": "priorities",
        "criterion_edit": "priorities",
        "criterion_delete": "priorities",
        "weights": "priorities",
        "pairwise": "priorities",
        "pool_create": "priorities",
        "score": "priorities",
    }
