"""Danish is the default and Norwegian Bokmål is complete: no message is left untranslated."""

import re
from pathlib import Path

import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["da", "nb"])
def test_every_message_is_translated(language):
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    untranslated = []
    for entry in entries:
        if entry.lstrip().startswith("#~"):
            continue
        msgid = "".join(re.findall(r'^msgid "(.*)"$|^"(.*)"$', entry, re.M)[0])
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', entry, re.M)
        if not any(a or b.strip() for a, b in strs):
            untranslated.append(msgid)
        if "fuzzy" in entry.split("msgid")[0]:
            untranslated.append("fuzzy: " + msgid)
    assert not untranslated, untranslated[:10]


def test_the_compiled_catalogues_are_current():
    for language in ("da", "nb"):
        po = LOCALE / language / "LC_MESSAGES" / "django.po"
        mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
        assert mo.exists() and mo.stat().st_size > 1000
        assert mo.read_bytes().count(b"\x00") > 100
        # Every msgstr in the .po must appear in the compiled .mo.
        text = po.read_text(encoding="utf-8")
        compiled = mo.read_bytes()
        for msgstr in re.findall(r'^msgstr "(.+)"$', text, re.M)[1:]:
            assert msgstr.encode().replace(b'\\"', b'"') in compiled, msgstr


def test_the_ui_speaks_danish_and_norwegian():
    with translation.override("da"):
        assert translation.gettext("Portfolio") == "Portefølje"
        assert translation.gettext("Must-win challenge") == "Skal-udfordring"
    with translation.override("nb"):
        assert translation.gettext("Initiatives") == "Tiltak"
        assert translation.gettext("Focus area") == "Innsatsområde"
