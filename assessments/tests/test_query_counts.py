"""The results and the answering are flat in the number of answers: the database sums
(tallies), and no page reads a row per response."""

import random

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import PersonalAccessToken
from demo.assessments import fill


def _queries(client, url, **headers) -> int:
    client.get(url, **headers)
    with CaptureQueriesContext(connection) as q:
        assert client.get(url, **headers).status_code == 200
    return len(q)


def test_results_page_report_and_api_make_the_same_queries_at_20_and_200_answers(
    client, member, org, round, departments, framework
):
    client.force_login(member)
    _t, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="read")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    question = framework.questions.first()
    assert question
    urls = [
        (reverse("assessments:results", args=["skovby", round.pk]), {}),
        (reverse("assessments:round", args=["skovby", round.pk]), {}),
        (f"/api/v1/organisations/skovby/assessment-rounds/{round.pk}/results", headers),
    ]
    rng = random.Random(1)
    fill(round, {d: 5 for d in departments}, rng=rng, texts=("Et svar",))
    small = [_queries(client, url, **h) for url, h in urls]
    fill(round, {d: 45 for d in departments}, rng=rng, texts=("Et svar",))
    large = [_queries(client, url, **h) for url, h in urls]
    assert small == large
    assert round.responses.count() == 200
