from __future__ import annotations

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DecimalField, ShownNumber
from core.versioning import VersionedFormMixin
from governance.forms import DecidedByMixin
from strategy.models import Strategy

from . import ahp
from .models import (
    Budget,
    Criterion,
    EntryDecision,
    LimitKind,
    ResourcePool,
    Scenario,
)

MAX_LIMIT = ShownNumber(10**12)


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = [
            "name",
            "description",
            "weight",
            "level_1",
            "level_2",
            "level_3",
            "level_4",
            "level_5",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class WeightsForm(forms.Form):
    """Every criterion's weight at once: the direct way to set weights."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"w_{c.pk}"] = DecimalField(
                label=c.name,
                min_value=0,
                max_value=1000,
                decimal_places=2,
                initial=c.weight,
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(f"w_{c.pk}") for c in self.criteria):
            raise forms.ValidationError(_("At least one criterion must have a weight above 0."))
        return cleaned


SAATY_CHOICES = [
    ("9", _("%(a)s is extremely more important")),
    ("7", _("%(a)s is very strongly more important")),
    ("5", _("%(a)s is strongly more important")),
    ("3", _("%(a)s is moderately more important")),
    ("1", _("Equally important")),
    ("1/3", _("%(b)s is moderately more important")),
    ("1/5", _("%(b)s is strongly more important")),
    ("1/7", _("%(b)s is very strongly more important")),
    ("1/9", _("%(b)s is extremely more important")),
]
SAATY_VALUES = {
    "9": 9.0,
    "7": 7.0,
    "5": 5.0,
    "3": 3.0,
    "1": 1.0,
    "1/3": 1 / 3,
    "1/5": 1 / 5,
    "1/7": 1 / 7,
    "1/9": 1 / 9,
}


def saaty_key(value: float) -> str:
    return min(SAATY_VALUES, key=lambda k: abs(SAATY_VALUES[k] - value))


class PairwiseForm(forms.Form):
    """AHP: one judgement per pair of criteria on Saaty's scale."""

    def __init__(self, *args, criteria, judgements: dict[tuple[int, int], float], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.pairs = []
        for i, a in enumerate(self.criteria):
            for b in self.criteria[i + 1 :]:
                name = f"p_{a.pk}_{b.pk}"
                choices = [
                    (k, str(label) % {"a": a.name, "b": b.name}) for k, label in SAATY_CHOICES
                ]
                self.fields[name] = forms.ChoiceField(
                    label=_("%(a)s compared with %(b)s") % {"a": a.name, "b": b.name},
                    choices=choices,
                    initial=saaty_key(judgements.get((a.pk, b.pk), 1.0)),
                )
                self.pairs.append((a, b, name))

    def judgements(self) -> dict[tuple[int, int], float]:
        return {(a.pk, b.pk): SAATY_VALUES[self.cleaned_data[name]] for a, b, name in self.pairs}

    def result(self) -> ahp.Result:
        return ahp.weigh_keyed([c.pk for c in self.criteria], self.judgements())


class ScoreForm(forms.Form):
    """One person's scores of one initiative, 1–5 per criterion, each level described."""

    def __init__(self, *args, criteria, mine: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            choices = [("", _("Not scored"))] + [
                (str(k), f"{k}{' – ' + text if text else ''}") for k, text in c.levels
            ]
            self.fields[f"c_{c.pk}"] = forms.ChoiceField(
                label=c.name,
                choices=choices,
                required=False,
                help_text=c.description,
                initial=str(mine[c.pk]) if c.pk in mine else "",
                widget=forms.RadioSelect,
            )

    def values(self) -> dict[int, int | None]:
        return {
            c.pk: int(self.cleaned_data[f"c_{c.pk}"]) if self.cleaned_data[f"c_{c.pk}"] else None
            for c in self.criteria
        }


class ScenarioForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Scenario
        fields = [
            "name",
            "strategy",
            "first_year",
            "periods",
            "objective",
            "score_share",
            "time_limit",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3}), "objective": forms.RadioSelect}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = Strategy.objects.for_org(organisation).exclude(
            status="archived"
        )
        self.fields["score_share"].help_text = _(
            "Only for a blend: 100 counts the score alone, 0 the net present value alone."
        )
        self.fields["time_limit"].help_text = _(
            "The solver returns the best plan found so far when the time is up, with how far "
            "from the proven best it can be at most."
        )


class LimitsForm(forms.Form):
    """The limit per year of each budget line and resource pool; empty means no limit."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, scenario: Scenario, pools, **kwargs):
        super().__init__(*args, **kwargs)
        self.scenario = scenario
        current = {
            (limit.kind, limit.budget or limit.pool_id): limit.amounts
            for limit in scenario.limits.all()
        }
        self.rows = []
        keys = [(LimitKind.BUDGET, b.value, b.label, None) for b in Budget]
        keys += [(LimitKind.CAPACITY, p.pk, p.name, p) for p in pools]
        for kind, key, label, pool in keys:
            names = []
            amounts = current.get((kind, key), [])
            for t, year in enumerate(scenario.years):
                name = f"{kind}_{key}_{t}"
                self.fields[name] = DecimalField(
                    label=f"{label} {year}",
                    required=False,
                    min_value=0,
                    max_value=MAX_LIMIT,
                    decimal_places=2,
                    initial=amounts[t] if t < len(amounts) else None,
                )
                names.append(name)
            self.rows.append((kind, key, label, pool, names))
        if not self.is_bound:
            self.initial["version"] = scenario.version

    def row_fields(self):
        return [(label, kind, [self[n] for n in names]) for kind, _k, label, _p, names in self.rows]

    def limits(self):
        """(kind, budget, pool, amounts) for every row with at least one limit."""
        out = []
        for kind, key, _label, pool, names in self.rows:
            amounts = [
                None if self.cleaned_data.get(n) is None else float(self.cleaned_data[n])
                for n in names
            ]
            if any(a is not None for a in amounts):
                out.append((kind, key if kind == LimitKind.BUDGET else "", pool, amounts))
        return out


class PoolForm(forms.ModelForm):
    class Meta:
        model = ResourcePool
        fields = ["name"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if ResourcePool.objects.for_org(self.organisation).filter(name__iexact=name).exists():
            raise forms.ValidationError(_("There is already a resource pool with this name."))
        return name


def _copy(field: forms.Field, *, label: str, initial) -> forms.Field:
    """A shallow copy of `field` with its own label and initial value."""
    twin = copy.copy(field)
    twin.label, twin.initial = label, initial
    return twin


class EntriesForm(forms.Form):
    """Per initiative: forced in or out, and the window of years it may start in."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, scenario: Scenario, initiatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.scenario = scenario
        self.initiatives = list(initiatives)
        entries = {e.initiative_id: e for e in scenario.entries.all()}
        # Choices and label patterns translated once, not three times per row (300 rows).
        years = [("", str(_("Default")))] + [(str(y), str(y)) for y in scenario.years]
        decisions = [(value, str(label)) for value, label in EntryDecision.choices]
        decision_label, earliest_label, latest_label = (
            str(_("Decision for %(initiative)s")),
            str(_("Earliest start for %(initiative)s")),
            str(_("Latest start for %(initiative)s")),
        )
        # One field of each kind, copied per row: building 300 fields normalised their
        # choices and made a widget 300 times over. The copies share the widget, which
        # rendering and cleaning only read.
        decision_field = forms.ChoiceField(choices=decisions)
        year_field = forms.TypedChoiceField(
            choices=years, required=False, coerce=int, empty_value=None
        )
        self.rows = []
        for ini in self.initiatives:
            entry = entries.get(ini.pk)
            d, e, lt = f"d_{ini.pk}", f"e_{ini.pk}", f"l_{ini.pk}"
            self.fields[d] = _copy(
                decision_field,
                label=decision_label % {"initiative": ini.reference},
                initial=entry.decision if entry else EntryDecision.AUTO,
            )
            self.fields[e] = _copy(
                year_field,
                label=earliest_label % {"initiative": ini.reference},
                initial=str(entry.earliest_year) if entry and entry.earliest_year else "",
            )
            self.fields[lt] = _copy(
                year_field,
                label=latest_label % {"initiative": ini.reference},
                initial=str(entry.latest_year) if entry and entry.latest_year else "",
            )
            self.rows.append((ini, d, e, lt))
        if not self.is_bound:
            self.initial["version"] = scenario.version

    def bound_rows(self):
        """Per initiative its three select boxes, rendered here rather than as 900 bound
        fields through the template (the page of a 300-initiative portfolio took ~80 ms)."""
        return [
            (ini, self._select(d), self._select(e), self._select(lt)) for ini, d, e, lt in self.rows
        ]

    def _select(self, name: str) -> dict:
        field, key = self.fields[name], self.add_prefix(name)
        if self.is_bound:
            value = field.widget.value_from_datadict(self.data, self.files, key)
        else:
            value = self.get_initial_for_field(field, name)
        attrs = {"id": f"id_{key}"}
        if field.required:
            attrs["required"] = True
        errors = self.errors.get(name) if self.is_bound else None
        if errors:
            attrs["aria-invalid"] = "true"
        return {
            "id": attrs["id"],
            "label": field.label,
            "html": field.widget.render(key, value, attrs),
            "errors": errors,
        }

    def clean(self):
        cleaned = super().clean()
        for ini, _d, e, lt in self.rows:
            first, last = cleaned.get(e), cleaned.get(lt)
            if first and last and last < first:
                self.add_error(
                    lt,
                    _("%(initiative)s: the latest start is before the earliest.")
                    % {"initiative": ini.reference},
                )
        return cleaned

    def entries(self):
        return [
            (ini, self.cleaned_data[d], self.cleaned_data.get(e), self.cleaned_data.get(lt))
            for ini, d, e, lt in self.rows
        ]


class FrontierForm(forms.Form):
    budget = forms.ChoiceField(label=_("Budget or pool to vary"))
    points = forms.IntegerField(label=_("Number of levels"), min_value=3, max_value=40, initial=10)

    def __init__(self, *args, names: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"].choices = names


class CommitForm(DecidedByMixin, forms.Form):
    """Commit a solved scenario as the action plan, by the body with the mandate."""

    version = forms.IntegerField(widget=forms.HiddenInput)
