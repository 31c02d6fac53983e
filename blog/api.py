"""The blog's part of the v3 API: its public taxonomies (comments are in ``comments.api``)."""

from typing import Literal

from django.conf import settings
from ninja import Router, Schema

from blog.models import BlogCategory, Person
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
