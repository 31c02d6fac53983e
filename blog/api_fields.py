"""How posts appear in the v3 API: the card of a list, and the fields a post's schema adds.

Authors, categories and tags come in the post's language, as the HTML page names them
(``blog.views``): a translated post may still point at the German snippets.
"""

import datetime
from collections import defaultdict

from django.db.models import prefetch_related_objects
from typing_extensions import TypedDict

from home.api_fields import PageImage, PageRepresentationField, page_image
from home.localisation import localised_snippets

# The largest rendition the HTML card shows (templates/includes/card.html), and the author box's.
CARD_IMAGE_SPEC = "fill-800x450"
AUTHOR_PHOTO_SPEC = "fill-120x120"


class CategoryRef(TypedDict):
    id: int
    name: str
    slug: str


class TagRef(TypedDict):
    name: str
    slug: str


class PersonRef(TypedDict):
    id: int
    name: str
    slug: str


class Author(PersonRef):
    """An author as the post's author box shows them; the photo is decoration beside the name."""

    role: str
    photo: PageImage | None


class PostRef(TypedDict):
    """Another post, enough to link to it with a small card."""

    id: int
    title: str
    date: datetime.date
    teaser: str
    url: str
    image: PageImage | None


class PostCard(PostRef):
    """A post in a list: everything its card shows, in one request."""

    locale: str
    authors: list[PersonRef]
    categories: list[CategoryRef]


def _person_ref(person) -> PersonRef:
    return PersonRef(id=person.pk, name=person.name, slug=person.slug)


def _category_ref(category) -> CategoryRef:
    return CategoryRef(id=category.pk, name=category.name, slug=category.slug)


def post_ref(post, request=None) -> PostRef:
    return PostRef(
        id=post.pk,
        title=post.title,
        date=post.date,
        teaser=post.teaser,
        url=post.get_full_url(request),
        image=page_image(post.header_image, post.header_image_alt, CARD_IMAGE_SPEC),
    )


def _in_each_locale(posts, snippets_of):
    """``{(locale_id, translation_key): snippet}`` for the snippets of ``posts``, in their languages.

    One query per language among the posts, whatever their number.
    """
    found = {}
    snippets_by_locale = defaultdict(list)
    locales = {}
    for post in posts:
        snippets_by_locale[post.locale_id].extend(snippets_of(post))
        locales[post.locale_id] = post.locale
    for locale_id, snippets in snippets_by_locale.items():
        for snippet in localised_snippets(snippets, locales[locale_id]):
            found[locale_id, snippet.translation_key] = snippet
    return found


def post_cards(posts, request) -> list[PostCard]:
    """The cards of ``posts`` (from ``blog.queries.live_posts``) in a fixed number of queries."""
    posts = list(posts)
    people = _in_each_locale(posts, lambda post: [link.person for link in post.post_authors.all()])
    categories = _in_each_locale(posts, lambda post: post.categories.all())
    return [
        PostCard(
            **post_ref(post, request),
            locale=post.locale.language_code,
            authors=[
                _person_ref(people[post.locale_id, link.person.translation_key])
                for link in post.post_authors.all()
            ],
            categories=[
                _category_ref(categories[post.locale_id, category.translation_key])
                for category in post.categories.all()
            ],
        )
        for post in posts
    ]


class AuthorsField(PageRepresentationField):
    def to_representation(self, post) -> list[Author]:
        links = post.post_authors.select_related("person")
        people = localised_snippets([link.person for link in links], post.locale)
        prefetch_related_objects(people, "photo__renditions")
        return [
            Author(
                **_person_ref(person),
                role=person.role,
                photo=page_image(person.photo, "", AUTHOR_PHOTO_SPEC),
            )
            for person in people
        ]


class CategoriesField(PageRepresentationField):
    def to_representation(self, post) -> list[CategoryRef]:
        return [
            _category_ref(category)
            for category in localised_snippets(post.categories.all(), post.locale)
        ]


class TagsField(PageRepresentationField):
    def to_representation(self, post) -> list[TagRef]:
        from blog.queries import localised_tags

        return [
            TagRef(name=tag.name, slug=tag.slug)
            for tag in localised_tags(post.tags.all(), post.locale)
        ]


class RelatedPostsField(PageRepresentationField):
    def to_representation(self, post) -> list[PostRef]:
        return [post_ref(related) for related in post.related_posts()]
