"""A restricted post (password, login or group) appears in no list a visitor can reach."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from blog.models import BlogCategory, BlogPostPage, Person, RelatedPost
from home.models import HomePage
from tests.factories import blog_index
from tests.sitemap_helpers import local_path, section_urls

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Streng vertraulich Quokka"
SECRET_SLUG = "quokka-intern"
SECRET_TEASER = "Nur für den Vorstand bestimmt"
TAG = "Nachbarschaftstest"


def _post(title, slug, date, publish=True):
    index = blog_index(slug="blog")
    post = BlogPostPage(
        title=title,
        slug=slug,
        date=date,
        teaser=f"Anriss von {title}",
        body=[("paragraph", "<p>Ein Absatz.</p>")],
    )
    index.add_child(instance=post)
    post.save_revision().publish()
    post.refresh_from_db()
    return post


@pytest.fixture(params=["password", "login", "groups"])
def secret(request):
    de = Locale.objects.get(language_code="de")
    post = _post(SECRET_TITLE, SECRET_SLUG, datetime.date(2026, 12, 31))
    post.teaser = SECRET_TEASER
    post.categories.add(BlogCategory.objects.get(locale=de, slug="digitalisierung"))
    post.tags.add(TAG, "Digitalisierung")
    post.post_authors.create(person=Person.objects.filter(locale=de).first())
    post.save_revision().publish()
    post.refresh_from_db()
    restriction = PageViewRestriction.objects.create(
        page=post, restriction_type=request.param, password="geheim"
    )
    if request.param == "groups":
        restriction.groups.add(Group.objects.get(name="Redaktion"))
    return post


@pytest.fixture
def neighbour(secret):
    """The post just before the secret one, sharing only its tag."""
    post = _post("Nachbarbeitrag", "nachbarbeitrag", datetime.date(2026, 12, 30))
    post.tags.add(TAG)
    post.save_revision().publish()
    return post


@pytest.fixture
def pinning(secret):
    """A post whose editor pinned the secret post as related."""
    post = _post("Anheftender Beitrag", "anheftender-beitrag", datetime.date(2026, 12, 1))
    RelatedPost.objects.create(page=post, post=secret, sort_order=0)
    return post


@pytest.fixture
def featured_on_home(secret):
    home = HomePage.objects.get(locale__language_code="de")
    for block in home.body:
        if block.block_type == "featured_pages":
            block.value["pages"].append(
                block.block.child_blocks["pages"].child_block.to_python(
                    {"page": secret.pk, "text": ""}
                )
            )
    home.save_revision().publish()
    return home


def assert_hidden(response):
    assert response.status_code == 200, response
    html = response.content.decode()
    for secret_text in (SECRET_TITLE, SECRET_SLUG, SECRET_TEASER):
        assert secret_text not in html, (response.wsgi_request.get_full_path(), secret_text)


def test_restricted_post_is_listed_nowhere(client, secret, neighbour, pinning, featured_on_home):
    author = secret.post_authors.first().person
    for url in [
        neighbour.url,  # previous/next and automatic related posts
        pinning.url,  # the editor's pinned related posts
        "/de/",  # latest posts and featured pages
        "/de/blog/",
        "/de/blog/kategorie/digitalisierung/",
        f"/de/blog/schlagwort/{secret.tags.get(name=TAG).slug}/",
        f"/de/blog/autor/{author.slug}/",
        "/de/blog/2026/12/",
        "/de/blog/feed/rss/",
        "/de/blog/feed/atom/",
        "/de/blog/kategorie/digitalisierung/feed/rss/",
        "/de/blog/kategorie/digitalisierung/feed/atom/",
        "/de/suche/?q=vertraulich",
        "/de/suche/?q=Quokka",
        "/sitemap.xml",
        "/api/v3/pages/?type=blog.BlogPostPage&limit=50",
        "/api/v3/pages/?search=Quokka",
    ]:
        assert_hidden(client.get(url))
    for url in section_urls(client):
        assert_hidden(client.get(local_path(url)))
    # The pages that would name it are there, with their other posts.
    assert "Nachbarbeitrag" in client.get("/de/blog/").content.decode()
    home = client.get("/de/").content.decode()
    assert "featured-pages" in home and 'href="/de/raumvermietung/"' in home
    assert client.get(f"/api/v3/pages/{secret.pk}/").status_code == 404
    assert client.get(f"/api/v3/comments/pages/{secret.pk}/comments/").status_code == 404
    # The post itself still asks for its password or login.
    assert client.get(secret.url).status_code in (200, 302)
    assert SECRET_TEASER not in client.get(secret.url).content.decode()


def test_neighbour_still_links_public_posts_after_restriction(client, secret, neighbour):
    """The secret post is skipped, not the whole neighbourhood: the next older post stays."""
    html = client.get(neighbour.url).content.decode()
    older, newer = neighbour.neighbours()
    assert newer is None
    assert older is not None and older.url in html
