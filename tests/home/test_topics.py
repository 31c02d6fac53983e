"""Pages name topics of other apps through the foundation (home/topics.py); each app works
without the other.

Run under any subset of feature apps: the blog's tests here need only the blog, the process
pages' tests only the process pages, and each checks what the other app's absence means.
(No feature app is imported here, so that the module is collected whichever is missing.)
"""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from wagtail import hooks
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.topics import pages_about, topic_page_types
from portal import hooks as portal_hooks

pytestmark = pytest.mark.django_db

PROCESSES_INSTALLED = "processes" in settings.FEATURE_APPS
BLOG_INSTALLED = "blog" in settings.FEATURE_APPS


def test_the_hook_is_typed_and_documented():
    assert portal_hooks.HOOK_TYPES[portal_hooks.TOPIC_PAGE_TYPES] is portal_hooks.TopicPageType
    assert "``TOPIC_PAGE_TYPES``" in portal_hooks.__doc__


def test_topic_types_of_an_app_that_is_not_installed_are_left_out():
    def offers_a_missing_model():
        return [portal_hooks.TopicPageType(model="nirgends.Seite", label="Nichts")]

    with hooks.register_temporarily(portal_hooks.TOPIC_PAGE_TYPES, offers_a_missing_model):
        assert all(model._meta.app_label != "nirgends" for model, _type in topic_page_types())


def test_the_installed_apps_decide_what_can_be_a_topic():
    offered = {model._meta.label for model, _type in topic_page_types()}
    assert offered == ({"processes.ProcessPage"} if PROCESSES_INSTALLED else set())


# The blog, with or without the process pages.


def demo_post():
    return apps.get_model("blog", "BlogPostPage").objects.live().public().order_by("pk").first()


@pytest.mark.feature_app("blog")
def test_the_post_editor_offers_topics_only_when_an_app_provides_them(client, superuser):
    client.force_login(superuser)
    post = demo_post()
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert ("Worum geht es? Prozesse" in html) is PROCESSES_INSTALLED
    assert ("topic_links-TOTAL_FORMS" in html) is PROCESSES_INSTALLED
    parent = post.get_parent()
    add = client.get(f"/admin/pages/add/blog/blogpostpage/{parent.pk}/")
    assert add.status_code == 200
    assert ("Worum geht es? Prozesse" in add.content.decode()) is PROCESSES_INSTALLED


@pytest.mark.feature_app("blog")
def test_the_post_editor_saves_a_post(client, superuser):
    client.force_login(superuser)
    post = demo_post()
    url = f"/admin/pages/{post.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Ein neuer Titel"
    # The body is built by the editor's script; send it as the script would.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Neu.</p>"))])}))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().title == "Ein neuer Titel"


@pytest.mark.feature_app("blog")
def test_the_post_page_works_and_names_no_topics_without_an_app_offering_them(client):
    post = demo_post()
    assert client.get(post.url).status_code == 200
    if not PROCESSES_INSTALLED:
        assert post.specific.topics() == []


@pytest.mark.feature_app("blog")
def test_the_blog_api_lists_topics_as_a_list(client):
    post = demo_post()
    data = client.get(f"/api/v3/pages/{post.pk}/").json()
    assert isinstance(data["topics"], list)
    if not PROCESSES_INSTALLED:
        assert data["topics"] == []


# The process pages, with or without the blog.


def process_page():
    home = apps.get_model("home", "HomePage").objects.get(locale__language_code="de")
    overview = apps.get_model("processes", "ProcessOverviewPage")(
        title="Prozesse im Test", slug="prozesse-im-test"
    )
    home.add_child(instance=overview)
    overview.save_revision().publish()
    page = apps.get_model("processes", "ProcessPage")(
        title="Räume vermieten", slug="raeume-vermieten", intro="Wie Gruppen einen Raum bekommen."
    )
    page.stage_changes.add(
        apps.get_model("processes", "StageChange")(stage="analysed", date=datetime.date(2026, 3, 1))
    )
    overview.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.feature_app("processes")
def test_the_process_page_works_with_or_without_posts_about_it(client):
    page = process_page()
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["posts_about"] == []
    assert "Beiträge zu diesem Prozess" not in response.content.decode()
    assert pages_about(page) == []


@pytest.mark.feature_app("processes")
def test_without_the_blog_nothing_names_topics(django_assert_num_queries, monkeypatch):
    import home.topics

    page = process_page()
    if BLOG_INSTALLED:
        # As without the blog: no app has a TopicLink model.
        monkeypatch.setattr(home.topics, "_link_models", lambda: [])
    with django_assert_num_queries(0):
        assert pages_about(page) == []


@pytest.mark.feature_app("processes")
def test_the_process_editor_works(client, superuser):
    client.force_login(superuser)
    page = process_page()
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
