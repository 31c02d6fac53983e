"""Reports of directory entries from visitors (Digital Services Act, Art. 16), and the decision.

A report is about one live actor, venue or event page; moderators (and editors with the
permission) decide on it in the admin ("Meldungen zu Einträgen", kulturnetz/reports/). Every
report was sent with the visitor's statement that it is accurate and complete in good faith
(Art. 16(2)(d)): the form refuses it without. The contact address, when given, is cleared
REPORT_CONTACT_RETENTION_DAYS after the decision (``purge_personal_data``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.models.notices import NOTICE_CONTACT_RETENTION_DAYS, NoticeReport, decision_field
from home.routes import LocalisedRoutesMixin, localised_path

REPORT_CONTACT_RETENTION_DAYS = NOTICE_CONTACT_RETENTION_DAYS


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
    status = decision_field(
        Status,
        _(
            "„Eintrag entfernt“ nimmt den Eintrag in allen Sprachen von der Website "
            "(depubliziert ihn); in der Seitenverwaltung lässt er sich wieder veröffentlichen."
        ),
    )

    class Meta(NoticeReport.Meta):
        verbose_name = _("Meldung zu einem Eintrag")
        verbose_name_plural = _("Meldungen zu Einträgen")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.page.title}"


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
