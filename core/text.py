"""Characters no text in Styr may hold.

Control characters (other than tab, line feed and carriage return), the C1 block, lone
surrogates and the non-characters U+FFFE/U+FFFF cannot be written to xlsx, docx or XML at
all, and are never typed on purpose. They are refused where text comes in (every form's
text fields and every API body, see core.apps and core.middleware) and stripped where documents go
out (core.xlsx, the meeting documents), so that one pasted character cannot break an
organisation's exports.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def stripped(data):
    """`data` (text, or dicts and lists of it) without control characters, for a document."""
    if isinstance(data, str):
        return strip_control_characters(data)
    if isinstance(data, dict):
        return {k: stripped(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [stripped(v) for v in data]
    return data


def first_control_character(data, path: tuple = ()) -> tuple | None:
    """Where in parsed JSON (dicts, lists, text) a control character first occurs, as the
    path of keys and indexes to it; None when there is none."""
    if isinstance(data, str):
        return path if has_control_characters(data) else None
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return None
    for key, value in items:
        if isinstance(key, str) and has_control_characters(key):
            return (*path, key)
        found = first_control_character(value, (*path, key))
        if found is not None:
            return found
    return None


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


@deconstructible
class NoControlCharactersValidator:
    message = _("The text holds an invisible control character. Remove it and try again.")
    code = "control_character"

    def __call__(self, value) -> None:
        if isinstance(value, str) and has_control_characters(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, NoControlCharactersValidator)
