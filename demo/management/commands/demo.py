"""`styr demo`: load the fictional demo municipality (idempotent)."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from demo import skovby as D
from demo.assessments import add_fjellvik_assessment, add_skovby_assessments
from demo.cases import add_cases_and_benefits
from demo.catalogue import add_skovby_catalogue
from demo.governance import add_governance
from demo.involvement import add_skovby_involvement, turn_into_initiatives
from demo.prioritisation import add_prioritisation
from demo.publication import add_skovby_publication
from governance.models import Body
from governance.services import create_defaults
from initiatives.models import Initiative, Tag
from initiatives.tracks import DEFAULT_ENGAGEMENT, DEFAULT_OWNER
from organisations.models import Membership, Organisation
from organisations.permissions import Role
from organisations.transfer import delete_organisation
from strategy.models import BusinessGoal, FocusArea, FocusAreaGoal, Strategy, StrategyStatus, Theme
from strategy.services import measure_computed

PASSWORD = "styr-demo-2026"
SLUG = "skovby"


LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = "Load the demo municipality Skovby Kommune with a strategy and about 40 initiatives."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete and load it again.")

    def handle(self, *args, reset: bool = False, **options):
        existing = Organisation.objects.filter(slug=SLUG).first()
        if existing and reset:
            with transaction.atomic():
                delete_organisation(existing)
            existing = None
        if existing is None:
            # The demo's decisions notify people; keep those e-mails off the console.
            with override_settings(EMAIL_BACKEND=LOCMEM), transaction.atomic():
                self._load()
            self.stdout.write(self.style.SUCCESS("Demo municipality Skovby Kommune loaded."))
        else:
            self.stdout.write("Demo municipality already loaded (use --reset to reload).")
        self.stdout.write("\nDemo logins (password for all: %s):" % PASSWORD)
        for username, name, role in D.PEOPLE:
            self.stdout.write(f"  {username}@skovby.dk  {name}  ({Role(role).label})")
        other = _("administrator of another municipality")
        self.stdout.write(f"  nabo@fjellvik.no  Nora Nabo  ({other})")

    def _user(self, email: str, name: str, staff: bool = False):
        User = get_user_model()
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, PASSWORD, name=name, is_staff=staff)
        return user

    def _load(self) -> None:
        org = Organisation.objects.create(
            name="Skovby Kommune",
            slug=SLUG,
            code="0999",
            country="DK",
            language="da",
            currency="DKK",
            inhabitants=48_000,
        )
        people = {}
        for username, name, role in D.PEOPLE:
            user = self._user(f"{username}@skovby.dk", name, staff=(role == "admin"))
            Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": role})
            people[role] = user

        # A second, Norwegian municipality: shows that one server keeps them apart.
        other = Organisation.objects.filter(slug="fjellvik").first()
        if other is None:
            other = Organisation.objects.create(
                name="Fjellvik kommune",
                slug="fjellvik",
                code="0998",
                country="NO",
                language="nb",
                currency="NOK",
            )
            nabo = self._user("nabo@fjellvik.no", "Nora Nabo")
            Membership.objects.create(user=nabo, organisation=other, role="admin")
            add_fjellvik_assessment(other, rng=random.Random(2030))
            s = Strategy.objects.create(
                organisation=other,
                title="Digitaliseringsstrategi",
                period_start=2025,
                period_end=2028,
                vision="Fjellvik kommune skal være digital først.",
            )
            t = Theme.objects.create(organisation=other, strategy=s, title="Innbyggeren først")
            FocusArea.objects.create(organisation=other, strategy=s, theme=t, title="Selvbetjening")
            Initiative.objects.create(
                organisation=other,
                number=1,
                title="Hemmelig tiltak i Fjellvik",
                track="must_win",
                result_goals="Bedre tjenester.",
                stage="clarify",
            )
        # The portfolio manager also works for Fjellvik, to show switching organisations.
        Membership.objects.get_or_create(
            user=people["portfolio_manager"], organisation=other, defaults={"role": "reader"}
        )

        strategy = Strategy.objects.create(
            organisation=org,
            title="Digitaliseringsstrategi",
            period_start=2026,
            period_end=2029,
            status=StrategyStatus.APPROVED,
            vision=D.VISION,
            governance=D.GOVERNANCE,
            it_architecture=D.IT,
        )
        goals = [
            BusinessGoal.objects.create(
                organisation=org,
                strategy=strategy,
                title=title,
                source=source,
                description=description,
                order=i,
            )
            for i, (title, source, description) in enumerate(D.BUSINESS_GOALS)
        ]
        themes = [
            Theme.objects.create(
                organisation=org, strategy=strategy, title=title, description=description, order=i
            )
            for i, (title, description) in enumerate(D.THEMES)
        ]
        focus_areas = []
        for i, (theme_index, title, description, measures) in enumerate(D.FOCUS_AREAS):
            fa = FocusArea.objects.create(
                organisation=org,
                strategy=strategy,
                theme=themes[theme_index],
                title=title,
                description=description,
                order=i,
            )
            for indicator, unit, baseline, target, date in measures:
                FocusAreaGoal.objects.create(
                    organisation=org,
                    focus_area=fa,
                    indicator=indicator,
                    unit=unit,
                    baseline=baseline,
                    target=target,
                    target_date=dt.date.fromisoformat(date),
                )
            focus_areas.append(fa)

        tags = {
            name: Tag.objects.create(organisation=org, name=name)
            for name in ("AI", "Borgerservice", "Ældre", "Sikkerhed")
        }
        create_defaults(org)  # the bodies first: each initiative gets its track's owner body
        bodies = {b.kind: b for b in Body.objects.for_org(org)}
        initiatives = []
        for n, (
            title,
            track,
            source,
            stage,
            ambition,
            fa_index,
            goal_index,
            description,
        ) in enumerate(D.INITIATIVES, start=1):
            start = dt.date(2026 + (n % 3), 1 + (n * 5) % 12, 1)
            clarify, pilot, implement = DEFAULT_ENGAGEMENT[ambition] if ambition else ("", "", "")
            initiative = Initiative.objects.create(
                organisation=org,
                number=n,
                title=title,
                description=description,
                track=track,
                source=source,
                stage=stage,
                ambition=ambition,
                owner_body=bodies[DEFAULT_OWNER[track]],
                engagement_clarify=clarify,
                engagement_pilot=pilot,
                engagement_implement=implement,
                result_goals="Målbar effekt for borgere og medarbejdere, jf. indsatsområdets mål."
                if track == "must_win"
                else "",
                initiative_lead=people["initiative_lead"] if n % 2 else people["portfolio_manager"],
                benefit_owner=people["benefit_owner"],
                planned_start=start,
                planned_end=start.replace(year=start.year + 2),
                deadline=dt.date(2027 + n % 3, 12, 31) if track == "mandatory" else None,
                created_by=people["portfolio_manager"],
            )
            initiative.focus_areas.add(focus_areas[fa_index])
            initiative.business_goals.add(goals[goal_index])
            if "AI" in title or "Chatbot" in title:
                initiative.tags.add(tags["AI"])
            if fa_index in (0, 1):
                initiative.tags.add(tags["Borgerservice"])
            if fa_index == 2:
                initiative.tags.add(tags["Ældre"])
            if "sikker" in title.lower() or "NIS2" in title:
                initiative.tags.add(tags["Sikkerhed"])
            initiatives.append(initiative)
        for dependent, prerequisite in D.DEPENDENCIES:
            initiatives[dependent].depends_on.add(initiatives[prerequisite])
        # Business cases and benefits for the initiatives past the idea stage.
        add_cases_and_benefits(
            org,
            [i for i in initiatives if i.stage != "idea"][:20],
            owner=people["benefit_owner"],
            rng=random.Random(2026),
        )
        add_governance(org, initiatives, people, rng=random.Random(2028))
        ready = next(i for i in initiatives if i.stage == "clarify")
        add_skovby_assessments(org, initiative=ready, people=people, rng=random.Random(2029))
        add_skovby_involvement(org, people=people, rng=random.Random(2031))
        turn_into_initiatives(
            org,
            membership=Membership.objects.get(organisation=org, user=people["portfolio_manager"]),
            user=people["portfolio_manager"],
        )
        FocusAreaGoal.objects.for_org(org).filter(indicator__startswith="Registrerede bøvl").update(
            source="hassles_on_time"
        )
        add_prioritisation(
            org,
            strategy,
            [i for i in initiatives if i.stage not in ("closed", "stopped")],
            [people["portfolio_manager"], people["decision_maker"]],
            rng=random.Random(2027),
        )
        measure_computed(FocusAreaGoal.objects.for_org(org))
        add_skovby_publication(org, strategy, initiatives, people, rng=random.Random(2032))
        add_skovby_catalogue(
            org,
            initiatives,
            membership=Membership.objects.get(organisation=org, user=people["portfolio_manager"]),
            user=people["portfolio_manager"],
        )
