from __future__ import annotations

from datetime import timedelta

from allauth.account import forms as allauth_forms
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PersonalAccessToken, TokenScope, User


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form; the page links to the password reset itself, so the password
    field carries no help text (allauth's is a link inside the label's hint)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "language"]


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("What the token is for."))
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    scope = forms.ChoiceField(
        label=_("Access"), choices=TokenScope.choices, initial=TokenScope.READ
    )
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[(30, _("30 days")), (90, _("90 days")), (365, _("1 year")), (0, _("No expiry"))],
        initial=90,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Organisations sit a layer above the accounts: reach them through the token's own
        # relation rather than an import.
        organisations = PersonalAccessToken.organisation.field.related_model.objects
        self.fields["organisation"].queryset = organisations.filter(
            memberships__user=user
        ).order_by("name")
        self.fields["organisation"].empty_label = None

    def expires(self):
        days = self.cleaned_data["days"]
        return timezone.now() + timedelta(days=days) if days else None
