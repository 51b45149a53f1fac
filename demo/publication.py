"""Demo data for the strategy as it leaves the building (issue 17): Skovby's action plan
committed, its short version written, goal measurements over two years, the strategy
recommended by the executive board, approved by the council and published on the intranet
and the public page, with stakeholders and a communication plan. Fjellvik publishes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from demo.prioritisation import solve_scenario
from governance.models import Body, BodyKind
from portfolio.models import Scenario, ScenarioLimit
from portfolio.services import commit_scenario
from publication.models import CommunicationActivity, PublicPage, Stakeholder
from publication.services import approve, publish, recommend
from strategy.models import FocusAreaGoal, GoalMeasurement, MeasurementOrigin

FOR_EMPLOYEES = (
    "Du får **færre tidsrøvere**: meld bøvl og idéer ind, så svarer vi inden for 30 dage.\n"
    "Nye løsninger kommer med oplæring og superbrugere i din afdeling, og du bliver spurgt, "
    "før vi ændrer dine arbejdsgange."
)

FOR_LEADERS = """Du ejer gevinsterne i din afdeling og følger dem i det kvartalsvise projektråd.
- Brug den fælles ledelsesinformation hver måned.
- Giv dine medarbejdere tid til at lære de nye løsninger."""

FOR_CITIZENS = (
    "Du kan klare mere selv, døgnet rundt, på **Mit Skovby** – og du møder en medarbejder, "
    "når du har brug for det.\n"
    "Din sag følger dig på tværs af forvaltningerne, så du ikke skal fortælle det samme flere "
    "gange."
)

STAKEHOLDERS = [
    ("Kommunalbestyrelsen", 3, 3, "At digitaliseringen når de politiske mål – og hvad den koster."),
    ("Direktionen", 3, 3, "Porteføljens fremdrift, gevinster og risici hvert kvartal."),
    ("Fagchefer og afdelingsledere", 2, 3, "Hvad der ændrer sig i deres afdeling, og hvornår."),
    ("Medarbejdere i hjemmeplejen", 1, 3, "Hvordan velfærdsteknologien aflaster dem i hverdagen."),
    ("MED-udvalget", 2, 2, "Inddragelse før arbejdsgange ændres."),
    (
        "Borgere og pårørende",
        1,
        2,
        "Nye digitale muligheder – og at der stadig er en indgang til en medarbejder.",
    ),
    (
        "Nabokommunerne i driftsfællesskabet",
        2,
        1,
        "Arkitekturbeslutninger, der rører den fælles drift.",
    ),
]

ACTIVITIES = [
    (
        "Alle medarbejdere",
        "Strategien i en nøddeskal: kortversionen og hvad den betyder for dig.",
        "intranet",
        -20,
        "done",
    ),
    ("Ledere", "Gennemgang af handleplanen og gevinstejerskabet.", "meeting", 12, "planned"),
    ("Borgere", "Mit Skovby: nye selvbetjeningsløsninger.", "website", 30, "planned"),
    (
        "Medarbejdere i hjemmeplejen",
        "Skærmbesøg: erfaringer fra piloten.",
        "workshop",
        45,
        "planned",
    ),
]


def add_skovby_publication(org, strategy, initiatives, people, *, rng: random.Random) -> None:
    today = dt.date.today()
    board = Body.objects.for_org(org).get(kind=BodyKind.EXECUTIVE_BOARD)
    council = Body.objects.for_org(org).get(kind=BodyKind.COUNCIL)
    office = people["portfolio_manager"]
    # The action plan: a scenario over the strategy's period, solved and committed.
    plan = Scenario.objects.create(
        organisation=org,
        strategy=strategy,
        name=f"Handleplan {strategy.period_start}–{strategy.period_end}",
        first_year=strategy.period_start,
        periods=strategy.period_end - strategy.period_start + 1,
        objective="blend",
        score_share=60,
        time_limit=2,
        notes="Handleplanen vedtaget med strategien.",
    )
    ScenarioLimit.objects.create(
        organisation=org,
        scenario=plan,
        kind="budget",
        budget="investment",
        amounts=[5_000_000] * plan.periods,
    )
    solve_scenario(plan, user=office, seconds=2)
    plan.refresh_from_db()
    run = plan.latest_run()
    if run is not None and run.result and run.result.get("selected"):
        commit_scenario(
            scenario=plan, run=run, user=office, expected_version=plan.version, body=board
        )
    strategy.for_employees = FOR_EMPLOYEES
    strategy.for_leaders = FOR_LEADERS
    strategy.for_citizens = FOR_CITIZENS
    strategy.save(update_fields=["for_employees", "for_leaders", "for_citizens"])
    _measure(org, strategy, rng=rng, today=today)
    version = recommend(
        strategy=strategy,
        body=board,
        user=people["decision_maker"],
        rationale="Direktionen anbefaler strategien og handleplanen.",
    )
    approve(
        version=version,
        body=council,
        user=people["decision_maker"],
        rationale="Kommunalbestyrelsen godkender strategien.",
    )
    PublicPage.objects.create(
        organisation=org, accessibility_url="https://www.was.digst.dk/skovby-dk"
    )
    publish(version=version, intranet=True, public=True, user=office)
    add_plan(org, strategy, owner=office, stakeholders=STAKEHOLDERS, activities=ACTIVITIES)
    first = next((i for i in initiatives if i.stage == "implementation"), initiatives[0])
    Stakeholder.objects.create(
        organisation=org,
        initiative=first,
        name="Brugerne af løsningen",
        influence=1,
        interest=3,
        needs="Oplæring før idriftsættelsen.",
    )
    # A later edit: the approved version stays as it was, the draft moves on.
    strategy.refresh_from_db()
    strategy.it_architecture += "\n\nNye løsninger skal understøtte NIS2-kravene fra starten."
    strategy.save(update_fields=["it_architecture"])


def _measure(org, strategy, *, rng: random.Random, today: dt.date) -> None:
    """Two years of half-yearly measurements moving from the baseline towards the target."""
    days = [
        dt.date(today.year - 1, 6, 30),
        dt.date(today.year - 1, 12, 31),
        dt.date(today.year, 6, 30),
    ]
    rows = []
    for goal in FocusAreaGoal.objects.for_org(org).filter(focus_area__strategy=strategy):
        if goal.source or goal.baseline is None:
            continue
        baseline, target = float(goal.baseline), float(goal.target)
        share = 0.0
        for day in days:
            share += rng.uniform(0.05, 0.2)
            value = baseline + (target - baseline) * share
            rows.append(
                GoalMeasurement(
                    organisation=org,
                    goal=goal,
                    measured_on=day,
                    value=Decimal(str(round(value, 1))),
                    origin=MeasurementOrigin.HAND,
                )
            )
    GoalMeasurement.objects.bulk_create(rows)


def add_generated_publication(org, strategy, scenario, users, *, rng: random.Random) -> None:
    """What `styr generate` adds of issue 17: the solved scenario committed, goal
    measurements, the strategy recommended, approved and published (intranet and public),
    stakeholders and a communication plan, so benchmarks and the query-count walk see it."""
    board = Body.objects.for_org(org).get(kind=BodyKind.EXECUTIVE_BOARD)
    council = Body.objects.for_org(org).get(kind=BodyKind.COUNCIL)
    run = scenario.latest_run()
    if run is not None and run.result and run.result.get("selected"):
        scenario.refresh_from_db()
        commit_scenario(
            scenario=scenario, run=run, user=users[0], expected_version=scenario.version
        )
    _measure(org, strategy, rng=rng, today=dt.date.today())
    version = recommend(strategy=strategy, body=board, user=users[0])
    approve(version=version, body=council, user=users[0])
    publish(version=version, intranet=True, public=True, user=users[0])
    add_plan(
        org, strategy, owner=users[0], stakeholders=STAKEHOLDERS[:4], activities=ACTIVITIES[:3]
    )


def add_plan(org, strategy, *, owner, stakeholders, activities) -> None:
    """Stakeholders and communication activities of the strategy, dated from today."""
    Stakeholder.objects.bulk_create(
        Stakeholder(
            organisation=org,
            strategy=strategy,
            name=name,
            influence=influence,
            interest=interest,
            needs=needs,
        )
        for name, influence, interest, needs in stakeholders
    )
    CommunicationActivity.objects.bulk_create(
        CommunicationActivity(
            organisation=org,
            strategy=strategy,
            audience=audience,
            message=message,
            channel=channel,
            date=dt.date.today() + dt.timedelta(days=days),
            owner=owner,
            status=status,
        )
        for audience, message, channel, days, status in activities
    )
