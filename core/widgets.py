"""Select boxes written in Python rather than through Django's template per option.

Django renders every <option> by including a template; a page with 300 rows of three small
selects (a scenario's initiatives) or one select of 300 initiatives spent 100–150 ms there.
These widgets write the same markup (the attributes as Django's attrs template writes them,
every value and label escaped) in one pass. core.apps makes them the default of every
choice field, so no form has to remember them.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from django import forms
from django.utils.safestring import mark_safe


def escape_label(label) -> str:
    """A label as conditional_escape writes it (text already marked safe stays as it is),
    with the standard library's escape: Django's wraps every call in a check for lazy text,
    which 900 options a page pay for."""
    if hasattr(label, "__html__"):
        return label.__html__()
    return escape(str(label))


def flat_attributes(attrs: dict) -> str:
    """What django.forms.utils.flatatt writes (the attributes with values, sorted, then the
    true boolean ones, sorted; None and False left out), escaped with the standard
    library's escape: flatatt's format_html_join cost a page of 300 selects 13 ms."""
    valued = sorted((k, v) for k, v in attrs.items() if not isinstance(v, bool) and v is not None)
    flags = sorted(k for k, v in attrs.items() if v is True)
    return "".join(f' {escape_label(k)}="{escape_label(v)}"' for k, v in valued) + "".join(
        f" {escape_label(k)}" for k in flags
    )


def selection(widget, value) -> Callable[[str], bool]:
    """Django's rule for which options of a choice widget are marked: those whose value is
    among the widget's formatted value; of a single choice only the first such option. The
    returned test is asked once per option, in order."""
    chosen = set(widget.format_value(value))
    multiple = widget.allow_multiple_selected
    found = False

    def selected(text: str) -> bool:
        nonlocal found
        hit = text in chosen and (multiple or not found)
        found = found or hit
        return hit

    return selected


def _options(choices, selected: Callable[[str], bool]) -> str:
    """The <option>s (and <optgroup>s) of `choices`, `selected` asked once per option in
    order. A module function, not a closure calling itself: such a closure is a reference
    cycle that only the garbage collector frees (300 selects a page left 4,000 objects)."""
    out = []
    for option_value, label in choices:
        if isinstance(label, (list, tuple)):
            out.append(
                f'<optgroup label="{escape_label(option_value)}">'
                f"{_options(label, selected)}</optgroup>"
            )
            continue
        text = "" if option_value is None else str(option_value)
        out.append(
            f'<option value="{escape(text)}"{" selected" if selected(text) else ""}>'
            f"{escape_label(label)}</option>"
        )
    return "".join(out)


class FastSelectMixin:
    """Writes what forms.Select's templates write: the attributes as flatatt does, an
    <option> per choice with `selected` on the chosen (only the first match unless
    multiple), <optgroup> for grouped choices; values and labels escaped."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        selected = selection(self, value)
        attributes, options = flat_attributes(final), _options(self.choices, selected)
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')


class FastSelect(FastSelectMixin, forms.Select):
    """forms.Select, rendered in one pass."""


class FastSelectMultiple(FastSelectMixin, forms.SelectMultiple):
    """forms.SelectMultiple, rendered in one pass."""
