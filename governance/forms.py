from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative

from .models import Body, BodyMember, Decision, Mandate, Outcome
from .services import holders, refusal

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MemberForm(forms.ModelForm):
    class Meta:
        model = BodyMember
        fields = ["user", "role"]

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation_id=body.organisation_id)
            .order_by("name", "email")
        )
        self.fields["user"].label = _("Person")

    def clean_user(self):
        user = self.cleaned_data["user"]
        if BodyMember.objects.filter(body=self.body, user=user).exists():
            raise forms.ValidationError(_("This person already sits in the body."))
        return user


class MandateForm(forms.ModelForm):
    class Meta:
        model = Mandate
        fields = ["kind", "track", "max_amount"]


class DecisionForm(forms.ModelForm):
    """A decision; refused with the name of the body that holds the mandate when this one
    does not."""

    class Meta:
        model = Decision
        fields = [
            "body",
            "kind",
            "initiative",
            "title",
            "outcome",
            "amount",
            "decided_on",
            "rationale",
            "conditions",
        ]
        widgets = {
            "decided_on": DATE,
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.RadioSelect,
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.for_org(organisation)
        self.fields["initiative"].queryset = Initiative.objects.for_org(organisation).only(
            "id", "number", "title"
        )
        self.fields["outcome"].choices = list(Outcome.choices)

    def clean(self):
        cleaned = super().clean()
        body, kind = cleaned.get("body"), cleaned.get("kind")
        if body and kind:
            initiative = cleaned.get("initiative")
            track = initiative.track if initiative else ""
            allowed = holders(self.organisation, kind, track, cleaned.get("amount"))
            if body not in allowed:
                self.add_error("body", refusal(body, kind, allowed))
        if cleaned.get("kind") not in ("approve_strategy", "commit_scenario") and not cleaned.get(
            "initiative"
        ):
            self.add_error("initiative", _("This decision is about an initiative: choose it."))
        return cleaned
