"""What recording a decision on a report does: who and when, the removal, the reporter's mail.

"Eintrag entfernt" unpublishes the entry in every language through Wagtail's own unpublish,
with the moderator as the actor, so the page's history says who took it down. The right to
decide on reports is the right to take an entry down: moderators need no page permissions.
"""

from wagtail.actions.unpublish_page import UnpublishPageAction

from home.notices import record_decision as record_notice_decision
from kulturnetz.models import EntryReport


def remove_entry(page, user):
    """Unpublish ``page`` and its live translations, each logged with ``user`` as the actor."""
    pages = [entry for entry in [page, *page.get_translations()] if entry.live]
    for entry in pages:
        UnpublishPageAction(entry.specific, user=user).execute(skip_permission_checks=True)
    return pages


def carry_out(report, user):
    if report.status == EntryReport.Status.REMOVED:
        remove_entry(report.page, user)


def notify_reporter(report_id):
    from kulturnetz.reports.notifications import notify_reporter

    notify_reporter(report_id)


def record_decision(report, previous_status, user):
    """Complete ``report`` after its status changed from ``previous_status``: the shared step
    (home/notices.py) records who and when and mails the reporter; a removal unpublishes."""
    return record_notice_decision(
        report, previous_status, user, carry_out=carry_out, notify_reporter=notify_reporter
    )
