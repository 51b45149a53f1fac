"""iCalendar (RFC 5545) feeds, written by hand: a handful of all-day events needs no library.

A feed is reached by a signed token in its address, so a calendar program can subscribe
without logging in; the token names the organisation and the person or body, and stops
working when the person leaves the organisation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core import signing

SALT = "styr.calendar"


@dataclass(frozen=True)
class Entry:
    uid: str
    date: datetime.date
    summary: str
    description: str = ""
    url: str = ""


def make_token(organisation_id: int, kind: str, pk: int) -> str:
    return signing.dumps({"o": organisation_id, "k": kind, "id": pk}, salt=SALT)


def read_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in ("user", "body"):
        return None
    return data


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (RFC 5545 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return out


def calendar(name: str, entries: list[Entry], stamp: datetime.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Styr//Styr//DA",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for e in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.uid}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{e.date + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(e.summary)}",
        ]
        if e.description:
            lines.append(f"DESCRIPTION:{_escape(e.description)}")
        if e.url:
            lines.append(f"URL:{e.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
