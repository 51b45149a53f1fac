from __future__ import annotations

from django import forms, template
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.l10n import separators
from core.markdown import render_markdown
from core.numbers import format_number

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 in render_markdown


@register.filter
def money(value, currency: str = "DKK") -> str:
    """An amount in the organisation's currency, formatted for the user's language."""
    if value is None or value == "":
        return ""
    amount = number_format(value, 0, use_l10n=True, force_grouping=True)
    if get_language() == "en":
        return f"{currency} {amount}"
    return f"{amount} kr." if currency == "DKK" else f"{amount} kr"


@register.filter
def number(value, decimals=None) -> str:
    """A number the user's way: "3,5", "40.000" (decimals trimmed unless given)."""
    if value is None or value == "":
        return ""
    places = int(decimals) if decimals not in (None, "") else None
    return format_number(value, decimals=places, **separators())


@register.filter
def widget_type(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


@register.inclusion_tag("core/field.html")
def field(bound_field, hint: str = "", no_hint: bool = False):
    """Render one form field the Det Fælles Designsystem way: label, hint, error, input,
    with aria-describedby tying them together for screen readers."""
    kind = widget_type(bound_field)
    described = []
    help_text = "" if no_hint else hint or bound_field.help_text
    if help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    css = {
        "select": "form-select",
        "textarea": "form-input",
        "input": "form-input",
        "checkbox": "form-checkbox",
    }.get(kind, "")
    attrs = {}
    if css:
        attrs["class"] = css + (" form-error" if bound_field.errors else "")
    if described and kind not in ("checkboxes", "radios"):
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if kind == "textarea":
        attrs.setdefault("rows", bound_field.field.widget.attrs.get("rows", 6))
    return {
        "f": bound_field,
        "kind": kind,
        "hint": help_text,
        "widget": bound_field.as_widget(attrs=attrs),
        "describedby": " ".join(described),
    }


@register.filter
def join_if_list(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
