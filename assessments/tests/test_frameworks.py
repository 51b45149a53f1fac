"""Frameworks as data: the library in three languages, the office's changes, and versions
that keep every round's framework as it was run."""

import pytest
from django.urls import reverse

from assessments import library, services
from assessments.models import Framework, Statement


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_each_library_framework_installs_complete_in_each_language(org, language):
    for key, source in library.LIBRARY.items():
        f = services.install_framework(organisation=org, key=key, language=language)
        assert f.language == language and f.key == key and f.shipped
        assert [d.name for d in f.dimensions.all()] == [
            d.name.text(language) for d in source.dimensions
        ]
        assert Statement.objects.filter(dimension__framework=f).count() == sum(
            len(d.statements) for d in source.dimensions
        )
        assert len(f.levels) == 5 and all(f.levels)


def test_the_library_holds_the_seeds_frameworks_with_three_to_five_statements_each():
    assert len(library.SUCCESS_CRITERIA.dimensions) == 9
    assert len(library.STRATEGY_FRAME.dimensions) == 5
    assert [d.key for d in library.READINESS.dimensions] == [
        "experience",
        "maturity",
        "leadership",
        "engagement",
    ]
    for f in library.LIBRARY.values():
        for d in f.dimensions:
            assert 3 <= len(d.statements) <= 5
            for text in (d.name, d.description, *d.statements):
                assert text.en and text.da and text.nb and text.da != text.en


def test_the_office_adds_a_framework_from_the_library(client, member, org):
    client.force_login(member)
    url = reverse("assessments:frameworks", args=["skovby"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"key": "change-readiness", "language": "nb"})
    f = Framework.objects.get()
    assert response.status_code == 302 and f.per_initiative and f.language == "nb"
    assert client.post(url, {"key": "nope", "language": "da"}).status_code == 400


def test_an_unused_framework_is_changed_in_place(client, member, framework):
    client.force_login(member)
    d = framework.dimensions.first()
    url = reverse("assessments:dimension_edit", args=["skovby", framework.pk, d.pk])
    response = client.post(url, {"name": "Ejerskab", "description": "", "statements": "Et\nTo\n\n"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.name == "Ejerskab" and [s.text for s in d.statements.all()] == ["Et", "To"]
    assert client.post(url, {"name": "X", "statements": " \n "}).status_code == 400


def test_a_used_framework_is_kept_and_a_new_version_made_instead(
    client, member, answered, framework
):
    client.force_login(member)
    d = framework.dimensions.first()
    before = [s.text for s in d.statements.all()]
    url = reverse("assessments:dimension_edit", args=["skovby", framework.pk, d.pk])
    refused = client.post(url, {"name": "X", "statements": "Y"})
    assert refused.status_code == 302
    assert [s.text for s in d.statements.all()] == before
    with pytest.raises(services.FrameworkInUse):
        services.save_dimension(
            framework=framework, dimension=d, name="X", description="", statements=["Y"]
        )
    copy = client.post(
        reverse("assessments:framework_copy", args=["skovby", framework.pk]), {"as": "version"}
    )
    assert copy.status_code == 302
    new = Framework.objects.get(previous=framework)
    assert new.version == 2 and new.lineage == framework.lineage and not new.shipped
    assert list(Framework.objects.for_org(framework.organisation).current()) == [new]
    assert answered.framework_id == framework.pk  # the round keeps the version it ran with


def test_a_copy_is_a_framework_of_its_own(framework):
    copy = services.copy_framework(framework=framework, as_new_version=False)
    assert copy.lineage != framework.lineage and copy.version == 1 and copy.previous is None
    assert copy.dimensions.count() == 9 and copy.questions.count() == framework.questions.count()


def test_a_framework_of_ones_own_starts_empty_with_the_levels(client, member, org):
    client.force_login(member)
    response = client.post(
        reverse("assessments:framework_new", args=["skovby"]), {"name": "Vores", "language": "da"}
    )
    f = Framework.objects.get(name="Vores")
    assert response.status_code == 302 and f.lineage == f"own-{f.pk}" and len(f.levels) == 5
    edit = reverse("assessments:framework_edit", args=["skovby", f.pk])
    data = {
        "name": "Vores",
        "description": "",
        "language": "da",
        "level_1": "a",
        "level_2": "b",
        "level_3": "c",
        "level_4": "d",
        "level_5": "e",
        "questions_text": "Hvad?\nHvorfor?",
    }
    assert client.post(edit, data).status_code == 302
    f.refresh_from_db()
    assert f.levels == ["a", "b", "c", "d", "e"] and f.questions.count() == 2


def test_a_reader_cannot_change_frameworks(client, reader, framework):
    client.force_login(reader)
    assert client.get(reverse("assessments:frameworks", args=["skovby"])).status_code == 403
    assert (
        client.get(reverse("assessments:framework", args=["skovby", framework.pk])).status_code
        == 200
    )
