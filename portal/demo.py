"""Tools for content made in code: the site set-up and the demo content every app adds.

Texts are written as ``T(german, english)`` pairs: the German page is built from the first
half, and the English half becomes wagtail-localize's translation of each German segment,
so the English pages are real synced translations that editors can keep working on.
"""

import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationSource,
)
from wagtail_localize.models import (
    Translation as LocalizeTranslation,
)

from portal.demo_images import SCENES, draw_scene


@dataclass(frozen=True)
class T:
    """A text in German and English."""

    de: str
    en: str


# The credit line of every picture the demo draws (portal/demo_images.py).
ILLUSTRATION_CREDIT = T("Illustration: für die Demo gezeichnet", "Illustration: drawn for the demo")


def pick(value, language):
    """The value with every ``T`` replaced by its text in ``language`` ("de" or "en")."""
    if isinstance(value, T):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: pick(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [pick(item, language) for item in value]
    if isinstance(value, tuple):
        return tuple(pick(item, language) for item in value)
    return value


# wagtail-localize makes one segment per block-level element of rich text.
RICH_TEXT_SEGMENT = re.compile(r"<(p|li|h2|h3|h4)[^>]*>(.*?)</\1>", re.S)


def translation_pairs(value, pairs=None):
    """Every German text of ``value`` mapped to its English text, rich text split like localize."""
    pairs = {} if pairs is None else pairs
    if isinstance(value, T):
        de_parts = RICH_TEXT_SEGMENT.findall(value.de)
        en_parts = RICH_TEXT_SEGMENT.findall(value.en)
        if de_parts and len(de_parts) == len(en_parts):
            for (_tag, de), (_tag2, en) in zip(de_parts, en_parts, strict=True):
                pairs[de.strip()] = en.strip()
        else:
            pairs[value.de] = value.en
    elif isinstance(value, dict):
        for item in value.values():
            translation_pairs(item, pairs)
    elif isinstance(value, list | tuple):
        for item in value:
            translation_pairs(item, pairs)
    return pairs


@dataclass
class Demo:
    """What a DEMO_CONTENT hook receives: the locales, the home pages and helpers."""

    stdout: Any = None
    de: Locale = None
    en: Locale = None
    site: Site = None
    pages: dict = field(default_factory=dict)

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @property
    def home_de(self):
        return self.pages.get("home_de")

    @property
    def home_en(self):
        return self.pages.get("home_en")

    def child(self, parent, model, slug, content, publish=True):
        """The German child page ``slug`` of ``parent``, created from ``content`` if missing."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing, False
        page = model(slug=slug, locale=parent.locale, **pick(content, "de"))
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        self.log(f"  + {model.__name__} {page.title}")
        return page, True

    def translate(self, page, content, extra_pairs=None):
        """Publish the English translation of ``page`` (see :func:`publish_translation`)."""
        return publish_translation(page, content, self.en, extra_pairs)

    def image(self, title, seed, scene=None, size=(1600, 1000)):
        """An image of the library: an illustration drawn here (portal/demo_images.py).

        ``scene`` is one of ``demo_images.SCENES`` or "portrait"; without it the seed picks one.
        """
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        canvas = draw_scene(scene or SCENES[seed % len(SCENES)], seed, size)
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=82)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        image = Image(title=title, file=ImageFile(buffer, name=f"{slug}.jpg"))
        image.save()
        return image


def publish_translation(page, content, locale, extra_pairs=None):
    """Publish the translation of ``page`` into ``locale`` from the English half of ``content``.

    Returns the translated page and the German segments that found no English text.
    """
    pairs = translation_pairs(content)
    pairs[page.title] = pick(content, "en").get("title", page.title)
    if extra_pairs:
        pairs.update(extra_pairs)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        english = pairs.get(segment.string.data.strip())
        if english is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english, "translation_type": "manual"},
        )
    translation, _created = LocalizeTranslation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=True)
    english_page = page.get_translation(locale).specific
    return english_page, missing


def ensure_locales():
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return de, en


def root_page():
    return Page.get_first_root_node()


def prepare_pictures(site):
    """Render every showcase page once, so its pictures exist in all sizes and formats.

    An AVIF rendition takes a few hundred milliseconds: a directory of 24 new logos would
    make its first visitor (and every test that starts from the demo) wait for seconds.
    """
    from django.test import Client

    from portal.showcase import showcase_pages

    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    client = Client(HTTP_HOST=host, secure=site.port == 443)
    for page in showcase_pages():
        client.get(page.path)
