"""What recording a decision on a report does: who and when, the removal, the reporter's mail.

"Eintrag entfernt" unpublishes the entry in every language through Wagtail's own unpublish,
with the moderator as the actor, so the page's history says who took it down. The right to
decide on reports is the right to take an entry down: moderators need no page permissions.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from kulturnetz.models import EntryReport


def remove_entry(page, user):
    """Unpublish ``page`` and its live translations, each logged with ``user`` as the actor."""
    pages = [entry for entry in [page, *page.get_translations()] if entry.live]
    for entry in pages:
        UnpublishPageAction(entry.specific, user=user).execute(skip_permission_checks=True)
    return pages


def record_decision(report, previous_status, user):
    """Complete ``report`` (its new status and note already set) after its status changed from
    ``previous_status``: an open report forgets who decided; a decision records who and when,
    takes a removed entry down and, after the commit, mails the reporter."""
    if report.status == previous_status:
        return report
    if report.is_open:
        report.decided_at = None
        report.decided_by = None
    else:
        report.decided_at = timezone.now()
        report.decided_by = user
        if report.status == EntryReport.Status.REMOVED:
            remove_entry(report.page, user)
        if report.contact:
            from kulturnetz.reports.notifications import notify_reporter

            transaction.on_commit(lambda: notify_reporter(report.pk))
    report.save(update_fields=["decided_at", "decided_by"])
    return report
