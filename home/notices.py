"""The public side of a report of content (Digital Services Act, Art. 16), for every kind of report.

The form (reason, explanation, an optional contact) and the step that stores a report under the
protections of every public form: honeypot, a start token for the reported thing, single use,
and one report per sender every few seconds. The comments' report and the Kulturnetz's report
of an entry use both; each checks first whether its thing may be reported at all.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
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


class NoticeForm(PublicFormMixin, forms.ModelForm):
    """The form of a ``NoticeReport`` subclass: name the model in ``Meta(NoticeForm.Meta)``."""

    # What an empty explanation is told; a subclass names what is reported.
    explanation_required = _("Bitte beschreibe kurz, was nicht stimmt.")

    class Meta:
        fields = ["reason", "explanation", "contact"]
        widgets = {
            "reason": forms.RadioSelect,
            "explanation": forms.Textarea(attrs={"rows": 5}),
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
        return clean_plain_text(self.cleaned_data.get("contact", ""))


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
