"""Small helpers of the moderation admin: its URLs and one-line excerpts."""

from email.utils import parseaddr
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator

from comments.rendering import comment_plain_text

COMMENT_URL_NAMESPACE = "wagtailsnippets_comments_comment"
REPORT_URL_NAMESPACE = "wagtailsnippets_comments_commentreport"
TEMPLATES = "comments/admin/"


def excerpt(text, length=80):
    """The start of a text on one line, without markup; escaped wherever it is rendered."""
    return Truncator(" ".join(comment_plain_text(text).split())).chars(length)


def no_reply_address():
    return parseaddr(getattr(settings, "DEFAULT_FROM_EMAIL", ""))[1] or "webmaster@localhost"


def comment_url(view_name, *args):
    return reverse(f"{COMMENT_URL_NAMESPACE}:{view_name}", args=args)


def report_url(view_name, *args):
    return reverse(f"{REPORT_URL_NAMESPACE}:{view_name}", args=args)


def bulk_action_url(model_name, action, ids, next_url=None):
    params = [("id", pk) for pk in ids]
    if next_url:
        params.append(("next", next_url))
    url = reverse("wagtail_bulk_action", args=("comments", model_name, action))
    return f"{url}?{urlencode(params)}"
