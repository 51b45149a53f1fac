from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from governance.models import Body

from .models import CycleEvent, EventKind


class CycleEventForm(forms.ModelForm):
    class Meta:
        model = CycleEvent
        fields = ["title", "kind", "body", "month", "day", "repeat", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.for_org(organisation)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == EventKind.MEETING and not cleaned.get("body"):
            self.add_error("body", _("A meeting needs the body that meets."))
        return cleaned
