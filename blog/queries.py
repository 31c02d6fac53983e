"""The queries behind every list of posts: HTML, feeds, API and the home page share them."""

from django.db.models import Prefetch
from django.http import Http404
from taggit.models import Tag

from blog.models import BlogPostAuthor, BlogPostPage, TagTranslation


def live_posts(index_page=None, locale=None):
    """Live posts, newest first, with everything a list shows fetched in a fixed number of queries."""
    posts = BlogPostPage.objects.live().public()
    if index_page is not None:
        posts = posts.child_of(index_page)
    if locale is not None:
        posts = posts.filter(locale=locale)
    return (
        posts.select_related("header_image", "locale")
        .prefetch_related(
            Prefetch(
                "post_authors",
                queryset=BlogPostAuthor.objects.select_related("person").order_by("sort_order"),
            ),
            "categories",
            "tagged_items__tag",
        )
        .defer_streamfields()
        .order_by("-date", "-pk")
    )


def localised_tags(tags, locale):
    """Tags named in ``locale``: an editor's translation where there is one; one query."""
    tags = list(tags)
    if not tags:
        return []
    found = {
        translation.tag_id: translation
        for translation in TagTranslation.objects.filter(tag__in=tags, locale=locale)
    }
    return [found.get(tag.pk, tag) for tag in tags]


def tag_for_slug(slug, locale):
    """The tag behind a tag address in ``locale``: a translated slug, or the tag's own."""
    translation = (
        TagTranslation.objects.filter(slug=slug, locale=locale).select_related("tag").first()
    )
    if translation is not None:
        return translation.tag, translation.name
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404
    return tag, tag.name
