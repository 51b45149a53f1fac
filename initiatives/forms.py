from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import Choices
from core.versioning import VersionedFormMixin
from organisations.permissions import Perm
from strategy.models import BusinessGoal, FocusArea, Theme

from .graph import find_cycle
from .models import REFERENCE_PREFIX, Initiative, Tag, named, reference
from .tracks import DEFAULT_ENGAGEMENT, DEFAULT_OWNER, FREE_STAGES, Ambition, Source, Stage, Track

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InitiativeForm(VersionedFormMixin, forms.ModelForm):
    """The register form, carrying each track's governance logic (seed 002)."""

    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, e.g. AI, Citizen service."),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "description",
            "track",
            "source",
            "owner_body",
            "initiative_lead",
            "benefit_owner",
            "result_goals",
            "ambition",
            "engagement_clarify",
            "engagement_pilot",
            "engagement_implement",
            "stage",
            "focus_areas",
            "business_goals",
            "depends_on",
            "alternatives",
            "planned_start",
            "planned_end",
            "deadline",
        ]
        widgets = {
            "track": forms.RadioSelect,
            "focus_areas": forms.CheckboxSelectMultiple,
            "business_goals": forms.CheckboxSelectMultiple,
            "depends_on": forms.CheckboxSelectMultiple,
            "alternatives": forms.CheckboxSelectMultiple,
            "planned_start": DATE,
            "planned_end": DATE,
            "deadline": DATE,
            "description": forms.Textarea(attrs={"rows": 5}),
            "result_goals": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _("You can use Markdown."),
            "ambition": _("Required for a mandatory solution: how early we engage (seed 003)."),
            "deadline": _("Required for a mandatory solution."),
            "depends_on": _("Initiatives, often prerequisites, that must be in place first."),
            "result_goals": _("Required for a must-win challenge."),
        }

    def __init__(self, *args, organisation, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.membership = membership
        User = get_user_model()
        members = User.objects.filter(memberships__organisation=organisation).order_by(
            "name", "email"
        )
        self.fields["initiative_lead"].queryset = members
        # The bodies live in governance, a layer above the register: reach them through
        # the field's own model rather than an import.
        self.fields["owner_body"].queryset = self.fields["owner_body"].queryset.filter(
            organisation=organisation
        )
        self.fields["benefit_owner"].queryset = members
        self.fields["focus_areas"].queryset = (
            FocusArea.objects.for_org(organisation)
            .exclude(strategy__status="archived")
            .select_related("strategy")
            .order_by("strategy__period_start", "order", "id")
        )
        self.fields["business_goals"].queryset = (
            BusinessGoal.objects.for_org(organisation)
            .exclude(strategy__status="archived")
            .order_by("order", "id")
        )
        others = Initiative.objects.for_org(organisation).only("id", "number", "title")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.initial.setdefault(
                "tags_text", ", ".join(t.name for t in self.instance.tags.all())
            )
        self.fields["depends_on"].queryset = others.order_by("number")
        self.fields["alternatives"].queryset = others.order_by("number")
        # Both lists offer the same initiatives: read them once (300 in a large portfolio)
        # as plain rows; the fields still validate against their querysets.
        choices = Choices(
            (pk, named(number, title))
            for pk, number, title in others.order_by("number").values_list("pk", "number", "title")
        )
        self.fields["depends_on"].choices = choices
        self.fields["alternatives"].choices = choices
        self.fields["track"].choices = list(Track.choices)
        if not membership.can(Perm.CREATE_INITIATIVE) and not self.instance.pk:
            # A contributor proposes an idea; the office takes it further.
            self.fields["stage"].choices = [(Stage.IDEA.value, Stage.IDEA.label)]

    def clean_stage(self) -> str:
        stage = self.cleaned_data["stage"]
        old = self.instance.stage if self.instance.pk else None
        if old and stage != old and not (old in FREE_STAGES and stage in FREE_STAGES):
            raise forms.ValidationError(
                _(
                    "From clarification on, the stage changes by a body's decision: pass the "
                    "stage gate or stop the initiative from its page."
                )
            )
        return stage

    def clean_ambition(self) -> str:
        ambition = self.cleaned_data["ambition"]
        old = self.instance
        if (
            old.pk
            and old.track == Track.MANDATORY
            and old.ambition
            and ambition != old.ambition
            and old.stage != Stage.IDEA
            and self.fields["owner_body"].queryset.exists()
        ):
            raise forms.ValidationError(
                _(
                    "The ambition level of a mandatory solution is decided by the body with "
                    "the mandate: use “Decide the ambition level” on its page."
                )
            )
        return ambition

    def clean_tags_text(self) -> list[str]:
        raw = self.cleaned_data.get("tags_text") or ""
        names = []
        for part in raw.split(","):
            name = " ".join(part.split())
            if name and name.lower() not in {n.lower() for n in names}:
                if len(name) > 60:
                    raise forms.ValidationError(_("A tag can be at most 60 characters."))
                names.append(name)
        return names

    def clean(self):
        cleaned = super().clean()
        track = cleaned.get("track")
        if track == Track.MUST_WIN and not (cleaned.get("result_goals") or "").strip():
            self.add_error(
                "result_goals",
                _("A must-win challenge must state the results it has to deliver."),
            )
        if track == Track.MANDATORY:
            if not cleaned.get("ambition"):
                self.add_error(
                    "ambition",
                    _("A mandatory solution needs an ambition level (high, medium or low)."),
                )
            if not cleaned.get("deadline"):
                self.add_error("deadline", _("A mandatory solution needs a deadline."))
        ambition = cleaned.get("ambition")
        if ambition:
            defaults = DEFAULT_ENGAGEMENT[ambition]
            for name, default in zip(
                ("engagement_clarify", "engagement_pilot", "engagement_implement"),
                defaults,
                strict=True,
            ):
                if not cleaned.get(name):
                    cleaned[name] = default.value
        if track and not cleaned.get("owner_body"):
            cleaned["owner_body"] = (
                self.fields["owner_body"].queryset.filter(kind=DEFAULT_OWNER[track]).first()
            )
        start, end = cleaned.get("planned_start"), cleaned.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The planned end cannot be before the planned start."))
        dependencies = cleaned.get("depends_on")
        if dependencies and self.instance.pk:
            cycle = self._cycle(dependencies)
            if cycle:
                self.add_error(
                    "depends_on",
                    _("This would make a circle of dependencies: %(path)s.")
                    % {"path": " → ".join(cycle)},
                )
        return cleaned

    def _cycle(self, dependencies) -> list[str] | None:
        through = Initiative.depends_on.through
        edges: dict[int, list[int]] = {}
        rows = through.objects.filter(from_initiative__organisation=self.organisation).values_list(
            "from_initiative_id", "to_initiative_id"
        )
        for src, dst in rows:
            edges.setdefault(src, []).append(dst)
        path = find_cycle(edges, self.instance.pk, [d.pk for d in dependencies])
        if not path:
            return None
        refs = dict(Initiative.objects.filter(pk__in=path).values_list("pk", "number"))
        return [reference(refs[pk]) for pk in path]

    def save_tags(self, initiative: Initiative) -> None:
        names = self.cleaned_data.get("tags_text", [])
        tags = []
        for name in names:
            tag = Tag.objects.filter(organisation=self.organisation, name__iexact=name).first()
            if tag is None:
                tag = Tag.objects.create(organisation=self.organisation, name=name)
            tags.append(tag)
        initiative.tags.set(tags)


class PortfolioFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False)
    ambition = forms.ChoiceField(label=_("Ambition level"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    focus_area = forms.TypedChoiceField(
        label=_("Focus area"), required=False, coerce=int, empty_value=None
    )
    tag = forms.CharField(label=_("Tag"), required=False)
    sort = forms.ChoiceField(required=False)

    SORTS = {
        "number": "number",
        "-number": "-number",
        "title": "title",
        "-title": "-title",
        "track": "track",
        "-track": "-track",
        "stage": "stage",
        "-stage": "-stage",
        "start": "planned_start",
        "-start": "-planned_start",
        "deadline": "deadline",
        "-deadline": "-deadline",
    }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["track"].choices = everything + list(Track.choices)
        self.fields["stage"].choices = everything + list(Stage.choices)
        self.fields["source"].choices = everything + list(Source.choices)
        self.fields["ambition"].choices = everything + list(Ambition.choices)
        self.fields["theme"].choices = everything + [
            (t.pk, t.title)
            for t in Theme.objects.for_org(organisation).exclude(strategy__status="archived")
        ]
        self.fields["focus_area"].choices = everything + [
            (f.pk, f.title)
            for f in FocusArea.objects.for_org(organisation).exclude(strategy__status="archived")
        ]
        self.fields["sort"].choices = [(k, k) for k in self.SORTS]

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data.get("q"):
            q = data["q"]
            condition = Q(title__icontains=q) | Q(description__icontains=q)
            digits = q.upper().removeprefix(REFERENCE_PREFIX)
            if digits.isdigit():
                condition |= Q(number=int(digits))
            qs = qs.filter(condition)
        for name in ("track", "stage", "source", "ambition"):
            if data.get(name):
                qs = qs.filter(**{name: data[name]})
        if data.get("theme"):
            qs = qs.filter(focus_areas__theme_id=data["theme"]).distinct()
        if data.get("focus_area"):
            qs = qs.filter(focus_areas=data["focus_area"]).distinct()
        if data.get("tag"):
            qs = qs.filter(tags__name__iexact=data["tag"]).distinct()
        sort = self.SORTS.get(data.get("sort") or "number", "number")
        return qs.order_by(sort, "number")
