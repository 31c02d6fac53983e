"""The blog as readers see it: index with filters and archive, posts, feeds."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostPage
from comments.moderation import REPORT_FORM
from home.topics import topic_page_types
from tests.factories import blog_index, blog_post, comment, person, started

pytestmark = pytest.mark.django_db


@pytest.fixture
def digital(db):
    category, _created = BlogCategory.objects.get_or_create(
        slug="digitalisierung",
        locale=Locale.objects.get(language_code="de"),
        defaults={"name": "Digitalisierung"},
    )
    return category


@pytest.fixture
def posts(digital):
    anna = person("Anna Beispiel", role="Programm", bio="Plant unser Programm.")
    made = []
    for number in range(12):
        post = blog_post(
            f"Beitrag {number}",
            slug=f"beitrag-{number}",
            date=datetime.date(2026, 1 + number % 11, 1 + number),
            authors=[anna],
        )
        if number % 2 == 0:
            post.categories.add(digital)
            post.tags.add("testwerkzeug")
            post.save_revision().publish()
        made.append(post)
    return made


def titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_index_lists_newest_first_and_paginates(client, posts):
    html = client.get("/de/testblog/").content.decode()
    assert titles(html)[:3] == ["Beitrag 10", "Beitrag 9", "Beitrag 8"]
    assert len(titles(html)) == 10
    assert "Seite 1 von 2" in html
    second = client.get("/de/testblog/?seite=2").content.decode()
    assert len(titles(second)) == 2
    assert client.get("/de/testblog/?seite=9").status_code == 404
    assert client.get("/de/testblog/?seite=x").status_code == 200


@pytest.mark.parametrize(
    ("url", "heading", "count"),
    [
        ("/de/testblog/kategorie/digitalisierung/", "Kategorie: Digitalisierung", 6),
        ("/de/testblog/schlagwort/testwerkzeug/", "Schlagwort: testwerkzeug", 6),
        ("/de/testblog/autor/anna-beispiel/", "Beiträge von Anna Beispiel", 10),
        ("/de/testblog/2026/01/", "Archiv: Januar 2026", 2),
    ],
)
def test_filter_pages_have_title_and_canonical(client, posts, url, heading, count):
    html = client.get(url).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{heading} · Testblog" in html
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert len(titles(html)) == count


@pytest.mark.parametrize(
    "url",
    [
        "/de/testblog/kategorie/gibtsnicht/",
        "/de/testblog/autor/niemand/",
        "/de/testblog/2026/13/",
        "/de/testblog/schlagwort/nix/",
    ],
)
def test_unknown_filters_are_404(client, posts, url):
    assert client.get(url).status_code == 404


def test_index_query_count_does_not_grow_with_posts(client, digital):
    anna = person("Anna Beispiel")
    first = blog_post("Erster", slug="erster", authors=[anna])
    first.categories.add(digital)
    first.tags.add("viel")
    first.save_revision().publish()
    client.get("/de/testblog/")
    with CaptureQueriesContext(connection) as few:
        client.get("/de/testblog/")
    for number in range(9):
        post = blog_post(f"Mehr {number}", slug=f"mehr-{number}", authors=[anna])
        post.categories.add(digital)
        post.tags.add("viel", "mehr")
        post.save_revision().publish()
    client.get("/de/testblog/")  # publishing renewed the cached site chrome
    with CaptureQueriesContext(connection) as many:
        client.get("/de/testblog/")
    assert len(many) == len(few)


def test_post_shows_reading_time_authors_taxonomy_and_share_links(client, posts):
    post = posts[2]
    html = client.get(post.url).content.decode()
    assert "1 Minute Lesezeit" in html
    assert 'href="/de/testblog/autor/anna-beispiel/">Anna Beispiel</a>' in html
    assert 'href="/de/testblog/kategorie/digitalisierung/">Digitalisierung</a>' in html
    assert 'href="/de/testblog/schlagwort/testwerkzeug/">#testwerkzeug</a>' in html
    for service in [
        "mailto:?subject=",
        "mastodonshare.com",
        "bsky.app/intent",
        "facebook.com/sharer",
        "linkedin.com/sharing",
        "wa.me/",
    ]:
        assert service in html, service
    # Share links are plain links: nothing loads from those services.
    assert not re.search(r"<(script|img|iframe)[^>]+(facebook|bsky|linkedin|mastodon|wa\.me)", html)


def test_post_has_blogposting_structured_data(client, posts):
    html = client.get(posts[2].url).content.decode()
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    posting = next(b for b in blocks if b["@type"] == "BlogPosting")
    assert posting["headline"] == "Beitrag 2"
    assert posting["author"] == [{"@type": "Person", "name": "Anna Beispiel"}]
    assert posting["datePublished"] == "2026-03-03"


def test_previous_and_next_post(client, posts):
    html = client.get(posts[5].url).content.decode()
    assert re.search(r'rel="prev"><span class="meta">Älterer Beitrag</span> Beitrag 4<', html)
    assert re.search(r'rel="next"><span class="meta">Neuerer Beitrag</span> Beitrag 6<', html)


def test_related_posts_share_categories_or_editors_pin_them(client, posts):
    html = client.get(posts[0].url).content.decode()
    related = re.search(r'id="related-posts".*?</section>', html, re.S).group(0)
    assert "Beitrag 1<" not in related  # no shared category or tag
    # Most shared categories and tags first, then the newest.
    assert re.findall(r"<h3><a [^>]+>([^<]+)</a>", related) == [
        "Beitrag 10",
        "Beitrag 8",
        "Beitrag 6",
    ]
    from blog.models import RelatedPost

    RelatedPost.objects.create(page=posts[0], post=posts[1])
    related = re.search(
        r'id="related-posts".*?</section>', client.get(posts[0].url).content.decode(), re.S
    ).group(0)
    assert re.findall(r"<h3><a [^>]+>([^<]+)</a>", related) == ["Beitrag 1"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds(client, posts, kind):
    response = client.get(f"/de/testblog/feed/{kind}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert ("<rss" in body) if kind == "rss" else ("<feed" in body)
    assert body.count("<item>" if kind == "rss" else "<entry>") == 12
    assert "Beitrag 10" in body
    category = client.get(f"/de/testblog/kategorie/digitalisierung/feed/{kind}/").content.decode()
    assert category.count("<item>" if kind == "rss" else "<entry>") == 6


def test_feeds_are_announced(client, posts):
    html = client.get("/de/testblog/kategorie/digitalisierung/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/de/testblog/kategorie/digitalisierung/feed/atom/"' in html
    assert (
        '<link rel="alternate" type="application/atom+xml"'
        in client.get(posts[0].url).content.decode()
    )


def test_scheduled_post_is_not_public_before_its_time(client, posts):
    from django.utils import timezone

    post = blog_post("Später", slug="spaeter", publish=False)
    post.go_live_at = timezone.now() + datetime.timedelta(days=2)
    post.save_revision().publish()
    assert client.get("/de/testblog/spaeter/").status_code == 404
    assert "Später" not in client.get("/de/testblog/").content.decode()
    assert "Später" not in client.get("/de/testblog/feed/rss/").content.decode()


def test_post_with_100_comments_has_a_fixed_query_count(
    client, posts, django_assert_max_num_queries
):
    post = posts[3]
    comment(post, name="Erste")
    client.get(post.url)
    with CaptureQueriesContext(connection) as one:
        client.get(post.url)
    for number in range(99):
        comment(post, name=f"Person {number}", email=f"p{number}@example.org")
    client.get(post.url)  # approved comments renewed the cached site chrome
    with CaptureQueriesContext(connection) as hundred:
        html = client.get(post.url).content.decode()
    assert "100 Kommentare" in html
    assert len(hundred) == len(one)
    # With an app that offers topics (home/topics.py), one more: the topics the post names.
    assert len(hundred) == POST_PAGE_QUERIES + (1 if topic_page_types() else 0)


POST_PAGE_QUERIES = 13  # one view-restriction look-up, shared by related posts and neighbours


def test_home_page_section_shows_latest_posts(client, posts):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    home.body = [("section", {"section": "latest_posts", "heading": "", "count": 3})]
    home.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert "Neueste Blog-Beiträge" in html
    assert "Beitrag 10" in html and "Beitrag 7" not in html
    with CaptureQueriesContext(connection) as before:
        client.get("/de/")
    for number in range(5):
        blog_post(
            f"Noch einer {number}", slug=f"noch-einer-{number}", date=datetime.date(2025, 1, 1)
        )
    client.get("/de/")  # publishing renewed the cached site chrome
    with CaptureQueriesContext(connection) as after:
        client.get("/de/")
    assert len(after) == len(before)


def test_report_a_comment(client, posts):
    from comments.models import CommentReport

    target = comment(posts[0], text="Das ist gemein.")
    report_url = f"{posts[0].url}melden/{target.pk}/"
    assert client.get(report_url).status_code == 200
    response = client.post(report_url, {"reason": "", "explanation": ""})
    assert response.status_code == 400
    assert "Bitte wähle einen Grund." in response.content.decode()
    response = client.post(
        report_url,
        {
            "reason": "hate",
            "explanation": "Beleidigend.",
            "contact": "",
            "good_faith": "on",
            "started": started(target, purpose=REPORT_FORM),
        },
    )
    assert response.status_code == 302
    assert CommentReport.objects.get(comment=target).reason == "hate"
    pending = comment(posts[0], status="pending")
    assert client.get(f"{posts[0].url}melden/{pending.pk}/").status_code == 404


def test_english_blog_uses_english_words(client, posts):
    assert (
        BlogPostPage.objects.filter(locale__language_code="de").child_of(blog_index()).count() == 12
    )
    index = blog_index()
    assert index.route_url("category", "x") == "/de/testblog/kategorie/x/"


def test_english_feed_names_categories_in_english(client):
    body = client.get("/en/blog/feed/rss/").content.decode()
    assert "<category>Digitalisation</category>" in body
    assert "<category>Digitalisierung</category>" not in body
    assert "<language>en</language>" in body


def test_blog_post_breadcrumbs_start_at_the_blog(client):
    post = BlogPostPage.objects.live().filter(locale__language_code="de").first()
    blog = post.get_parent()
    html = re.sub(r"\s*\n\s*", "", client.get(post.url).content.decode())
    assert (
        '<nav class="breadcrumbs" aria-label="Brotkrumen"><ol>'
        f'<li><a href="{blog.url}">{blog.title}</a></li>'
        f'<li aria-current="page">{post.title}</li></ol></nav>'
    ) in html


def test_a_scheduled_post_left_at_todays_date_shows_the_day_it_goes_live():
    from datetime import timedelta

    from django.utils import timezone

    post = BlogPostPage(title="Geplant", slug="geplant", teaser="Kommt bald.")
    post.go_live_at = timezone.now() + timedelta(days=7)
    post.clean()
    assert post.date == timezone.localdate(post.go_live_at)
    # A date the editor chose stays, and so does the date of a post that was published before.
    chosen = BlogPostPage(
        title="Gewählt", slug="gewaehlt", teaser="x", date=datetime.date(2026, 1, 5)
    )
    chosen.go_live_at = post.go_live_at
    chosen.clean()
    assert chosen.date == datetime.date(2026, 1, 5)
    published = BlogPostPage(title="Alt", slug="alt", teaser="x", first_published_at=timezone.now())
    published.go_live_at = post.go_live_at
    published.clean()
    assert published.date == timezone.localdate()


def test_the_date_help_text_names_where_scheduling_is():
    help_text = str(BlogPostPage._meta.get_field("date").help_text)
    assert "Veröffentlichungszeitplan festlegen" in help_text
    assert "Reiter „Einstellungen“" not in help_text
