"""Acting on a round: an initiative from a weak dimension, and the gate's readiness point."""

import datetime

from django.urls import reverse

from assessments.models import Finding, Round
from initiatives.models import Initiative

from .conftest import answer


def test_an_initiative_created_from_a_dimension_is_a_linked_prerequisite(client, member, answered):
    client.force_login(member)
    dimension = answered.framework.dimensions.last()
    url = reverse("assessments:finding_new", args=["skovby", answered.pk, dimension.pk])
    page = client.get(url)
    assert page.status_code == 200 and dimension.name in page.content.decode()
    response = client.post(
        url, {"title": "Fælles it-indkøb", "finding": "Svagt: samlede it-processer."}
    )
    initiative = Initiative.objects.get(title="Fælles it-indkøb")
    assert response.status_code == 302
    assert initiative.track == "prerequisite" and initiative.stage == "idea"
    assert initiative.description == "Svagt: samlede it-processer."
    finding = Finding.objects.get()
    assert (finding.round, finding.dimension, finding.initiative) == (
        answered,
        dimension,
        initiative,
    )
    # Both pages show the link.
    detail = client.get(
        reverse("initiatives:detail", args=["skovby", initiative.number])
    ).content.decode()
    assert answered.title in detail
    results = client.get(
        reverse("assessments:results", args=["skovby", answered.pk])
    ).content.decode()
    assert "Fælles it-indkøb" in results


def test_no_initiative_from_a_round_with_too_few_answers(client, member, round):
    client.force_login(member)
    dimension = round.framework.dimensions.first()
    url = reverse("assessments:finding_new", args=["skovby", round.pk, dimension.pk])
    assert client.get(url).status_code == 302
    assert client.post(url, {"title": "X", "finding": "Y"}).status_code == 302
    assert not Initiative.objects.exists()


def test_a_reader_cannot_create_an_initiative_from_a_finding(client, reader, answered):
    client.force_login(reader)
    dimension = answered.framework.dimensions.first()
    url = reverse("assessments:finding_new", args=["skovby", answered.pk, dimension.pk])
    assert client.post(url, {"title": "X", "finding": "Y"}).status_code == 403


def test_the_gate_shows_the_latest_readiness_of_the_initiative(
    client, member, org, initiative, departments, groups
):
    from assessments import services

    client.force_login(member)
    initiative.stage = "clarify"
    initiative.save()
    gate = reverse("governance:gate", args=["skovby", initiative.number])
    page = client.get(gate).content.decode()
    assert f"?initiative={initiative.number}" in page  # no assessment yet: ask for one
    readiness = services.install_framework(organisation=org, key="change-readiness", language="da")
    today = datetime.date.today()
    r = Round.objects.create(
        organisation=org,
        framework=readiness,
        title="Parat til ESDH?",
        scope="initiative",
        initiative=initiative,
        opens_on=today,
        closes_on=today,
    )
    r.groups.set(groups.values())
    page = client.get(gate).content.decode()
    assert (
        "Parat til ESDH?" in page and reverse("assessments:results", args=["skovby", r.pk]) in page
    )
    for _ in range(5):
        answer(r, departments[0], groups["employee"], 4)
    answer(r, departments[0], groups["employee"], 1)
    assert r.score().mean == (5 * 4 + 1) / 6
    page = client.get(gate).content.decode()
    assert "3,5" in page
