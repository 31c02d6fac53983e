"""Export everything stored about a commenter (GDPR Art. 15) as JSON."""

import json

from django.core.management.base import BaseCommand

from comments.models import Comment


def commenter_data(email):
    comments = Comment.objects.by_email(email).select_related("page").order_by("created_at")
    return {
        "email": email,
        "comments": [
            {
                "id": comment.pk,
                "page": comment.page.title,
                "page_url": comment.page.full_url,
                "name": comment.name,
                "email": comment.email,
                "website": comment.url,
                "text": comment.text,
                "status": comment.status,
                "written_at": comment.created_at.isoformat(),
                "consent_at": comment.consent_at.isoformat() if comment.consent_at else None,
                "ip_checksum_stored": bool(comment.ip_hash),
                "reports": [
                    {"reason": report.reason, "created_at": report.created_at.isoformat()}
                    for report in comment.reports.all()
                ],
            }
            for comment in comments.prefetch_related("reports")
        ],
    }


class Command(BaseCommand):
    help = "Gibt alle gespeicherten Daten einer Person, die kommentiert hat, als JSON aus."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Die E-Mail-Adresse, mit der kommentiert wurde.")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(commenter_data(email), ensure_ascii=False, indent=2))
