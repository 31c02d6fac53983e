"""Message catalogues: complete English, compiled files in step with their sources."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_english_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE / "en/LC_MESSAGES/django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_compiled_catalogue_matches_its_source(language):
    """The .mo files are committed (no gettext on a fresh machine) and must match the .po."""
    po = polib.pofile(str(LOCALE / f"{language}/LC_MESSAGES/django.po"))
    mo = polib.mofile(str(LOCALE / f"{language}/LC_MESSAGES/django.mo"))
    compiled = {entry.msgid: entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert compiled.get(entry.msgid) == entry.msgstr, entry.msgid


def test_urls_are_translated():
    with translation.override("de"):
        assert reverse("search") == "/de/suche/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
