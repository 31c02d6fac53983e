"""The blog's part of the v3 API: post cards and public taxonomies (comments: ``comments.api``).

A post's full schema is Wagtail's page detail (``/api/v3/pages/<id>/``), with the fields that
``BlogPostPage.api_fields`` adds (``blog.api_fields``).
"""

from typing import Literal

from django.conf import settings
from django.db.models import Prefetch
from ninja import Query, Router, Schema
from typing_extensions import TypedDict
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.images import get_image_model

from blog.api_fields import CARD_IMAGE_SPEC, PostCard, post_cards
from blog.models import BlogCategory, Person
from blog.queries import live_posts
from portal.api_types import problems

router = Router(tags=["blog"])


LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class CategoryOut(Schema):
    id: int
    name: str
    slug: str
    description: str
    locale: str


class AuthorOut(Schema):
    """A person who writes for the blog, as the author pages show them (nothing private)."""

    id: int
    name: str
    slug: str
    role: str
    bio: str
    locale: str


# Newest first unless asked otherwise; ties go by id, so pages of the list do not overlap.
POST_ORDERINGS = {
    "-date": ("-date", "-pk"),
    "date": ("date", "pk"),
    "-first_published_at": ("-first_published_at", "-pk"),
    "first_published_at": ("first_published_at", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}
PostOrder = Literal[tuple(POST_ORDERINGS)]


class PostCardList(TypedDict):
    count: int
    items: list[PostCard]


@router.get(
    "/posts/",
    response={200: PostCardList, **problems(400, 422)},
    summary="Blog posts as cards (public)",
    description=(
        "Live, public posts with everything a card shows (title, teaser, date, image rendition "
        "with the post's alt text, URL, authors and categories in the post's language), newest "
        "first. The full post is `/api/v3/pages/{id}/`."
    ),
)
def list_posts(
    request,
    locale: LanguageCode | None = None,
    order: PostOrder = "-date",
    pagination: WagtailLimitOffsetPagination.Input = Query(...),  # noqa: B008
):
    card_renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_SPEC)
    )
    posts = (
        live_posts()
        .prefetch_related(Prefetch("header_image__renditions", queryset=card_renditions))
        .order_by(*POST_ORDERINGS[order])
    )
    if locale:
        posts = posts.filter(locale__language_code=locale)
    page = WagtailLimitOffsetPagination().paginate_queryset(posts, pagination, request)
    return {"count": page["count"], "items": post_cards(page["items"], request)}


@router.get(
    "/categories/",
    response={200: list[CategoryOut], **problems(422)},
    summary="Blog categories (public)",
)
def list_categories(request, locale: LanguageCode | None = None):
    return [
        _with_locale(category, ("id", "name", "slug", "description"))
        for category in _in_locale(BlogCategory.objects.all(), locale)
    ]


@router.get(
    "/authors/",
    response={200: list[AuthorOut], **problems(422)},
    summary="Authors of the blog (public)",
)
def list_authors(request, locale: LanguageCode | None = None):
    return [
        _with_locale(person, ("id", "name", "slug", "role", "bio"))
        for person in _in_locale(Person.objects.all(), locale)
    ]


def _in_locale(snippets, language_code):
    snippets = snippets.select_related("locale").order_by("name", "pk")
    if language_code:
        snippets = snippets.filter(locale__language_code=language_code)
    return snippets


def _with_locale(snippet, fields):
    return {
        **{name: getattr(snippet, name) for name in fields},
        "locale": snippet.locale.language_code,
    }
