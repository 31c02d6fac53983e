"""The public forms: suggest an actor or a venue, report an event, suggest a change.

Every text is plain text (home.form_protection.clean_plain_text), every choice is one of the
listed ids (no database lookup with what a visitor typed), every error is German and sits at
its field. A form knows how to turn its data into page fields (``apply_to``); review.py stores.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.form_protection import PublicFormMixin, clean_plain_text
from home.image_uploads import clean_uploaded_image
from home.public_cache import public
from kulturnetz.models import (
    AccessibilityFeature,
    ActorKind,
    ActorPage,
    Discipline,
    District,
    EventCategory,
    EventDate,
    EventPage,
    EventStatus,
    VenuePage,
)
from kulturnetz.reference import cached, localised_terms, vocabulary

MAX_DESCRIPTION = 5000
MAX_NOTE = 2000
EVENT_DAYS_AHEAD = 2 * 365
ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp"

REQUIRED = _("Bitte fülle dieses Feld aus.")
ERROR_MESSAGES = {
    "required": REQUIRED,
    "max_length": _(
        "Bitte kürze den Text auf höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
    ),
    "invalid_choice": _("Bitte wähle einen Eintrag aus der Liste."),
}
ERROR_MESSAGES_BY_TYPE = {
    forms.EmailField: {
        "invalid": _("Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")
    },
    forms.URLField: {
        "invalid": _("Bitte gib eine gültige Adresse an, die mit http:// oder https:// beginnt.")
    },
    forms.DateField: {"invalid": _("Bitte gib ein Datum an, z. B. 24.12.2026.")},
    forms.TimeField: {"invalid": _("Bitte gib eine Uhrzeit an, z. B. 19:30.")},
    forms.IntegerField: {
        "invalid": _("Bitte gib eine ganze Zahl an."),
        "min_value": _("Bitte gib eine Zahl ab %(limit_value)s an."),
        "max_value": _("Bitte gib eine Zahl bis %(limit_value)s an."),
    },
    forms.FileField: {
        "invalid": _("Bitte wähle eine Bilddatei aus."),
        "empty": _("Die Datei ist leer."),
        "max_length": _("Der Dateiname ist zu lang."),
    },
}


class PlainTextField(forms.CharField):
    """Text as a visitor meant it: invisible and direction-changing characters removed."""

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        if multiline:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_plain_text(super().to_python(value), multiline=self.multiline)


class WebAddressField(forms.URLField):
    """A web address with http or https (no ftp, no javascript)."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(clean_plain_text(value))


def text_field(model, name, **kwargs):
    """A plain-text field with the label, help text, length and requiredness of a model field."""
    field = model._meta.get_field(name)
    kwargs.setdefault("label", field.verbose_name)
    kwargs.setdefault("help_text", field.help_text)
    kwargs.setdefault("required", not field.blank)
    kwargs.setdefault("max_length", field.max_length)
    return PlainTextField(**kwargs)


def source_locale():
    """Suggestions become pages of the default language, whichever language the form spoke."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def vocabulary_choices(model, source, locale):
    """A vocabulary's entries in the ``source`` language, named in the visitor's ``locale``."""
    entries = vocabulary(model, source)
    names = entries if locale.pk == source.pk else localised_terms(entries, locale)
    return [(str(entry.pk), name.name) for entry, name in zip(entries, names, strict=True)]


def page_choices(model, source):
    """The live, public pages of one type in the ``source`` language, by title."""

    def build():
        pages = public(model.objects.live()).filter(locale=source).order_by("title")
        return [(str(pk), title) for pk, title in pages.values_list("pk", "title")]

    # Hundreds of venues and thousands of actors: kept per language and content generation.
    return cached(f"page-choices:{model._meta.label_lower}:{source.pk}", build)


def text_to_paragraphs(text):
    """Plain text as the rich text of a paragraph block: escaped, a <p> per blank-line block."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


class SubmissionForm(PublicFormMixin, forms.Form):
    """What every suggestion asks: who sends it (privately), a picture, a note, consent."""

    image = forms.FileField(
        label=_("Bild"),
        required=False,
        help_text=_("Optional: ein Foto oder Logo als JPEG, PNG oder WebP, höchstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_IMAGE_TYPES}),
    )
    image_alt = PlainTextField(
        label=_("Was ist auf dem Bild zu sehen?"),
        required=False,
        max_length=250,
        help_text=_(
            "Für Menschen, die das Bild nicht sehen können, z. B. „Fünf Frauen singen im Chor“."
        ),
    )
    image_credit = PlainTextField(
        label=_("Wer hat das Bild gemacht?"),
        required=False,
        max_length=120,
        help_text=_("Zum Beispiel: Foto: Anna Muster."),
    )
    image_rights = forms.BooleanField(
        label=_("Ich darf dieses Bild weitergeben, und das Kulturnetz darf es zeigen."),
        required=False,
    )
    sender_name = PlainTextField(label=_("Dein Name"), max_length=100)
    sender_email = forms.EmailField(
        label=_("Deine E-Mail-Adresse"),
        max_length=254,
        help_text=_(
            "Wird nicht veröffentlicht. Wir schreiben Dir bei Rückfragen und wenn Dein Vorschlag "
            "online ist."
        ),
    )
    note = PlainTextField(
        label=_("Nachricht an die Redaktion"),
        required=False,
        multiline=True,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(label=_("Einwilligung"), required=True)

    # Fields of the picture on the page: (image, alt text, credit).
    picture_fields = ("header_image", "header_image_alt", "header_image_credit")
    error_messages_de = {
        "sender_name": {"required": _("Bitte gib Deinen Namen an.")},
        "sender_email": {
            "required": _("Bitte gib Deine E-Mail-Adresse an. Wir veröffentlichen sie nicht.")
        },
        "consent": {"required": _("Bitte stimme der Speicherung Deiner Angaben zu.")},
    }

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Suggestions become pages of the default language; their choices name its entries.
        self.source = source_locale()
        self.locale = locale or self.source
        self.picture = None
        for name, field in self.fields.items():
            messages = dict(ERROR_MESSAGES)
            for field_type, typed in ERROR_MESSAGES_BY_TYPE.items():
                if isinstance(field, field_type):
                    messages.update(typed)
            messages.update(self.error_messages_de.get(name, {}))
            field.error_messages.update(messages)
        self.fields["sender_name"].widget.attrs.update(autocomplete="name")
        self.fields["sender_email"].widget.attrs.update(autocomplete="email")

    @property
    def had_image(self):
        """A picture was sent with a form that comes back: the browser cannot keep it."""
        return bool(self.files.get(self.add_prefix("image")))

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        self.picture = clean_uploaded_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.picture is not None:
            if not cleaned.get("image_alt"):
                self.add_error(
                    "image_alt", _("Bitte beschreib kurz, was auf dem Bild zu sehen ist.")
                )
            if not cleaned.get("image_rights"):
                self.add_error(
                    "image_rights", _("Bitte bestätige, dass wir das Bild zeigen dürfen.")
                )
        return cleaned

    def sender(self):
        return {key: self.cleaned_data.get(f"sender_{key}", "") for key in ("name", "email")}

    def apply_picture(self, page, image):
        image_field, alt_field, credit_field = self.picture_fields
        setattr(page, image_field, image)
        setattr(page, alt_field, self.cleaned_data.get("image_alt", ""))
        setattr(page, credit_field, self.cleaned_data.get("image_credit", ""))


class EntryForm(SubmissionForm):
    """What actors and venues share: name, short and long description, address, contact."""

    title = PlainTextField(label=_("Name"), max_length=120)
    district = forms.ChoiceField(label=_("Ortsteil"), required=False)
    description = PlainTextField(
        label=_("Ausführliche Beschreibung"),
        required=False,
        multiline=True,
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    phone = text_field(ActorPage, "phone")
    website = WebAddressField(label=_("Website"), required=False)
    public_email = forms.EmailField(
        label=_("Öffentliche E-Mail-Adresse"),
        required=False,
        max_length=254,
        help_text=_("Optional. Steht auf der Seite, damit Interessierte Euch schreiben können."),
    )

    model = None
    error_messages_de = {
        **SubmissionForm.error_messages_de,
        "title": {"required": _("Bitte gib einen Namen an.")},
        "intro": {"required": _("Bitte beschreib in ein, zwei Sätzen, worum es geht.")},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [
            ("", "–"),
            *vocabulary_choices(District, self.source, self.locale),
        ]

    def apply_to(self, page):
        data = self.cleaned_data
        page.title = data["title"]
        page.intro = data["intro"]
        page.district_id = data.get("district") or None
        for name in ("street", "postcode", "town", "phone", "website"):
            setattr(page, name, data.get(name, ""))
        page.email = data.get("public_email", "")
        page.publish_email = bool(page.email)
        if data.get("description"):
            page.body = [("paragraph", text_to_paragraphs(data["description"]))]


class ActorEntryForm(EntryForm):
    """Kulturaktive: an artist, a group, an association or an institution."""

    kind = forms.ChoiceField(label=_("Art"))
    disciplines = forms.MultipleChoiceField(
        label=_("Sparten"), required=False, widget=forms.CheckboxSelectMultiple
    )
    intro = text_field(ActorPage, "intro", multiline=True, widget=forms.Textarea(attrs={"rows": 3}))
    street = text_field(ActorPage, "street")
    postcode = text_field(ActorPage, "postcode")
    town = text_field(ActorPage, "town")

    model = ActorPage
    picture_fields = ("logo", "logo_alt", "logo_credit")
    error_messages_de = {
        **EntryForm.error_messages_de,
        "kind": {"required": _("Bitte wähle, wer Ihr seid.")},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", "–"),
            *vocabulary_choices(ActorKind, self.source, self.locale),
        ]
        self.fields["disciplines"].choices = vocabulary_choices(
            Discipline, self.source, self.locale
        )

    def apply_to(self, page):
        super().apply_to(page)
        page.kind_id = int(self.cleaned_data["kind"])
        page.disciplines = list(
            Discipline.objects.filter(pk__in=map(int, self.cleaned_data.get("disciplines", [])))
        )


class VenueEntryForm(EntryForm):
    """Spielstätten: where culture happens, with its address and accessibility."""

    intro = text_field(VenuePage, "intro", multiline=True, widget=forms.Textarea(attrs={"rows": 3}))
    street = text_field(VenuePage, "street", required=True)
    postcode = text_field(VenuePage, "postcode")
    town = text_field(VenuePage, "town", required=True)
    capacity = forms.IntegerField(
        label=_("Plätze insgesamt"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Wie viele Gäste passen in den größten Raum?"),
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Barrierefreiheit"), required=False, widget=forms.CheckboxSelectMultiple
    )
    accessibility_note = text_field(
        VenuePage, "accessibility_note", multiline=True, widget=forms.Textarea(attrs={"rows": 3})
    )

    model = VenuePage
    error_messages_de = {
        **EntryForm.error_messages_de,
        "street": {"required": _("Bitte gib Straße und Hausnummer an.")},
        "town": {"required": _("Bitte gib den Ort an.")},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accessibility"].choices = vocabulary_choices(
            AccessibilityFeature, self.source, self.locale
        )

    def apply_to(self, page):
        super().apply_to(page)
        page.capacity = self.cleaned_data.get("capacity")
        page.accessibility_note = self.cleaned_data.get("accessibility_note", "")
        page.accessibility = list(
            AccessibilityFeature.objects.filter(
                pk__in=map(int, self.cleaned_data.get("accessibility", []))
            )
        )


class EventForm(SubmissionForm):
    """An event with one date or a run of days, at a listed venue or an address."""

    title = PlainTextField(label=_("Titel der Veranstaltung"), max_length=255)
    category = forms.ChoiceField(label=_("Kategorie"))
    date_kind = forms.ChoiceField(
        label=_("Wann?"),
        choices=[
            (EventDate.Kind.SINGLE, _("An einem Tag")),
            (EventDate.Kind.RUN, _("Über mehrere Tage (z. B. Ausstellung)")),
        ],
        initial=EventDate.Kind.SINGLE,
        widget=forms.RadioSelect,
    )
    start_date = forms.DateField(
        label=_("Datum"),
        help_text=_("Bei mehreren Tagen der erste Tag."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
    )
    start_time = forms.TimeField(
        label=_("Beginn"),
        required=False,
        help_text=_("Leer lassen, wenn es den ganzen Tag geht."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=_("Ende"),
        required=False,
        help_text=_("Optional. Bei mehreren Tagen: Öffnungszeit bis."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=_("Letzter Tag"),
        required=False,
        help_text=_("Nur bei mehreren Tagen."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
    )
    venue = forms.ChoiceField(
        label=_("Spielstätte"),
        required=False,
        help_text=_(
            "Steht der Ort nicht in der Liste, lass das Feld leer und gib unten die Adresse an."
        ),
    )
    place_name = text_field(EventPage, "place_name", help_text=_("Zum Beispiel: Marktplatz."))
    street = text_field(EventPage, "street")
    postcode = text_field(EventPage, "postcode")
    town = text_field(EventPage, "town")
    intro = text_field(
        EventPage,
        "intro",
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ein, zwei Sätze: Was erwartet die Gäste?"),
    )
    description = PlainTextField(
        label=_("Ausführliche Beschreibung"),
        required=False,
        multiline=True,
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    is_free = forms.BooleanField(label=_("Eintritt frei"), required=False)
    price = text_field(EventPage, "price")
    ticket_url = WebAddressField(label=_("Link zu den Karten"), required=False)
    organiser = forms.ChoiceField(label=_("Veranstaltet von"), required=False)
    organiser_name = PlainTextField(
        label=_("Veranstaltet von (falls nicht in der Liste)"), required=False, max_length=120
    )

    model = EventPage
    error_messages_de = {
        **SubmissionForm.error_messages_de,
        "title": {"required": _("Bitte gib den Titel der Veranstaltung an.")},
        "category": {"required": _("Bitte wähle eine Kategorie.")},
        "start_date": {"required": _("Bitte gib das Datum an.")},
        "intro": {"required": _("Bitte beschreib in ein, zwei Sätzen, was die Gäste erwartet.")},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            ("", "–"),
            *vocabulary_choices(EventCategory, self.source, self.locale),
        ]
        self.fields["venue"].choices = [("", "–"), *page_choices(VenuePage, self.source)]
        self.fields["organiser"].choices = [("", "–"), *page_choices(ActorPage, self.source)]

    def event_date(self):
        data = self.cleaned_data
        run = data.get("date_kind") == EventDate.Kind.RUN
        return EventDate(
            kind=EventDate.Kind.RUN if run else EventDate.Kind.SINGLE,
            start_date=data.get("start_date"),
            start_time=data.get("start_time"),
            end_date=data.get("end_date") if run else None,
            end_time=data.get("end_time"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start_date") is not None and cleaned.get("date_kind"):
            self._check_dates(self.event_date())
        if not cleaned.get("venue"):
            # The same rule as in the admin (EventPage.clean), said for a visitor.
            if not cleaned.get("place_name") and "place_name" not in self.errors:
                self.add_error("place_name", _("Ohne Spielstätte: Wie heißt der Ort?"))
            if not cleaned.get("town") and "town" not in self.errors:
                self.add_error("town", _("Ohne Spielstätte: In welchem Ort ist es?"))
        return cleaned

    def _check_dates(self, event_date):
        # The rules of the dates editor (EventDate.clean), at the same fields.
        try:
            event_date.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        today = timezone.localdate()
        last_day = event_date.end_date or event_date.start_date
        if last_day < today:
            field = "end_date" if event_date.end_date else "start_date"
            self.add_error(field, _("Dieser Tag ist schon vorbei."))
        elif event_date.start_date > today + timedelta(days=EVENT_DAYS_AHEAD):
            self.add_error(
                "start_date", _("Bitte melde Veranstaltungen höchstens zwei Jahre im Voraus.")
            )

    def apply_to(self, page):
        data = self.cleaned_data
        page.title = data["title"]
        page.category_id = int(data["category"])
        page.intro = data["intro"]
        page.venue_id = int(data["venue"]) if data.get("venue") else None
        for name in ("place_name", "street", "postcode", "town", "price", "ticket_url"):
            setattr(page, name, data.get(name, ""))
        page.is_free = data.get("is_free", False)
        page.organiser_id = int(data["organiser"]) if data.get("organiser") else None
        paragraphs = []
        if data.get("organiser_name") and page.organiser_id is None:
            paragraphs.append(_("Veranstaltet von: %(name)s") % {"name": data["organiser_name"]})
        if data.get("description"):
            paragraphs.append(data["description"])
        if paragraphs:
            page.body = [("paragraph", text_to_paragraphs("\n\n".join(map(str, paragraphs))))]
        page.dates = [self.event_date()]


# The fields a change form offers per page type; each keeps the model field's label.
CHANGE_FIELDS = {
    ActorPage: ["title", "intro", "street", "postcode", "town", "phone", "website"],
    VenuePage: ["title", "intro", "street", "postcode", "town", "phone", "website"],
    EventPage: ["title", "intro", "status", "price", "ticket_url"],
}
PICTURE_FIELDS = {
    ActorPage: ("logo", "logo_alt", "logo_credit"),
    VenuePage: ("header_image", "header_image_alt", "header_image_credit"),
    EventPage: ("header_image", "header_image_alt", "header_image_credit"),
}


class ChangeForm(SubmissionForm):
    """What should be different on a live page: its main fields, pre-filled, and a note."""

    note = PlainTextField(
        label=_("Was soll sich sonst ändern?"),
        required=False,
        multiline=True,
        max_length=MAX_NOTE,
        help_text=_(
            "Zum Beispiel: neue Termine, andere Ansprechpartner. Die Redaktion kümmert sich darum."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, page, **kwargs):
        self.page = page
        self.page_model = type(page)
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {**self.current_values(), **kwargs["initial"]}
        super().__init__(*args, **kwargs)
        self.picture_fields = PICTURE_FIELDS[self.page_model]

    @classmethod
    def fields_for(cls, model):
        fields = {}
        for name in CHANGE_FIELDS[model]:
            if name == "title":
                fields[name] = PlainTextField(label=_("Name oder Titel"), max_length=255)
            elif name == "status":
                fields[name] = forms.ChoiceField(
                    label=_("Findet die Veranstaltung statt?"),
                    choices=EventStatus.choices,
                    widget=forms.RadioSelect,
                )
            elif name in ("website", "ticket_url"):
                fields[name] = WebAddressField(
                    label=model._meta.get_field(name).verbose_name, required=False
                )
            elif name == "intro":
                fields[name] = text_field(
                    model, name, multiline=True, widget=forms.Textarea(attrs={"rows": 3})
                )
            else:
                fields[name] = text_field(model, name)
        return fields

    @property
    def page_fields(self):
        return [self[name] for name in CHANGE_FIELDS[self.page_model]]

    def current_values(self):
        return {name: getattr(self.page, name) for name in CHANGE_FIELDS[self.page_model]}

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.changes() and not cleaned.get("note") and not self.picture:
            self.add_error(
                "note", _("Du hast nichts geändert. Schreib uns hier, was sich ändern soll.")
            )
        return cleaned

    def changes(self):
        """The page fields whose value differs from the page: ``{name: new value}``."""
        return {
            name: self.cleaned_data[name]
            for name in CHANGE_FIELDS[self.page_model]
            if name in self.cleaned_data and self.cleaned_data[name] != getattr(self.page, name)
        }

    def apply_to(self, page):
        for name, value in self.changes().items():
            setattr(page, name, value)


def change_form_class(model):
    """A ChangeForm with the fields of one page type (built once per type)."""
    if model not in _change_forms:
        _change_forms[model] = type(
            f"{model.__name__}ChangeForm", (ChangeForm,), ChangeForm.fields_for(model)
        )
    return _change_forms[model]


_change_forms = {}
