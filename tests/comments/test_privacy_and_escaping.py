"""What commenters send stays inert everywhere (only WordPress's comment tags render);
their e-mail address is never public."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from comments.models import Comment
from comments.notifications import send_moderation_mail
from comments.rendering import COMMENT_ATTRIBUTES
from tests.factories import comment
from tests.payloads import (
    ALLOWED_TAG_PAYLOAD,
    MARKUP_PAYLOADS,
    PAYLOADS,
    assert_no_injected_code,
)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "geheim.adresse-4711@example.org"

# The shared corpus (tests/payloads.py); NUL never reaches the database (forms refuse it).
XSS_PAYLOADS = PAYLOADS


def assert_escaped(html, payload):
    """Markup arrives as text; plain text (formulas, template syntax) may show as typed."""
    if "<" in payload or ">" in payload:
        assert payload not in html, payload
    if "<" in payload:
        assert "&lt;" in html


RENDERED_TAGS = {*COMMENT_ATTRIBUTES, "p", "br"}


def assert_inert(fragment):
    """Only the allowed comment tags and attributes, no script URL, no event handler."""
    for element in BeautifulSoup(fragment, "html.parser").find_all(True):
        assert element.name in RENDERED_TAGS, fragment
        allowed = COMMENT_ATTRIBUTES.get(element.name, set()) | (
            {"rel"} if element.name == "a" else set()
        )
        assert set(element.attrs) <= allowed, fragment
        for name in ("href", "cite"):
            if element.has_attr(name):
                assert element[name].startswith(("https://", "http://", "mailto:")), fragment
        if element.name == "a":
            assert element["rel"] == ["nofollow", "ugc"], fragment


def comment_texts(html, selector):
    fragments = [
        node.decode_contents() for node in BeautifulSoup(html, "html.parser").select(selector)
    ]
    assert fragments
    return fragments


@pytest.fixture
def hostile_comments(post):
    made = []
    for payload in XSS_PAYLOADS:
        made.append(
            comment(
                post,
                name=payload[:100],
                # Stored directly, as an edited or imported comment could be: every field.
                email=f"{payload}@example.org"[:254],
                url=f"https://example.org/{payload}"[:300],
                text=f"Vorher {payload} nachher",
            )
        )
    return made


def test_payloads_are_escaped_on_the_post_page(client, post, hostile_comments):
    html = client.get(post.url).content.decode()
    texts = comment_texts(html, ".comment__text")
    assert len(texts) == len(XSS_PAYLOADS)
    for text in texts:
        assert_inert(text)
    authors = "".join(comment_texts(html, ".comment__author"))
    for payload in XSS_PAYLOADS:
        assert_escaped(authors, payload[:100])
    assert_no_injected_code(html, "post page")
    assert "{{ 7*7 }}" in html.replace("&#x27;", "'") or "{{ 7*7 }}" in html
    # An allowed tag renders in the text; the same tag in a name stays text.
    assert "{% debug %}<b>fett</b> nachher" in html and "&lt;b&gt;fett&lt;/b&gt;" in authors


def test_payloads_are_escaped_in_the_admin_list(client, post, hostile_comments, superuser):
    client.force_login(superuser)
    pages = []
    for number in range(1, 1 + -(-len(XSS_PAYLOADS) // 25)):
        response = client.get("/admin/snippets/comments/comment/", {"p": number})
        assert response.status_code == 200
        pages.append(response.content.decode())
    html = "".join(pages)
    # The whole text, sanitised as on the website: only the allowed comment tags survive.
    texts = comment_texts(html, ".comment-moderation-text")
    assert len(texts) == len(XSS_PAYLOADS)
    for text in texts:
        assert_inert(text)
    for payload in MARKUP_PAYLOADS:
        if payload != ALLOWED_TAG_PAYLOAD:
            assert f"Vorher {payload}" not in html
            assert payload[:100] not in html
    assert_no_injected_code(html, "admin list")
    # The allowed tag renders in the text; the same tag in a name stays text.
    assert "{% debug %}<b>fett</b> nachher" in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html


def test_payloads_are_inert_in_the_admin_reply_and_report_views(
    client, post, hostile_comments, superuser
):
    from comments.models import CommentReport

    client.force_login(superuser)
    for hostile in hostile_comments:
        html = client.get(f"/admin/snippets/comments/comment/reply/{hostile.pk}/").content.decode()
        assert_inert(comment_texts(html, "blockquote")[0])
        report = CommentReport.objects.create(
            comment=hostile, reason=CommentReport.Reason.SPAM, explanation="Spam"
        )
        html = client.get(
            f"/admin/snippets/comments/commentreport/edit/{report.pk}/"
        ).content.decode()
        assert_inert(comment_texts(html, "blockquote")[0])


def test_payloads_are_escaped_in_the_notification_email(post, hostile_comments, moderator):
    for hostile in hostile_comments:
        hostile.status = Comment.Status.PENDING
        hostile.save()
        mail.outbox.clear()
        send_moderation_mail.call(hostile.pk)
        message = mail.outbox[0]
        html = message.alternatives[0][0]
        assert "Vorher " in html
        if "<" in hostile.text:
            assert "&lt;" in html
        assert_inert(comment_texts(html, "blockquote")[0])
        # The plain-text part is text/plain, and the comment in it carries no markup.
        assert message.content_subtype == "plain"
        assert "Vorher" in message.body
        assert not re.search(r"Vorher.*<[a-z/]", message.body), message.body


def test_payloads_are_inert_in_the_api(client, post, hostile_comments):
    data = client.get(f"/api/v3/comments/pages/{post.pk}/comments/").json()
    assert {item["text"] for item in data} == {c.text for c in hostile_comments}
    for item in data:
        assert_inert(item["text_html"])


def test_allowed_comment_tags_render_as_in_wordpress(client, post):
    written = comment(
        post,
        text=(
            "<em>kursiv</em> <strong>fett</strong> <code>x &lt; y</code> "
            '<a href="https://example.org/a" title="A">Link</a>\n'
            '<blockquote cite="https://example.org/q">Zitat</blockquote>'
        ),
    )
    html = client.get(post.url).content.decode()
    for fragment in (
        "<em>kursiv</em>",
        "<strong>fett</strong>",
        "<code>x &lt; y</code>",
        '<a href="https://example.org/a" title="A" rel="nofollow ugc">Link</a>',
        '<blockquote cite="https://example.org/q">Zitat</blockquote>',
    ):
        assert fragment in html
    data = client.get(f"/api/v3/comments/pages/{post.pk}/comments/").json()
    assert data[0]["text"] == written.text
    assert "<em>kursiv</em>" in data[0]["text_html"]


def test_dangerous_website_links_are_not_linked(client, post):
    hostile = comment(post, name="Klickmich", url="javascript:alert(1)")
    html = client.get(post.url).content.decode()
    assert 'href="javascript:alert(1)"' not in html
    assert f'id="kommentar-{hostile.pk}-autor">' in html


def test_commenter_links_are_nofollow_ugc(client, post):
    comment(post, name="Lena", url="https://example.org/lena")
    html = client.get(post.url).content.decode()
    assert '<a href="https://example.org/lena" rel="nofollow ugc noopener">Lena</a>' in html


def test_line_breaks_are_kept_and_bare_addresses_become_nofollow_links(client, post):
    comment(
        post,
        text="Erste <em>Zeile</em>\nZweite Zeile\n\nNeuer Absatz mit https://example.org/x.",
    )
    html = client.get(post.url).content.decode()
    assert "<p>Erste <em>Zeile</em><br>Zweite Zeile</p>" in html
    assert (
        '<p>Neuer Absatz mit <a href="https://example.org/x" rel="nofollow ugc">'
        "https://example.org/x</a>.</p>"
    ) in html


def test_email_never_appears_in_any_public_response(
    client, post, django_capture_on_commit_callbacks
):
    from blog.models import BlogIndexPage

    comment(post, email=SECRET_EMAIL, name="Privat", text="Meine Adresse bleibt geheim.")
    comment(
        post,
        email=SECRET_EMAIL.upper(),
        name="Privat",
        text="Auch in Großbuchstaben.",
        status="pending",
    )
    index = BlogIndexPage.objects.get(pk=post.get_parent().pk)
    urls = [
        post.url,
        f"{post.url}?antwort=1",
        index.url,
        index.url + "feed/rss/",
        index.url + "feed/atom/",
        f"/api/v3/comments/pages/{post.pk}/comments/",
        f"/api/v3/pages/{post.pk}/",
        "/api/v3/pages/?type=blog.BlogPostPage",
        "/api/v3/openapi.json",
        "/sitemap.xml",
        "/de/suche/?q=Privat",
        "/de/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = response.content.decode().lower()
        assert SECRET_EMAIL.lower() not in body, url
        assert "geheim.adresse" not in body, url


def test_a_quote_is_a_block_of_its_own_between_paragraphs():
    from comments.rendering import comment_html

    html = str(
        comment_html(
            "Davor.\n<blockquote>Bar muss\nbleiben.</blockquote>\nDanach https://x.example/"
        )
    )
    assert html.split("\n") == [
        "<p>Davor.</p>",
        "<blockquote>Bar muss<br>bleiben.</blockquote>",
        '<p>Danach <a href="https://x.example/" rel="nofollow ugc">https://x.example/</a></p>',
    ]
