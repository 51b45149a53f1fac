"""The decision log's rows, written in one pass (the log page and an initiative's page)."""

from __future__ import annotations

from html import escape

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from core.l10n import short_date
from core.templatetags.styr import initiative_url, money_formatter

register = template.Library()


@register.simple_tag
def decision_rows(decisions, organisation) -> str:
    """What _log.html's loop wrote for each decision, byte for byte, with the standard
    library's escape: 50 decisions a page × a dozen template nodes were most of the page."""
    amount = money_formatter(organisation.currency)
    conditions, lessons = escape(_("Conditions")), escape(_("Lessons learned"))
    out = []
    for d in decisions:
        detail = escape(str(d.get_kind_display()))
        if d.to_stage:
            detail += f" → {escape(str(d.get_to_stage_display()))}"
        if d.initiative:
            url = escape(initiative_url(d.initiative.number, organisation.slug))
            detail += f' · <a href="{url}">{escape(d.initiative.reference)}</a>'
        if d.amount is not None:
            detail += f" · {escape(amount(d.amount))}"
        text = escape(d.rationale)
        if d.conditions:
            text += f"<br><em>{conditions}:</em> {escape(d.conditions)}"
        if d.lessons:
            text += f"<br><em>{lessons}:</em> {escape(d.lessons)}"
        recorded = escape(str(d.recorded_by)) if d.recorded_by else ""
        out.append(
            f"<tr>\n    <td>{escape(short_date(d.decided_on))}</td>"
            f"<td>{escape(str(d.body))}</td>\n"
            f'    <th scope="row">{escape(d.title)}<br><span class="styr-muted weight-normal">'
            f"{detail}</span></th>\n"
            f"    <td>{escape(str(d.get_outcome_display()))}</td>\n"
            f"    <td>{text}</td>\n"
            f'    <td>{recorded}<br><span class="styr-muted">'
            f"{escape(date_filter(template_localtime(d.recorded_at), 'SHORT_DATETIME_FORMAT'))}"
            "</span></td>\n  </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped here
