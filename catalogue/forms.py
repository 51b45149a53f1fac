from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.tracks import Source, Stage, Track

from .models import AfterReview, Entry, JointSolution, Size


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All"))] + Track.choices
    )
    source = forms.ChoiceField(
        label=_("Source"), required=False, choices=[("", _("All"))] + Source.choices
    )
    joint = forms.ChoiceField(
        label=_("Joint solution"),
        required=False,
        choices=[("", _("All")), ("yes", _("Joint solutions")), ("no", _("Own initiatives"))],
    )
    size = forms.ChoiceField(
        label=_("Size of municipality"), required=False, choices=[("", _("All"))] + Size.choices
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=60)


class ReviewForm(forms.ModelForm):
    """What the publisher reviews and may change before publishing; the rest of the
    profile (figures, benefits) is shown as it will be frozen."""

    class Meta:
        model = Entry
        fields = ["title", "description", "lessons", "contact"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "lessons": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "lessons": _("What others should know: what worked, what you would do otherwise."),
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue entry file (.json)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class JointSolutionForm(forms.ModelForm):
    class Meta:
        model = JointSolution
        fields = ["name", "owner", "source", "deadline", "description"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class AfterReviewForm(forms.ModelForm):
    complete = forms.BooleanField(
        label=_("The review is complete"),
        required=False,
        help_text=_("Completing it freezes the benefits' plan against the result."),
    )

    class Meta:
        model = AfterReview
        fields = ["wellbeing", "satisfaction", "routines", "routines_note", "spread", "lessons"]
        widgets = {
            "routines": forms.RadioSelect,
            "routines_note": forms.Textarea(attrs={"rows": 3}),
            "spread": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 5}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("complete"):
            if not cleaned.get("routines"):
                self.add_error("routines", _("Say whether the new routines hold."))
            if not (cleaned.get("lessons") or "").strip():
                self.add_error("lessons", _("Write down the lessons learned."))
        return cleaned


class LessonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All"))] + Track.choices
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All"))] + Stage.choices
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=60)
