"""The main navigation marks the page's section from the URL alone: no view passes it."""

import re

import pytest

CURRENT = re.compile(r'<a href="[^"]*" aria-current="page">([^<]+)</a>')


def _current(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = CURRENT.findall(response.content.decode())
    return found[0] if found else ""


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("/skovby/", "Portefølje"),
        ("/skovby/initiatives/1/", "Portefølje"),
        ("/skovby/initiatives/1/gate/", "Portefølje"),
        ("/skovby/tracks/", "Spor"),
        ("/skovby/strategies/", "Strategi"),
        ("/skovby/business-cases/", "Business cases"),
        ("/skovby/benefits/", "Gevinster"),
        ("/skovby/prioritisation/", "Prioritering"),
        ("/skovby/scenarios/", "Scenarier"),
        ("/skovby/governance/", "Governance"),
        ("/skovby/decisions/", "Governance"),
        ("/skovby/meetings/", "Møder"),
        ("/skovby/cycle/", "Møder"),
        ("/skovby/status/", "Status"),
        ("/skovby/notifications/", ""),
    ],
)
def test_each_page_marks_its_section_in_the_navigation(client, member, initiative, url, section):
    client.force_login(member)
    assert _current(client, url) == section
