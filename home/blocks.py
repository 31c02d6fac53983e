"""The shared block library: every StreamField of the portal is built from these blocks."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.hooks import home_section_choices, home_sections

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class PreviewImageMixin:
    """Block previews show the newest image of the library, so editors see a real example."""

    def get_preview_value(self):
        from wagtail.images import get_image_model

        value = super().get_preview_value()
        image = get_image_model().objects.order_by("-created_at").first()
        if isinstance(value, dict) and image is not None:
            value = {**value, "image": image}
        return self.to_python(self.get_prep_value(value)) if image else value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt (H2)")), ("h3", _("Unterabschnitt (H3)"))],
        default="h2",
        help_text=_("H2 für neue Abschnitte, H3 für Unterpunkte innerhalb eines Abschnitts."),
    )

    class Meta:
        icon = "title"
        label = _("Zwischenüberschrift")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Unser Saal für Eure Veranstaltung", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Im Haus am Westbahnhof treffen sich Menschen, die Kultur machen und erleben "
            "wollen: bei Konzerten, Lesungen, Theater und in unseren Werkstätten.</p>"
        )


class ImageBlock(PreviewImageMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_(
            "Beschreibt in einem Satz, was auf dem Bild zu sehen ist, für Menschen, die es "
            "nicht sehen können. Leer lassen, wenn das Bild nur Schmuck ist."
        ),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Bildnachweis"),
        required=False,
        max_length=120,
        help_text=_("Wer hat das Foto gemacht? Zum Beispiel: „Foto: Maria Beispiel“."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"
        preview_value = {
            "alt_text": "Der Saal mit Bühne und Flügel",
            "caption": "Unser Saal bietet Platz für rund 180 Gäste.",
            "credit": "Foto: Haus am Westbahnhof",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Von wem?"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Kultur braucht Räume, in denen man sich begegnen kann.",
            "attribution": "Aus dem Vorstand",
        }


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page of the portal or to another website."""

    page = blocks.PageChooserBlock(label=_("Seite im Portal"), required=False)
    url = blocks.URLBlock(
        label=_("Oder: Adresse einer anderen Website"),
        required=False,
        help_text=_("Nur ausfüllen, wenn keine Seite im Portal gewählt ist."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Bitte entweder eine Seite wählen oder eine Adresse eingeben.")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkTargetBlock(label=_("Ziel des Knopfes"))
    button_label = blocks.CharBlock(label=_("Beschriftung des Knopfes"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Aufruf mit Knopf")
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Raum gesucht?",
            "text": "Unsere Seminarräume könnt Ihr für Kurse und Treffen mieten.",
            "link": {"url": "https://example.org/"},
            "button_label": "Anfrage stellen",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    label = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=120,
        help_text=_("Leer lassen, um den Titel des Dokuments zu zeigen."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")
        template = "blocks/document_link_block.html"
        preview_value = {"label": "Hausordnung (PDF)"}


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Tabellentitel"),
        max_length=200,
        help_text=_("Sagt, was die Tabelle zeigt; wird über der Tabelle angezeigt."),
    )
    table = TableBlock(
        label=_("Tabelle"),
        table_options={"language": "de-DE", "startRows": 3, "startCols": 2},
    )

    class Meta:
        icon = "table"
        label = _("Tabelle")
        template = "blocks/table_block.html"
        preview_value = {
            "caption": "Mietpreise Seminarräume",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Raum", "Preis pro Stunde"], ["Seminarraum 1", "25 €"]],
            },
        }


YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed_url(url):
    """The provider's privacy-friendly player address for a YouTube or Vimeo link, else None."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower()
    video_id = None
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parsed.path.lstrip("/")
        elif parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if video_id and VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in VIMEO_HOSTS:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return None


class VideoURLBlock(blocks.URLBlock):
    def clean(self, value):
        value = super().clean(value)
        if value and video_embed_url(value) is None:
            raise ValidationError(
                _("Bitte einen Link zu einem YouTube- oder Vimeo-Video eingeben.")
            )
        return value


class VideoBlock(PreviewImageMixin, blocks.StructBlock):
    """A video that loads nothing from the provider until the visitor agrees (two clicks)."""

    url = VideoURLBlock(
        label=_("Link zum Video"),
        help_text=_("Link zu einem Video auf YouTube oder Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Titel des Videos"),
        max_length=150,
        help_text=_("Kurz beschreiben, worum es im Video geht."),
    )
    image = ImageChooserBlock(
        label=_("Vorschaubild"),
        required=False,
        help_text=_("Wird gezeigt, bis das Video gestartet wird. Es kommt aus unserer Bibliothek."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("url"))
        context["provider"] = urlparse(value.get("url") or "").hostname or ""
        return context

    class Meta:
        icon = "media"
        label = _("Video (Zwei-Klick)")
        template = "blocks/video_block.html"
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Ein Abend im Haus am Westbahnhof",
        }


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(label=_("Tage"), max_length=60)
    hours = blocks.CharBlock(label=_("Uhrzeit"), max_length=60)

    class Meta:
        icon = "time"
        label = _("Öffnungszeit")


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=120, default="Kontakt")
    use_organisation_address = blocks.BooleanBlock(
        label=_("Adresse und Kontakt des Hauses zeigen"),
        required=False,
        default=True,
        help_text=_("Übernimmt Adresse, Telefon und E-Mail aus den Einstellungen „Organisation“."),
    )
    contact_person = blocks.CharBlock(label=_("Ansprechperson"), required=False, max_length=120)
    phone = blocks.CharBlock(label=_("Telefon"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("E-Mail"), required=False)
    opening_hours = blocks.ListBlock(
        OpeningHoursBlock(), label=_("Öffnungs- oder Sprechzeiten"), default=[]
    )
    note = blocks.TextBlock(label=_("Hinweis"), required=False)

    def get_context(self, value, parent_context=None):
        from home.chrome import site_chrome

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        organisation = {}
        if value.get("use_organisation_address") and request is not None:
            organisation = site_chrome(request)["organisation"]
        context.update(
            organisation=organisation,
            phone=value.get("phone") or organisation.get("phone", ""),
            email=value.get("email") or organisation.get("email", ""),
        )
        return context

    class Meta:
        icon = "mail"
        label = _("Kontakt und Öffnungszeiten")
        template = "blocks/contact_block.html"
        preview_value = {
            "heading": "Büro",
            "use_organisation_address": True,
            "contact_person": "Das Team vom Haus am Westbahnhof",
            "opening_hours": [{"days": "Dienstag bis Donnerstag", "hours": "10 bis 14 Uhr"}],
        }


class ContentStreamBlock(blocks.StreamBlock):
    """The body of content pages, posts and process pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
    video = VideoBlock()
    contact = ContactBlock()

    class Meta:
        block_counts = {}


class PageTeaserBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Seite"))
    text = blocks.TextBlock(
        label=_("Kurztext"),
        required=False,
        help_text=_("Leer lassen, um die Beschreibung der Seite zu verwenden."),
    )

    class Meta:
        icon = "doc-empty"
        label = _("Seite")


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    pages = blocks.ListBlock(PageTeaserBlock(), label=_("Hervorgehobene Seiten"), min_num=1)

    def get_context(self, value, parent_context=None):
        from home.localisation import localised_pages

        context = super().get_context(value, parent_context)
        teasers = [teaser for teaser in value["pages"] if teaser["page"] is not None]
        # Unpublished and restricted pages are left out: a teaser shows a page's title and text.
        localised = localised_pages(
            [teaser["page"] for teaser in teasers], specific=True, public=True
        )
        context["teasers"] = [
            {"page": localised[teaser["page"].translation_key], "text": teaser["text"]}
            for teaser in teasers
            if teaser["page"].translation_key in localised
        ]
        return context

    class Meta:
        icon = "pick"
        label = _("Hervorgehobene Seiten")
        template = "blocks/featured_pages_block.html"
        preview_value = {"heading": "Entdeckt das Haus", "pages": []}


class PortalSectionBlock(blocks.StructBlock):
    """A section an app offers to the home page (latest posts, upcoming events, …)."""

    section = blocks.ChoiceBlock(
        label=_("Bereich"),
        choices=home_section_choices,
        help_text=_("Welcher Bereich des Portals hier erscheinen soll."),
    )
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=120,
        help_text=_("Leer lassen, um die übliche Überschrift des Bereichs zu verwenden."),
    )
    count = blocks.IntegerBlock(
        label=_("Anzahl Einträge"), default=3, min_value=1, max_value=12, required=False
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        section = home_sections().get(value.get("section"))
        context["section"] = section
        if section is not None:
            request = (parent_context or {}).get("request")
            page = (parent_context or {}).get("page")
            context.update(section.get_context(request, page, value))
        return context

    def render(self, value, context=None):
        # A section whose app is no longer installed renders nothing instead of failing.
        if value.get("section") not in home_sections():
            return ""
        return super().render(value, context)

    class Meta:
        icon = "grip"
        label = _("Bereich aus dem Portal")
        template = "blocks/portal_section_block.html"
        preview_value = {"section": "contact", "heading": "", "count": 3}


class HomeStreamBlock(blocks.StreamBlock):
    section = PortalSectionBlock()
    featured_pages = FeaturedPagesBlock()
    call_to_action = CallToActionBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
