from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin

from . import sources
from .models import BusinessGoal, FocusArea, FocusAreaGoal, GoalMeasurement, Strategy, Theme

MARKDOWN_HINT = _("You can use Markdown: **bold**, *italic*, lists with - and links.")


class StrategyForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["title", "period_start", "period_end", "vision", "governance", "it_architecture"]


class StrategyAllForm(StrategyForm):
    """Every text of a strategy, the short version's too (the API)."""

    class Meta(StrategyForm.Meta):
        fields = [*StrategyForm.Meta.fields, "for_employees", "for_leaders", "for_citizens"]


# The strategy page edits one section at a time; each section is a subset of the fields.
SECTION_FIELDS: dict[str, list[str]] = {
    "basics": ["title", "period_start", "period_end"],
    "vision": ["vision"],
    "governance": ["governance"],
    "it": ["it_architecture"],
    "short": ["for_employees", "for_leaders", "for_citizens"],
}
SECTION_TITLES = {
    "basics": _("Title and period"),
    "vision": _("Vision"),
    "governance": _("Governance"),
    "it": _("IT and architecture"),
    "short": _("The short version: what it means for you"),
}


def strategy_section_form(section: str):
    return forms.modelform_factory(Strategy, form=StrategyForm, fields=SECTION_FIELDS[section])


class BusinessGoalForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = BusinessGoal
        fields = ["title", "description", "source", "order"]
        help_texts = {
            "source": _("E.g. the council's vision, a budget agreement, a sector policy.")
        }


class ThemeForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["title", "description", "order"]


class FocusAreaForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["theme", "title", "description", "order"]

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = strategy.themes.all()
        self.fields["theme"].empty_label = None
        if not strategy.themes.exists():
            self.fields["theme"].help_text = _(
                "Add a theme first: every focus area belongs to one."
            )


class FocusAreaGoalForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FocusAreaGoal
        fields = ["focus_area", "indicator", "unit", "baseline", "target", "target_date", "source"]
        widgets = {"target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "indicator": _("What is measured, e.g. share of applications filed digitally.")
        }

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = strategy.focus_areas.all()
        self.fields["focus_area"].empty_label = None
        self.fields["source"] = forms.ChoiceField(
            label=self.fields["source"].label,
            help_text=_("Entered by hand, or computed from Styr's own data."),
            choices=sources.choices(),
            required=False,
        )


# Each kind of strategy part: its model, form, the related name on Strategy, and labels.
PART_KINDS = {
    "business-goals": (BusinessGoal, BusinessGoalForm),
    "themes": (Theme, ThemeForm),
    "focus-areas": (FocusArea, FocusAreaForm),
    "measurable-goals": (FocusAreaGoal, FocusAreaGoalForm),
}


class GoalMeasurementForm(forms.ModelForm):
    """One measurement of a goal; a second one on the same day replaces the first."""

    class Meta:
        model = GoalMeasurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, goal: FocusAreaGoal, **kwargs):
        self.goal = goal
        super().__init__(*args, **kwargs)
        self.initial.setdefault("measured_on", datetime.date.today())

    def clean_measured_on(self):
        day = self.cleaned_data["measured_on"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("A measurement cannot be dated in the future."))
        return day

    def validate_unique(self):
        pass  # the same day is replaced, not refused (services.record_goal_measurements)


class GoalUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
