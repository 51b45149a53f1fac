"""Versioned.claim: the one conditional UPDATE behind every versioned save."""

import pytest
from django.db.models import Q

from core.versioning import StaleObjectError
from initiatives.models import Initiative


def test_a_claim_bumps_the_version_and_sets_the_values(initiative):
    version = initiative.version
    initiative.claim(version, title="Ny titel")
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.version, stored.title) == (version + 1, "Ny titel")
    assert (initiative.version, initiative.title) == (version + 1, "Ny titel")


def test_a_claim_on_an_outdated_version_changes_nothing(initiative):
    version = initiative.version
    initiative.claim(version)
    with pytest.raises(StaleObjectError):
        initiative.claim(version, title="Overskrevet")
    assert Initiative.objects.get(pk=initiative.pk).title != "Overskrevet"


def test_a_claim_whose_condition_no_longer_holds_is_refused(initiative):
    with pytest.raises(StaleObjectError):
        initiative.claim(only_if=Q(stage="operation"), stage="closed")
    initiative.claim(only_if=Q(stage=initiative.stage), stage="closed")
    assert Initiative.objects.get(pk=initiative.pk).stage == "closed"


def test_history_values_read_as_words_dates_and_numbers_of_the_reader(db):
    from django.utils import translation

    from core.models import readable

    with translation.override("da"):
        assert readable("2027-03-01", "date") == "01.03.2027"
        assert readable("40000.00", "number") == "40.000"
        assert readable(True) == "ja"
        assert readable([["Investering", [3000000.0, None]]]) == "Investering: 3.000.000, —"
        assert readable(["I-001 Ny portal", "Tvunget med", 2027, None]) == (
            "I-001 Ny portal, Tvunget med, 2027, —"
        )
    with translation.override("en"):
        assert readable("2027-03-01", "date") == "03/01/2027"
