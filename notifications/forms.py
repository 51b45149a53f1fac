from __future__ import annotations

from django import forms

from organisations.models import Membership


class DigestForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["email_digest"]
