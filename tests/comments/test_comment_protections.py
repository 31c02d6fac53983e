"""The protections of the public forms: no posting as the team, one form one submission,
reports as guarded as comments, ids and invisible characters that cannot break anything."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Site

import comments.admin
from comments.models import Comment, CommentReport, DiscussionSettings
from comments.moderation import REPORT_FORM, team_name
from home.form_protection import clean_plain_text, parse_id
from home.groups import EDITORS, MODERATORS
from tests.factories import blog_post, comment, form_data, started

pytestmark = pytest.mark.django_db

TEAM_EMAIL = "team@westbahnhof.example"


def discussion(**values):
    settings = DiscussionSettings.for_site(Site.objects.get())
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()


def post_comment(client, post, ip="203.0.113.7", **overrides):
    return client.post(post.url, form_data(post, **overrides), REMOTE_ADDR=ip)


def post_api(client, post, ip="198.51.100.4", **overrides):
    body = {
        "name": "Api Leserin",
        "email": "api@example.org",
        "text": "Per Schnittstelle.",
        "consent": True,
        "started": started(post),
        **overrides,
    }
    return client.post(
        f"/api/v3/comments/pages/{post.pk}/comments/",
        body,
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def team_reply(post):
    return comment(post, name=team_name(), email=TEAM_EMAIL, is_team=True)


# == Nobody posts as the team ==


def test_team_reply_does_not_make_its_name_and_address_known(client, post):
    team_reply(post)
    response = post_comment(client, post, name="Lena Leserin", email=TEAM_EMAIL)
    assert response.status_code == 302
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


@pytest.mark.parametrize(
    "name",
    [
        "Team Haus am Westbahnhof",
        "team  haus-am-westbahnhof",
        "TEAM HAUS AM WESTBAHNHOF",
        "Haus am Westbahnhof",
        "Team",
        "Team Haus am\u202eWestbahnhof",
    ],
)
def test_team_name_is_reserved_for_team_replies(client, post, name):
    team_reply(post)
    response = post_comment(client, post, name=name, email=TEAM_EMAIL, text="Offiziell!")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dieser Name ist dem Team vorbehalten." in html
    # The message sits at the name field, and what was typed is still there.
    assert 'id="id_name_error"' in html
    assert "Offiziell!" in html
    assert Comment.objects.filter(is_team=False).count() == 0


def test_team_name_is_reserved_in_the_api_and_the_api_cannot_make_team_comments(client, post):
    response = post_api(client, post, name="Team Haus am Westbahnhof")
    assert response.status_code == 400
    assert not Comment.objects.exists()
    response = post_api(client, post, name="Api Leserin", is_team=True)
    assert response.status_code == 201
    assert Comment.objects.get().is_team is False


# == One form, one page, one submission ==


def test_form_token_of_another_page_is_refused(client, post):
    other = blog_post("Ein anderer Beitrag", slug="ein-anderer")
    response = post_comment(client, post, started=started(other))
    assert response.status_code == 400
    assert "gehört zu einer anderen Seite" in response.content.decode()
    assert not Comment.objects.exists()


def test_same_form_sent_twice_is_stored_once(client, post):
    discussion(moderation=DiscussionSettings.Moderation.NONE)
    data = form_data(post)
    assert client.post(post.url, data, REMOTE_ADDR="203.0.113.7").status_code == 302
    # The reload of the POST, from another address after the flood interval: still refused.
    data["text"] = "Noch ein Gedanke."
    response = client.post(post.url, data, REMOTE_ADDR="203.0.113.99")
    assert response.status_code == 400
    assert "schon abgeschickt" in response.content.decode()
    assert Comment.objects.count() == 1


def test_api_form_token_is_single_use_and_bound_to_its_post(client, post):
    token = started(post)
    assert post_api(client, post, started=token).status_code == 201
    again = post_api(client, post, ip="198.51.100.99", started=token, email="b@example.org")
    assert again.status_code == 400
    other = blog_post("Ein anderer Beitrag", slug="ein-anderer")
    elsewhere = post_api(client, other, ip="198.51.100.98", started=token, email="c@example.org")
    assert elsewhere.status_code == 400
    assert Comment.objects.count() == 1


# == Reports are guarded like comments ==


def report(client, target, ip="203.0.113.50", **overrides):
    data = {
        "reason": "hate",
        "explanation": "Das ist beleidigend.",
        "contact": "",
        "good_faith": "on",
        "started": started(target, purpose=REPORT_FORM),
        "website_confirm": "",
        **overrides,
    }
    return client.post(f"{target.page.url}melden/{target.pk}/", data, REMOTE_ADDR=ip)


def test_report_form_carries_a_token_and_a_honeypot(client, post):
    target = comment(post)
    html = client.get(f"{post.url}melden/{target.pk}/").content.decode()
    assert 'name="started"' in html and 'name="website_confirm"' in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website_confirm": "http://bot.example"}, "konnte nicht angenommen werden"),
        ({"started": ""}, "Das Formular ist ungültig"),
        ({"started": "__too_fast__"}, "Das ging sehr schnell"),
    ],
)
def test_report_refused_without_the_form_protections(client, post, overrides, message):
    target = comment(post)
    if overrides.get("started") == "__too_fast__":
        overrides["started"] = started(target, seconds_ago=1, purpose=REPORT_FORM)
    response = report(client, target, **overrides)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Das ist beleidigend." in html
    assert not CommentReport.objects.exists()


def test_report_flood_control(client, post):
    first, second = comment(post), comment(post, text="Noch einer")
    assert report(client, first).status_code == 302
    response = report(client, second)
    assert response.status_code == 400
    assert "schon etwas gemeldet" in response.content.decode()
    assert CommentReport.objects.count() == 1


def test_team_reply_cannot_be_reported(client, post):
    visitor = comment(post, text="Eine Frage")
    reply = comment(post, name=team_name(), is_team=True, parent=visitor, depth=2)
    html = client.get(post.url).content.decode()
    assert f"melden/{visitor.pk}/" in html
    assert f"melden/{reply.pk}/" not in html
    assert client.get(f"{post.url}melden/{reply.pk}/").status_code == 404
    assert report(client, reply).status_code == 404
    assert not CommentReport.objects.exists()


def test_report_thanks_are_shown_at_the_reported_comment(client, post):
    target = comment(post, text="Gemeldeter Text")
    response = report(client, target)
    assert response["Location"].endswith(f"#kommentar-{target.pk}")
    html = client.get(response["Location"].split("#")[0]).content.decode()
    item = re.search(rf'<li[^>]*id="kommentar-{target.pk}".*?</article>', html, re.S).group(0)
    assert "Danke für Deine Meldung" in item
    assert html.count("Danke für Deine Meldung") == 1


def test_comment_thanks_are_shown_at_the_new_comment(client, post):
    discussion(moderation=DiscussionSettings.Moderation.NONE)
    response = post_comment(client, post)
    stored = Comment.objects.get()
    html = client.get(response["Location"].split("#")[0]).content.decode()
    item = re.search(rf'<li[^>]*id="kommentar-{stored.pk}".*?</article>', html, re.S).group(0)
    assert "Danke! Dein Kommentar ist veröffentlicht." in item


# == Invisible characters ==


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Lena\u202eneleS", "LenaneleS"),
        ("\u2066Lena\u2069 Leserin", "Lena Leserin"),
        ("Le\u200bna\ufeff", "Lena"),
        ("\u200dLena\u200d", "Lena"),
        ("Lena \u200d Leserin", "Lena Leserin"),
        ("Ada \U000e0041\U000e0042", "Ada"),
        ("Lena\x00\x07 Leserin", "Lena Leserin"),
    ],
)
def test_invisible_and_direction_characters_are_removed_from_names(raw, clean):
    assert clean_plain_text(raw) == clean


def test_joiners_inside_words_and_emoji_stay():
    assert clean_plain_text("Entwicklerin \U0001f469\u200d\U0001f4bb") == (
        "Entwicklerin \U0001f469\u200d\U0001f4bb"
    )
    assert clean_plain_text("می\u200cخواهم") == "می\u200cخواهم"


def test_multiline_text_keeps_its_lines_but_not_its_overrides():
    assert clean_plain_text("Erste Zeile\r\n\u202eZweite\u202c Zeile", multiline=True) == (
        "Erste Zeile\nZweite Zeile"
    )


def test_stored_comment_and_report_have_no_invisible_characters(client, post):
    discussion(moderation=DiscussionSettings.Moderation.NONE)
    post_comment(client, post, name="Lena\u202e Leserin", text="Hallo\u2067 Welt\u200b!")
    stored = Comment.objects.get()
    assert (stored.name, stored.text) == ("Lena Leserin", "Hallo Welt!")
    report(client, stored, explanation="Gemein\u202e!", contact="x\u200b@example.org")
    assert CommentReport.objects.values_list("explanation", "contact").get() == (
        "Gemein!",
        "x@example.org",
    )


def test_name_of_only_invisible_characters_is_missing(client, post):
    response = post_comment(client, post, name="\u202e\u200b")
    assert response.status_code == 400
    assert "Bitte gib Deinen Namen an." in response.content.decode()


# == Ids from visitors ==


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("²", None),
        ("١٢", None),
        ("0", None),
        ("-3", None),
        ("1.5", None),
        ("99999999999999999999", None),
        (str(2**63 - 1), 2**63 - 1),
        ("", None),
        (None, None),
    ],
)
def test_parse_id_takes_only_ascii_whole_numbers_that_fit_a_column(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize("value", ["²", "99999999999999999999", "-1", "abc", "1e3"])
def test_odd_reply_ids_in_the_query_string_show_the_post(client, post, value):
    response = client.get(post.url, {"antwort": value})
    assert response.status_code == 200
    assert "Schreib einen Kommentar" in response.content.decode()


@pytest.mark.parametrize("value", ["²", "99999999999999999999", "-1", "abc"])
def test_odd_parent_ids_in_the_form_are_refused_in_german(client, post, value):
    response = post_comment(client, post, parent=value, text="Meine Antwort")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Auf diesen Kommentar kann nicht geantwortet werden." in html
    assert "Meine Antwort" in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize("value", ["99999999999999999999", "0"])
def test_report_of_an_impossible_comment_id_is_404(client, post, value):
    assert client.get(f"{post.url}melden/{value}/").status_code == 404


def test_odd_own_comment_cookie_is_ignored(client, post):
    from comments.views import COOKIE_SALT, OWN_COMMENTS_COOKIE

    response = client.get(post.url)
    response.set_signed_cookie(OWN_COMMENTS_COOKIE, "²,99999999999999999999,x", salt=COOKIE_SALT)
    client.cookies[OWN_COMMENTS_COOKIE] = response.cookies[OWN_COMMENTS_COOKIE].value
    assert client.get(post.url).status_code == 200


# == Messages and admin ==


def test_flood_message_does_not_point_to_marked_fields(client, post):
    assert post_comment(client, post).status_code == 302
    response = post_comment(client, post, email="zweite@example.org", text="Gleich noch einer")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Du hast gerade eben schon kommentiert." in html
    assert "prüfe die markierten Felder" not in html
    assert "field--error" not in html


def test_missing_field_message_points_to_the_marked_field(client, post):
    html = post_comment(client, post, name="").content.decode()
    assert "Bitte prüfe die markierten Felder." in html
    assert "field--error" in html


def test_admin_buttons_use_wagtails_sized_icons(client, post, moderator):
    target = comment(post)
    client.force_login(moderator)
    html = client.get(f"/admin/snippets/comments/comment/edit/{target.pk}/").content.decode()
    button = re.search(r'<a class="button[^"]*"[^>]*>.*?Als Team antworten</a>', html, re.S)
    assert button, "no team-reply button"
    assert "button--icon" in button.group(0)
    assert 'class="icon-wrapper"' in button.group(0)


def test_only_the_moderation_group_moderates_and_the_docs_say_so():
    permission = Permission.objects.get(codename="moderate_comment")
    assert permission in Group.objects.get(name=MODERATORS).permissions.all()
    assert permission not in Group.objects.get(name=EDITORS).permissions.all()
    assert '"Redaktion" holds it' not in comments.admin.__doc__
    assert 'only the group\n"Moderation" holds' in comments.admin.__doc__
