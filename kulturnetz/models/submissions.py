"""Who sent a suggestion through the public forms: kept privately for the review and one e-mail.

The suggestion itself is a draft page (or a draft revision of a live page) in Wagtail's review
workflow; this row only remembers the sender, so editors can ask back and the sender hears when
it is published. It is never rendered on the site, and deleted SUBMISSION_RETENTION_DAYS after
the decision (or after SUBMISSION_MAX_WAITING_DAYS without one) by ``purge_personal_data``.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.routes import LocalisedRoutesMixin, localised_path

SUBMISSION_RETENTION_DAYS = 30
SUBMISSION_MAX_WAITING_DAYS = 180


class SubmissionQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=Submission.Status.WAITING)

    def expired(self, now=None):
        """Rows whose purpose is fulfilled: decided a while ago, or waiting for far too long."""
        now = now or timezone.now()
        decided_long_ago = Q(decided_at__lt=now - timedelta(days=SUBMISSION_RETENTION_DAYS))
        waiting_too_long = Q(
            status=Submission.Status.WAITING,
            created_at__lt=now - timedelta(days=SUBMISSION_MAX_WAITING_DAYS),
        )
        return self.filter(decided_long_ago | waiting_too_long)


class Submission(models.Model):
    """The sender of a suggested entry, event or change, and what became of it."""

    class Kind(models.TextChoices):
        NEW = "new", _("Neuer Eintrag")
        CHANGE = "change", _("Änderung")

    class Status(models.TextChoices):
        WAITING = "waiting", _("wartet auf Prüfung")
        PUBLISHED = "published", _("veröffentlicht")
        DECLINED = "declined", _("abgelehnt")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Eingesandte Fassung"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind)
    status = models.CharField(_("Status"), max_length=10, choices=Status, default=Status.WAITING)
    name = models.CharField(_("Name"), max_length=100)
    email = models.EmailField(_("E-Mail"), max_length=254)
    note = models.TextField(_("Nachricht an die Redaktion"), max_length=2000, blank=True)
    # The language the sender wrote in: the e-mail about the publication speaks it.
    language = models.CharField(_("Sprache"), max_length=10)
    created_at = models.DateTimeField(_("Eingesandt am"), default=timezone.now)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    consent_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True, editable=False)
    # Which wording of the consent box was agreed to (home/consent.py).
    consent_version = models.CharField(
        _("Fassung der Einwilligung"), max_length=20, blank=True, editable=False
    )

    objects = SubmissionQuerySet.as_manager()
    # What a sender suggests is public only once an editor publishes the page: a submission
    # leaves the page cache alone (home/cache_generation.py).
    bumps_generation_itself = True

    class Meta:
        verbose_name = _("Einsendung")
        verbose_name_plural = _("Einsendungen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page_id}"


class SuggestChangesMixin(LocalisedRoutesMixin, RoutablePageMixin):
    """For detail pages: the page, and the form to suggest a change to it ("aendern/")."""

    @localised_path("change", de="aendern/", en="change/")
    def change_view(self, request):
        from kulturnetz.submissions.views import suggest_change

        return suggest_change(self, request)

    @localised_path("change_thanks", de="aendern/danke/", en="change/thanks/")
    def change_thanks_view(self, request):
        from kulturnetz.submissions.views import thanks

        return thanks(self, request, "change")
