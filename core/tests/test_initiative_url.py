"""The initiative_url filter: the same address as {% url %}, reversed once per organisation."""


def test_the_initiative_url_filter_gives_what_url_gives():
    from django.urls import reverse

    from core.templatetags.styr import initiative_url

    for slug, number in (("skovby", 7), ("gen-001", 300)):
        assert initiative_url(number, slug) == reverse("initiatives:detail", args=[slug, number])
