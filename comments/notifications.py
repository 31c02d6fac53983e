"""E-mails about comments, sent by a background task so the commenter never waits for them."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from comments.admin.utils import comment_url
from comments.models import Comment, DiscussionSettings
from home.groups import MODERATORS
from home.mail import enqueue_mail, group_addresses, send_mail

EMAIL_TEMPLATES = "comments/email/"


def _moderation_url():
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{comment_url('list')}"


@task()
def send_moderation_mail(comment_id):
    comment = Comment.objects.select_related("page").get(pk=comment_id)
    discussion = DiscussionSettings.for_site(comment.page.get_site())
    if not discussion.notify_moderators:
        return 0
    # The moderators read the site's language, whoever's request queued the e-mail.
    with translation.override(settings.LANGUAGE_CODE):
        return send_mail(
            group_addresses(MODERATORS),
            _("Neuer Kommentar wartet: %(title)s") % {"title": comment.page.title},
            f"{EMAIL_TEMPLATES}comment_waiting",
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
        return send_mail(
            recipients,
            _("Neuer Kommentar zu Deinem Beitrag: %(title)s") % {"title": post.title},
            f"{EMAIL_TEMPLATES}comment_for_author",
            {
                "comment": comment,
                "comment_url": comment.public_url(full=True) if comment.is_public else "",
                "moderation_url": _moderation_url(),
            },
        )


def notify_comment_waiting(comment_id):
    enqueue_mail(send_moderation_mail, comment_id)
    enqueue_mail(send_author_mail, comment_id)


def notify_authors(comment_id):
    enqueue_mail(send_author_mail, comment_id)
