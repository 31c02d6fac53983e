"""The translation flow in the admin speaks German: the portal's catalogue (LOCALE_PATHS) wins
over Wagtail's and wagtail-localize's, on the server and in the editor's JavaScript."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import override as translation_override
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import standard_page

pytestmark = pytest.mark.django_db

# "Locale" as a word: the editor's data names its fields "sourceLocale" and the like.
ENGLISH_OR_JARGON = re.compile(
    r"(?<![A-Za-z])Locales?\b|PO Datei|More actions|to English translation|English<"
)


def test_the_portal_catalogue_comes_before_the_apps_catalogues():
    with translation_override("de"):
        # wagtail-localize says "Locale" for all three, Wagtail "Locales umschalten".
        assert gettext("Locales") == "Sprachen"
        assert gettext("Locale") == "Sprache"
        assert gettext("Switch locales") == "Sprache wechseln"
        assert gettext("Please upload a valid PO file.").startswith(
            "Bitte laden Sie eine gültige Übersetzungsdatei (PO)"
        )
        assert str(Locale.objects.get(language_code="en").get_display_name()) == "Englisch"
    with translation_override("en"):
        assert gettext("Locales") == "Locales"
        assert str(Locale.objects.get(language_code="de").get_display_name()) == "German"


def test_the_editor_javascript_catalogue_has_the_portal_german(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtail_localize:javascript_catalog"))
    text = response.content.decode()
    assert response.status_code == 200
    assert (
        "\\u00dcbersetzungsdatei (PO) herunterladen" in text
        or "Übersetzungsdatei (PO) herunterladen" in text
    )
    assert "PO Datei" not in text


def test_submitting_and_editing_a_translation_speaks_german(client, editor):
    page = standard_page("Unser Saal", slug="unser-saal")
    client.force_login(editor)

    form = client.get(f"/admin/localize/submit/page/{page.pk}/").content.decode()
    assert "Sprachen" in form and "Englisch" in form
    assert ENGLISH_OR_JARGON.findall(form) == []

    english = Locale.objects.get(language_code="en")
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    editor_page = client.get(response.url).content.decode()
    assert "js/admin/translation-editor.js" in editor_page
    assert "css/admin/translation-editor.css" in editor_page
    assert "Deutsch" in editor_page and "Englisch" in editor_page
    assert ENGLISH_OR_JARGON.findall(editor_page) == []
    source = TranslationSource.objects.get(object_id=page.translation_key)
    assert Translation.objects.filter(source=source, target_locale=english).exists()
