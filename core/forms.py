"""Form pieces every app shares."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


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
