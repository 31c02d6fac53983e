"""What every report of content from a visitor keeps (Digital Services Act, Art. 16), and the
moderators' decision on it.

A feature or the comments attach a report to what it is about (a comment, a page) by
subclassing ``NoticeReport`` and giving it a ``Status`` (``OPEN`` first, then the decisions)
and a ``status`` field made by ``decision_field``; the public form, its protections, the submit
step and the recording of a decision are in home/notices.py.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long the reporter's address stays after the decision was sent to it.
NOTICE_CONTACT_RETENTION_DAYS = 30
# The value of every kind of report's ``Status.OPEN``: no decision yet.
OPEN = "open"


class NoticeReason(models.TextChoices):
    """Why a visitor reports something: the categories the Digital Services Act names."""

    ILLEGAL = "illegal", _("Rechtswidriger Inhalt")
    HATE = "hate", _("Hass, Hetze oder Beleidigung")
    PRIVACY = "privacy", _("Verletzt meine Privatsphäre oder Rechte")
    WRONG = "wrong", _("Falsche oder irreführende Angaben")
    SPAM = "spam", _("Spam oder Werbung")
    OTHER = "other", _("Etwas anderes")

    @classmethod
    def choices_without(cls, *left_out):
        """The choices in their order, without those that make no sense for a kind of report."""
        return [(value, label) for value, label in cls.choices if value not in left_out]


def reason_field(*left_out):
    """The field of the reason, offering every ``NoticeReason`` but ``left_out``."""
    return models.CharField(
        _("Grund"), max_length=20, choices=NoticeReason.choices_without(*left_out)
    )


def decision_field(status_choices, help_text):
    """The field of the decision: ``status_choices`` (a TextChoices whose ``OPEN`` is
    "open"), open by default; ``help_text`` says what each decision does to the content."""
    return models.CharField(
        _("Entscheidung"),
        max_length=20,
        choices=status_choices,
        default=OPEN,
        db_index=True,
        help_text=help_text,
    )


class NoticeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=OPEN)

    def by_contact(self, email):
        return self.filter(contact__iexact=email.strip())

    def contact_expired(self, now=None):
        """Reports whose contact address has served its purpose: decided a while ago."""
        now = now or timezone.now()
        limit = now - timedelta(days=NOTICE_CONTACT_RETENTION_DAYS)
        return self.filter(decided_at__lt=limit).exclude(contact="")


class NoticeReport(models.Model):
    """A visitor's report: reason, explanation and, if they want an answer, a contact address;
    then the moderators' decision, with a note for the reporter, who decided and when.

    The sender's address is never stored: flood control keeps only a keyed hash, for a day.
    """

    Reason = NoticeReason

    reason = reason_field()
    explanation = models.TextField(_("Begründung"), max_length=2000)
    contact = models.CharField(
        _("Kontakt für Rückfragen"),
        max_length=254,
        blank=True,
        help_text=_(
            "Freiwillig: Deine E-Mail-Adresse, falls wir nachfragen oder Dir antworten sollen."
        ),
    )
    created_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)
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

    objects = NoticeQuerySet.as_manager()

    # Reports are never public: they leave the page cache alone (home/cache_generation.py).
    bumps_generation_itself = True

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_open(self):
        return self.status == OPEN
