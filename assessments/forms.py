"""Forms of assessments: frameworks and their dimensions, rounds, respondents, answers."""

from __future__ import annotations

import csv
import io

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import SpreadsheetUploadForm
from core.uploads import UploadError, read_rows, to_text
from core.versioning import VersionedFormMixin
from initiatives.models import Initiative
from organisations.models import Department

from . import library
from .models import Framework, RespondentGroup, Round, Scope
from .scoring import DONT_KNOW
from .services import Respondent, round_departments

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_LINES = 60
MAX_RESPONDENTS = 20000


def lines(text: str, *, max_length: int, what: str) -> list[str]:
    """Non-empty lines of a textarea, each checked for length."""
    out = [line.strip() for line in text.splitlines() if line.strip()]
    if len(out) > MAX_LINES:
        raise ValidationError(_("At most %(n)d lines.") % {"n": MAX_LINES})
    for line in out:
        if len(line) > max_length:
            raise ValidationError(
                _("A %(what)s may be at most %(n)d characters: “%(start)s…”")
                % {"what": what, "n": max_length, "start": line[:40]}
            )
    return out


class InstallForm(forms.Form):
    """A framework from the library, in a language."""

    key = forms.ChoiceField(label=gettext_lazy("Framework"), widget=forms.RadioSelect)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [
            (f.key, f.name.text(language)) for f in library.LIBRARY.values()
        ]
        self.fields["language"].initial = language


class NewFrameworkForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)


class FrameworkForm(forms.ModelForm):
    level_1 = forms.CharField(label=gettext_lazy("Level 1"), max_length=80)
    level_2 = forms.CharField(label=gettext_lazy("Level 2"), max_length=80)
    level_3 = forms.CharField(label=gettext_lazy("Level 3"), max_length=80)
    level_4 = forms.CharField(label=gettext_lazy("Level 4"), max_length=80)
    level_5 = forms.CharField(label=gettext_lazy("Level 5"), max_length=80)
    questions_text = forms.CharField(
        label=gettext_lazy("Free-text questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One question per line, asked at the end."),
    )

    class Meta:
        model = Framework
        fields = ["name", "description", "language", "per_initiative"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i, label in enumerate(self.instance.levels[:5], start=1):
            self.fields[f"level_{i}"].initial = label
        self.fields["questions_text"].initial = "\n".join(
            q.text for q in self.instance.questions.all()
        )

    def clean_questions_text(self) -> list[str]:
        return lines(self.cleaned_data["questions_text"], max_length=300, what=_("question"))

    def save(self, commit=True):
        self.instance.levels = [self.cleaned_data[f"level_{i}"] for i in range(1, 6)]
        return super().save(commit=commit)


class DimensionForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    statements = forms.CharField(
        label=gettext_lazy("Statements"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One statement per line; each is scored 1–5 or “don't know”."),
    )

    def clean_statements(self) -> list[str]:
        out = lines(self.cleaned_data["statements"], max_length=300, what=_("statement"))
        if not out:
            raise ValidationError(_("Write at least one statement."))
        return out


class GroupForm(forms.ModelForm):
    class Meta:
        model = RespondentGroup
        fields = ["name", "leader"]
        help_texts = {
            "leader": gettext_lazy("Leader groups are compared with the others in the results.")
        }

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        groups = RespondentGroup.objects.for_org(self.instance.organisation)
        if groups.filter(name__iexact=name).exists():
            raise ValidationError(_("There is a group of that name already."))
        return name


class RoundForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Round
        fields = [
            "title",
            "framework",
            "introduction",
            "scope",
            "departments",
            "initiative",
            "groups",
            "opens_on",
            "closes_on",
            "threshold",
            "shared",
        ]
        widgets = {
            "scope": forms.RadioSelect,
            "departments": forms.CheckboxSelectMultiple,
            "groups": forms.CheckboxSelectMultiple,
            "opens_on": DATE,
            "closes_on": DATE,
            "introduction": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["framework"].queryset = Framework.objects.for_org(organisation).current()
        self.fields["departments"].queryset = Department.objects.for_org(organisation)
        self.fields["groups"].queryset = RespondentGroup.objects.for_org(organisation)
        self.fields["initiative"].queryset = (
            Initiative.objects.for_org(organisation).active().order_by("number")
        )
        self.fields["departments"].required = False
        if self.instance.pk and self.instance.responses.exists():
            # Answers were given to this framework; another would not match them.
            self.fields["framework"].disabled = True

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The round must close on or after the day it opens."))
        scope = data.get("scope")
        if scope == Scope.DEPARTMENTS and not data.get("departments"):
            self.add_error("departments", _("Choose the departments that are asked."))
        if scope == Scope.INITIATIVE and not data.get("initiative"):
            self.add_error("initiative", _("Choose the initiative the round is about."))
        return data


def _respondent_rows(rows, organisation, round: Round, errors: list[str]) -> list[Respondent]:
    departments = {d.name.casefold(): d for d in round_departments(round)}
    groups = {g.name.casefold(): g for g in round.groups.all()}
    out = []
    for number, row in rows:
        cells = [str(c or "").strip() for c in row] + ["", "", "", ""]
        name, email, department, group = cells[:4]
        if not any((name, email, department, group)):
            continue
        problems = []
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("“%(value)s” is not an e-mail address") % {"value": email[:80]})
        if department.casefold() not in departments:
            problems.append(
                _("the department “%(value)s” is not asked in this round")
                % {"value": department[:80]}
            )
        if group.casefold() not in groups:
            problems.append(
                _("the group “%(value)s” is not asked in this round") % {"value": group[:80]}
            )
        if len(name) > 200:
            problems.append(_("the name is longer than 200 characters"))
        if problems:
            errors.append(
                _("Line %(n)d: %(problems)s.") % {"n": number, "problems": "; ".join(problems)}
            )
            continue
        out.append(
            Respondent(name, email, departments[department.casefold()], groups[group.casefold()])
        )
    return out


class RespondentsForm(SpreadsheetUploadForm):
    """A list pasted (name; e-mail; department; group per line, or from a spreadsheet) or
    uploaded as .xlsx with the same four columns. All lines are right, or nothing is added."""

    pasted = forms.CharField(
        label=gettext_lazy("Paste the list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "One person per line: name, e-mail, department, group — separated by "
            "semicolons or tabs (as copied from a spreadsheet)."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("Or upload a spreadsheet (.xlsx)"),
        required=False,
        help_text=gettext_lazy(
            "Columns: name, e-mail, department, group; a heading row is skipped."
        ),
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round

    def clean_file(self):
        return super().clean_file() if self.cleaned_data.get("file") else None

    def clean(self):
        data = super().clean()
        pasted, upload = data.get("pasted") or "", data.get("file")
        if not pasted.strip() and not upload:
            raise ValidationError(_("Paste a list or choose a file."))
        errors: list[str] = []
        if upload:
            rows = []
            try:
                for n, values in read_rows(upload.read(), max_col=4):
                    try:
                        rows.append((n, tuple(to_text(v) for v in values)))
                    except ValueError as problem:
                        errors.append(
                            _("Line %(n)d: %(problems)s.") % {"n": n, "problems": problem}
                        )
            except UploadError as error:
                raise ValidationError(error.message) from error
            if rows and "@" not in rows[0][1][1]:
                rows = rows[1:]  # a heading row
        else:
            text = pasted.replace("\t", ";")
            rows = list(enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1))
            if len(rows) > MAX_RESPONDENTS:
                raise ValidationError(_("At most %(n)d people at a time.") % {"n": MAX_RESPONDENTS})
        people = _respondent_rows(rows, self.round.organisation, self.round, errors)
        if errors:
            raise ValidationError(errors[:20] + ([_("… and more.")] if len(errors) > 20 else []))
        if not people:
            raise ValidationError(_("The list holds no one."))
        data["people"] = people
        return data


class StartForm(forms.Form):
    """Who a member or open-link respondent answers as."""

    department = forms.ModelChoiceField(label=gettext_lazy("Your department"), queryset=None)
    group = forms.ModelChoiceField(
        label=gettext_lazy("You answer as"), queryset=None, widget=forms.RadioSelect
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = round_departments(round)
        self.fields["group"].queryset = round.groups.all()


class AnswerPage(forms.Form):
    """One dimension's statements: a level 1–5 or "don't know" each (none required, so a
    respondent may skip one)."""

    def __init__(self, *args, statements, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(i), label) for i, label in enumerate(levels, start=1)]
        choices.append((str(DONT_KNOW), _("Don't know")))
        for s in statements:
            self.fields[f"s{s.pk}"] = forms.ChoiceField(
                label=s.text, choices=choices, required=False, widget=forms.RadioSelect
            )


class TextPage(forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for q in questions:
            self.fields[f"q{q.pk}"] = forms.CharField(
                label=q.text,
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "Shown only where enough people answered that no one can be recognised."
                ),
            )


class FindingForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the initiative"), max_length=200)
    finding = forms.CharField(
        label=gettext_lazy("Background: the finding"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
