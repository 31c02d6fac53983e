"""Daily: remove the IP checksums of comments older than 30 days and stale flood-control rows."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import IP_RETENTION_DAYS, Comment
from home.form_protection import FLOOD_RECORD_DAYS
from home.models import FormThrottle


class Command(BaseCommand):
    help = (
        "Löscht die IP-Prüfsummen von Kommentaren, die älter als 30 Tage sind (täglich ausführen)."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        cleared = (
            Comment.objects.filter(created_at__lt=now - timedelta(days=IP_RETENTION_DAYS))
            .exclude(ip_hash="")
            .update(ip_hash="")
        )
        throttles, _ = FormThrottle.objects.filter(
            last_post_at__lt=now - timedelta(days=FLOOD_RECORD_DAYS)
        ).delete()
        self.stdout.write(f"IP-Prüfsummen entfernt: {cleared}; alte Sperren gelöscht: {throttles}")
