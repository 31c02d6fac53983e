"""A translation takes its address (slug) from its translated title or name.

wagtail-localize treats the slug as one more text to translate, so an editor who translates
only the title publishes the English page under the German address. When the title (of a
page) or the name (of a snippet such as a blog category) is translated, the address segment
gets the slugified translation too, unless someone translated the address themselves. The
editor sees it in the translation editor and can still change it.
"""

from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation

SLUG_PATH = "slug"
# The field an address is made from, and what the translation editor names as its "tool"
# ("Übersetzt mit dem Titel am …"); that name also marks the slugs made here.
NAME_FIELDS = {"title": "dem Titel", "name": "dem Namen"}


def _is_published(instance):
    if isinstance(instance, Page):
        return instance.live and instance.alias_of_id is None
    if isinstance(instance, DraftStateMixin):
        return instance.live
    # A snippet without drafts is public as soon as it exists.
    return True


def _available_slug(model, slug, locale, source, target):
    """The slug itself, or with "-1", "-2" … (as Wagtail does) when a sibling page or another
    object of the language has it."""
    max_length = model._meta.get_field("slug").max_length
    slug = slug[:max_length]
    if issubclass(model, Page):
        if target is None:
            # The page does not exist yet; wagtail-localize makes the slug unique as it saves.
            return slug
        return find_available_slug(target.get_parent(), slug, ignore_page_id=target.pk)
    taken = set(
        model._default_manager.filter(locale=locale)
        .exclude(translation_key=source.object_id)
        .values_list("slug", flat=True)
    )
    candidate, number = slug, 0
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
    return candidate


def slug_follows_translated_name(sender, instance, raw=False, **kwargs):
    """post_save of StringTranslation: derive the slug's translation from the title's."""
    path = instance.context.path
    if raw or path not in NAME_FIELDS:
        return
    name_segment = (
        StringSegment.objects.filter(
            context_id=instance.context_id, string_id=instance.translation_of_id
        )
        .select_related("source__specific_content_type")
        .order_by("-source__last_updated_at")
        .first()
    )
    if name_segment is None:
        return
    source = name_segment.source
    model = source.specific_content_type.model_class()
    if model is None or path != ("title" if issubclass(model, Page) else "name"):
        return
    slug_segment = (
        StringSegment.objects.filter(source=source, context__path=SLUG_PATH)
        .select_related("context")
        .first()
    )
    if slug_segment is None:
        return
    made_here = set(NAME_FIELDS.values())
    existing = StringTranslation.objects.filter(
        translation_of_id=slug_segment.string_id,
        locale_id=instance.locale_id,
        context_id=slug_segment.context_id,
    ).first()
    if existing is not None and existing.tool_name not in made_here:
        return  # Someone translated the address: it stays theirs.
    target = model._default_manager.filter(
        translation_key=source.object_id, locale_id=instance.locale_id
    ).first()
    if existing is not None and target is not None and _is_published(target):
        return  # A published address stays put when its title is reworded.
    slug = slugify(instance.data)
    if not slug:
        return
    slug = _available_slug(model, slug, instance.locale, source, target)
    StringTranslation.objects.update_or_create(
        translation_of_id=slug_segment.string_id,
        locale_id=instance.locale_id,
        context_id=slug_segment.context_id,
        defaults={
            "data": slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
            "tool_name": NAME_FIELDS[path],
            "last_translated_by": instance.last_translated_by,
            "has_error": False,
            "field_error": "",
        },
    )


def connect():
    post_save.connect(
        slug_follows_translated_name,
        sender=StringTranslation,
        dispatch_uid="home.slug_follows_translated_name",
    )
