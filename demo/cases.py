"""Business cases, benefits, plans and measurements for generated and demo organisations.

Used by `styr generate` (every initiative) and `styr demo` (a realistic subset). Rows are
bulk-created, so a 100 × 300 data set with three years of quarterly measurements on every
initiative builds in reasonable time.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from benefits.models import Benefit, Harvest, Measurement, Output, PlannedValue
from benefits.portfolio import store_figures
from benefits.realisation import add_months, linear_plan
from finance.models import Approval, BusinessCase, CaseLine, CaseRisk
from organisations.models import Department

DEPARTMENTS = ("Borgerservice", "Social og Sundhed", "Børn og Unge", "Teknik og Miljø")
BENEFITS = (
    ("Færre telefonopkald", "Opkald pr. måned", "opkald", "decrease", "budget"),
    ("Kortere sagsbehandlingstid", "Dage pr. sag", "dage", "decrease", "economic"),
    ("Flere digitale ansøgninger", "Andel digitale ansøgninger", "%", "increase", "societal"),
    ("Bedre trivsel", "Trivselsscore", "point", "increase", "non_priced"),
)


def add_cases_and_benefits(
    org,
    initiatives,
    *,
    owner,
    rng: random.Random,
    today: dt.date | None = None,
    years_measured: int = 3,
) -> None:
    """One business case and one benefit per initiative, with a linear plan over the
    measured years and a year beyond, and quarterly measurements up to today (some of
    them lagging behind the plan)."""
    today = today or dt.date.today()
    departments = Department.objects.bulk_create(
        [Department(organisation=org, name=name) for name in DEPARTMENTS],
        ignore_conflicts=True,
    )
    departments = list(Department.objects.for_org(org))
    first_year = today.year - years_measured + 1
    cases, lines, risks, benefits = [], [], [], []
    for k, initiative in enumerate(initiatives):
        cases.append(
            BusinessCase(
                organisation=org,
                initiative=initiative,
                first_year=first_year,
                horizon_years=org.horizon_years,
                discount_rate=org.discount_rate,
                scenario_0="Opgaven løses som i dag.",
                scenario_1=f"{initiative.title} gennemføres.",
                status="approved" if k % 3 == 0 else "draft",
            )
        )
        title, indicator, unit, direction, category = BENEFITS[k % len(BENEFITS)]
        baseline = Decimal(rng.choice((1000, 800, 40, 60)))
        step = Decimal("-0.4") if direction == "decrease" else Decimal("0.5")
        benefits.append(
            Benefit(
                organisation=org,
                initiative=initiative,
                title=title,
                category=category,
                owner=owner,
                department=departments[k % len(departments)],
                indicator=indicator,
                unit=unit,
                direction=direction,
                baseline_value=baseline,
                baseline_date=dt.date(first_year - 1, 12, 15),
                target_pessimistic=baseline * (1 + step * Decimal("0.6")),
                target_likely=baseline * (1 + step),
                target_optimistic=baseline * (1 + step * Decimal("1.3")),
                target_date=dt.date(today.year + 1, 12, 31),
                frequency=3,
                data_source="Fagsystem",
                annual_value=None
                if category == "non_priced"
                else Decimal(rng.randrange(2, 40) * 50000),
            )
        )
    BusinessCase.objects.bulk_create(cases, batch_size=500)
    Benefit.objects.bulk_create(benefits, batch_size=500)
    # The benefit map's middle: each initiative's change, which its benefit comes from.
    outputs = Output.objects.bulk_create(
        [
            Output(organisation=org, initiative=b.initiative, title=f"Ny løsning: {b.title}")
            for b in benefits
        ],
        batch_size=500,
    )
    Link = Benefit.outputs.through
    Link.objects.bulk_create(
        [Link(benefit_id=b.pk, output_id=o.pk) for b, o in zip(benefits, outputs, strict=True)],
        batch_size=1000,
    )
    horizon = org.horizon_years
    for case in cases:
        invest = rng.randrange(5, 60) * 50000
        running = invest // 10
        benefit = int(invest * rng.uniform(0.15, 0.6))
        lines += [
            CaseLine(
                organisation=org,
                business_case=case,
                side="cost",
                description="Anskaffelse",
                cost_kind="investment",
                cost_source="external",
                amounts=[invest] + [0] * (horizon - 1),
                maximum_pct=Decimal(130),
            ),
            CaseLine(
                organisation=org,
                business_case=case,
                side="cost",
                description="Drift",
                cost_kind="running",
                cost_source="external",
                amounts=[0] + [running] * (horizon - 1),
            ),
            CaseLine(
                organisation=org,
                business_case=case,
                side="benefit",
                description="Frigjort tid og færre henvendelser",
                category="budget",
                amounts=[0] + [benefit] * (horizon - 1),
                minimum_pct=Decimal(70),
            ),
        ]
        risks.append(
            CaseRisk(
                organisation=org,
                business_case=case,
                description="Forsinket leverance",
                probability_pct=Decimal(20),
                consequence=Decimal(invest // 5),
                year=case.first_year + 1,
            )
        )
    CaseLine.objects.bulk_create(lines, batch_size=1000)
    CaseRisk.objects.bulk_create(risks, batch_size=1000)
    BusinessCase.objects.for_org(org).store_figures()  # bulk rows skip the services
    # An approved case has its frozen copy, as approving it on the page makes.
    Approval.objects.bulk_create(
        [
            Approval(
                organisation=org,
                business_case=case,
                case_version=case.version,
                data=case.to_data(),
                note="Godkendt af direktionen.",
                approved_by=owner,
            )
            for case in BusinessCase.objects.for_org(org)
            .approved()
            .prefetch_related("lines", "risks")
        ],
        batch_size=500,
    )
    plans, measurements, harvests = [], [], []
    for k, b in enumerate(benefits):
        plan = linear_plan(
            baseline=float(b.baseline_value),
            target=float(b.target_likely),
            start=b.baseline_date,
            end=b.target_date,
            months=3,
        )
        plans += [
            PlannedValue(organisation=org, benefit=b, period=p, value=Decimal(str(round(v, 2))))
            for p, v in plan
        ]
        # Every fourth benefit realises only half of its plan: it lags.
        pace = 0.5 if k % 4 == 1 else rng.uniform(0.9, 1.15)
        for p, v in plan:
            day = add_months(p, 3) - dt.timedelta(days=1)
            if day >= today:
                break
            actual = float(b.baseline_value) + (v - float(b.baseline_value)) * pace
            measurements.append(
                Measurement(
                    organisation=org,
                    benefit=b,
                    measured_on=day,
                    value=Decimal(str(round(actual, 2))),
                    source="xlsx",
                )
            )
        if b.category == "budget" and b.annual_value:
            harvests.append(
                Harvest(
                    organisation=org,
                    benefit=b,
                    department=b.department,
                    budget_year=today.year + 1,
                    amount=b.annual_value / 2,
                    status="adopted" if k % 2 else "planned",
                )
            )
    PlannedValue.objects.bulk_create(plans, batch_size=2000)
    Measurement.objects.bulk_create(measurements, batch_size=2000)
    Harvest.objects.bulk_create(harvests, batch_size=1000)
    store_figures(org)  # bulk rows skip Benefit.store_figures
