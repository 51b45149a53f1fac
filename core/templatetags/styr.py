from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from html import escape

from django import forms, template
from django.urls import get_script_prefix, reverse
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.l10n import separators
from core.markdown import render_markdown
from core.numbers import format_number, format_whole
from core.widgets import escape_label, selection

register = template.Library()


@lru_cache(maxsize=4096)
def _initiative_prefix(slug: str, script_prefix: str) -> str:
    return reverse("initiatives:detail", args=[slug, 0]).removesuffix("0/")


@register.filter
def initiative_url(number: int, slug: str) -> str:
    """An initiative page's address, `{{ i.number|initiative_url:current_org.slug }}`: what
    {% url 'initiatives:detail' slug number %} gives, with the reverse done once per
    organisation (pages listing 300 initiatives spent ~30 ms in reverse())."""
    return f"{_initiative_prefix(slug, get_script_prefix())}{int(number)}/"


@lru_cache(maxsize=4096)
def _address_around(name: str, args: tuple, script_prefix: str) -> tuple[str, str] | None:
    address = reverse(name, args=[*args, 0])
    head, sep, tail = address.rpartition("/0/")
    return (head + "/", "/" + tail) if sep else None


@register.simple_tag
def url_of(name: str, *args) -> str:
    """{% url %} for a link repeated per row (`{% url_of 'strategy:part_edit' slug pk kind
    part.pk %}`): the address is reversed once per name and leading arguments, and the last
    one, a whole number, put in its place (a strategy page reversed 160 addresses)."""
    *lead, last = args
    if isinstance(last, int) and not isinstance(last, bool):
        around = _address_around(name, tuple(str(a) for a in lead), get_script_prefix())
        if around is not None:
            return f"{around[0]}{last}{around[1]}"
    return reverse(name, args=args)  # escaped by the template, as {% url %}


@register.simple_tag
def options(values, chosen) -> str:
    """The <option>s of a hand-written filter's select whose values are their own labels (a
    board's 200 systems): `selected` on the one equal to `chosen`, the query's text;
    written in one pass with the standard library's escape."""
    return mark_safe(  # noqa: S308 - every value is escaped here
        "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) == chosen else ""}>'
            f"{escape(str(v))}</option>"
            for v in values
        )
    )


@register.simple_tag
def initiative_links(links, slug: str, details: bool = False):
    """Links "I-001 Title" to each initiative, separated by commas; with `details`, each
    followed by its track and stage and separated by semicolons. `links` are rows with the
    attributes of initiatives.models.Link (InitiativeQuerySet.links). Written in one pass
    with the standard library's escape (what Django's escape calls, without its lazy-text
    wrapper around every value): the strategy page lists every initiative twice."""
    prefix = escape(_initiative_prefix(slug, get_script_prefix()))
    if details:
        return mark_safe(  # noqa: S308 - every value is escaped here
            "; ".join(
                f'<a href="{prefix}{int(i.number)}/">{escape(i.reference)} {escape(i.title)}</a>'
                f' <span class="styr-muted">({escape(i.track)}, {escape(i.stage.lower())})</span>'
                for i in links
            )
        )
    return mark_safe(  # noqa: S308 - every value is escaped here
        ", ".join(
            f'<a href="{prefix}{int(i.number)}/">{escape(i.reference)} {escape(i.title)}</a>'
            for i in links
        )
    )


@register.filter(name="markdown")
def markdown_filter(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 in render_markdown


def money_formatter(currency: str = "DKK") -> Callable[[object], str]:
    """`money` for many amounts of one page: the language and its separators looked up once
    (a list of 300 cases shows 900 amounts)."""
    grouping = separators()["grouping"]
    english = get_language() == "en"

    def format_money(value) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, int | float | Decimal) and math.isfinite(value):
            # Python's own grouping and the cached separator, not number_format's settings
            # lookups.
            amount = format_whole(value, grouping=grouping)
        else:  # text, NaN, infinity
            amount = number_format(value, 0, use_l10n=True, force_grouping=True)
        if english:
            return f"{currency} {amount}"
        return f"{amount} kr." if currency == "DKK" else f"{amount} kr"

    return format_money


@register.filter
def money(value, currency: str = "DKK") -> str:
    """An amount in the organisation's currency, formatted for the user's language."""
    return money_formatter(currency)(value)


@register.filter
def number(value, decimals=None) -> str:
    """A number the user's way: "3,5", "40.000" (decimals trimmed unless given)."""
    if value is None or value == "":
        return ""
    places = int(decimals) if decimals not in (None, "") else None
    return format_number(value, decimals=places, **separators())


@register.filter
def percent(share) -> str:
    """A share (0.45) as a whole percentage the user's way ("45 %"); "–" for none."""
    if share is None or share == "":
        return "–"
    return f"{format_number(float(share) * 100, decimals=0, **separators())} %"


@register.filter
def signed(value, decimals=1) -> str:
    """A change with its sign ("+0,4", "−0,2"); "–" for none."""
    if value is None or value == "":
        return "–"
    text = format_number(abs(float(value)), decimals=int(decimals), **separators())
    if round(float(value), int(decimals)) == 0:
        return text
    return f"+{text}" if value > 0 else f"−{text}"


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
    context = {
        "f": bound_field,
        "kind": kind,
        "hint": help_text,
        "describedby": " ".join(described),
    }
    if kind in ("checkboxes", "radios"):
        context["options"] = _options(bound_field, kind)
    else:
        context["widget"] = bound_field.as_widget(attrs=attrs)
    return context


def _options(bound_field, kind: str) -> dict:
    """The checkboxes or radio buttons of a choice field as one piece of HTML, written here
    from the field's choices rather than by a template per option: a list of 300
    initiatives took ~50 ms through Django's option templates. The markup is what Django's
    option iteration gives: ids `<auto_id>_<n>`, `checked` on the chosen (the first match
    only for radio buttons)."""
    tag = "radio" if kind == "radios" else "checkbox"
    field = bound_field.field
    # Iterated once, without list(): a model field's choices would be counted first.
    choices = [choice for choice in field.choices]
    if any(isinstance(label, (list, tuple)) for _value, label in choices):
        return _grouped_options(bound_field, tag)  # grouped choices: Django's own way
    checked = selection(field.widget, bound_field.value())
    name = escape(bound_field.html_name)
    base = field.widget.attrs.get("id") or bound_field.auto_id
    rows = []
    for index, (value, label) in enumerate(choices):
        text = "" if value is None else str(value)
        option_id = escape(f"{base}_{index}") if base else ""
        rows.append(
            f'<div class="form-group-{tag}"><input class="form-{tag}" type="{tag}" '
            f'name="{name}" id="{option_id}" value="{escape(text)}"'
            f'{" checked" if checked(text) else ""}><label for="{option_id}">'
            f"{escape_label(label)}</label></div>"
        )
    return {"html": mark_safe("\n".join(rows)), "count": len(rows)}  # noqa: S308 - escaped


def _grouped_options(bound_field, tag: str) -> dict:
    rows = [
        (
            tag,
            option.data["name"],
            option.id_for_label,
            option.data["value"],
            " checked" if option.data["selected"] else "",
            option.choice_label,
        )
        for option in bound_field
    ]
    html = format_html_join(
        "\n",
        '<div class="form-group-{0}"><input class="form-{0}" type="{0}" name="{1}" id="{2}" '
        'value="{3}"{4}><label for="{2}">{5}</label></div>',
        rows,
    )
    return {"html": html, "count": len(rows)}


@register.filter
def join_if_list(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
