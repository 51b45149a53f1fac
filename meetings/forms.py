from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin
from governance.forms import DATE, checklist_field
from governance.models import Body, Decision, Outcome
from initiatives.models import Initiative

from .models import AgendaItem, Meeting


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "location"]
        widgets = {"date": DATE}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.for_org(organisation)


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "notes", "initiative"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.for_org(organisation).only(
            "id", "number", "title"
        )


class ItemDecisionForm(forms.ModelForm):
    """The decision an agenda item ends in."""

    done = checklist_field()

    class Meta:
        model = Decision
        fields = ["outcome", "rationale", "conditions", "lessons"]
        widgets = {
            "outcome": forms.RadioSelect,
            "rationale": forms.Textarea(attrs={"rows": 2}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
            "lessons": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"lessons": _("Required when the initiative is stopped.")}

    def __init__(self, *args, item: AgendaItem, points=(), **kwargs):
        super().__init__(*args, prefix=f"item{item.pk}", **kwargs)
        self.item = item
        self.fields["outcome"].choices = list(Outcome.choices)
        if points:
            self.fields["done"].choices = [(p.pk, p.text) for p in points]
            self.order_fields(["done"])
        else:
            del self.fields["done"]
        if item.initiative_id is None:
            del self.fields["lessons"]
            self.fields["outcome"].choices = [
                c for c in Outcome.choices if c[0] != Outcome.STOP.value
            ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.STOP and not (cleaned.get("lessons") or "").strip():
            self.add_error("lessons", _("Write down the lessons learned when stopping."))
        return cleaned


class MinutesForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 6})}
