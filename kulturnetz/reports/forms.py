"""The report form of a directory entry: the shared notice form, an e-mail address for the
answer, and the statement in good faith the Digital Services Act asks for (Art. 16(2)(d))."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from home.notices import NoticeForm
from kulturnetz.models import EntryReport

INVALID_CONTACT = _("Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")


class EntryReportForm(NoticeForm):
    explanation_required = _("Bitte beschreibe, was an dem Eintrag nicht stimmt und wo es steht.")
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

    class Meta(NoticeForm.Meta):
        model = EntryReport
        widgets = {
            **NoticeForm.Meta.widgets,
            "contact": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {"contact": _("Deine E-Mail-Adresse für die Antwort")}
        help_texts = {
            "contact": _(
                "Freiwillig. Gibst Du sie an, schreiben wir Dir, wie wir entschieden haben."
            )
        }

    def clean_contact(self):
        contact = super().clean_contact()
        if contact:
            try:
                validate_email(contact)
            except ValidationError as error:
                raise ValidationError(INVALID_CONTACT) from error
        return contact
