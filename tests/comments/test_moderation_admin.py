"""Comment moderation in the Wagtail admin: list, bulk actions, team replies, reports, dashboard."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from blog.models import BlogIndexPage, BlogPostAuthor, BlogPostPage, Person
from comments.models import Comment, CommentReport, DiscussionSettings
from home.models import StandardPage
from tests.factories import german_home, standard_page

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/comments/comment/"
REPORTS_URL = "/admin/snippets/comments/commentreport/"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def bulk_url(action, ids, model="comment", **params):
    query = [("id", pk) for pk in ids] + [("next", LIST_URL)] + list(params.items())
    return f"/admin/bulk/comments/{model}/{action}/?{urlencode(query)}"


@pytest.fixture
def post():
    home = german_home()
    index = BlogIndexPage(title="Test-Blog", slug="test-blog-moderation", live=True)
    home.add_child(instance=index)
    person = Person.objects.create(
        name="Anna Beispiel", slug="anna-beispiel-moderation", locale=Locale.get_default()
    )
    page = BlogPostPage(
        title="Ein Beitrag mit Kommentaren",
        slug="beitrag-mit-kommentaren",
        teaser="Worüber wir reden.",
        body=[],
        live=True,
    )
    page.post_authors.add(BlogPostAuthor(person=person))
    index.add_child(instance=page)
    return page


@pytest.fixture
def other_post(post):
    page = BlogPostPage(
        title="Ein zweiter Beitrag", slug="zweiter-beitrag", teaser="Noch einer.", body=[]
    )
    post.get_parent().add_child(instance=page)
    return page


def make_comment(page, status=Comment.Status.PENDING, **fields):
    values = {
        "name": "Berta Besucherin",
        "email": "berta@example.org",
        "text": "Ein freundlicher Kommentar.",
        **fields,
    }
    return Comment.objects.create(page=page, status=status, **values)


def admin_user(username, *codenames):
    """A user with admin access and exactly the given blog permissions."""
    user = get_user_model().objects.create_user(
        username=username, password="test-password-123", email=f"{username}@example.org"
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames),
    )
    return user


@pytest.fixture
def admin_without_moderation():
    return admin_user("ohne-moderation")


@pytest.fixture
def changer_without_moderation():
    return admin_user("nur-aendern", "change_comment", "delete_comment", "change_commentreport")


# == List, filters and menu ==


def test_moderator_sees_the_list_with_filters_search_and_pending_count(client, moderator, post):
    pending = [make_comment(post, text=f"Wartet {i}") for i in range(3)]
    approved = make_comment(post, Comment.Status.APPROVED, text="Schon da")
    client.force_login(moderator)

    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Kommentare ({Comment.objects.pending().count()})" in html
    for comment in [*pending, approved]:
        assert f"/admin/snippets/comments/comment/edit/{comment.pk}/" in html
    assert "Ein Beitrag mit Kommentaren" in html  # the page's title
    assert "Wartet auf Freischaltung" in html and "Freigeschaltet" in html
    # The filters: status, page and date.
    assert 'name="status"' in html and 'name="page"' in html
    assert 'name="created_at_from"' in html and 'name="created_at_to"' in html
    # No "add" button: comments come from visitors or as team replies.
    assert "/admin/snippets/comments/comment/add/" not in html

    html = client.get(LIST_URL, {"status": "approved"}).content.decode()
    assert f"/edit/{approved.pk}/" in html
    assert f"/edit/{pending[0].pk}/" not in html


def test_the_list_names_the_page_type_and_filters_by_it(client, moderator, post):
    on_post = make_comment(post, text="Zum Beitrag")
    plain = standard_page("Seite ohne Blog", slug="seite-ohne-blog-moderation")
    on_page = make_comment(plain, text="Zur Seite")
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    assert "Blog-Beitrag" in html and "Seitentyp" in html
    assert 'name="page_type"' in html
    post_type = ContentType.objects.get_for_model(BlogPostPage)
    html = client.get(LIST_URL, {"page_type": post_type.pk}).content.decode()
    assert f"/edit/{on_post.pk}/" in html and f"/edit/{on_page.pk}/" not in html
    page_type = ContentType.objects.get_for_model(StandardPage)
    html = client.get(LIST_URL, {"page_type": page_type.pk}).content.decode()
    assert f"/edit/{on_page.pk}/" in html and f"/edit/{on_post.pk}/" not in html


def test_list_filters_by_page_and_date_and_searches_name_email_and_text(
    client, moderator, post, other_post
):
    here = make_comment(post, text="Hier")
    there = make_comment(other_post, name="Carla", email="carla@example.net", text="Dort")
    old = make_comment(post, text="Alt")
    Comment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=40)
    )
    client.force_login(moderator)

    html = client.get(LIST_URL, {"page": other_post.pk}).content.decode()
    assert f"/edit/{there.pk}/" in html and f"/edit/{here.pk}/" not in html

    since = (timezone.localdate() - timezone.timedelta(days=7)).isoformat()
    html = client.get(LIST_URL, {"created_at_from": since}).content.decode()
    assert f"/edit/{here.pk}/" in html and f"/edit/{old.pk}/" not in html

    for query in ("Carla", "carla@example.net", "Dort"):
        html = client.get(LIST_URL, {"q": query}).content.decode()
        assert f"/edit/{there.pk}/" in html and f"/edit/{here.pk}/" not in html


def test_menu_shows_comments_and_reports_with_counts(client, moderator, post):
    comment = make_comment(post)
    CommentReport.objects.create(comment=comment, reason="spam", explanation="Werbung")
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert f"Kommentare ({Comment.objects.pending().count()})" in html
    assert f"Meldungen ({CommentReport.objects.open().count()})" in html


def test_list_query_count_does_not_grow_with_the_number_of_comments(client, moderator, post):
    client.force_login(moderator)

    def queries_for(total):
        Comment.objects.filter(page=post).delete()
        for i in range(total):
            comment = make_comment(
                post, Comment.Status.APPROVED if i % 2 else Comment.Status.PENDING, text=f"K{i}"
            )
            if i % 3 == 0:
                CommentReport.objects.create(comment=comment, reason="other", explanation="?")
        client.get(LIST_URL)  # warm caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST_URL)
        assert response.status_code == 200
        return len(queries)

    assert queries_for(5) == queries_for(25)


# == Edit view ==


def test_moderator_edits_text_name_url_and_status(client, moderator, post):
    comment = make_comment(post)
    client.force_login(moderator)
    url = f"{LIST_URL}edit/{comment.pk}/"
    html = client.get(url).content.decode()
    assert "berta@example.org" in html  # fine in the admin, never public
    response = client.post(
        url,
        {
            "status": "approved",
            "name": "Berta B.",
            "email": "berta@example.org",
            "url": "https://example.org/",
            "text": "Freundlich, aber kürzer.",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.name, comment.url, comment.text) == (
        "approved",
        "Berta B.",
        "https://example.org/",
        "Freundlich, aber kürzer.",
    )


def test_choosers_are_for_moderators(client, moderator, post):
    comment = make_comment(post)
    client.force_login(moderator)
    assert client.get("/admin/snippets/choose/comments/comment/").status_code == 200
    chosen = client.get(f"/admin/snippets/choose/comments/comment/chosen/{comment.pk}/")
    assert chosen.status_code == 200


def test_nobody_adds_or_copies_comments_in_the_admin(client, superuser, post):
    client.force_login(superuser)
    assert client.get(f"{LIST_URL}add/").status_code == 302
    assert client.get(f"{REPORTS_URL}add/").status_code == 302
    assert "/add/" not in client.get(LIST_URL).content.decode()


# == Escaping ==


def test_commenters_html_is_escaped_in_list_edit_reply_and_reports(client, moderator, post):
    comment = make_comment(post, Comment.Status.APPROVED, name=SCRIPT, text=IMG)
    report = CommentReport.objects.create(comment=comment, reason="other", explanation=SCRIPT)
    client.force_login(moderator)
    urls = [
        LIST_URL,
        f"{LIST_URL}?q=script",
        f"{LIST_URL}edit/{comment.pk}/",
        f"{LIST_URL}reply/{comment.pk}/",
        f"{LIST_URL}delete/{comment.pk}/",
        f"{LIST_URL}history/{comment.pk}/",
        bulk_url("spam", [comment.pk]),
        REPORTS_URL,
        f"{REPORTS_URL}edit/{report.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert SCRIPT not in html, url
        assert IMG not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&lt;script&gt;" in html, url
    list_html = client.get(LIST_URL).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in list_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in list_html
    edit_html = client.get(f"{LIST_URL}edit/{comment.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in edit_html


# == Bulk actions ==


@pytest.mark.parametrize(
    ("action", "status", "question"),
    [
        ("approve", "approved", "Kommentare freischalten?"),
        ("spam", "spam", "Kommentare als Spam markieren?"),
        ("trash", "trash", "Kommentare in den Papierkorb legen?"),
    ],
)
def test_bulk_actions_change_the_status_with_one_update(
    client, moderator, post, action, status, question
):
    chosen = [make_comment(post) for _ in range(3)]
    untouched = make_comment(post)
    client.force_login(moderator)
    ids = [comment.pk for comment in chosen]

    confirmation = client.get(bulk_url(action, ids))
    assert confirmation.status_code == 200
    assert question in confirmation.content.decode()

    with CaptureQueriesContext(connection) as queries:
        response = client.post(bulk_url(action, ids))
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "comments_comment"')]
    assert len(updates) == 1
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {status}
    changed = Comment.objects.get(pk=ids[0])
    assert changed.moderation_reason == f"manual:{status}:{moderator.get_username()}"
    label = Comment.Status(status).label
    assert (
        changed.get_moderation_reason_display() == f"Von Hand: {label} ({moderator.get_username()})"
    )
    untouched.refresh_from_db()
    assert untouched.status == "pending"


def test_bulk_actions_are_listed_on_the_comment_list(client, moderator, post):
    make_comment(post)
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    for action in ("approve", "spam", "trash", "delete"):
        assert f"/admin/bulk/comments/comment/{action}/" in html
    assert "Freischalten" in html and "Als Spam markieren" in html and "In den Papierkorb" in html


def test_bulk_delete(client, moderator, post):
    doomed = make_comment(post, Comment.Status.SPAM)
    client.force_login(moderator)
    response = client.post(bulk_url("delete", [doomed.pk]))
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=doomed.pk).exists()


def test_select_all_acts_on_the_filtered_listing_only(client, moderator, post):
    spam = [make_comment(post, Comment.Status.SPAM) for _ in range(2)]
    keep = [make_comment(post), make_comment(post, Comment.Status.APPROVED)]
    client.force_login(moderator)
    response = client.post(
        f"/admin/bulk/comments/comment/delete/?{urlencode({'id': 'all', 'status': 'spam'})}"
    )
    assert response.status_code == 302
    assert not Comment.objects.filter(pk__in=[c.pk for c in spam]).exists()
    assert Comment.objects.filter(pk__in=[c.pk for c in keep]).count() == 2

    client.post(f"/admin/bulk/comments/comment/trash/?{urlencode({'id': 'all', 'q': 'nichts'})}")
    assert Comment.objects.filter(pk__in=[c.pk for c in keep], status="trash").count() == 0


# == Team replies ==


def test_team_reply_creates_an_approved_team_comment_under_the_parent(client, moderator, post):
    parent = make_comment(post, Comment.Status.APPROVED)
    client.force_login(moderator)
    url = f"{LIST_URL}reply/{parent.pk}/"

    html = client.get(url).content.decode()
    assert "Als Team antworten" in html and "Ein freundlicher Kommentar." in html
    assert "csrfmiddlewaretoken" in html

    response = client.post(url, {"text": "Danke für Deinen Kommentar!"})
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert reply.status == Comment.Status.APPROVED
    assert reply.is_team and reply.user == moderator
    assert reply.page_id == post.pk and reply.depth == parent.depth + 1
    assert reply.name == "Team Haus am Westbahnhof"
    assert reply.email == moderator.email
    assert reply.text == "Danke für Deinen Kommentar!"
    assert reply.moderation_reason == "team_reply"
    assert reply.get_moderation_reason_display() == "Antwort des Teams"


def test_team_reply_and_bulk_actions_need_the_csrf_token(moderator, post):
    parent = make_comment(post, Comment.Status.APPROVED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(f"{LIST_URL}reply/{parent.pk}/", {"text": "Hallo"}).status_code == 403
    assert client.post(bulk_url("spam", [parent.pk])).status_code == 403
    parent.refresh_from_db()
    assert parent.status == Comment.Status.APPROVED
    assert not Comment.objects.filter(parent=parent).exists()


def test_team_reply_needs_a_text(client, moderator, post):
    parent = make_comment(post, Comment.Status.APPROVED)
    client.force_login(moderator)
    response = client.post(f"{LIST_URL}reply/{parent.pk}/", {"text": "   "})
    assert response.status_code == 200
    assert "Bitte schreib eine Antwort." in response.content.decode()
    assert not Comment.objects.filter(parent=parent).exists()


def test_team_reply_respects_the_thread_depth(client, moderator, post):
    settings = DiscussionSettings.for_site(post.get_site())
    settings.thread_depth = 2
    settings.save()
    top = make_comment(post, Comment.Status.APPROVED)
    deep = make_comment(post, Comment.Status.APPROVED, parent=top, depth=2)
    client.force_login(moderator)

    assert client.post(f"{LIST_URL}reply/{top.pk}/", {"text": "Geht."}).status_code == 302
    assert Comment.objects.get(parent=top, is_team=True).depth == 2

    response = client.post(f"{LIST_URL}reply/{deep.pk}/", {"text": "Zu tief."}, follow=True)
    assert "kann nicht weiter geantwortet werden" in response.content.decode()
    assert not Comment.objects.filter(parent=deep).exists()
    # The list offers no inline reply for it either.
    html = client.get(LIST_URL).content.decode()
    assert f"/quick-reply/{top.pk}/" in html and f"/quick-reply/{deep.pk}/" not in html


def test_team_reply_only_to_approved_comments(client, moderator, post):
    pending = make_comment(post)
    client.force_login(moderator)
    response = client.post(f"{LIST_URL}reply/{pending.pk}/", {"text": "Hallo"}, follow=True)
    assert "nur auf freigeschaltete Kommentare" in response.content.decode()
    assert not Comment.objects.filter(parent=pending).exists()


# == Reports ==


def test_moderator_lists_filters_and_decides_reports(client, moderator, post):
    comment = make_comment(post, Comment.Status.APPROVED, text="Gemeldeter Text")
    open_report = CommentReport.objects.create(
        comment=comment, reason="hate", explanation="Beleidigend"
    )
    done = CommentReport.objects.create(
        comment=comment, reason="spam", explanation="Erledigt schon", status="no_violation"
    )
    client.force_login(moderator)

    html = client.get(REPORTS_URL, {"status": "open"}).content.decode()
    assert f"/edit/{open_report.pk}/" in html and f"/edit/{done.pk}/" not in html
    assert "Hass, Hetze oder Beleidigung" in html and "Beleidigend" in html
    assert "Gemeldeter Text" in html
    assert f"/admin/snippets/comments/comment/edit/{comment.pk}/" in html  # to the comment

    edit_url = f"{REPORTS_URL}edit/{open_report.pk}/"
    html = client.get(edit_url).content.decode()
    assert f"/admin/snippets/comments/comment/edit/{comment.pk}/" in html
    assert client.post(edit_url, {"status": "no_violation"}).status_code == 302
    open_report.refresh_from_db()
    assert open_report.status == CommentReport.Status.NO_VIOLATION
    assert open_report.explanation == "Beleidigend"  # read-only for moderators


def test_bulk_resolve_reports(client, moderator, post):
    comment = make_comment(post)
    reports = [
        CommentReport.objects.create(comment=comment, reason="other", explanation=str(i))
        for i in range(2)
    ]
    client.force_login(moderator)
    response = client.post(bulk_url("resolve", [r.pk for r in reports], model="commentreport"))
    assert response.status_code == 302
    assert not CommentReport.objects.filter(pk__in=[r.pk for r in reports]).open().exists()
    for report in CommentReport.objects.filter(pk__in=[r.pk for r in reports]):
        assert report.status == CommentReport.Status.DONE
        assert report.decided_by == moderator and report.decided_at is not None


def test_comment_list_counts_open_reports(client, moderator, post):
    comment = make_comment(post)
    for status in ("open", "open", "done"):
        CommentReport.objects.create(
            comment=comment, reason="other", explanation="x", status=status
        )
    client.force_login(moderator)
    response = client.get(LIST_URL)
    row = next(c for c in response.context["object_list"] if c.pk == comment.pk)
    assert row.open_reports == 2


# == Dashboard ==


def test_dashboard_quick_actions_show_the_counts_with_links(client, moderator, post):
    Comment.objects.filter(status=Comment.Status.PENDING).delete()
    CommentReport.objects.open().delete()
    comments = [make_comment(post) for _ in range(3)]
    CommentReport.objects.create(comment=comments[0], reason="spam", explanation="Werbung")
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Kommentare warten: 3" in html
    assert "Offene Meldungen: 1" in html
    assert f"{LIST_URL}?status=pending" in html
    assert f"{REPORTS_URL}?status=open" in html


# == Permissions ==


@pytest.fixture(params=["admin_without_moderation", "changer_without_moderation"])
def outsider(request):
    return request.getfixturevalue(request.param)


def test_users_without_moderation_permission_get_nothing(client, outsider, post):
    comment = make_comment(post, Comment.Status.APPROVED)
    report = CommentReport.objects.create(comment=comment, reason="other", explanation="x")
    client.force_login(outsider)

    dashboard = client.get("/admin/").content.decode()
    assert LIST_URL not in dashboard and REPORTS_URL not in dashboard  # no menu items
    assert "Kommentare warten" not in dashboard  # no quick action

    for url in [
        LIST_URL,
        f"{LIST_URL}edit/{comment.pk}/",
        f"{LIST_URL}reply/{comment.pk}/",
        f"{LIST_URL}delete/{comment.pk}/",
        REPORTS_URL,
        f"{REPORTS_URL}edit/{report.pk}/",
        bulk_url("approve", [comment.pk]),
        "/admin/snippets/choose/comments/comment/",
        f"/admin/snippets/choose/comments/comment/chosen/{comment.pk}/",
        "/admin/snippets/choose/comments/commentreport/",
    ]:
        assert client.get(url).status_code in (302, 403), url

    for action in ("spam", "trash", "delete"):
        assert client.post(bulk_url(action, [comment.pk])).status_code in (302, 403)
    assert client.post(f"{LIST_URL}reply/{comment.pk}/", {"text": "x"}).status_code in (302, 403)
    assert client.post(bulk_url("resolve", [report.pk], model="commentreport")).status_code in (
        302,
        403,
    )
    comment.refresh_from_db()
    report.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert report.is_open
    assert not Comment.objects.filter(parent=comment).exists()


def test_visitors_without_admin_access_are_sent_to_the_login(client, post):
    comment = make_comment(post)
    for url in (LIST_URL, f"{LIST_URL}reply/{comment.pk}/", bulk_url("approve", [comment.pk])):
        response = client.post(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_user_without_admin_access_is_refused(client, post):
    user = get_user_model().objects.create_user(username="kein-admin", password="x-123-long")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__contains="comment")
    )
    comment = make_comment(post)
    client.force_login(user)
    assert client.get(LIST_URL).status_code == 302
    assert client.post(bulk_url("approve", [comment.pk])).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
