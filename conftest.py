"""Test set-up shared by every app: the three personas and their organisations."""

import pytest


@pytest.fixture
def org(db):
    from organisations.models import Organisation

    return Organisation.objects.create(
        name="Skovby Kommune",
        slug="skovby",
        code="0999",
        country="DK",
        language="da",
        currency="DKK",
    )


@pytest.fixture
def other_org(db):
    from organisations.models import Organisation

    return Organisation.objects.create(
        name="Fjellvik kommune",
        slug="fjellvik",
        code="0998",
        country="NO",
        language="nb",
        currency="NOK",
    )


def _member(org, email, role):
    from django.contrib.auth import get_user_model

    from organisations.models import Membership

    user = get_user_model().objects.create_user(email, "password-123-abc", name=email.split("@")[0])
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def member(org):
    """A portfolio manager: may write the strategy and any initiative."""
    return _member(org, "member@skovby.dk", "portfolio_manager")


@pytest.fixture
def admin_member(org):
    return _member(org, "admin@skovby.dk", "admin")


@pytest.fixture
def reader(org):
    return _member(org, "reader@skovby.dk", "reader")


@pytest.fixture
def outsider(other_org):
    """An administrator of another municipality: must see nothing of Skovby's."""
    return _member(other_org, "outsider@fjellvik.no", "admin")


@pytest.fixture
def strategy(org):
    from strategy.models import BusinessGoal, FocusArea, FocusAreaGoal, Strategy, Theme

    s = Strategy.objects.create(
        organisation=org,
        title="Digitaliseringsstrategi",
        period_start=2026,
        period_end=2029,
        vision="Mere *velfærd*",
    )
    BusinessGoal.objects.create(
        organisation=org, strategy=s, title="Flere hænder", source="Budgetaftale"
    )
    theme = Theme.objects.create(organisation=org, strategy=s, title="Borgeren i centrum")
    fa = FocusArea.objects.create(organisation=org, strategy=s, theme=theme, title="Selvbetjening")
    FocusAreaGoal.objects.create(
        organisation=org,
        focus_area=fa,
        indicator="Digitale ansøgninger",
        unit="%",
        baseline=70,
        target=90,
        target_date="2028-12-31",
    )
    return s


@pytest.fixture
def initiative(org, strategy, member):
    from initiatives.models import Initiative

    i = Initiative.objects.create(
        organisation=org,
        number=1,
        title="Ny borgerportal",
        track="must_win",
        result_goals="Færre opkald",
        stage="clarify",
        initiative_lead=member,
    )
    i.focus_areas.add(strategy.focus_areas.first())
    return i
