"""Every ``datetime`` attribute the portal writes is valid HTML, also for comments from the form."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from comments.models import Comment, DiscussionSettings
from home.html_dates import DATE_WITH_OPTIONAL_TIME, TIME_ELEMENT_VALUE
from tests.factories import started

pytestmark = pytest.mark.django_db


def datetime_attributes(html):
    soup = BeautifulSoup(html, "html.parser")
    return [(element.name, element["datetime"]) for element in soup.find_all(datetime=True)]


def assert_valid_datetimes(html):
    found = datetime_attributes(html)
    for name, value in found:
        grammar = TIME_ELEMENT_VALUE if name == "time" else DATE_WITH_OPTIONAL_TIME
        assert grammar.match(value), f"<{name} datetime={value!r}> is not valid HTML"
    return found


def send_form(client, post, text):
    """Fill in the form as a visitor would: every field the page offers, a valid start time."""
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    form = soup.find("form", id="kommentar-formular") or soup.find("textarea").find_parent("form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") != "checkbox"
    }
    # The real start time is younger than the 3-second minimum; sign one from 10 s back.
    data.update(
        name="Lena Leserin",
        email="lena@example.org",
        text=text,
        consent="on",
        started=started(post),
    )
    response = client.post(post.url, data, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302, response.content.decode()[-2000:]
    return response


def test_datetime_attributes_of_a_post_with_form_comments_are_valid_html(client, post):
    settings = DiscussionSettings.objects.get()
    settings.moderation = DiscussionSettings.Moderation.NONE
    settings.save()
    response = send_form(
        client, post, 'Gute Idee <del datetime="2026-11-29T08:18:59.754439+01:00">nicht</del>!'
    )
    comment = Comment.objects.get()
    assert comment.created_at.microsecond  # what made the page invalid
    html = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="{comment.anchor()}"' in html
    assert_valid_datetimes(html)
    shown = BeautifulSoup(html, "html.parser").select_one(f"#{comment.anchor()} time")
    expected = timezone.localtime(comment.created_at).replace(microsecond=0)
    assert shown["datetime"] == expected.isoformat()
    report = client.get(f"{post.url}melden/{comment.pk}/")
    assert report.status_code == 200
    assert len(assert_valid_datetimes(report.content.decode())) == 1
    assert assert_valid_datetimes(client.get(post.get_parent().url).content.decode())
