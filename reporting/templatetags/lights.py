from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reporting.models import Light

register = template.Library()

SHORT = {Light.GREEN: _("Green"), Light.YELLOW: _("Yellow"), Light.RED: _("Red")}


@register.simple_tag
def light(value: str | None, name: str = ""):
    """A traffic light with its meaning in words, never colour alone (WCAG 1.4.1)."""
    if not value:
        return "–"
    # The status page shows several hundred lights: each is written once per language.
    return _light(value, str(name), get_language())


@lru_cache(maxsize=256)
def _light(value: str, name: str, _language: str):
    prefix = f"{name}: " if name else ""
    return format_html(
        '<span class="styr-light styr-light-{}" title="{}">{}{}</span>',
        value,
        Light(value).label,
        prefix,
        SHORT[value],
    )
