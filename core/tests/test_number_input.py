"""Every number field reads and shows numbers the user's way, in all three languages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from benefits.models import Harvest
from core.forms import DecimalField, ShownNumber


@pytest.fixture
def harvest_url(benefit):
    return f"/skovby/benefits/{benefit.pk}/harvest/new/"


@pytest.mark.parametrize(
    ("language", "typed", "stored", "shown"),
    [
        ("da", "40.000", "40000", 'value="40.000"'),
        ("da", "1.500,50", "1500.50", 'value="1.500,5"'),
        ("nb", "40 000,25", "40000.25", 'value="40\u00a0000,25"'),
        ("en", "40,000.25", "40000.25", 'value="40,000.25"'),
    ],
)
def test_an_amount_is_read_and_shown_back_in_the_users_format(
    client, member, benefit, department, harvest_url, language, typed, stored, shown
):
    member.language = language
    member.save()
    client.force_login(member)
    r = client.post(
        harvest_url,
        {"department": department.pk, "budget_year": 2027, "amount": typed, "status": "planned"},
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    harvest = Harvest.objects.get()
    assert harvest.amount == Decimal(stored)
    r = client.get(f"/skovby/benefits/{benefit.pk}/harvest/{harvest.pk}/")
    assert shown in r.content.decode()


def test_a_scenario_limit_in_millions_is_accepted(client, member, strategy):
    from portfolio.models import Scenario

    scenario = Scenario.objects.create(
        organisation=strategy.organisation, strategy=strategy, name="S", first_year=2027, periods=1
    )
    client.force_login(member)
    url = f"/skovby/scenarios/{scenario.pk}/limits/"
    r = client.post(url, {"budget_investment_0": "2.500.000", "version": scenario.version})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert float(scenario.limits.get(kind="budget", budget="investment").amounts[0]) == 2_500_000


def test_a_limit_too_large_is_named_in_the_users_format(db):
    from django.utils import translation

    field = DecimalField(max_value=ShownNumber(10**12))
    with translation.override("da"):
        with pytest.raises(ValidationError) as refused:
            field.clean("2.000.000.000.000")
        message = str(refused.value)
    assert "1.000.000.000.000" in message and "E+" not in message


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "1.250.000"), ("nb", "1\u00a0250\u00a0000"), ("en", "1,250,000")],
)
def test_chart_and_page_amounts_follow_the_language(language, expected):
    from django.utils import translation

    from core.l10n import whole

    with translation.override(language):
        assert whole(1_250_000) == expected


def test_the_cash_flow_chart_speaks_the_readers_number_format(client, member, business_case):
    client.force_login(member)
    danish = client.get(f"/skovby/business-cases/{business_case.pk}/").content.decode()
    member.language = "en"
    member.save()
    english = client.get(f"/skovby/business-cases/{business_case.pk}/").content.decode()
    chart = lambda page: page.split('class="styr-chart"')[1].split("</svg>")[0]  # noqa: E731
    assert "1.000" in chart(danish) and "1,000" in chart(english)


def test_a_chart_names_its_unit_above_the_axis():
    from core.charts import Series, combo_chart

    svg = combo_chart(["2027"], bars=[Series("Gevinster", [500.0])], title="T", unit="DKK")
    assert ">DKK</text>" in svg


@settings(max_examples=300)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    places=st.integers(min_value=0, max_value=3),
    language=st.sampled_from(["da", "nb", "en"]),
)
def test_a_float_is_written_the_same_from_the_cache_as_without(value, places, language):
    from django.utils import translation

    from core.l10n import decimal, separators
    from core.numbers import format_number

    with translation.override(language):
        expected = format_number(value, decimals=places, **separators())
        assert decimal(value, places) == expected
        assert decimal(value, places) == expected  # the second time from the cache


def test_a_short_date_is_written_as_the_date_filter_writes_it():
    import datetime

    from django.template.defaultfilters import date as date_filter
    from django.utils import translation

    from core.l10n import short_date

    day = datetime.date(2026, 5, 4)
    for language in ("da", "nb", "en"):
        with translation.override(language):
            assert short_date(day) == date_filter(day, "SHORT_DATE_FORMAT")
            assert short_date(None) == ""
