from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from governance.forms import DecidedByMixin
from organisations.models import Membership

from .models import CommunicationActivity, PublicPage, Stakeholder


class StepForm(DecidedByMixin, forms.Form):
    """One step of the approval: the body that decided (it must hold the mandate) and why."""

    rationale = forms.CharField(
        label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, organisation, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_decided_by(organisation, kind)
        # Without bodies nothing can be decided: the page says to set them up first.
        self.no_bodies = "body" not in self.fields


class PublishForm(forms.Form):
    intranet = forms.BooleanField(label=_("Publish on the intranet (every member)"), required=False)
    public = forms.BooleanField(label=_("Publish on the public page (no login)"), required=False)


class PublicPageForm(forms.ModelForm):
    class Meta:
        model = PublicPage
        fields = ["show_amounts", "show_people", "accessibility_url"]


class StakeholderForm(forms.ModelForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "influence", "interest", "needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}


class ActivityForm(forms.ModelForm):
    class Meta:
        model = CommunicationActivity
        fields = ["audience", "message", "channel", "date", "owner", "status", "remind_days"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(organisation=organisation).values("user_id")
        owner = self.fields["owner"]
        owner.queryset = owner.queryset.filter(pk__in=members).order_by("name")
