"""Form pieces every app shares."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from core.l10n import separators
from core.numbers import format_number, parse_number


class Choices(BaseChoiceIterator):
    """(value, label) pairs already in Django's canonical form, which a field and its widget
    take as they are: a plain list is normalised pair by pair again by the field and by its
    widget, each time a form is made (a large portfolio's 300 initiatives in two lists of
    checkboxes: 1,200 normalisations, about 3 ms of every request of the form)."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


class ShownNumber(Decimal):
    """A limit that reads the user's way in a message ("1.000.000.000.000", not 1E+12)."""

    def __str__(self) -> str:
        return format_number(self, decimals=None, **separators())


class DecimalField(forms.DecimalField):
    """A number typed and shown the user's way: "40.000" and "1.500,50" in Danish,
    "40 000" in Bokmål, "40,000.50" in English (core.numbers). Every decimal model field
    uses it (core.models.DecimalField), and so do the forms' own number fields."""

    widget = forms.TextInput

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["inputmode"] = "decimal"
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                return parse_number(value, decimal=separators()["decimal"])
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return format_number(value, decimals=None, **separators())
        return value


class SpreadsheetUploadForm(forms.Form):
    """An xlsx file within the upload limit; `core.uploads.read_rows` checks the rest."""

    file = forms.FileField(
        label=_("Spreadsheet (xlsx)"), help_text=_("Use the template Styr provides.")
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("The file must be an xlsx spreadsheet."))
        if f.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (at most %(mb)s MB).")
                % {"mb": settings.UPLOAD_MAX_BYTES // 1_000_000}
            )
        return f
