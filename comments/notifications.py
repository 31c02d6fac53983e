"""E-mails about comments, sent by a background task so the commenter never waits for them."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from comments.admin.utils import comment_url
from comments.models import Comment, DiscussionSettings
from home.groups import MODERATORS

logger = logging.getLogger(__name__)


def _moderation_url():
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{comment_url('list')}"


def _send(recipients, subject, template, context):
    """Call in the site's language (``translation.override``): subject and text are in it."""
    if not recipients:
        return 0
    text = render_to_string(f"comments/email/{template}.txt", context)
    html = render_to_string(f"comments/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=sorted(set(recipients)))
    message.attach_alternative(html, "text/html")
    return message.send()


@task()
def send_moderation_mail(comment_id):
    comment = Comment.objects.select_related("page").get(pk=comment_id)
    discussion = DiscussionSettings.for_site(comment.page.get_site())
    if not discussion.notify_moderators:
        return 0
    recipients = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MODERATORS)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    # The moderators read the site's language, whoever's request queued the e-mail.
    with translation.override(settings.LANGUAGE_CODE):
        return _send(
            list(recipients),
            _("Neuer Kommentar wartet: %(title)s") % {"title": comment.page.title},
            "comment_waiting",
            {"comment": comment, "moderation_url": _moderation_url()},
        )


@task()
def send_author_mail(comment_id):
    comment = Comment.objects.select_related("page").get(pk=comment_id)
    post = comment.page.specific
    authors = getattr(post, "authors", lambda: [])()
    recipients = [
        person.user.email
        for person in authors
        if person.notify_on_comments and person.user and person.user.email
    ]
    with translation.override(settings.LANGUAGE_CODE):
        return _send(
            recipients,
            _("Neuer Kommentar zu Deinem Beitrag: %(title)s") % {"title": post.title},
            "comment_for_author",
            {
                "comment": comment,
                "comment_url": comment.public_url(full=True) if comment.is_public else "",
                "moderation_url": _moderation_url(),
            },
        )


def _enqueue(task_function, comment_id):
    # Mail problems must never reach the commenter: log them, do not raise.
    try:
        task_function.enqueue(comment_id)
    except Exception:
        logger.exception("Could not queue the e-mail about comment %s", comment_id)


def notify_comment_waiting(comment_id):
    _enqueue(send_moderation_mail, comment_id)
    _enqueue(send_author_mail, comment_id)


def notify_authors(comment_id):
    _enqueue(send_author_mail, comment_id)
