"""A translated blog category takes its address from its translated name, unique in its language."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from blog.models import BlogCategory

pytestmark = pytest.mark.django_db


def test_a_translated_category_takes_a_free_address_from_its_name():
    german, english = (Locale.objects.get(language_code=code) for code in ("de", "en"))
    BlogCategory.objects.create(name="Volunteering", slug="volunteering", locale=english)
    category = BlogCategory.objects.create(name="Ehrenamt", slug="ehrenamt", locale=german)
    source, _created = TranslationSource.get_or_create_from_instance(category)
    translation = Translation.objects.create(source=source, target_locale=english)
    name = StringSegment.objects.get(source=source, context__path="name")

    StringTranslation.objects.create(
        translation_of=name.string,
        locale=english,
        context=name.context,
        data="Volunteering",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    translation.save_target(publish=True)

    translated = BlogCategory.objects.get(translation_key=category.translation_key, locale=english)
    assert translated.name == "Volunteering"
    assert translated.slug == "volunteering-1"
