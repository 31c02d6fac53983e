"""Site-wide settings that editors maintain under "Einstellungen" in the admin."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


class LocalisedLabelMixin(models.Model):
    """A short label with an optional English version, for links kept in settings."""

    label = models.CharField(
        _("Beschriftung"),
        max_length=60,
        blank=True,
        help_text=_("Leer lassen, um den Titel der Seite zu verwenden."),
    )
    label_en = models.CharField(
        _("Beschriftung (englisch)"),
        max_length=60,
        blank=True,
        help_text=_("Leer lassen, um den Titel der englischen Seite zu verwenden."),
    )

    class Meta:
        abstract = True

    def display_label(self, page=None):
        custom = self.label_en if get_language() == "en" else self.label
        return custom or (page.title if page is not None else "")


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """The centre's own data, shown in the footer and in structured data (JSON-LD)."""

    name = models.CharField(_("Name"), max_length=120, default="Haus am Westbahnhof")
    legal_name = models.CharField(
        _("Trägerverein"),
        max_length=160,
        blank=True,
        help_text=_("Zum Beispiel: Leben und Kultur e.V."),
    )
    street_address = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    locality = models.CharField(_("Ort"), max_length=80, blank=True)
    region = models.CharField(_("Bundesland"), max_length=80, blank=True)
    country = models.CharField(
        _("Land (Kürzel)"), max_length=2, default="DE", help_text=_("Zwei Buchstaben, z. B. DE.")
    )
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("legal_name")], heading=_("Name")),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("region"),
                FieldPanel("country"),
            ],
            heading=_("Adresse"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("Organisation")

    def address_lines(self):
        return [
            line
            for line in (self.street_address, f"{self.postal_code} {self.locality}".strip())
            if line
        ]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu: editors choose, order and rename its entries."""

    panels = [InlinePanel("items", label=_("Menüpunkt"), heading=_("Hauptmenü"))]

    class Meta:
        verbose_name = _("Hauptmenü")


class NavigationItem(LocalisedLabelMixin, Orderable):
    setting = ParentalKey(NavigationSettings, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Im englischen Menü erscheint automatisch die englische Fassung der Seite."),
    )

    panels = [FieldPanel("page"), FieldPanel("label"), FieldPanel("label_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("Menüpunkt")
        verbose_name_plural = _("Menüpunkte")


@register_setting(icon="doc-full")
class FooterSettings(ClusterableModel, BaseSiteSetting):
    """What the footer of every page shows besides the organisation's address."""

    opening_hours = models.TextField(
        _("Öffnungszeiten"),
        blank=True,
        help_text=_("Eine Zeile pro Angabe, z. B. „Büro: Di–Do 10–14 Uhr“."),
    )
    opening_hours_en = models.TextField(_("Öffnungszeiten (englisch)"), blank=True)
    note = models.CharField(
        _("Kurzer Hinweis"),
        max_length=200,
        blank=True,
        help_text=_("Ein Satz, der im Fuß jeder Seite steht."),
    )
    note_en = models.CharField(_("Kurzer Hinweis (englisch)"), max_length=200, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("opening_hours_en"),
                FieldPanel("note"),
                FieldPanel("note_en"),
            ],
            heading=_("Texte"),
        ),
        InlinePanel("social_links", label=_("Profil"), heading=_("Soziale Netzwerke")),
        InlinePanel("legal_links", label=_("Link"), heading=_("Rechtliches")),
    ]

    class Meta:
        verbose_name = _("Fußzeile")

    def localised(self, field):
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, field)

    def opening_hours_lines(self):
        return [line for line in self.localised("opening_hours").splitlines() if line.strip()]


class FooterSocialLink(Orderable):
    setting = ParentalKey(FooterSettings, related_name="social_links", on_delete=models.CASCADE)
    name = models.CharField(
        _("Netzwerk"), max_length=40, help_text=_("Zum Beispiel: Mastodon, Instagram.")
    )
    url = models.URLField(_("Adresse des Profils"))

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Profil")
        verbose_name_plural = _("Profile")


class FooterLegalLink(LocalisedLabelMixin, Orderable):
    setting = ParentalKey(FooterSettings, related_name="legal_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Seite"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page"), FieldPanel("label"), FieldPanel("label_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("Rechtlicher Link")
        verbose_name_plural = _("Rechtliche Links")
