"""No form shows a label in English or code on a Danish page: every label of every model
form is a translation (issue 13 found "Focus area" on the measurable-goal form)."""

import importlib

from django import forms
from django.apps import apps
from django.utils.functional import Promise

LOCAL = {
    "accounts",
    "organisations",
    "notifications",
    "strategy",
    "initiatives",
    "governance",
    "finance",
    "benefits",
    "portfolio",
    "reporting",
    "meetings",
    "cycle",
    "core",
}


def _model_forms():
    for app in LOCAL:
        module = importlib.import_module(f"{apps.get_app_config(app).name}.forms")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.ModelForm)
                and value.__module__ == module.__name__
                and getattr(value._meta, "model", None) is not None
            ):
                yield value


def test_every_model_form_label_is_translated():
    found = list(_model_forms())
    assert len(found) > 15
    untranslated = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in found
        for name, field in form.base_fields.items()
        if field.label is not None
        and not isinstance(field.label, Promise)
        and not isinstance(field.widget, forms.HiddenInput)
    ]
    assert untranslated == []
