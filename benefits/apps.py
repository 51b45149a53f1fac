from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "benefits"
    verbose_name = _("Benefits realisation")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "benefits"
