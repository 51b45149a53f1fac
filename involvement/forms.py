"""Forms of ideas and hassles: submitting, commenting, answering, campaigns, change agents."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.versioning import VersionedFormMixin
from governance.models import Body
from initiatives.tracks import Track
from organisations.models import Department

from .models import Campaign, Comment, Item, Kind, Resolution

MAX_SCREENSHOTS = 3
MAX_IMAGE_BYTES = 2_000_000
# The first bytes of the image formats a browser shows: nothing else is stored.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def image_type(upload) -> str | None:
    """The image's type from its first bytes (not its name or the browser's word)."""
    head = upload.read(16)
    upload.seek(0)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    for signature, content_type in SIGNATURES.items():
        if head.startswith(signature):
            return content_type
    return None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ItemForm(forms.ModelForm):
    screenshots = MultipleFileField(
        label=gettext_lazy("Screenshots"),
        required=False,
        help_text=gettext_lazy("Up to three images (PNG, JPEG, GIF or WebP), 2 MB each."),
    )

    class Meta:
        model = Item
        fields = [
            "kind",
            "title",
            "description",
            "benefits_whom",
            "system",
            "minutes",
            "times",
            "per",
            "people",
            "department",
            "campaign",
            "anonymous",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.for_org(organisation)
        self.fields["campaign"].queryset = Campaign.objects.for_org(organisation)
        self.fields["kind"].choices = Kind.choices
        for name in ("minutes", "times", "people"):
            self.fields[name].required = False

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Write what it is about."))
        return title

    def clean_screenshots(self):
        files = self.cleaned_data.get("screenshots") or []
        if len(files) > MAX_SCREENSHOTS:
            raise ValidationError(_("At most three screenshots."))
        out = []
        for upload in files:
            if upload.size > MAX_IMAGE_BYTES:
                raise ValidationError(
                    _("“%(name)s” is larger than 2 MB.") % {"name": upload.name[:60]}
                )
            content_type = image_type(upload)
            if content_type is None:
                raise ValidationError(
                    _("“%(name)s” is not an image (PNG, JPEG, GIF or WebP).")
                    % {"name": upload.name[:60]}
                )
            out.append((upload, content_type))
        return out

    def clean(self):
        data = super().clean()
        for name, default in (("minutes", 0), ("times", 0), ("people", 1)):
            if data.get(name) in (None, ""):
                data[name] = default
        if data.get("kind") == Kind.HASSLE and not data.get("minutes"):
            self.add_error("minutes", _("Say how many minutes the hassle costs each time."))
        if data.get("kind") == Kind.HASSLE and not data.get("times"):
            self.add_error("times", _("Say how often it happens."))
        return data


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write a comment."))
        return text


class AnswerForm(VersionedFormMixin, forms.Form):
    resolution = forms.ChoiceField(
        label=gettext_lazy("Resolution"), choices=Resolution.choices, widget=forms.RadioSelect
    )
    answer = forms.CharField(
        label=gettext_lazy("Answer to the submitter"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    into = forms.IntegerField(
        label=gettext_lazy("Merge into number"),
        required=False,
        help_text=gettext_lazy("For “merged”: the number of the item it duplicates."),
    )
    body = forms.ModelChoiceField(
        label=gettext_lazy("Body"),
        queryset=Body.objects.none(),
        required=False,
        help_text=gettext_lazy("For “taken to a body”: it waits for the body's next agenda."),
    )
    track = forms.ChoiceField(
        label=gettext_lazy("Track of the initiative"),
        choices=[("", "—"), *Track.choices],
        required=False,
        help_text=gettext_lazy(
            "For “turned into an initiative”: an idea becomes a must-win challenge and a "
            "hassle a prerequisite unless you choose."
        ),
    )

    def __init__(self, *args, item: Item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["body"].queryset = Body.objects.for_org(item.organisation)
        if not self.is_bound:
            self.initial["version"] = item.version

    def clean(self):
        data = super().clean()
        resolution = data.get("resolution")
        if resolution == Resolution.MERGED:
            number = data.get("into")
            target = (
                Item.objects.for_org(self.item.organisation).filter(number=number).first()
                if number
                else None
            )
            if target is None or target.pk == self.item.pk:
                self.add_error("into", _("Give the number of another item to merge into."))
            data["into_item"] = target
        if resolution == Resolution.BODY and not data.get("body"):
            self.add_error("body", _("Choose the body that is to take it up."))
        return data


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["title", "description", "opens_on", "closes_on", "departments"]
        widgets = {
            "opens_on": DATE,
            "closes_on": DATE,
            "departments": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = Department.objects.for_org(organisation)

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The campaign must close on or after the day it opens."))
        return data


class AgentForm(forms.Form):
    user = forms.ModelChoiceField(label=gettext_lazy("Member"), queryset=None)
    department = forms.ModelChoiceField(label=gettext_lazy("Department"), queryset=None)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(memberships__organisation=organisation).order_by("name")
        )
        self.fields["department"].queryset = Department.objects.for_org(organisation)
