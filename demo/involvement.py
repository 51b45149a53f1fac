"""Ideas and hassles for the demo and the scale data set, written in bulk as months of
employees would have left them (`involvement.services` is the way for one)."""

from __future__ import annotations

import datetime as dt
import random

from django.core.files.base import ContentFile

from involvement import services
from involvement.figures import hours_per_year
from involvement.models import Campaign, ChangeAgent, Comment, Item, Screenshot, Vote
from organisations.models import Department

# A 1 × 1 PNG: the demo's screenshot.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

HASSLES = (
    ("Printeren på 2. sal hænger hver morgen", "Printer", 10, 1, "day"),
    ("Langsom opstart af ESDH", "ESDH", 5, 4, "day"),
    ("Dobbeltindtastning mellem omsorgssystem og løn", "Omsorgssystem", 20, 2, "week"),
    ("VPN falder ud på hjemmearbejdsdage", "VPN", 15, 2, "week"),
    ("Mødelokaler kan ikke bookes fra telefonen", "Kalender", 5, 3, "week"),
    ("Nulstilling af adgangskode kræver opkald til it", "Adgangskoder", 20, 1, "month"),
    ("Wi-fi i plejecentrene er ustabilt", "Netværk", 10, 5, "week"),
    ("Skabeloner i Word er forældede", "Office", 10, 2, "week"),
    ("Borgerservice mangler integration til booking", "Booking", 8, 10, "day"),
    ("Scanneren gemmer filer i forkert mappe", "Scanner", 5, 5, "week"),
)
IDEAS = (
    ("SMS-påmindelser før aftaler i hjemmeplejen", "Borgerne og medarbejderne"),
    ("Fælles kalender for alle plejecentre", "Vagtplanlæggerne"),
    ("Chatbot til de mest stillede spørgsmål om affald", "Borgerne"),
    ("Tablets til alle hjemmehjælpere", "Hjemmehjælperne"),
    ("Digital tavle i stedet for papirlister", "Teamlederne"),
    ("Robotstøvsugere i daginstitutioner", "Pædagogerne"),
)


def _bulk(org, *, people, departments, rng, n, campaign=None, today, start_number=1) -> list[Item]:
    """`n` items (two hassles to every idea), created over the last year; answered ones
    mostly on time; numbered from `start_number`."""
    items = []
    for k in range(n):
        created = today - dt.timedelta(days=rng.randrange(0, 365))
        hassle = rng.random() < 2 / 3
        department = rng.choice(departments) if departments else None
        if hassle:
            title, system, minutes, times, per = rng.choice(HASSLES)
            people_count = rng.choice((1, 3, 5, 10, 20, 40))
            item = Item(
                kind="hassle",
                title=title,
                system=system,
                minutes=minutes,
                times=times,
                per=per,
                people=people_count,
                description="Det koster tid hver gang, og vi ved ikke, hvem der kan løse det.",
                hours=hours_per_year(minutes, times, per, people_count),
            )
        else:
            title, whom = rng.choice(IDEAS)
            item = Item(
                kind="idea",
                title=title,
                benefits_whom=whom,
                description="Det ville spare tid og gøre det lettere for borgerne.",
            )
        item.organisation = org
        item.number = start_number + k
        item.department = department
        item.campaign = campaign if campaign and rng.random() < 0.5 else None
        item.submitter = rng.choice(people)
        item.anonymous = rng.random() < 0.15
        item.due_on = created + dt.timedelta(days=org.answer_days)
        if item.due_on < today and rng.random() < 0.8:
            late = rng.random() < 0.25
            answered = (
                item.due_on + dt.timedelta(days=rng.randrange(1, 20))
                if late
                else (created + dt.timedelta(days=rng.randrange(1, org.answer_days + 1)))
            )
            item.status, item.answered_on = "answered", min(answered, today)
            item.resolution = rng.choice(("fixed", "fixed", "declined"))
            item.answer = (
                "Tak. Det er nu løst."
                if item.resolution == "fixed"
                else (
                    "Vi har set på det; det ligger uden for, hvad vi kan ændre nu."
                    if item.resolution == "declined"
                    else "Sagen går videre til direktionen."
                )
            )
        elif item.due_on >= today and rng.random() < 0.3:
            item.status = "review"
        items.append(item)
    Item.objects.bulk_create(items, batch_size=1000)
    # auto_now_add ignores a given value: spread the creation dates as above.
    return list(Item.objects.for_org(org).filter(number__gte=start_number).order_by("number"))


def _votes(org, items, voters, *, rng, per_item: float) -> int:
    rows = []
    counts = {}
    for item in items:
        k = min(len(voters), max(0, round(rng.expovariate(1 / per_item)))) if per_item else 0
        for user in rng.sample(voters, k):
            rows.append(Vote(organisation=org, item=item, user=user))
        counts[item.pk] = k
    Vote.objects.bulk_create(rows, batch_size=5000)
    for_update = []
    for item in items:
        item.votes = counts[item.pk]
        for_update.append(item)
    Item.objects.bulk_update(for_update, ["votes"], batch_size=1000)
    return len(rows)


def add_skovby_involvement(org, *, people: dict, rng: random.Random, today=None) -> Campaign:
    """A running campaign with 60+ items across the departments, votes, anonymous and
    merged ones, a few turned into initiatives, one overdue; change agents; the e-mail
    domain; the strategy's hassle goal measured from them."""
    today = today or dt.date.today()
    org.email_domains = "skovby.dk"
    org.save(update_fields=["email_domains"])
    departments = list(Department.objects.for_org(org))
    users = list(people.values())
    campaign = Campaign.objects.create(
        organisation=org,
        title="Hvad stjæler din tid?",
        description="Fortæl os om det bøvl, der tager tid fra borgerne. Alt får et svar.",
        opens_on=today - dt.timedelta(days=20),
        closes_on=today + dt.timedelta(days=25),
        created_by=people["portfolio_manager"],
    )
    items = _bulk(
        org, people=users, departments=departments, rng=rng, n=64, campaign=campaign, today=today
    )
    _votes(org, items, users, rng=rng, per_item=2.0)
    # One overdue, open.
    overdue = next(i for i in items if i.status != "answered")
    Item.objects.filter(pk=overdue.pk).update(due_on=today - dt.timedelta(days=3), status="new")
    # Two merged into a third (their votes moved), both submitters told.
    open_hassles = [
        i for i in items if i.kind == "hassle" and i.status != "answered" and i != overdue
    ]
    target, *merged = open_hassles[:3]
    for m in merged:
        Vote.objects.filter(item=m).exclude(
            user_id__in=Vote.objects.filter(item=target).values("user_id")
        ).update(item=target)
        Vote.objects.filter(item=m).delete()
        Item.objects.filter(pk=m.pk).update(
            status="answered",
            resolution="merged",
            merged_into=target,
            votes=0,
            answer="Samme sag som #%d; vi samler den der." % target.number,
            answered_on=today - dt.timedelta(days=1),
            answered_by=people["portfolio_manager"],
        )
    Item.objects.filter(pk=target.pk).update(votes=Vote.objects.filter(item=target).count())
    ChangeAgent.objects.bulk_create(
        ChangeAgent(organisation=org, user=people[role], department=d)
        for role, d in zip(("contributor", "benefit_owner"), departments, strict=False)
    )
    Comment.objects.create(
        organisation=org,
        item=target,
        author=people["contributor"],
        text="Det samme sker hos os i Borgerservice.",
    )
    shot = Screenshot(organisation=org, item=target, content_type="image/png")
    shot.image.save("printer.png", ContentFile(PNG), save=True)
    return campaign


def turn_into_initiatives(org, *, membership, user, n: int = 2) -> None:
    """A few open items answered as initiatives, through the service (numbering, history)."""
    for item in (
        Item.objects.for_org(org).exclude(status="answered").order_by("-votes", "number")[:n]
    ):
        services.answer(
            item=item,
            expected_version=item.version,
            resolution="initiative",
            text="Vi tager den videre som et initiativ.",
            user=user,
            membership=membership,
        )


def add_generated_items(
    org, *, people, rng: random.Random, n: int, votes_per_item: float = 2.0, today=None
) -> int:
    """`styr generate`: `n` items with about `votes_per_item` votes each, a campaign, a
    change agent and a screenshot."""
    today = today or dt.date.today()
    departments = list(Department.objects.for_org(org))
    campaign = Campaign.objects.create(
        organisation=org,
        title="Hvad stjæler din tid?",
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=20),
    )
    items = _bulk(
        org, people=people, departments=departments, rng=rng, n=n, campaign=campaign, today=today
    )
    _votes(org, items, people, rng=rng, per_item=votes_per_item)
    if departments:
        ChangeAgent.objects.get_or_create(
            organisation=org, user=people[0], department=departments[0]
        )
    if items:
        shot = Screenshot(organisation=org, item=items[0], content_type="image/png")
        shot.image.save("screenshot.png", ContentFile(PNG), save=True)
    return len(items)
