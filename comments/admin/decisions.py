"""What recording a decision on a comment report does: who and when, the comment, the mail.

"Kommentar entfernt" moves the comment to the bin (or to spam) with the moderation step the
comment list uses, so the comment's reason names the moderator and the public pages change;
a reporter who left an address hears of the decision (DSA Art. 16(5)), once per decision.
"""

from django.db import transaction
from django.utils import timezone

from comments.admin.row_actions import manual_reason, set_status
from comments.models import Comment, CommentReport
from home.notices import record_decision as record_notice_decision

# What each decision does to the reported comment.
COMMENT_STATUS_OF_DECISION = {
    CommentReport.Status.TRASHED: Comment.Status.TRASH,
    CommentReport.Status.SPAM: Comment.Status.SPAM,
}


def carry_out(report, user):
    status = COMMENT_STATUS_OF_DECISION.get(report.status)
    comment = report.comment
    if status is not None and comment.status != status:
        set_status(comment, status, manual_reason(status, user))


def notify_reporter(report_id):
    from comments.notifications import notify_reporter

    notify_reporter(report_id)


def record_decision(report, previous_status, user):
    """Complete ``report`` after its status changed from ``previous_status`` (home/notices.py)."""
    return record_notice_decision(
        report, previous_status, user, carry_out=carry_out, notify_reporter=notify_reporter
    )


def close_reports(reports, user):
    """Mark the open ones of ``reports`` as done ("Erledigt"), recorded as the others are."""
    now = timezone.now()
    with transaction.atomic():
        closing = list(
            CommentReport.objects.open()
            .filter(pk__in=[report.pk for report in reports])
            .select_for_update()
        )
        CommentReport.objects.filter(pk__in=[report.pk for report in closing]).update(
            status=CommentReport.Status.DONE, decided_at=now, decided_by=user
        )
        for report in closing:
            if report.contact:
                transaction.on_commit(lambda pk=report.pk: notify_reporter(pk))
    return len(closing)
