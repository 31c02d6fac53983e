"""A translated page takes its address from its translated title, unless the address was
translated too; the address stays unique among its siblings and does not move once published."""

import pytest
from django.contrib.auth import get_user_model
from django.utils.translation import override as translation_override
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.factories import german_home, standard_page

pytestmark = pytest.mark.django_db


def _translation(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    return translation


def _translate(translation, path, text, user=None):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    found, _created = StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
        },
    )
    return found


def _publish(translation, capture):
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation.source.get_translated_instance(translation.target_locale).specific


def test_the_slug_comes_from_the_translated_title(django_capture_on_commit_callbacks, client):
    page = standard_page("Unser neuer Flügel", slug="unser-neuer-fluegel")
    translation = _translation(page)

    _translate(translation, "title", "Our new grand piano")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.title == "Our new grand piano"
    assert english.slug == "our-new-grand-piano"
    assert english.live
    assert english.url == "/en/our-new-grand-piano/"
    assert client.get("/en/our-new-grand-piano/").status_code == 200
    made = StringTranslation.objects.get(
        context__path="slug", context__object_id=page.translation_key, locale__language_code="en"
    )
    with translation_override("de"):
        assert made.get_comment().startswith("Übersetzt mit dem Titel am")


def test_an_address_translated_by_hand_is_kept(django_capture_on_commit_callbacks):
    page = standard_page("Unser Saal", slug="unser-saal")
    translation = _translation(page)

    _translate(translation, "slug", "the-hall")
    _translate(translation, "title", "Our hall")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.slug == "the-hall"


def test_an_address_translated_by_hand_after_the_title_wins(django_capture_on_commit_callbacks):
    page = standard_page("Unsere Bühne", slug="unsere-buehne")
    translation = _translation(page)

    _translate(translation, "title", "Our stage")
    _translate(translation, "slug", "stage")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.slug == "stage"


def test_the_slug_stays_unique_among_its_siblings(django_capture_on_commit_callbacks):
    english_home = german_home().get_translation(Locale.objects.get(language_code="en"))
    standard_page("Our café", slug="our-cafe", parent=english_home)
    page = standard_page("Unser Café", slug="unser-cafe")
    translation = _translation(page)

    _translate(translation, "title", "Our café")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.slug == "our-cafe-1"
    assert english.get_parent().pk == english_home.pk


def test_a_published_address_stays_when_the_title_is_reworded(django_capture_on_commit_callbacks):
    page = standard_page("Unser Garten", slug="unser-garten")
    translation = _translation(page)
    _translate(translation, "title", "Our garden")
    assert _publish(translation, django_capture_on_commit_callbacks).slug == "our-garden"

    _translate(translation, "title", "The garden behind the house")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.title == "The garden behind the house"
    assert english.slug == "our-garden"


def test_the_slug_follows_the_title_while_the_translation_is_a_draft(
    django_capture_on_commit_callbacks,
):
    page = standard_page("Unser Hof", slug="unser-hof")
    translation = _translation(page)
    _translate(translation, "title", "Our yard")
    translation.save_target(publish=False)

    _translate(translation, "title", "Our courtyard")
    english = _publish(translation, django_capture_on_commit_callbacks)

    assert english.slug == "our-courtyard"


def test_the_slug_translation_names_who_translated_the_title():
    editor = get_user_model().objects.create_user("slug-editor", password="x-Passwort-123")
    page = standard_page("Unser Foyer", slug="unser-foyer")
    translation = _translation(page)

    _translate(translation, "title", "Our foyer", user=editor)

    made = StringTranslation.objects.get(
        context__path="slug", context__object_id=page.translation_key, locale__language_code="en"
    )
    assert made.data == "our-foyer"
    assert made.last_translated_by == editor
