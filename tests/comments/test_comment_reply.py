"""Answering a comment without JavaScript: the reply link prepares the form on the server."""

import re

import pytest

from comments.models import Comment, DiscussionSettings
from tests.factories import comment, form_data

pytestmark = pytest.mark.django_db


def test_the_reply_link_leads_to_a_form_that_answers_that_comment(client, post):
    DiscussionSettings.objects.update(moderation=DiscussionSettings.Moderation.NONE)
    top = comment(post, name="Erna Erste", email="erna@example.org")
    html = client.get(post.url).content.decode()
    link = re.search(rf'<a href="([^"]+)" data-reply-to="{top.pk}"[^>]*>Antworten', html)
    assert link is not None
    assert link.group(1) == f"?antwort={top.pk}#kommentar-formular"
    # Without JavaScript the cancel link stays out of sight until a reply is prepared.
    assert re.search(r'<p class="comment-form__cancel" data-comment-form-cancel hidden>', html)

    reply_page = client.get(f"{post.url}?antwort={top.pk}").content.decode()
    assert ">Antwort an Erna Erste</h2>" in reply_page
    assert f'name="parent" value="{top.pk}"' in reply_page
    assert re.search(
        r'<p class="comment-form__cancel" data-comment-form-cancel>\s*<a href="'
        + re.escape(post.url)
        + '#kommentar-formular">Antwort abbrechen</a>',
        reply_page,
    )

    response = client.post(post.url, form_data(post, parent=str(top.pk), text="Eine Antwort."))
    assert response.status_code == 302
    assert Comment.objects.get(text="Eine Antwort.").parent_id == top.pk


def test_the_script_gets_what_it_needs_from_the_markup(client, post):
    top = comment(post, name="Erna <Erste>", email="erna@example.org")
    html = client.get(post.url).content.decode()
    assert f'data-reply-anchor="kommentar-{top.pk}"' in html
    # The heading the script shows is translated and escaped on the server.
    assert 'data-reply-heading="Antwort an Erna &lt;Erste&gt;"' in html
    assert 'data-default-heading="Schreib einen Kommentar"' in html
    assert '<script src="/static/js/comment-reply.js" defer></script>' in html
