import secrets
import time

import pytest
from django.core import signing

from blog.moderation import COMMENT_FORM
from home.form_protection import TOKEN_SALT
from tests.factories import blog_post


@pytest.fixture
def post(db):
    return blog_post("Wir starten", slug="wir-starten")


def started(target, seconds_ago=10, purpose=COMMENT_FORM):
    """A form start time from ``seconds_ago`` seconds back for ``target`` (a page or a comment),
    signed like the real form."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    real_time = time.time
    try:
        time.time = lambda: real_time() - seconds_ago
        return signer.sign(f"{purpose}.{target.pk}.{secrets.token_urlsafe(12)}")
    finally:
        time.time = real_time


def form_data(page, **overrides):
    data = {
        "name": "Lena Leserin",
        "email": "lena@example.org",
        "url": "",
        "text": "Danke für den Einblick in Eure Arbeit!",
        "consent": "on",
        "started": started(page),
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
    from comments.models import Comment, CommentThrottle

    Comment.objects.all().delete()
    CommentThrottle.objects.all().delete()
