from django import forms
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.text import NoControlCharactersValidator
from core.widgets import FastSelect, FastSelectMultiple


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Every text field of every form (ours, allauth's, the admin's) refuses control
        # characters, as Django's own CharField refuses NUL. Set once here so no form can
        # forget it; the API's bodies by core.middleware.ApiTextMiddleware.
        forms.CharField.default_validators = [NoControlCharactersValidator()]
        # Every select box is written in one pass (core.widgets), not a template per option.
        forms.ChoiceField.widget = FastSelect
        forms.ModelChoiceField.widget = FastSelect
        forms.MultipleChoiceField.widget = FastSelectMultiple
        forms.ModelMultipleChoiceField.widget = FastSelectMultiple
