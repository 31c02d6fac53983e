import time

import pytest
from django.core import signing

from blog.moderation import TIMESTAMP_SALT
from tests.factories import blog_post


@pytest.fixture
def post(db):
    return blog_post("Wir starten", slug="wir-starten")


def started(seconds_ago=10):
    """A form start time from ``seconds_ago`` seconds back, signed like the real form."""
    signer = signing.TimestampSigner(salt=TIMESTAMP_SALT)
    real_time = time.time
    try:
        time.time = lambda: real_time() - seconds_ago
        return signer.sign("comment-form")
    finally:
        time.time = real_time


def form_data(**overrides):
    data = {
        "name": "Lena Leserin",
        "email": "lena@example.org",
        "url": "",
        "text": "Danke für den Einblick in Eure Arbeit!",
        "consent": "on",
        "started": started(),
        "website_confirm": "",
        "parent": "",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _without_demo_comments(request):
    """Comment tests count comments: start them without the demo's (rolled back afterwards)."""
    if "db" not in request.fixturenames and "post" not in request.fixturenames:
        return
    from blog.models import Comment, CommentThrottle

    Comment.objects.all().delete()
    CommentThrottle.objects.all().delete()
