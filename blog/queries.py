"""The queries behind every list of posts: HTML, feeds, API and the home page share them."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from taggit.models import Tag
from wagtail.images import get_image_model

from blog.models import BlogPostAuthor, BlogPostPage, TagTranslation
from home.public_cache import public
from home.renditions import CARD, expand


def live_posts(index_page=None, locale=None):
    """Live posts, newest first, with everything a list shows fetched in a fixed number of queries."""
    posts = public(BlogPostPage.objects.live())
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


def with_card_pictures(posts):
    """``posts`` with the renditions their cards show (includes/card.html): one query for all."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=expand(CARD))
    )
    return posts.prefetch_related(Prefetch("header_image__renditions", queryset=renditions))


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


# The three states the team knows from WordPress, as the blog's admin list shows them.
DRAFT, SCHEDULED, LIVE = "entwurf", "geplant", "veroeffentlicht"


AUTHORS_IN_ORDER = Prefetch(
    "post_authors",
    queryset=BlogPostAuthor.objects.select_related("person").order_by("sort_order"),
)


def posts_with_status(locale, posts=None):
    """The posts of ``locale``, live or not, annotated with what their status needs."""
    posts = BlogPostPage.objects.all() if posts is None else posts
    return posts.filter(locale=locale).annotate_approved_schedule()


def filter_by_status(posts, status):
    if status == LIVE:
        return posts.filter(live=True)
    if status == SCHEDULED:
        return posts.filter(live=False, _approved_schedule=True)
    if status == DRAFT:
        return posts.filter(live=False, _approved_schedule=False)
    return posts


def post_status(post):
    if post.live:
        return LIVE
    return SCHEDULED if post.approved_schedule else DRAFT


def status_counts(locale):
    """How many posts of ``locale`` are drafts and how many are scheduled; one query."""
    return (
        posts_with_status(locale)
        .order_by()
        .aggregate(
            drafts=Count("pk", filter=Q(live=False, _approved_schedule=False)),
            scheduled=Count("pk", filter=Q(live=False, _approved_schedule=True)),
        )
    )
