"""What the Kulturnetz keeps about people who report an entry (GDPR Art. 15 and 17).

Registered under ``PERSONAL_DATA`` (kulturnetz/wagtail_hooks.py). A report holds a contact
address only if the reporter gave one; the report itself stays as the record of the decision.
"""

from kulturnetz.models import EntryReport
from kulturnetz.models.reports import REPORT_CONTACT_RETENTION_DAYS


def export(email):
    reports = EntryReport.objects.by_contact(email).select_related("page").order_by("created_at")
    return [
        {
            "type": "kulturnetz_entry_report",
            "id": report.pk,
            "page": report.page.title,
            "reason": report.reason,
            "explanation": report.explanation,
            "contact": report.contact,
            "reported_at": report.created_at.isoformat(),
            "status": report.status,
            "decision_note": report.decision_note,
            "decided_at": report.decided_at.isoformat() if report.decided_at else None,
        }
        for report in reports
    ]


def erase(email):
    """The address goes; the report stays for the moderators, without a way to answer."""
    return EntryReport.objects.by_contact(email).update(contact="")


def purge():
    """Contact addresses 30 days after the decision."""
    return EntryReport.objects.contact_expired().update(contact="")


def statement():
    return [
        (
            "Wer einen Eintrag des Kulturnetzes meldet, gibt uns Grund und Begründung und "
            "freiwillig eine E-Mail-Adresse. An sie schicken wir unsere Entscheidung über die "
            "Meldung und löschen sie "
            f"{REPORT_CONTACT_RETENTION_DAYS} Tage nach der Entscheidung. Die Meldung selbst "
            "bleibt mit der Entscheidung als Nachweis gespeichert, ohne Eure IP-Adresse.",
            "Anyone reporting an entry of the Kulturnetz gives us a reason, an explanation and "
            "optionally an e-mail address. We send our decision on the report to that address "
            f"and delete it {REPORT_CONTACT_RETENTION_DAYS} days after the decision. The "
            "report itself stays stored with the decision as a record, without your IP address.",
        )
    ]
