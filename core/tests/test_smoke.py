import pytest
from django.test import Client


@pytest.mark.django_db
def test_pages_render_for_a_member(client: Client, member, initiative, strategy, org):
    client.force_login(member)
    for url in [
        "/",
        f"/{org.slug}/",
        f"/{org.slug}/strategies/",
        f"/{org.slug}/strategies/{strategy.pk}/",
        f"/{org.slug}/initiatives/1/",
        f"/{org.slug}/initiatives/1/edit/",
        f"/{org.slug}/initiatives/new/",
        f"/{org.slug}/tracks/",
        f"/{org.slug}/tracks/must_win/",
        f"/{org.slug}/members/",
        "/me/",
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/",
        f"/{org.slug}/strategies/{strategy.pk}/themes/add/",
        "/permissions/",
        "/accounts/login/",
    ]:
        r = client.get(url, follow=True)
        assert r.status_code == 200, url


@pytest.mark.django_db
def test_the_admin_lists_organisations_and_users(client: Client, django_user_model, org):
    su = django_user_model.objects.create_superuser("root@styr.dk", "pw-123456-x")
    client.force_login(su)
    for url in (
        "/admin/organisations/organisation/",
        f"/admin/organisations/organisation/{org.pk}/change/",
        "/admin/accounts/user/",
        "/admin/accounts/user/add/",
    ):
        assert client.get(url).status_code == 200, url
