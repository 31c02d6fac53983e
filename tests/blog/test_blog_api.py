"""The blog's part of the v3 API: post cards, the post's schema and public taxonomies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostAuthor, BlogPostPage, Person, TagTranslation
from tests.factories import blog_post, person

pytestmark = pytest.mark.django_db


def test_public_taxonomies_need_no_token_and_hide_private_fields(client):
    categories = client.get("/api/v3/blog/categories/", {"locale": "de"})
    assert categories.status_code == 200
    assert categories.json() and {c["locale"] for c in categories.json()} == {"de"}
    assert set(categories.json()[0]) == {"id", "name", "slug", "description", "locale"}
    authors = client.get("/api/v3/blog/authors/", {"locale": "en"})
    assert authors.status_code == 200
    assert authors.json() and {a["locale"] for a in authors.json()} == {"en"}
    assert set(authors.json()[0]) == {"id", "name", "slug", "role", "bio", "locale"}
    assert "@" not in authors.content.decode()
    both = client.get("/api/v3/blog/authors/").json()
    assert {a["locale"] for a in both} == {"de", "en"}
    junk = client.get("/api/v3/blog/categories/", {"locale": '"'})
    assert junk.status_code == 422


# Post cards and the post's schema for front-end developers.

CARD_FIELDS = {
    "id",
    "title",
    "date",
    "teaser",
    "url",
    "image",
    "locale",
    "authors",
    "categories",
}
IMAGE_FIELDS = {"url", "full_url", "width", "height", "alt"}


@pytest.fixture
def de():
    return Locale.objects.get(language_code="de")


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def library_image():
    """An image whose title is not a description: what the alt text must never fall back to."""
    image = Image.objects.first()
    image.title = "IMG_4711 Saal Probe"
    image.description = ""
    image.save()
    return image


def test_post_cards_come_in_one_request_newest_first(client):
    response = client.get("/api/v3/blog/posts/", {"locale": "de"})
    assert response.status_code == 200
    body = response.json()
    live = BlogPostPage.objects.live().public().filter(locale__language_code="de")
    assert body["count"] == live.count() > 1
    cards = body["items"]
    assert all(set(card) == CARD_FIELDS for card in cards)
    dates = [card["date"] for card in cards]
    assert dates == sorted(dates, reverse=True)
    first = live.order_by("-date", "-pk").first()
    assert cards[0]["id"] == first.pk
    assert cards[0]["title"] == first.title
    assert cards[0]["teaser"] == first.teaser
    assert cards[0]["url"] == first.get_full_url()
    assert cards[0]["url"] == client.get(f"/api/v3/pages/{first.pk}/").json()["meta"]["html_url"]
    image = cards[0]["image"]
    assert set(image) == IMAGE_FIELDS
    assert (image["width"], image["height"]) == (800, 450)
    assert image["alt"] == first.header_image_alt
    assert cards[0]["authors"][0]["name"] == first.post_authors.first().person.name


def test_post_cards_can_be_ordered_otherwise_and_paged(client):
    by_title = client.get("/api/v3/blog/posts/", {"locale": "en", "order": "title"}).json()
    titles = [card["title"] for card in by_title["items"]]
    assert titles == sorted(titles) and len(titles) > 1
    oldest = client.get("/api/v3/blog/posts/", {"locale": "en", "order": "date"}).json()
    dates = [card["date"] for card in oldest["items"]]
    assert dates == sorted(dates)
    second = client.get("/api/v3/blog/posts/", {"locale": "en", "limit": 1, "offset": 1}).json()
    newest = client.get("/api/v3/blog/posts/", {"locale": "en"}).json()
    assert second["items"] == newest["items"][1:2]
    assert second["count"] == newest["count"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"order": "body"}, 422),
        ({"order": '"'}, 422),
        ({"locale": "fr"}, 422),
        ({"limit": "51"}, 400),
        ({"limit": "0"}, 422),
        ({"offset": "99999999999999999999"}, 400),
        ({"offset": "+-5"}, 422),
        ({"limit": "9" * 5000}, 400),
    ],
)
def test_post_cards_refuse_bad_parameters_as_problems(client, query, status):
    response = client.get("/api/v3/blog/posts/", query)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"


def test_post_cards_take_a_fixed_number_of_queries(client, de, library_image):
    digital = BlogCategory.objects.filter(locale=de).first()
    people = [person("Anna Beispiel"), person("Ben Beispiel")]

    def add_posts(numbers):
        for number in numbers:
            post = blog_post(
                f"Karte {number}",
                slug=f"karte-{number}",
                authors=people,
                header_image=library_image,
                header_image_alt="Der Saal",
            )
            post.categories.add(digital)
            post.tags.add("karte")
            post.save_revision().publish()

    def queries():
        client.get("/api/v3/blog/posts/", {"limit": 50})  # renditions exist from here on
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v3/blog/posts/", {"limit": 50})
        return len(captured), response.json()["count"]

    add_posts(range(3))
    few, few_count = queries()
    add_posts(range(3, 20))
    many, many_count = queries()
    assert many_count == few_count + 17
    assert many == few


def test_image_alt_is_the_pages_alt_text_not_the_image_title(client, library_image):
    described = blog_post(
        "Mit Bild",
        slug="mit-bild",
        header_image=library_image,
        header_image_alt="Zwei Menschen stimmen den Flügel",
    )
    decorative = blog_post(
        "Mit Schmuckbild", slug="mit-schmuckbild", header_image=library_image, header_image_alt=""
    )
    detail = client.get(f"/api/v3/pages/{described.pk}/").json()["header_image"]
    assert detail["alt"] == "Zwei Menschen stimmen den Flügel" != library_image.title
    assert client.get(f"/api/v3/pages/{decorative.pk}/").json()["header_image"]["alt"] == ""
    cards = {card["id"]: card for card in client.get("/api/v3/blog/posts/").json()["items"]}
    assert cards[described.pk]["image"]["alt"] == "Zwei Menschen stimmen den Flügel"
    assert cards[decorative.pk]["image"]["alt"] == ""
    assert library_image.title not in client.get("/api/v3/blog/posts/").content.decode()


def test_post_schema_has_authors_categories_tags_and_related_posts_in_its_language(client, de, en):
    post = (
        BlogPostPage.objects.live()
        .filter(locale=en, post_authors__isnull=False)
        .exclude(header_image=None)
        .first()
    )
    german_categories = list(BlogCategory.objects.filter(locale=de)[:2])
    # A translated post may still point at the German categories and authors.
    post.categories.set(german_categories)
    stimmen = Tag.objects.create(name="Flügel stimmen", slug="fluegel-stimmen")
    TagTranslation.objects.create(tag=stimmen, locale=en, name="Piano tuning", slug="piano-tuning")
    post.tags.add(stimmen)
    post.save_revision().publish()
    english = {
        c.translation_key: c
        for c in BlogCategory.objects.filter(
            locale=en, translation_key__in=[c.translation_key for c in german_categories]
        )
    }
    assert {c.name for c in english.values()} != {c.name for c in german_categories}

    detail = client.get(f"/api/v3/pages/{post.pk}/").json()

    assert detail["categories"] == [
        {
            "id": english[c.translation_key].pk,
            "name": english[c.translation_key].name,
            "slug": english[c.translation_key].slug,
        }
        for c in german_categories
    ]
    assert {"name": "Piano tuning", "slug": "piano-tuning"} in detail["tags"]
    authors = [link.person for link in post.post_authors.all()]
    assert [a["name"] for a in detail["authors"]] == [a.name for a in authors]
    assert all(
        a["id"] in set(Person.objects.filter(locale=en).values_list("pk", flat=True))
        for a in detail["authors"]
    )
    assert set(detail["authors"][0]) == {"id", "name", "slug", "role", "photo"}
    related = detail["related_posts"]
    assert related == [
        {
            "id": r.pk,
            "title": r.title,
            "date": r.date.isoformat(),
            "teaser": r.teaser,
            "url": r.get_full_url(),
            "image": related[n]["image"],
        }
        for n, r in enumerate(post.related_posts())
    ]
    assert related and all(r["image"] is None or set(r["image"]) == IMAGE_FIELDS for r in related)


def test_post_detail_query_count_does_not_grow_with_authors_and_taxonomy(client, de, library_image):
    categories = list(BlogCategory.objects.filter(locale=de)[:3])
    people = [person(f"Person {n}", photo=library_image) for n in range(3)]
    post = blog_post("Allein", slug="allein", authors=people[:1], header_image=library_image)
    post.categories.set(categories[:1])
    post.tags.add("eins")
    post.save_revision().publish()

    def queries():
        client.get(f"/api/v3/pages/{post.pk}/")  # renditions exist from here on
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/api/v3/pages/{post.pk}/")
        return len(captured), response.json()

    few, detail = queries()
    assert len(detail["authors"]) == 1
    for position, someone in enumerate(people[1:], start=1):
        BlogPostAuthor.objects.create(page=post, person=someone, sort_order=position)
    post.categories.set(categories)
    post.tags.add("zwei", "drei")
    post.save_revision().publish()
    many, detail = queries()
    assert len(detail["authors"]) == 3 and len(detail["tags"]) == 3
    assert many == few


def test_openapi_types_the_card_and_the_post_fields(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    card = schemas["PostCard"]
    assert set(card["required"]) == CARD_FIELDS
    assert card["properties"]["date"] == {"format": "date", "title": "Date", "type": "string"}
    image = schemas["PageImage"]
    assert set(image["required"]) == IMAGE_FIELDS
    assert image["properties"]["alt"]["type"] == "string"
    post = schemas["BlogPostPageSchema"]["properties"]
    for field, item in [
        ("authors", "Author"),
        ("categories", "CategoryRef"),
        ("tags", "TagRef"),
        ("related_posts", "PostRef"),
    ]:
        typed = post[field]["anyOf"][0]
        assert typed == {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}
    assert {"$ref": "#/components/schemas/PageImage"} in post["header_image"]["anyOf"]


def test_draft_of_a_post_shows_its_new_authors_to_a_token(client, superuser, post):
    from wagtail.models import APIToken

    draft = post.get_latest_revision_as_object()
    draft.post_authors.add(BlogPostAuthor(person=person("Neu im Team")))
    draft.save_revision()
    _token, plaintext = APIToken.create_token(user=superuser, name="Test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    live = client.get(f"/api/v3/pages/{post.pk}/").json()
    drafted = client.get(f"/api/v3/pages/{post.pk}/", {"version": "draft"}, **auth).json()
    assert "Neu im Team" not in [a["name"] for a in live["authors"]]
    assert "Neu im Team" in [a["name"] for a in drafted["authors"]]
    revisions = client.get(f"/api/v3/pages/{post.pk}/revisions/", **auth).json()["items"]
    revision = client.get(f"/api/v3/pages/{post.pk}/revisions/{revisions[0]['id']}/", **auth)
    assert revision.status_code == 200
    assert "Neu im Team" in [a["name"] for a in revision.json()["content_object"]["authors"]]
