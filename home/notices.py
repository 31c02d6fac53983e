"""Reports of content (Digital Services Act, Art. 16), for every kind of report.

The form (reason, explanation, an optional e-mail address for the answer, the statement in
good faith of Art. 16(2)(d)) and the step that stores a report under the protections of every
public form: honeypot, a start token for the reported thing, single use, and one report per
sender every few seconds. Then the step that records the moderators' decision: who and when,
what it does to the content, and the reporter's e-mail (Art. 16(5)). The comments' report and
the Kulturnetz's report of an entry use all of it; each checks first whether its thing may be
reported at all.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.form_protection import (
    FormRefused,
    PublicFormMixin,
    check_form_token,
    claim_flood_slot,
    clean_plain_text,
    spend_form_token,
)

NOTICE_REFUSED = _("Deine Meldung konnte nicht angenommen werden.")
NOTICE_FLOOD_MESSAGE = _("Du hast gerade eben schon etwas gemeldet. Bitte warte ein paar Sekunden.")
# The flood-control slot of a sender is one for every kind of report.
NOTICE_FLOOD_KEY = "report-ip"
INVALID_CONTACT = _("Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")


class NoticeForm(PublicFormMixin, forms.ModelForm):
    """The form of a ``NoticeReport`` subclass: name the model in ``Meta(NoticeForm.Meta)``."""

    # What an empty explanation is told; a subclass names what is reported.
    explanation_required = _("Bitte beschreibe kurz, was nicht stimmt.")
    good_faith = forms.BooleanField(
        label=_(
            "Ich bestätige in gutem Glauben, dass meine Meldung zutreffend und vollständig ist."
        ),
        required=True,
        error_messages={
            "required": _(
                "Bitte bestätige, dass Deine Meldung nach bestem Wissen zutreffend und "
                "vollständig ist."
            )
        },
    )

    class Meta:
        fields = ["reason", "explanation", "contact"]
        widgets = {
            "reason": forms.RadioSelect,
            "explanation": forms.Textarea(attrs={"rows": 5}),
            "contact": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {"contact": _("Deine E-Mail-Adresse für die Antwort")}
        help_texts = {
            "contact": _(
                "Freiwillig. Gibst Du sie an, schreiben wir Dir, wie wir entschieden haben."
            )
        }
        error_messages = {"reason": {"required": _("Bitte wähle einen Grund.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "---------" choice.
        self.fields["reason"].choices = self._meta.model._meta.get_field("reason").choices
        self.fields["explanation"].error_messages.update(
            required=self.explanation_required,
            max_length=_(
                "Bitte fasse Dich kürzer: höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
            ),
        )

    def clean_explanation(self):
        text = clean_plain_text(self.cleaned_data["explanation"], multiline=True)
        if not text:
            raise ValidationError(self.explanation_required)
        return text

    def clean_contact(self):
        contact = clean_plain_text(self.cleaned_data.get("contact", ""))
        if contact:
            try:
                validate_email(contact)
            except ValidationError as error:
                raise ValidationError(INVALID_CONTACT) from error
        return contact


def store_notice(form, purpose, target_id, sender_key, **about):
    """Store the report of a valid ``NoticeForm``; raises FormRefused.

    ``purpose`` and ``target_id`` are those its start token was issued for, ``sender_key`` a
    keyed hash of the sender's address ("" when unknown), ``about`` the fields that name the
    reported thing (``comment=...``, ``page=...``).
    """
    cleaned = form.cleaned_data
    if cleaned.get("website_confirm"):
        raise FormRefused(NOTICE_REFUSED)
    token = check_form_token(cleaned.get("started", ""), purpose, target_id)
    with transaction.atomic():
        spend_form_token(token)
        if sender_key:
            claim_flood_slot(f"{NOTICE_FLOOD_KEY}:{sender_key}", NOTICE_FLOOD_MESSAGE)
        report = form.save(commit=False)
        for name, value in about.items():
            setattr(report, name, value)
        report.save()
    return report


def record_decision(report, previous_status, user, *, carry_out, notify_reporter):
    """Complete ``report`` (its new status and note already set and saved) after its status
    changed from ``previous_status``.

    Back to open forgets who decided; a decision records who and when, calls
    ``carry_out(report, user)`` (what the decision does to the reported thing) and, after the
    commit, ``notify_reporter(report.pk)`` if the reporter left an address. Saving the same
    decision again changes nothing and mails nobody.
    """
    if report.status == previous_status:
        return report
    if report.is_open:
        report.decided_at = None
        report.decided_by = None
    else:
        report.decided_at = timezone.now()
        report.decided_by = user
        carry_out(report, user)
        if report.contact:
            transaction.on_commit(lambda: notify_reporter(report.pk))
    report.save(update_fields=["decided_at", "decided_by"])
    return report
