"""The public comment form and the report form: plain text only, German errors."""

from urllib.parse import urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from comments.models import Comment, CommentReport
from home.form_protection import PublicFormMixin, clean_plain_text, parse_id
from home.notices import NoticeForm

REPLY_REFUSED = _("Auf diesen Kommentar kann nicht geantwortet werden.")


class CommentForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(
        label=_("E-Mail"),
        max_length=254,
        help_text=_("Wird nicht veröffentlicht."),
    )
    url = forms.URLField(label=_("Website"), max_length=300, required=False, assume_scheme="https")
    text = forms.CharField(
        label=_("Kommentar"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    consent = forms.BooleanField(label=_("Einwilligung"), required=True)
    remember = forms.BooleanField(
        label=_(
            "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für den "
            "nächsten Kommentar speichern."
        ),
        required=False,
    )
    parent = forms.CharField(required=False, widget=forms.HiddenInput)

    error_messages_de = {
        "name": {"required": _("Bitte gib Deinen Namen an.")},
        "email": {
            "required": _("Bitte gib Deine E-Mail-Adresse an. Wir veröffentlichen sie nicht."),
            "invalid": _("Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
        },
        "url": {
            "invalid": _(
                "Bitte gib eine gültige Adresse an, die mit http:// oder https:// beginnt."
            )
        },
        "text": {"required": _("Bitte schreib einen Kommentar.")},
        "consent": {"required": _("Bitte stimme der Speicherung Deiner Angaben zu.")},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, messages in self.error_messages_de.items():
            self.fields[name].error_messages.update(messages)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["url"].widget.attrs.update(autocomplete="url")

    def clean_name(self):
        name = clean_plain_text(self.cleaned_data["name"])
        if not name:
            raise ValidationError(self.error_messages_de["name"]["required"])
        return name

    def clean_parent(self):
        value = self.cleaned_data.get("parent", "")
        if not value:
            return None
        parent_id = parse_id(value)
        if parent_id is None:
            # A hidden field: the message belongs above the form, where it is seen.
            self.add_error(None, REPLY_REFUSED)
        return parent_id

    def clean_url(self):
        url = clean_plain_text(self.cleaned_data.get("url", ""))
        if url and urlparse(url).scheme not in ("http", "https"):
            raise ValidationError(self.error_messages_de["url"]["invalid"])
        return url

    def clean_text(self):
        text = clean_plain_text(self.cleaned_data["text"], multiline=True)
        if not text:
            raise ValidationError(self.error_messages_de["text"]["required"])
        return text

    def comment_data(self, parent=None):
        data = {key: self.cleaned_data.get(key, "") for key in ("name", "email", "url", "text")}
        data["parent"] = parent
        return data


class ReportForm(NoticeForm):
    explanation_required = _("Bitte beschreibe kurz, was an dem Kommentar nicht stimmt.")

    class Meta(NoticeForm.Meta):
        model = CommentReport


def parent_comment(page, value):
    """The approved comment of ``page`` that ``value`` (an id from a visitor) names, or None."""
    parent_id = parse_id(value)
    if parent_id is None:
        return None
    return Comment.objects.approved().filter(page=page, pk=parent_id).first()
