"""The Blog menu: the posts with their WordPress states, "Neuer Beitrag", the dashboard's actions."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import BlogIndexPage, BlogPostPage
from tests.factories import blog_post, person

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/blog/"
NEW_URL = "/admin/blog/neu/"


def scheduled_post(title, go_live_at):
    post = blog_post(title, publish=False)
    post.go_live_at = go_live_at
    post.save_revision(approved_go_live_at=go_live_at)
    return post


def german_blog():
    return BlogIndexPage.objects.get(locale__language_code="de", slug="blog")


def test_new_post_opens_the_editor_under_the_german_blog(client, editor):
    client.force_login(editor)
    response = client.get(NEW_URL)
    assert response.status_code == 302
    assert response.url == f"/admin/pages/add/blog/blogpostpage/{german_blog().pk}/"
    assert client.get(response.url).status_code == 200


def test_the_list_shows_status_date_and_authors_of_german_posts_only(client, editor):
    blog_post("Entwurf eines Beitrags", publish=False, authors=[person("Eva Entwurf")])
    scheduled_post("Kommt bald", timezone.now() + datetime.timedelta(days=2))
    client.force_login(editor)
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200
    rows = {post.title: post for post in response.context["object_list"]}
    assert "Entwurf eines Beitrags" in rows and "Kommt bald" in rows
    assert all(post.locale.language_code == "de" for post in rows.values())
    assert "Entwurf" in html and "Geplant" in html and "Veröffentlicht" in html
    assert "Eva Entwurf" in html
    assert f'href="{NEW_URL}"' in html  # the prominent button


@pytest.mark.parametrize(
    ("status", "expected", "absent"),
    [
        ("entwurf", "Entwurf eines Beitrags", "Kommt bald"),
        ("geplant", "Kommt bald", "Entwurf eines Beitrags"),
        ("veroeffentlicht", "Ein Live-Beitrag", "Kommt bald"),
    ],
)
def test_the_status_filter(client, editor, status, expected, absent):
    blog_post("Entwurf eines Beitrags", publish=False)
    blog_post("Ein Live-Beitrag")
    scheduled_post("Kommt bald", timezone.now() + datetime.timedelta(days=2))
    client.force_login(editor)
    titles = [p.title for p in client.get(f"{LIST_URL}?status={status}").context["object_list"]]
    assert expected in titles and absent not in titles


def test_the_list_runs_a_fixed_number_of_queries(client, editor):
    client.force_login(editor)
    client.get(LIST_URL)  # warm caches (content types, site root paths)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL).status_code == 200
        return len(queries)

    before = count()
    for n in range(4):
        blog_post(f"Noch ein Beitrag {n}", authors=[person(f"Person {n}")])
    assert count() == before


def test_dashboard_actions_per_role(client, editor, moderator, superuser):
    blog_post("Entwurf eines Beitrags", publish=False)
    scheduled_post("Kommt bald", timezone.now() + datetime.timedelta(days=2))
    drafts = BlogPostPage.objects.filter(locale__language_code="de", live=False).count() - 1

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Neuer Beitrag" in html and NEW_URL in html
    assert f"Entwürfe: {drafts}" in html and f"{LIST_URL}?status=entwurf" in html
    assert "Geplant: 1" in html and f"{LIST_URL}?status=geplant" in html
    assert "Kommentare warten" not in html  # editors do not moderate

    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Kommentare warten" in html
    assert "Neuer Beitrag" not in html and "Entwürfe" not in html
    assert client.get(LIST_URL).status_code in (302, 403)
    assert f'href="{LIST_URL}"' not in html  # no Blog menu entry for the list

    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "Neuer Beitrag" in html and "Kommentare warten" in html


def test_publish_scheduled_loop_publishes_a_post_whose_time_has_come():
    post = scheduled_post("Jetzt dran", timezone.now() - datetime.timedelta(minutes=1))
    later = scheduled_post("Noch nicht", timezone.now() + datetime.timedelta(days=1))
    call_command("publish_scheduled_loop", runs=1)
    post.refresh_from_db()
    later.refresh_from_db()
    assert post.live
    assert not later.live


def test_a_new_post_starts_signed_by_the_editor_who_writes_it(client, editor):
    """As in WordPress, the writer is the first author; saves the author chooser's two clicks."""
    own = person("Erika Eigene")
    own.user = editor
    own.save()
    person("Jemand Anderes")
    client.force_login(editor)
    html = client.get(f"/admin/pages/add/blog/blogpostpage/{german_blog().pk}/").content.decode()
    assert "Erika Eigene" in html
    assert "Jemand Anderes" not in html


def test_a_new_post_has_no_author_for_an_editor_without_a_profile(client, superuser):
    person("Jemand Anderes")
    client.force_login(superuser)
    html = client.get(f"/admin/pages/add/blog/blogpostpage/{german_blog().pk}/").content.decode()
    assert "Jemand Anderes" not in html
