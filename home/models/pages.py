"""The home page and the generic content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.api_fields import HeaderImageField
from home.blocks import ContentStreamBlock, HomeStreamBlock
from home.renditions import CARD, HEADER, HOME_HEADER, SHARE


class SeoFieldsMixin(models.Model):
    """Open Graph image and sharing text, editable on the "Promote" tab of every page."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild für soziale Netzwerke"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Erscheint, wenn jemand diese Seite teilt. Ohne Auswahl wird das Titelbild verwendet."
        ),
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
            ],
            heading=_("Für Suchmaschinen und soziale Netzwerke"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus")],
            heading=_("Für das Menü der Website"),
        ),
    ]

    class Meta:
        abstract = True

    def get_share_image(self):
        return self.og_image or getattr(self, "header_image", None)

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""

    def rendition_specs(self):
        """The pictures this page's templates show, as (image, spec patterns) (home/renditions.py)."""
        inherited = getattr(super(), "rendition_specs", list)()
        return [*inherited, (self.get_share_image(), [SHARE])]


class HeaderImageMixin(models.Model):
    """The large image at the top of a page, with its text alternative."""

    header_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    header_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=250,
        blank=True,
        help_text=_(
            "Beschreibt, was auf dem Bild zu sehen ist. Leer lassen, wenn es nur Schmuck ist."
        ),
    )

    header_image_credit = models.CharField(
        _("Bildnachweis des Titelbilds"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wer das Bild gemacht hat, zum Beispiel „Foto: Anna Muster“. Steht klein unter "
            "dem Bild."
        ),
    )

    header_image_panel = MultiFieldPanel(
        [
            FieldPanel("header_image"),
            FieldPanel("header_image_alt"),
            FieldPanel("header_image_credit"),
        ],
        heading=_("Titelbild"),
    )
    # The spec patterns of the page's own header (its template) and of its card in listings.
    header_image_specs = (HEADER, CARD)

    class Meta:
        abstract = True

    def rendition_specs(self):
        inherited = getattr(super(), "rendition_specs", list)()
        return [*inherited, (self.header_image, list(self.header_image_specs))]


class HomePage(HeaderImageMixin, SeoFieldsMixin, Page):
    """The first screen of the site in each language."""

    header_image_specs = (HOME_HEADER,)

    hero_heading = models.CharField(
        _("Begrüßung"),
        max_length=120,
        help_text=_("Die große Überschrift oben auf der Startseite."),
    )
    hero_text = models.TextField(
        _("Einleitung"),
        max_length=600,
        help_text=_("Zwei bis drei Sätze, die das Haus vorstellen."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Knopf führt zu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("Beschriftung des Knopfes"), max_length=60, blank=True)
    body = StreamField(
        HomeStreamBlock(),
        verbose_name=_("Abschnitte"),
        blank=True,
        help_text=_(
            "Stellt die Startseite aus Abschnitten zusammen, zum Beispiel den neuesten "
            "Beiträgen, den nächsten Terminen oder hervorgehobenen Seiten."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("header_image"),
                FieldPanel("header_image_alt"),
                FieldPanel("header_image_credit"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Begrüßung"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = SeoFieldsMixin.seo_panels

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
    ]

    api_fields = [
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("header_image", serializer=HeaderImageField()),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_meta_description(self):
        return self.search_description or self.hero_text

    def get_context(self, request, *args, **kwargs):
        from home.public_cache import shown_pages

        context = super().get_context(request, *args, **kwargs)
        if self.hero_link_id is not None:
            # The linked page in the visitor's language, else itself; one query for both.
            keys = Page.objects.filter(pk=self.hero_link_id).values("translation_key")
            shown = shown_pages(Page, [self.hero_link_id], keys)
            context["hero_link"] = next(iter(shown.values()), None)
        return context


class StandardPage(HeaderImageMixin, SeoFieldsMixin, Page):
    """A content page: Über uns, Raumvermietung, Impressum, Datenschutz, …"""

    intro = models.TextField(
        _("Einleitung"),
        max_length=600,
        blank=True,
        help_text=_("Ein kurzer Absatz unter der Überschrift. Erscheint auch in Suchergebnissen."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
    ]
    promote_panels = SeoFieldsMixin.seo_panels

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("header_image", serializer=HeaderImageField()),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
