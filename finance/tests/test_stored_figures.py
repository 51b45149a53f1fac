"""A case's key figures are computed when the case changes and stored with its version; the
list of cases reads them instead of computing every case on every request (issue 14)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from finance.calc import Figures
from finance.models import BusinessCase, CaseLine, figures_from_data


def _live(case: BusinessCase) -> Figures:
    case = BusinessCase.objects.get(pk=case.pk)
    return figures_from_data(case.to_data())


def test_adding_a_line_stores_the_new_figures_with_the_new_version(client, member, business_case):
    client.force_login(member)
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/lines/new/?side=benefit",
        {
            "side": "benefit",
            "description": "Færre opkald",
            "category": "budget",
            "unit": "amount",
            "minimum_pct": "100",
            "maximum_pct": "100",
            "year_1": "700",
            "case_version": business_case.version,
        },
    )
    assert r.status_code == 302, r.content
    case = BusinessCase.objects.get(pk=business_case.pk)
    assert case.has_stored_figures and case.figures_version == business_case.version + 1
    assert case.figures() == _live(case)
    assert case.figures().expected.total_benefit == _live(business_case).expected.total_benefit


def test_a_stored_figure_of_an_older_version_is_not_used(business_case):
    business_case.store_figures()
    old = business_case.figures()
    CaseLine.objects.filter(business_case=business_case).update(amounts=[5000, 0, 0, 0])
    BusinessCase.objects.filter(pk=business_case.pk).update(version=business_case.version + 1)
    case = BusinessCase.objects.get(pk=business_case.pk)
    assert not case.has_stored_figures
    assert case.figures() != old and case.figures() == _live(case)


def test_the_case_list_reads_stored_figures_in_the_same_queries_for_one_case_or_ten(
    client, member, business_case, initiative
):
    from initiatives.models import Initiative

    client.force_login(member)
    BusinessCase.objects.all().store_figures()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            r = client.get("/skovby/business-cases/")
        assert r.status_code == 200
        assert not any("finance_caseline" in q["sql"] for q in queries.captured_queries)
        return len(queries)

    one = count()
    for number in range(2, 11):
        other = Initiative.objects.create(
            organisation=initiative.organisation,
            number=number,
            title=f"I{number}",
            track="must_win",
        )
        copy = BusinessCase.objects.get(pk=business_case.pk)
        lines = list(copy.lines.all())
        copy.pk, copy.initiative, copy.stored_figures = None, other, None
        copy.save()
        for line in lines:
            line.pk, line.business_case = None, copy
            line.save()
    assert BusinessCase.objects.all().store_figures() == 9
    assert count() == one


def test_a_case_without_stored_figures_is_computed_in_the_list(client, member, business_case):
    BusinessCase.objects.filter(pk=business_case.pk).update(stored_figures=None)
    client.force_login(member)
    r = client.get("/skovby/business-cases/")
    npv = _live(business_case).expected.npv
    assert r.status_code == 200 and f"{round(npv):,}".replace(",", ".") in r.content.decode()


def test_approving_keeps_the_figures_stored(business_case, member):
    from finance.services import approve_case

    approve_case(case=business_case, user=member, expected_version=business_case.version)
    case = BusinessCase.objects.get(pk=business_case.pk)
    assert case.has_stored_figures and case.figures() == _live(case)


def test_cases_without_stored_key_figures_are_computed_without_a_query_each(
    client, member, business_case, django_assert_max_num_queries
):
    client.force_login(member)
    BusinessCase.objects.update(figures_version=None)  # loaded before figures were stored
    with django_assert_max_num_queries(12) as one:
        r = client.get("/skovby/business-cases/")
    npv = f"{round(_live(business_case).expected.npv):,}".replace(",", ".")
    assert npv in r.content.decode()
    for variant in ("high", "medium", "low"):
        copy = BusinessCase.objects.get(pk=business_case.pk)
        lines = list(copy.lines.all())
        copy.pk, copy.variant = None, variant
        copy.save()
        for line in lines:
            line.pk, line.business_case = None, copy
            line.save()
    BusinessCase.objects.update(figures_version=None)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get("/skovby/business-cases/").content.decode()
    # The NPV column of each row (a two-digit NPV could also stand in a random token).
    tbody = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", tbody, re.S)
    npv_cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[5] for row in rows]
    assert len(npv_cells) == 4
    assert all(npv in cell for cell in npv_cells)


def test_a_sum_of_benefits_reads_only_the_stored_benefits_and_computes_the_cases_without(
    business_case, initiative
):
    from finance.models import with_figures_at_hand

    business_case.store_figures()
    stale = BusinessCase.objects.get(pk=business_case.pk)
    stale.pk, stale.variant = None, "high"
    stale.save()
    BusinessCase.objects.filter(pk=stale.pk).update(stored_figures=None)
    lines = list(business_case.lines.all())
    for line in lines:
        line.pk, line.business_case_id = None, stale.pk
    CaseLine.objects.bulk_create(lines)
    with CaptureQueriesContext(connection) as ctx:
        cases = with_figures_at_hand(
            list(BusinessCase.objects.filter(initiative=initiative).with_expected_benefits()),
            benefits=True,
        )
        benefits = {c.variant: c.expected_benefits() for c in cases}
    assert len(ctx.captured_queries) == 4  # the cases; the one without, its lines and risks
    # The stored figures are not read whole, only their benefits' JSON path.
    assert "stored_figures" in next(c for c in cases if not c.variant).get_deferred_fields()
    assert 'AS "stored_benefits"' in ctx.captured_queries[0]["sql"]
    expected = _live(business_case).expected.benefits
    assert benefits == {"": expected, "high": expected} and any(expected)
