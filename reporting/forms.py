from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin

from .models import Risk, StatusReport

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StatusReportForm(forms.ModelForm):
    next_due = forms.DateField(
        label=_("Next report due"),
        required=False,
        widget=DATE,
        help_text=_("The initiative lead is reminded before this date."),
    )

    class Meta:
        model = StatusReport
        fields = ["reported_on", "time", "cost", "scope", "benefits", "summary", "next_steps"]
        widgets = {
            "reported_on": DATE,
            "time": forms.RadioSelect,
            "cost": forms.RadioSelect,
            "scope": forms.RadioSelect,
            "benefits": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("time", "cost", "scope", "benefits"):
            # A traffic light is chosen, never pre-set to an empty "---------" choice.
            self.fields[name].choices = self._meta.model._meta.get_field(name).choices

    def clean(self):
        cleaned = super().clean()
        reported, due = cleaned.get("reported_on"), cleaned.get("next_due")
        if reported and due and due <= reported:
            self.add_error("next_due", _("The next report must be due after this one."))
        return cleaned


class RiskForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Risk
        fields = [
            "kind",
            "title",
            "description",
            "probability",
            "consequence",
            "owner",
            "response",
            "status",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 3}),
            "probability": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "consequence": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }
        help_texts = {
            "probability": _("1 is unlikely, 5 almost certain. For an issue that has happened, 5."),
            "consequence": _("1 is negligible, 5 critical."),
            "response": _("What we do about it: avoid, reduce, transfer or accept."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("name", "email")
        )
