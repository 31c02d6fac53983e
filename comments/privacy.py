"""What the comments keep about the people who write and report them (GDPR Art. 15 and 17).

Registered under ``PERSONAL_DATA`` (comments/wagtail_hooks.py) for the portal's
``export_personal_data``, ``erase_personal_data`` and ``purge_personal_data``.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from comments.models import IP_RETENTION_DAYS, Comment, CommentReport
from comments.signals import comments_changed
from home.consent import consent_record


def export(email):
    comments = (
        Comment.objects.by_email(email)
        .select_related("page")
        .prefetch_related("reports")
        .order_by("created_at")
    )
    records = [
        {
            "type": "comment",
            "id": comment.pk,
            "page": comment.page.title,
            "page_url": comment.page.full_url,
            "name": comment.name,
            "email": comment.email,
            "website": comment.url,
            "text": comment.text,
            "status": comment.status,
            "written_at": comment.created_at.isoformat(),
            "consent": consent_record(comment.consent_version, comment.consent_at),
            "ip_checksum_stored": bool(comment.ip_hash),
            "reports": [
                {"reason": report.reason, "created_at": report.created_at.isoformat()}
                for report in comment.reports.all()
            ],
        }
        for comment in comments
    ]
    reports = CommentReport.objects.by_contact(email).order_by("created_at")
    records += [
        {
            "type": "comment_report",
            "id": report.pk,
            "comment": report.comment_id,
            "reason": report.reason,
            "explanation": report.explanation,
            "contact": report.contact,
            "created_at": report.created_at.isoformat(),
            "status": report.status,
            "decision_note": report.decision_note,
            "decided_at": report.decided_at.isoformat() if report.decided_at else None,
        }
        for report in reports
    ]
    return records


def erase(email):
    """Name, e-mail, website and IP checksum go, the text stays (as WordPress does); the
    address given for questions about a report goes."""
    with transaction.atomic():
        comments = list(Comment.objects.by_email(email).select_for_update())
        for comment in comments:
            comment.anonymise()
        Comment.objects.bulk_update(comments, ["name", "email", "url", "ip_hash"])
        comments_changed(comments)
        reports = CommentReport.objects.by_contact(email).update(contact="")
    return len(comments) + reports


def purge(now=None):
    """IP checksums of comments older than 30 days; reporters' addresses 30 days after the
    decision on their report was sent to them."""
    now = now or timezone.now()
    checksums = (
        Comment.objects.filter(created_at__lt=now - timedelta(days=IP_RETENTION_DAYS))
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
    return checksums + CommentReport.objects.contact_expired(now).update(contact="")
