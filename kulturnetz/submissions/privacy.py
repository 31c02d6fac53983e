"""What the Kulturnetz keeps about people who send suggestions (GDPR Art. 15 and 17).

Registered under ``PERSONAL_DATA`` (kulturnetz/wagtail_hooks.py). A submission row holds the
sender's name and e-mail beside the suggested page; the page itself is directory content.
"""

from home.consent import consent_record
from kulturnetz.models import Submission
from kulturnetz.models.submissions import SUBMISSION_MAX_WAITING_DAYS, SUBMISSION_RETENTION_DAYS


def _by_email(email):
    return Submission.objects.filter(email__iexact=email.strip())


def export(email):
    submissions = _by_email(email).select_related("page").order_by("created_at")
    return [
        {
            "type": "kulturnetz_submission",
            "id": submission.pk,
            "kind": submission.kind,
            "page": submission.page.title,
            "status": submission.status,
            "name": submission.name,
            "email": submission.email,
            "note": submission.note,
            "language": submission.language,
            "sent_at": submission.created_at.isoformat(),
            "decided_at": submission.decided_at.isoformat() if submission.decided_at else None,
            "consent": consent_record(submission.consent_version, submission.consent_at),
        }
        for submission in submissions
    ]


def erase(email):
    """The sender goes; a suggestion still in review stays as a draft for the editors."""
    deleted, _ = _by_email(email).delete()
    return deleted


def purge():
    """Senders 30 days after the decision, or 180 days unanswered."""
    deleted, _ = Submission.objects.expired().delete()
    return deleted


def statement():
    return [
        (
            "Wer dem Kulturnetz einen Eintrag, eine Veranstaltung oder eine Änderung vorschlägt, "
            "gibt uns Name, E-Mail-Adresse und auf Wunsch eine Nachricht an die Redaktion. Wir "
            "speichern sie mit dem Zeitpunkt und dem Wortlaut Eurer Einwilligung, um Euch über "
            "die Entscheidung zu benachrichtigen, und löschen sie "
            f"{SUBMISSION_RETENTION_DAYS} Tage nach der Entscheidung, spätestens nach "
            f"{SUBMISSION_MAX_WAITING_DAYS} Tagen. Veröffentlicht wird nur der Vorschlag selbst.",
            "Anyone suggesting an entry, an event or a change to the Kulturnetz gives us their "
            "name, e-mail address and optionally a note to the editors. We store them with the "
            "time and wording of your consent to tell you about the decision, and delete them "
            f"{SUBMISSION_RETENTION_DAYS} days after the decision, at the latest after "
            f"{SUBMISSION_MAX_WAITING_DAYS} days. Only the suggestion itself is published.",
        )
    ]
