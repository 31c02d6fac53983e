"""E-mails about comments and their reports, sent by background tasks so nobody waits for them.

The moderators hear of a waiting comment and of every new report (the report whatever the
discussion settings say: the Digital Services Act wants reports to reach them); a reporter who
left an address hears of the decision (Art. 16(5)). All in the site's language, German.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from comments.admin.utils import comment_url, report_url
from comments.models import Comment, CommentReport, DiscussionSettings
from home.groups import MODERATORS
from home.mail import enqueue_mail, group_addresses, send_mail
from home.models import OrganisationSettings

EMAIL_TEMPLATES = "comments/email/"


def _admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def _moderation_url():
    return _admin_url(comment_url("list"))


def _report(report_id):
    return (
        CommentReport.objects.filter(pk=report_id)
        .select_related("comment", "comment__page")
        .first()
    )


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


@task()
def send_report_mail(report_id):
    report = _report(report_id)
    if report is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        return send_mail(
            group_addresses(MODERATORS),
            _("Kommentar gemeldet: %(title)s") % {"title": report.comment.page.title},
            f"{EMAIL_TEMPLATES}report_waiting",
            {
                "report": report,
                "comment": report.comment,
                "report_url": _admin_url(report_url("edit", report.pk)),
            },
        )


@task()
def send_decision_mail(report_id):
    report = _report(report_id)
    if report is None or report.is_open or not report.contact:
        return 0
    page = report.comment.page
    site = page.get_site()
    organisation = OrganisationSettings.for_site(site) if site else None
    with translation.override(settings.LANGUAGE_CODE):
        return send_mail(
            [report.contact],
            _("Deine Meldung eines Kommentars zu „%(title)s“: unsere Entscheidung")
            % {"title": page.title},
            f"{EMAIL_TEMPLATES}report_decided",
            {
                "report": report,
                "page": page,
                "house": organisation.name if organisation else settings.WAGTAIL_SITE_NAME,
                "house_email": organisation.email if organisation else "",
            },
        )


def notify_report(report_id):
    enqueue_mail(send_report_mail, report_id)


def notify_reporter(report_id):
    enqueue_mail(send_decision_mail, report_id)


def notify_comment_waiting(comment_id):
    enqueue_mail(send_moderation_mail, comment_id)
    enqueue_mail(send_author_mail, comment_id)


def notify_authors(comment_id):
    enqueue_mail(send_author_mail, comment_id)
