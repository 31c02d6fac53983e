"""Erase a commenter's personal data (GDPR Art. 17): name, e-mail, website and IP go, text stays."""

from django.core.management.base import BaseCommand
from django.db import transaction

from comments.models import Comment
from comments.signals import comments_changed


def erase_commenter(email):
    with transaction.atomic():
        comments = list(Comment.objects.by_email(email).select_for_update())
        for comment in comments:
            comment.anonymise()
        Comment.objects.bulk_update(comments, ["name", "email", "url", "ip_hash"])
        comments_changed(comments)
    return len(comments)


class Command(BaseCommand):
    help = (
        "Anonymisiert Name, E-Mail, Website und IP-Prüfsumme aller Kommentare einer E-Mail-Adresse."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="Die E-Mail-Adresse, mit der kommentiert wurde.")

    def handle(self, *args, email, **options):
        count = erase_commenter(email)
        self.stdout.write(f"Anonymisierte Kommentare: {count}")
