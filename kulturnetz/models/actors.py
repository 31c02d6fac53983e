"""Kulturaktive: artists, groups, associations and institutions of the Kulturnetz."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.admin_forms import LocaleScopedPageForm
from home.blocks import ContentStreamBlock, ImageBlock
from home.models import SeoFieldsMixin
from home.renditions import CARD

from .contact import AddressMixin, ContactMixin, MapPageMixin
from .reports import ReportContentMixin
from .submissions import SuggestChangesMixin

# How many next dates a detail page lists before it links to the calendar.
UPCOMING_LIMIT = 10
# The calendar's filter by organiser and by venue (the events' FilterSet names them the same).
ORGANISER_PARAM = "veranstalter"
VENUE_PARAM = "spielstaette"


class SocialLink(Orderable):
    """A profile of an actor on a social network or platform."""

    class Platform(models.TextChoices):
        MASTODON = "mastodon", "Mastodon"
        INSTAGRAM = "instagram", "Instagram"
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        BANDCAMP = "bandcamp", "Bandcamp"
        SOUNDCLOUD = "soundcloud", "SoundCloud"
        TIKTOK = "tiktok", "TikTok"
        OTHER = "other", _("Andere")

    page = ParentalKey(
        "kulturnetz.ActorPage", related_name="social_links", on_delete=models.CASCADE
    )
    platform = models.CharField(_("Plattform"), max_length=20, choices=Platform)
    url = models.URLField(_("Adresse des Profils"))

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Profil im Netz")
        verbose_name_plural = _("Profile im Netz")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.url}"


class ActorOffer(Orderable):
    """Something an actor offers others, e.g. a workshop, a rehearsal room or a lending library."""

    page = ParentalKey("kulturnetz.ActorPage", related_name="offers", on_delete=models.CASCADE)
    title = models.CharField(
        _("Angebot"), max_length=120, help_text=_("Zum Beispiel: Trommelkurse für Kinder.")
    )
    description = models.TextField(_("Beschreibung"), max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Angebot")
        verbose_name_plural = _("Was wir anbieten")

    def __str__(self):
        return self.title


class ActorPage(
    MapPageMixin,
    SuggestChangesMixin,
    ReportContentMixin,
    AddressMixin,
    ContactMixin,
    SeoFieldsMixin,
    Page,
):
    """An entry of the directory: who they are, what they do, how to reach them."""

    kind = models.ForeignKey(
        "kulturnetz.ActorKind",
        verbose_name=_("Art"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    disciplines = ParentalManyToManyField(
        "kulturnetz.Discipline", verbose_name=_("Sparten"), blank=True, related_name="actors"
    )
    district = models.ForeignKey(
        "kulturnetz.District",
        verbose_name=_("Ortsteil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wo die Kulturaktiven zu Hause sind."),
    )
    intro = models.TextField(
        _("Kurzbeschreibung"),
        max_length=400,
        help_text=_("Ein, zwei Sätze für das Verzeichnis und für Suchergebnisse."),
    )
    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("Ausführliche Beschreibung"),
        blank=True,
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo oder Porträt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("Alternativtext des Logos"),
        max_length=250,
        blank=True,
        help_text=_("Beschreibt das Bild, z. B. „Logo des Chors: eine Note im Kreis“."),
    )
    logo_credit = models.CharField(
        _("Bildnachweis"), max_length=120, blank=True, help_text=_("Wer hat das Bild gemacht?")
    )
    images = StreamField(
        [("image", ImageBlock())],
        verbose_name=_("Bilder"),
        blank=True,
        help_text=_("Fotos mit Alternativtext und Bildnachweis."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("disciplines", widget=forms.CheckboxSelectMultiple),
                FieldPanel("district"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt"), FieldPanel("logo_credit")],
            heading=_("Logo oder Porträt"),
        ),
        FieldPanel("images"),
    ]
    contact_tab_panels = [
        MultiFieldPanel(
            [*AddressMixin.address_panels, *ContactMixin.contact_panels],
            heading=_("Adresse und Kontakt"),
        ),
        InlinePanel("social_links", label=_("Profil im Netz"), heading=_("Profile im Netz")),
        InlinePanel("offers", label=_("Angebot"), heading=_("Was wir anbieten")),
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(contact_tab_panels, heading=_("Kontakt und Angebote")),
            ObjectList(promote_panels, heading=_("Auffindbarkeit")),
            ObjectList(Page.settings_panels, heading=_("Einstellungen")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("disciplines", [index.SearchField("name")]),
        index.RelatedFields("kind", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("district"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("disciplines"),
        APIField("district"),
        APIField("intro"),
        APIField("body"),
        APIField("logo", serializer=ImageRenditionField("max-400x400")),
        APIField("logo_alt"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("phone"),
        APIField("website"),
        APIField("public_email"),
        APIField("social_links"),
        APIField("offers"),
    ]

    # Listed in other languages' lists until translated (home.localisation.LISTED_UNTRANSLATED).
    listed_untranslated = True
    parent_page_types = ["kulturnetz.ActorIndexPage"]
    subpage_types = []

    base_form_class = LocaleScopedPageForm

    class Meta:
        verbose_name = _("Kulturaktive")
        verbose_name_plural = _("Kulturaktive")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_share_image(self):
        return self.og_image or self.logo

    def rendition_specs(self):
        # The logo on the actor's page (actor_page.html) and on its card in the directory.
        logo = ("format-{avif,webp,png} max-{200x200,400x400}", CARD)
        return [*super().rendition_specs(), (self.logo, list(logo))]

    def get_context(self, request, *args, **kwargs):
        from home.public_cache import shown_pages
        from kulturnetz.map import ACTOR, VENUE, map_context, place_of
        from kulturnetz.models import VenuePage
        from kulturnetz.reference import calendar_url, localised_terms, term
        from kulturnetz.structured_data import actor_jsonld

        context = super().get_context(request, *args, **kwargs)
        venues = list(self.venues.all())
        shown = shown_pages(VenuePage, [v.pk for v in venues], [v.translation_key for v in venues])
        social_links = list(self.social_links.all())
        occurrences = list(self.upcoming_occurrences(limit=UPCOMING_LIMIT + 1))
        calendar = calendar_url(self.locale_id)
        # The map: where the actors are at home (with an address) and the venues they run.
        places = [place_of(ACTOR, self, request)]
        places += [
            place_of(VENUE, venue, request, shown=shown[venue.translation_key])
            for venue in venues
            if venue.translation_key in shown
        ]
        places = [place for place in places if place is not None]
        context.update(
            map=map_context(request, places) if places else None,
            kind=term(self._meta.get_field("kind").related_model, self.kind_id, self.locale_id),
            district=(
                term(
                    self._meta.get_field("district").related_model, self.district_id, self.locale_id
                )
            ),
            disciplines=localised_terms(self.disciplines.all(), self.locale_id),
            venues=sorted(shown.values(), key=lambda page: page.title),
            social_links=social_links,
            offers=list(self.offers.all()),
            occurrences=occurrences[:UPCOMING_LIMIT],
            more_occurrences=len(occurrences) > UPCOMING_LIMIT,
            calendar_url=f"{calendar}?{ORGANISER_PARAM}={self.slug}" if calendar else "",
            structured_data=actor_jsonld(request, self, social_links),
        )
        return context

    def upcoming_occurrences(self, limit=UPCOMING_LIMIT):
        from kulturnetz.models import Occurrence

        # Through the ids of this actor's translations, so the organiser index is used (a join
        # on the translation key made SQLite read every upcoming date first).
        translations = ActorPage.objects.filter(translation_key=self.translation_key)
        return (
            Occurrence.objects.filter(organiser__in=translations.values("pk"))
            .for_locale(self.locale_id)
            .upcoming()
            .once_per_run()
            .for_cards()[:limit]
        )
