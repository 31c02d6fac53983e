"""A post names the processes it is about: the post shows them, their pages list the post."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from blog.models import BlogPostPage, BlogPostTopic
from home.topics import named_topics, pages_about
from tests.factories import blog_post
from tests.processes.helpers import process_page, translate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.feature_app("processes"),
    pytest.mark.feature_app("blog"),
]


def post_about(*processes, title="Wie wir Räume vergeben", publish=True, **fields):
    post = blog_post(title, publish=False, **fields)
    for position, process in enumerate(processes):
        BlogPostTopic.objects.create(page=post, topic=process, sort_order=position)
    if publish:
        post.save_revision().publish()
        post.refresh_from_db()
    return post


@pytest.fixture
def process():
    return process_page("Räume vermieten", slug="raeume-vermieten")


def test_the_process_page_lists_the_post_and_the_post_shows_the_process(client, process):
    post = post_about(
        process, teaser="Erst der Ablauf, dann die Software.", date=datetime.date(2026, 10, 5)
    )
    process_html = client.get(process.url).content.decode()
    assert "Beiträge zu diesem Prozess" in process_html
    assert f'href="{post.url}"' in process_html
    assert "Erst der Ablauf, dann die Software." in process_html
    assert '<time datetime="2026-10-05">5. Oktober 2026</time>' in process_html

    post_html = client.get(post.url).content.decode()
    assert "Worum es geht" in post_html
    assert f'<a href="{process.url}">Räume vermieten</a>' in post_html


def test_posts_about_a_process_come_newest_first_and_only_once(process):
    other = process_page("Veranstaltungen planen", slug="veranstaltungen-planen")
    older = post_about(process, other, title="Älter", date=datetime.date(2026, 1, 10))
    newer = post_about(process, title="Neuer", date=datetime.date(2026, 9, 1))
    post_about(other, title="Nur der andere")
    assert [entry.page for entry in pages_about(process)] == [newer, older]
    assert [entry.page for entry in pages_about(other)][-1] == older
    assert isinstance(pages_about(process)[0].page, BlogPostPage)  # specific, with its teaser


def test_the_post_names_its_processes_in_the_editors_order(process):
    other = process_page("Veranstaltungen planen", slug="veranstaltungen-planen")
    post = post_about(other, process)
    assert post.topics() == [other.page_ptr, process.page_ptr]


def test_unpublished_and_private_posts_are_not_listed(client, process):
    post_about(process, title="Noch ein Entwurf", publish=False)
    private = post_about(process, title="Nur für das Team")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert pages_about(process) == []
    html = client.get(process.url).content.decode()
    assert "Beiträge zu diesem Prozess" not in html
    assert "Noch ein Entwurf" not in html and "Nur für das Team" not in html


def test_an_unpublished_or_private_process_is_not_shown_on_the_post(client, process):
    draft = process_page("Zahlungen", slug="zahlungen", publish=False)
    post = post_about(process, draft)
    PageViewRestriction.objects.create(
        page=process, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert post.topics() == []
    html = client.get(post.url).content.decode()
    assert "Worum es geht" not in html and "Zahlungen" not in html


def test_a_translated_post_names_the_translated_process_and_is_listed_there(client, process):
    post = post_about(process, title="Wie wir Räume vergeben")
    english_process = translate(process, title="Renting rooms", slug="renting-rooms")
    english_post = translate(post, title="How we let our rooms", slug="how-we-let-our-rooms")
    # The translation keeps the link to the German process; the languages still match up.
    assert english_post.topic_links.get().topic_id == process.pk
    assert english_post.topics() == [english_process.page_ptr]
    assert [entry.page for entry in pages_about(english_process)] == [english_post]
    assert [entry.page for entry in pages_about(process)] == [post]

    html = client.get(english_post.url).content.decode()
    assert f'<a href="{english_process.url}">Renting rooms</a>' in html
    assert "Räume vermieten" not in html
    html = client.get(english_process.url).content.decode()
    assert "How we let our rooms" in html
    assert "Wie wir Räume vergeben" not in html


def test_a_process_without_posts_has_no_section(client, process):
    assert "Beiträge zu diesem Prozess" not in client.get(process.url).content.decode()


def test_the_blog_api_names_the_processes(client, process):
    post = post_about(process)
    data = client.get(f"/api/v3/pages/{post.pk}/").json()
    assert data["topics"] == [
        {"id": process.pk, "title": "Räume vermieten", "url": process.get_full_url()}
    ]


def test_a_page_that_is_no_topic_cannot_be_named(process):
    from django.core.exceptions import ValidationError

    post = post_about(process)
    link = BlogPostTopic(page=post, topic=post.get_parent())
    with pytest.raises(ValidationError, match="kein Thema"):
        link.full_clean()
    BlogPostTopic(page=post, topic=process).full_clean()


def test_the_post_editor_offers_processes_and_saves_them(client, superuser, process):
    client.force_login(superuser)
    post = post_about()
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert "Worum geht es? Prozesse" in html
    assert "topic_links-TOTAL_FORMS" in html


# Whole pages (session, site, page, comments, ...); what matters is that they stay the same
# for one topic or post and for several.
PROCESS_PAGE_QUERIES = 10
POST_PAGE_QUERIES = 14


@pytest.mark.parametrize("count", [1, 5])
def test_the_process_page_lists_posts_in_a_fixed_number_of_queries(
    client, process, count, django_assert_num_queries
):
    for number in range(count):
        post_about(process, title=f"Beitrag {number}")
    client.get(process.url)  # warm the site and content type caches
    with django_assert_num_queries(2):
        assert len(pages_about(process)) == count
    with django_assert_num_queries(PROCESS_PAGE_QUERIES):
        assert client.get(process.url).status_code == 200


@pytest.mark.parametrize("count", [1, 4])
def test_the_post_shows_its_processes_in_a_fixed_number_of_queries(
    client, count, django_assert_num_queries
):
    processes = [process_page(f"Prozess {n}", slug=f"prozess-{n}") for n in range(count)]
    post = post_about(*processes)
    client.get(post.url)
    with django_assert_num_queries(2):
        assert len(named_topics(post.topic_links.all(), post.locale_id)) == count
    with django_assert_num_queries(POST_PAGE_QUERIES):
        assert client.get(post.url).status_code == 200


def test_the_process_api_lists_the_posts_about_it(client, process):
    post = post_about(process, teaser="Erst der Ablauf.", date=datetime.date(2026, 10, 5))
    data = client.get(f"/api/v3/processes/processes/{process.pk}/").json()
    assert data["pages_about"] == [
        {
            "id": post.pk,
            "title": "Wie wir Räume vergeben",
            "url": post.get_full_url(),
            "date": "2026-10-05",
            "summary": "Erst der Ablauf.",
        }
    ]
