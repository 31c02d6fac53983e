"""Address, coordinates and contact details shared by actors, venues and one-off event places."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

LATITUDE_VALIDATORS = [
    MinValueValidator(Decimal("-90"), _("Die Breite liegt zwischen -90 und 90 Grad.")),
    MaxValueValidator(Decimal("90"), _("Die Breite liegt zwischen -90 und 90 Grad.")),
]
LONGITUDE_VALIDATORS = [
    MinValueValidator(Decimal("-180"), _("Die Länge liegt zwischen -180 und 180 Grad.")),
    MaxValueValidator(Decimal("180"), _("Die Länge liegt zwischen -180 und 180 Grad.")),
]
COORDINATES_HELP = _(
    "Zum Beispiel aus OpenStreetMap: Rechtsklick auf den Ort, „Adresse anzeigen“; die erste "
    "Zahl ist die Breite (bei Landau etwa 49,2), die zweite die Länge (etwa 8,1)."
)


class AddressMixin(models.Model):
    """A postal address with optional coordinates for the map."""

    street = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    town = models.CharField(_("Ort"), max_length=80, blank=True)
    latitude = models.DecimalField(
        _("Breite"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE_VALIDATORS,
        help_text=COORDINATES_HELP,
    )
    longitude = models.DecimalField(
        _("Länge"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE_VALIDATORS,
    )

    address_panels = [
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        abstract = True

    def address_lines(self):
        town = " ".join(part for part in (self.postcode, self.town) if part)
        return [line for line in (self.street, town) if line]

    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class MapPageMixin:
    """For pages that can show the map: their image policy allows the tile server.

    The tiles load only after the visitor's consent (static/js/kulturnetz-map.js); a page
    whose context has no ``map`` keeps the strict policy.
    """

    def serve(self, request, *args, **kwargs):
        from kulturnetz.map import allow_tiles

        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("map"):
            allow_tiles(response)
        return response


class ContactMixin(models.Model):
    """Phone, website and an e-mail address that is public only if its owner chose so."""

    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(
        _("E-Mail-Adresse"),
        blank=True,
        help_text=_("Für Rückfragen der Redaktion. Öffentlich nur mit dem Haken darunter."),
    )
    publish_email = models.BooleanField(
        _("E-Mail-Adresse veröffentlichen"),
        default=False,
        help_text=_("Nur anhaken, wenn die Kulturaktiven das ausdrücklich möchten."),
    )

    contact_panels = [
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("publish_email"),
    ]

    class Meta:
        abstract = True

    @property
    def public_email(self):
        """The e-mail address, only when its owner chose to publish it."""
        return self.email if self.publish_email else ""


# Venues and events: the accessibility features (ticked) and a free-text note beside them.
ACCESSIBILITY_PANEL = MultiFieldPanel(
    [
        FieldPanel("accessibility", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accessibility_note"),
    ],
    heading=_("Barrierefreiheit"),
)
