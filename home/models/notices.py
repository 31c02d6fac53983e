"""What every report of content from a visitor keeps (Digital Services Act, Art. 16).

A feature or the comments attach a report to what it is about (a comment, a page) by
subclassing ``NoticeReport``; the public form, its protections and the submit step are in
home/notices.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class NoticeReport(models.Model):
    """A visitor's report: reason, explanation and, if they want an answer, a contact address.

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

    # Reports are never public: they leave the page cache alone (home/cache_generation.py).
    bumps_generation_itself = True

    class Meta:
        abstract = True
        ordering = ["-created_at"]
