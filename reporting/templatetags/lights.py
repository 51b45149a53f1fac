from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reporting.models import Light

register = template.Library()

SHORT = {Light.GREEN: _("Green"), Light.YELLOW: _("Yellow"), Light.RED: _("Red")}


@register.simple_tag
def light(value: str | None, name: str = ""):
    """A traffic light with its meaning in words, never colour alone (WCAG 1.4.1)."""
    if not value:
        return "–"
    prefix = f"{name}: " if name else ""
    return format_html(
        '<span class="styr-light styr-light-{}" title="{}">{}{}</span>',
        value,
        Light(value).label,
        prefix,
        SHORT[value],
    )
