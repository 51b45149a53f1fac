from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DecimalField, ShownNumber, SpreadsheetUploadForm
from core.versioning import VersionedFormMixin, required_version_field
from governance.forms import DecidedByMixin

from .models import BusinessCase, CaseLine, CaseRisk, CostKind, Side, Unit

MAX_AMOUNT = ShownNumber(10**12)


class BusinessCaseForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = BusinessCase
        fields = [
            "variant",
            "first_year",
            "horizon_years",
            "discount_rate",
            "hourly_rate",
            "scenario_0",
            "scenario_1",
            "assumptions",
        ]
        widgets = {
            "scenario_0": forms.Textarea(attrs={"rows": 3}),
            "scenario_1": forms.Textarea(attrs={"rows": 3}),
            "assumptions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, initiative, **kwargs):
        self.initiative = initiative
        super().__init__(*args, **kwargs)
        org = initiative.organisation
        if not self.instance.pk:
            start = initiative.planned_start or datetime.date.today()
            self.initial.setdefault("first_year", start.year)
            self.initial.setdefault("horizon_years", org.horizon_years)
            self.initial.setdefault("discount_rate", org.discount_rate)
        self.fields["variant"].help_text = _(
            "A mandatory solution can have a case per ambition level; otherwise use the main case."
        )

    def clean_variant(self):
        variant = self.cleaned_data["variant"]
        taken = BusinessCase.objects.filter(initiative=self.initiative, variant=variant).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("This initiative already has a case for this variant."))
        return variant

    def clean(self):
        cleaned = super().clean()
        horizon = cleaned.get("horizon_years")
        if self.instance.pk and horizon:
            longest = max((len(ln.amounts) for ln in self.instance.lines.all()), default=0)
            used = [a for ln in self.instance.lines.all() for a in ln.amounts[horizon:] if a]
            if longest > horizon and used:
                self.add_error(
                    "horizon_years",
                    _("Some lines have amounts after year %(year)s. Remove them first.")
                    % {"year": self.instance.first_year + horizon - 1},
                )
        return cleaned


class CaseLineForm(forms.ModelForm):
    """A line with one amount field per year of the case's horizon."""

    case_version = required_version_field()

    class Meta:
        model = CaseLine
        fields = [
            "side",
            "description",
            "cost_kind",
            "cost_source",
            "category",
            "unit",
            "minimum_pct",
            "maximum_pct",
            "pool",
        ]

    def __init__(self, *args, business_case: BusinessCase, **kwargs):
        self.business_case = business_case
        super().__init__(*args, **kwargs)
        # Resource pools belong to the portfolio, a layer above: reach them through the
        # field's own model.
        self.fields["pool"].queryset = self.fields["pool"].queryset.filter(
            organisation_id=business_case.organisation_id
        )
        self.fields["minimum_pct"].help_text = _(
            "The three-point estimate: 100 for both means the amounts are certain."
        )
        self.fields["cost_kind"].help_text = _("Only for costs.")
        self.fields["cost_source"].help_text = _("Only for costs.")
        self.fields["category"].help_text = _("Only for benefits.")
        amounts = list(self.instance.amounts or [])
        for t, year in enumerate(business_case.years):
            name = f"year_{t}"
            self.fields[name] = DecimalField(
                label=_("Year %(year)s") % {"year": year},
                required=False,
                min_value=0,
                max_value=MAX_AMOUNT,
                decimal_places=2,
            )
            if t < len(amounts) and not self.is_bound:
                self.initial[name] = Decimal(str(amounts[t]))
        if not self.is_bound:
            self.initial["case_version"] = business_case.version

    def year_fields(self):
        return [self[f"year_{t}"] for t in range(self.business_case.horizon_years)]

    def clean(self):
        cleaned = super().clean()
        side = cleaned.get("side")
        if side == Side.COST:
            for name in ("cost_kind", "cost_source"):
                if not cleaned.get(name):
                    self.add_error(name, _("A cost line needs this."))
            cleaned["category"] = ""
        elif side == Side.BENEFIT:
            if not cleaned.get("category"):
                self.add_error("category", _("A benefit line needs a category."))
            if cleaned.get("unit") == Unit.HOURS:
                self.add_error("unit", _("Hours are for internal costs; give benefits in money."))
            cleaned["pool"] = None
            cleaned["cost_kind"] = cleaned["cost_source"] = ""
        if cleaned.get("pool") and cleaned.get("unit") != Unit.HOURS:
            self.add_error("pool", _("Only a line in hours can draw on a resource pool."))
        low, high = cleaned.get("minimum_pct"), cleaned.get("maximum_pct")
        if low is not None and low > 100:
            self.add_error(
                "minimum_pct", _("The minimum cannot be above 100 per cent of most likely.")
            )
        if high is not None and high < 100:
            self.add_error(
                "maximum_pct", _("The maximum cannot be below 100 per cent of most likely.")
            )
        values = [cleaned.get(f"year_{t}") for t in range(self.business_case.horizon_years)]
        while values and values[-1] is None:
            values.pop()
        cleaned["amounts"] = [float(v or 0) for v in values]
        return cleaned

    def save(self, commit=True):
        line = super().save(commit=False)
        line.amounts = self.cleaned_data["amounts"]
        line.business_case = self.business_case
        line.organisation_id = self.business_case.organisation_id
        if line.side == Side.COST and not line.cost_kind:
            line.cost_kind = CostKind.RUNNING
        if commit:
            line.save()
        return line


class CaseRiskForm(forms.ModelForm):
    case_version = required_version_field()

    class Meta:
        model = CaseRisk
        fields = ["description", "probability_pct", "consequence", "year", "response"]
        widgets = {"response": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, business_case: BusinessCase, **kwargs):
        self.business_case = business_case
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("year"),
            coerce=int,
            choices=[(y, y) for y in business_case.years],
        )
        if not self.is_bound:
            self.initial["case_version"] = business_case.version
            self.initial.setdefault("year", self.instance.year or business_case.first_year)

    def save(self, commit=True):
        risk = super().save(commit=False)
        risk.business_case = self.business_case
        risk.organisation_id = self.business_case.organisation_id
        if commit:
            risk.save()
        return risk


class ApproveForm(DecidedByMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note for the approval"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the body and meeting that approved it."),
    )


class UploadForm(SpreadsheetUploadForm):
    """The case's lines from the template; the version the upload replaces."""

    case_version = required_version_field()
