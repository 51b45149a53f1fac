from __future__ import annotations

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import (
    CURRENCY_FOR_COUNTRY,
    LANGUAGE_FOR_COUNTRY,
    Department,
    Membership,
    Municipality,
    Organisation,
)
from .permissions import Role

# Top-level paths of the site that an organisation's address may not shadow.
RESERVED_SLUGS = {
    "admin",
    "accounts",
    "me",
    "api",
    "permissions",
    "organisations",
    "language",
    "accessibility",
    "healthz",
    "static",
    "media",
    "public",
    "svar",
}


class OrganisationCreateForm(forms.ModelForm):
    """Pick an official municipality; code, country, currency and language follow from it."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("country", "name"),
        help_text=_("The 98 Danish and 357 Norwegian municipalities."),
    )
    slug = forms.SlugField(
        label=_("Address name"),
        required=False,
        help_text=_("Leave empty to use the municipality's name."),
    )

    class Meta:
        model = Organisation
        fields = ["municipality", "slug"]

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        if municipality is None:
            return cleaned
        slug = cleaned.get("slug") or slugify(
            municipality.name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        )
        if slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
            self.add_error("slug", _("The address name %(slug)s is taken.") % {"slug": slug})
        cleaned["slug"] = slug
        return cleaned

    def save(self, commit: bool = True) -> Organisation:
        m: Municipality = self.cleaned_data["municipality"]
        org = self.instance
        org.municipality = m
        org.name = f"{m.name} Kommune"
        org.slug = self.cleaned_data["slug"]
        org.code = m.code
        org.country = m.country
        org.currency = CURRENCY_FOR_COUNTRY[m.country]
        org.language = LANGUAGE_FOR_COUNTRY[m.country]
        if commit:
            org.save()
        return org


class OrganisationSettingsForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "language",
            "currency",
            "inhabitants",
            "shares_benchmark",
            "email_domains",
            "answer_days",
        ]

    def clean_email_domains(self) -> str:
        domains = [
            d.strip().lstrip("@").lower()
            for d in self.cleaned_data["email_domains"].split(",")
            if d.strip()
        ]
        for domain in domains:
            if not re.fullmatch(r"[a-z0-9æøå-]+(\.[a-z0-9æøå-]+)+", domain):
                raise forms.ValidationError(
                    _("“%(domain)s” is not a domain like skovby.dk.") % {"domain": domain[:60]}
                )
        return ", ".join(domains)


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.READER)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if Membership.objects.filter(organisation=self.organisation, user__email=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email

    def save(self) -> Membership:
        User = get_user_model()
        user = User.objects.filter(email=self.cleaned_data["email"]).first()
        if user is None:
            # No password: the person logs in through the identity provider or sets one
            # with "forgot password".
            user = User.objects.create_user(
                self.cleaned_data["email"], None, name=self.cleaned_data["name"]
            )
        return Membership.objects.create(
            user=user, organisation=self.organisation, role=self.cleaned_data["role"]
        )


class MemberRoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "department"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.for_org(self.instance.organisation)
