from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DecimalField
from core.versioning import VersionedFormMixin
from finance.models import BenefitCategory
from organisations.models import Department
from organisations.permissions import Role
from strategy.models import BusinessGoal, FocusArea

from .models import Benefit, Direction, Harvest, Measurement, Output

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OutputForm(forms.ModelForm):
    class Meta:
        model = Output
        fields = ["title", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class BenefitForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Benefit
        fields = [
            "title",
            "description",
            "category",
            "owner",
            "department",
            "outputs",
            "focus_areas",
            "business_goals",
            "indicator",
            "unit",
            "direction",
            "may_be_negative",
            "baseline_value",
            "baseline_date",
            "target_pessimistic",
            "target_likely",
            "target_optimistic",
            "target_date",
            "frequency",
            "data_source",
            "annual_value",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "outputs": forms.CheckboxSelectMultiple,
            "focus_areas": forms.CheckboxSelectMultiple,
            "business_goals": forms.CheckboxSelectMultiple,
            "baseline_date": DATE,
            "target_date": DATE,
        }

    def __init__(self, *args, initiative, **kwargs):
        self.initiative = initiative
        super().__init__(*args, **kwargs)
        org = initiative.organisation
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=org, memberships__role=Role.BENEFIT_OWNER)
            .order_by("name", "email")
        )
        self.fields["owner"].help_text = _("A member with the benefit-owner role.")
        self.fields["department"].queryset = Department.objects.for_org(org)
        self.fields["outputs"].queryset = Output.objects.filter(initiative=initiative)
        self.fields["focus_areas"].queryset = FocusArea.objects.for_org(org).select_related("theme")
        self.fields["business_goals"].queryset = BusinessGoal.objects.for_org(org)
        if not self.instance.pk:
            self.initial.setdefault("focus_areas", list(initiative.focus_areas.all()))
            self.initial.setdefault("business_goals", list(initiative.business_goals.all()))

    def clean(self):
        cleaned = super().clean()
        pess, likely, opt = (
            cleaned.get("target_pessimistic"),
            cleaned.get("target_likely"),
            cleaned.get("target_optimistic"),
        )
        if None not in (pess, likely, opt):
            ordered = pess <= likely <= opt
            if cleaned.get("direction") == Direction.DECREASE:
                ordered = pess >= likely >= opt
            if not ordered:
                self.add_error(
                    "target_likely",
                    _("The likely target must lie between the pessimistic and the optimistic."),
                )
        start, end = cleaned.get("baseline_date"), cleaned.get("target_date")
        if start and end and end <= start:
            self.add_error("target_date", _("The target date must be after the baseline date."))
        return cleaned


class PlanForm(forms.Form):
    """One planned value per period, from the baseline date to the target date."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, benefit: Benefit, **kwargs):
        self.benefit = benefit
        super().__init__(*args, **kwargs)
        stored = {p.period: p.value for p in benefit.plan.all()}
        linear = dict(benefit.linear_plan())
        self.periods = benefit.plan_periods()
        for i, period in enumerate(self.periods):
            name = f"p_{i}"
            self.fields[name] = DecimalField(
                label=period_label(period, benefit.frequency),
                max_digits=16,
                decimal_places=2,
            )
            value = stored.get(period, linear.get(period))
            if value is not None:
                self.initial[name] = Decimal(str(round(value, 2)))
        self.initial.setdefault("version", benefit.version)

    def plan(self) -> list[tuple[datetime.date, Decimal]]:
        return [(p, self.cleaned_data[f"p_{i}"]) for i, p in enumerate(self.periods)]


def period_label(period: datetime.date, months: int) -> str:
    if months == 12:
        return str(period.year)
    if months == 3:
        return f"{period.year} K{(period.month - 1) // 3 + 1}"
    if months == 6:
        return f"{period.year} H{(period.month - 1) // 6 + 1}"
    return f"{period:%Y-%m}"


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DATE}

    def __init__(self, *args, benefit: Benefit, **kwargs):
        self.benefit = benefit
        super().__init__(*args, **kwargs)
        self.initial.setdefault("measured_on", datetime.date.today())

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0 and not self.benefit.may_be_negative:
            raise forms.ValidationError(
                _(
                    "%(indicator)s cannot be negative. Check the value, or say on the benefit "
                    "that the indicator may be negative."
                )
                % {"indicator": self.benefit.indicator or _("The indicator")}
            )
        return value

    def clean_measured_on(self):
        day = self.cleaned_data["measured_on"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("A measurement cannot be dated in the future."))
        return day


class HarvestForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Harvest
        fields = ["department", "budget_year", "amount", "status", "note"]

    def __init__(self, *args, benefit: Benefit, **kwargs):
        self.benefit = benefit
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.for_org(benefit.organisation)
        if not self.instance.pk:
            self.initial.setdefault("department", benefit.department_id)
            self.initial.setdefault("budget_year", datetime.date.today().year + 1)

    def clean(self):
        cleaned = super().clean()
        if self.benefit.category != BenefitCategory.BUDGET:
            raise forms.ValidationError(
                _("Only a budget-releasing benefit can be harvested in the budget.")
            )
        return cleaned


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name"]

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if (
            Department.objects.for_org(self.organisation)
            .filter(name__iexact=name)
            .exclude(pk=self.instance.pk)
        ):
            raise forms.ValidationError(_("There is already a department with this name."))
        return name
