"""The benefit pages: map, measurements, lag, due, harvest and spreadsheets."""

import datetime
import io

from openpyxl import Workbook, load_workbook

from benefits.models import Benefit, Harvest, Measurement


def test_the_owner_records_measurements_and_sees_the_lag(client, benefit, benefit_owner):
    client.force_login(benefit_owner)
    url = f"/skovby/benefits/{benefit.pk}/"
    # Plan: 900 (Q1 2026), 800 (Q2), 700 (Q3), 600 (Q4), down from 1000.
    # Q1: 820 is ahead. Q3: planned progress 300, actual 1000 - 850 = 150 -> 50 % short.
    for day, value in (("2026-03-31", "820"), ("2026-09-30", "850")):
        r = client.post(url, {"measured_on": day, "value": value, "note": ""})
        assert r.status_code == 302
    assert Measurement.objects.count() == 2
    page = client.get(url).content.decode()
    assert 'id="lagging-flag"' in page
    assert "50 %" in page
    portfolio = client.get("/skovby/benefits/").content.decode()
    assert benefit.title in portfolio.split('id="lagging-list"')[1]


def test_a_future_measurement_is_refused(client, benefit, benefit_owner):
    client.force_login(benefit_owner)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    r = client.post(f"/skovby/benefits/{benefit.pk}/", {"measured_on": tomorrow, "value": "1"})
    assert r.status_code == 422
    assert "fremtiden" in r.content.decode()
    assert not Measurement.objects.exists()


def test_a_reader_cannot_measure(client, benefit, reader):
    client.force_login(reader)
    r = client.post(f"/skovby/benefits/{benefit.pk}/", {"measured_on": "2026-03-31", "value": "1"})
    assert r.status_code == 403


def test_a_benefit_owner_must_have_the_role(client, member, initiative, reader):
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/benefits/new/",
        {
            "title": "X",
            "category": "budget",
            "owner": reader.pk,
            "indicator": "i",
            "unit": "u",
            "direction": "increase",
            "frequency": 3,
        },
    )
    assert r.status_code == 200
    assert not Benefit.objects.exists()


def test_the_benefit_map_shows_changes_benefits_and_goals(client, member, benefit, strategy):
    benefit.focus_areas.add(strategy.focus_areas.first())
    client.force_login(member)
    client.post(
        "/skovby/initiatives/1/changes/new/", {"title": "Ny selvbetjening", "kind": "output"}
    )
    page = client.get("/skovby/initiatives/1/benefits/").content.decode()
    for text in ("Ny selvbetjening", benefit.title, "Selvbetjening"):
        assert text in page


def test_the_due_measurement_is_listed_for_its_owner(client, benefit, benefit_owner):
    # Nothing measured since the baseline in December 2025: Q1 2026 was due on 1 July 2026.
    client.force_login(benefit_owner)
    page = client.get("/skovby/benefits/?mine=1").content.decode()
    assert benefit.title in page.split('id="due"')[1]


def test_the_harvest_year_sums_per_department(client, member, benefit, department):
    client.force_login(member)
    url = f"/skovby/benefits/{benefit.pk}/harvest/new/"
    for amount in ("100000", "50000,00"):
        r = client.post(
            url,
            {
                "department": department.pk,
                "budget_year": 2027,
                "amount": amount,
                "status": "planned",
            },
        )
        assert r.status_code == 302, r.content.decode()[:2000]
    page = client.get("/skovby/benefits/harvest/2027/").content.decode()
    assert "150.000 kr." in page


def test_only_budget_releasing_benefits_are_harvested(client, member, benefit, department):
    Benefit.objects.filter(pk=benefit.pk).update(category="economic")
    client.force_login(member)
    r = client.post(
        f"/skovby/benefits/{benefit.pk}/harvest/new/",
        {"department": department.pk, "budget_year": 2027, "amount": "1", "status": "planned"},
    )
    assert r.status_code == 200
    assert not Harvest.objects.exists()


def _upload(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = "m.xlsx"
    return buffer


def test_measurements_upload_is_all_or_nothing(client, member, benefit):
    client.force_login(member)
    template = load_workbook(
        io.BytesIO(client.get("/skovby/benefits/measurements/template.xlsx").getvalue())
    )
    header = [c.value for c in template.active[1]][:4]
    assert header == ["Gevinst-ID", "Dato", "Værdi", "Note"]
    bad = _upload(
        [
            header,
            [benefit.reference, "2026-03-31", 850],
            ["G-9999", "2026-03-31", 1],
            [benefit.reference, "2026-06-30", "mange"],
        ]
    )
    r = client.post("/skovby/benefits/measurements/upload/", {"file": bad})
    assert r.status_code == 422
    text = r.content.decode()
    assert "Række 3" in text and "Række 4" in text
    assert not Measurement.objects.exists()
    good = _upload(
        [
            header,
            [benefit.reference, datetime.datetime(2026, 3, 31), 850],
            [benefit.reference, None, None],
        ]
    )
    r = client.post("/skovby/benefits/measurements/upload/", {"file": good})
    assert r.status_code == 302
    assert Measurement.objects.get().source == "xlsx"


def test_the_register_export_lists_benefits_and_measurements(client, member, benefit):
    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 3, 31),
        value=850,
    )
    client.force_login(member)
    wb = load_workbook(io.BytesIO(client.get("/skovby/benefits/export.xlsx").getvalue()))
    assert wb.worksheets[0].cell(2, 3).value == benefit.title
    assert wb.worksheets[0].cell(2, 19).value == "Nej"  # 850 is ahead of the plan's 900
    assert wb.worksheets[1].cell(2, 3).value == 850
    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 6, 30),
        value=950,  # planned 800: a quarter of the way
    )
    wb = load_workbook(io.BytesIO(client.get("/skovby/benefits/export.xlsx").getvalue()))
    assert wb.worksheets[0].cell(2, 19).value == "Ja"
    assert wb.worksheets[0].cell(2, 20).value.date() == datetime.date(2026, 10, 1)


def test_a_reader_may_not_upload_measurements(client, reader, benefit):
    client.force_login(reader)
    assert client.get("/skovby/benefits/measurements/upload/").status_code == 403
    upload = _upload([["Gevinst-ID", "Dato", "Værdi"], [benefit.reference, "2026-03-31", 850]])
    r = client.post("/skovby/benefits/measurements/upload/", {"file": upload})
    assert r.status_code == 403
    assert not Measurement.objects.exists()
    assert "Indlæs målinger" not in client.get("/skovby/benefits/").content.decode()


def test_a_benefit_owned_by_a_reader_is_not_measured_by_them(reader, benefit):
    benefit.owner = reader
    benefit.save()
    membership = reader.memberships.get()
    assert not benefit.measurable_by(membership)


def test_a_negative_value_of_an_indicator_that_cannot_be_negative_is_refused(
    client, benefit, benefit_owner
):
    client.force_login(benefit_owner)
    r = client.post(f"/skovby/benefits/{benefit.pk}/", {"measured_on": "2026-03-31", "value": "-5"})
    assert r.status_code == 422
    assert "negativ" in r.content.decode()
    assert not Measurement.objects.exists()
    benefit.may_be_negative = True
    benefit.save()
    r = client.post(f"/skovby/benefits/{benefit.pk}/", {"measured_on": "2026-03-31", "value": "-5"})
    assert r.status_code == 302
    page = client.get(f"/skovby/benefits/{benefit.pk}/").content.decode()
    assert 'id="check-flag"' in page
