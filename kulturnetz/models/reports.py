"""Reports of directory entries from visitors (Digital Services Act, Art. 16), and the decision.

A report is about one live actor, venue or event page; moderators (and editors with the
permission) decide on it in the admin ("Meldungen zu Einträgen", kulturnetz/reports/). Every
report was sent with the visitor's statement that it is accurate and complete in good faith
(Art. 16(2)(d)): the form refuses it without. The contact address, when given, is cleared
REPORT_CONTACT_RETENTION_DAYS after the decision (``purge_personal_data``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.models.notices import NoticeReport
from home.routes import LocalisedRoutesMixin, localised_path

REPORT_CONTACT_RETENTION_DAYS = 30


class EntryReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=EntryReport.Status.OPEN)

    def by_contact(self, email):
        return self.filter(contact__iexact=email.strip())

    def contact_expired(self, now=None):
        """Reports whose contact address has served its purpose: decided a while ago."""
        now = now or timezone.now()
        limit = now - timedelta(days=REPORT_CONTACT_RETENTION_DAYS)
        return self.filter(decided_at__lt=limit).exclude(contact="")


class EntryReport(NoticeReport):
    """A visitor's report of an actor, venue or event page, and what the moderators decided."""

    class Status(models.TextChoices):
        OPEN = "open", _("Offen")
        NO_VIOLATION = "no_violation", _("Kein Verstoß")
        CHANGED = "changed", _("Eintrag geändert")
        REMOVED = "removed", _("Eintrag entfernt (depubliziert)")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Gemeldeter Eintrag"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("Entscheidung"),
        max_length=20,
        choices=Status,
        default=Status.OPEN,
        db_index=True,
        help_text=_(
            "„Eintrag entfernt“ nimmt den Eintrag in allen Sprachen von der Website "
            "(depubliziert ihn); in der Seitenverwaltung lässt er sich wieder veröffentlichen."
        ),
    )
    decision_note = models.TextField(
        _("Begründung der Entscheidung"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Hat die meldende Person eine E-Mail-Adresse angegeben, bekommt sie die "
            "Entscheidung mit diesem Text. Bitte sachlich und ohne interne Details."
        ),
    )
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = EntryReportQuerySet.as_manager()

    class Meta(NoticeReport.Meta):
        verbose_name = _("Meldung zu einem Eintrag")
        verbose_name_plural = _("Meldungen zu Einträgen")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.page.title}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class ReportContentMixin(LocalisedRoutesMixin, RoutablePageMixin):
    """For detail pages: the form to report the page's content ("inhalt-melden/")."""

    @localised_path("report_content", de="inhalt-melden/", en="report-content/")
    def report_content_view(self, request):
        from kulturnetz.reports.views import report_entry

        return report_entry(self, request)

    @localised_path("report_content_thanks", de="inhalt-melden/danke/", en="report-content/thanks/")
    def report_content_thanks_view(self, request):
        from kulturnetz.reports.views import thanks

        return thanks(self, request)
