"""A benefit's figures are kept when it, its plan or its measurements change, and the
portfolio's lists read them instead of every plan and measurement."""

import datetime

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import PersonalAccessToken
from benefits import portfolio, realisation
from benefits.models import Benefit, Measurement
from benefits.services import save_plan, store_missing_figures
from finance.models import BusinessCase

from .test_views import _upload


def live(benefit: Benefit) -> realisation.Figures:
    """The figures computed now from the database, independently of what is stored."""
    b = Benefit.objects.get(pk=benefit.pk)

    def number(value):
        return None if value is None else float(value)

    return realisation.figures(
        baseline=number(b.baseline_value),
        baseline_date=b.baseline_date,
        direction=b.direction,
        months=b.frequency,
        plan=b.plan_pairs(),
        measurements=b.measurement_pairs(),
        target_date=b.target_date,
        likely=number(b.target_likely),
        annual_value=number(b.annual_value),
    )


def stored(benefit: Benefit) -> realisation.Figures:
    data = Benefit.objects.values_list("stored_figures", flat=True).get(pk=benefit.pk)
    assert data is not None
    return realisation.Figures.from_json(data)


def test_the_figures_follow_every_measurement_however_it_comes(
    client, benefit, benefit_owner, member, org
):
    assert stored(benefit) == live(benefit)
    assert stored(benefit).shortfall is None  # nothing measured yet

    client.force_login(benefit_owner)
    r = client.post(
        f"/skovby/benefits/{benefit.pk}/", {"measured_on": "2026-03-31", "value": "980"}
    )
    assert r.status_code == 302
    after_form = stored(benefit)
    assert after_form == live(benefit) and after_form.shortfall > 0.5  # 20 % of the way

    _t, raw = PersonalAccessToken.issue(
        user=benefit_owner, organisation=org, name="t", scope="write"
    )
    r = client.post(
        f"/api/v1/organisations/skovby/benefits/{benefit.pk}/measurements",
        data={"measured_on": "2026-06-30", "value": "790"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert r.status_code == 201, r.content
    assert stored(benefit) == live(benefit) != after_form

    client.force_login(member)
    upload = _upload(
        [["Gevinst-ID", "Dato", "Værdi", "Note"], [benefit.reference, "2026-09-30", 700]]
    )
    r = client.post("/skovby/benefits/measurements/upload/", {"file": upload})
    assert r.status_code == 302
    assert stored(benefit) == live(benefit)
    assert stored(benefit).last_period == datetime.date(2026, 7, 1)

    last = Measurement.objects.latest("measured_on")
    r = client.post(f"/skovby/benefits/{benefit.pk}/measurements/{last.pk}/delete/")
    assert r.status_code == 302
    assert stored(benefit) == live(benefit)
    assert stored(benefit).last_period == datetime.date(2026, 4, 1)


def test_the_figures_follow_the_plan_and_the_benefits_own_fields(benefit):
    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 3, 31),
        value=900,
    )
    before = stored(benefit)
    save_plan(benefit=benefit, plan=[(datetime.date(2026, 1, 1), 950.0)])
    assert stored(benefit) == live(benefit) != before

    benefit.annual_value = 800000
    benefit.save()
    assert stored(benefit) == live(benefit)
    assert stored(benefit).planned_by_year == {2026: 25000.0}  # 800,000 × 3/12 × 50/400


def test_a_list_reads_the_stored_figures_and_computes_those_not_stored(benefit, org):
    Measurement.objects.create(
        organisation=org, benefit=benefit, measured_on=datetime.date(2026, 3, 31), value=980
    )
    with CaptureQueriesContext(connection) as ctx:
        view = portfolio.overview(org, today=datetime.date(2026, 12, 1))
        lagging = portfolio.lagging_initiatives(org)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "benefits_plannedvalue" not in sql and "benefits_measurement" not in sql
    assert lagging == {benefit.initiative.number}
    assert [r.id for r in view.lagging] == [benefit.pk]

    # Loaded in bulk without figures: computed from the plan and measurements, the same.
    Benefit.objects.filter(pk=benefit.pk).update(stored_figures=None)
    again = portfolio.overview(org, today=datetime.date(2026, 12, 1))
    assert again == view
    assert portfolio.lagging_initiatives(org) == lagging
    assert portfolio.store_figures(org) == 1
    assert stored(benefit) == live(benefit)


def test_the_database_judges_stored_figures_lagging_as_the_figures_do(benefit):
    figures = stored(benefit).to_json()
    threshold = 0.1
    for shortfall in (None, -0.2, 0.0, 0.0999, 0.1, 0.1001, 0.5, 3):
        Benefit.objects.filter(pk=benefit.pk).update(
            stored_figures={**figures, "shortfall": shortfall}
        )
        in_python = stored(benefit).status(threshold).lagging
        in_database = Benefit.objects.filter(pk=benefit.pk).lagging_by_stored_figures(threshold)
        assert in_database.exists() == in_python, shortfall
    assert in_python  # the last ones lag, the first ones do not
    Benefit.objects.filter(pk=benefit.pk).update(stored_figures=None)
    assert not Benefit.objects.lagging_by_stored_figures(threshold).exists()


def test_a_must_win_initiative_with_a_lagging_benefit_says_so_on_its_page(client, benefit, member):
    client.force_login(member)
    url = f"/skovby/initiatives/{benefit.initiative.number}/"
    assert 'id="lagging"' not in client.get(url).content.decode()
    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 3, 31),
        value=980,  # planned 900: a fifth of the way
    )
    page = client.get(url).content.decode()
    assert 'id="lagging"' in page and "Én gevinst er bagud" in page


def test_the_daily_job_stores_the_figures_of_rows_written_before_they_were_stored(
    benefit, business_case
):
    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 3, 31),
        value=900,
    )
    expected = stored(benefit)
    # As an installation upgraded past the migrations that added the columns has them.
    Benefit.objects.filter(pk=benefit.pk).update(stored_figures=None)
    BusinessCase.objects.filter(pk=business_case.pk).update(
        stored_figures=None, figures_version=None, key_npv=None
    )

    assert store_missing_figures.call() == 2

    assert stored(benefit) == expected
    case = BusinessCase.objects.get(pk=business_case.pk)
    assert case.has_stored_figures and case.key_npv == business_case.figures().expected.npv
    assert store_missing_figures.call() == 0  # nothing left to do the next day


def test_the_job_is_one_of_the_workers_periodic_jobs():
    assert "benefits.services.store_missing_figures" in settings.STYR_PERIODIC_JOBS
