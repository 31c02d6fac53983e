"""The Kulturnetz's vocabularies: snippets that editors maintain and translate.

Disciplines, event categories, districts, kinds of actors and accessibility features. Each
has a name and an address word (slug) unique within its language; the German ones are
seeded by migrations, so filters and feeds have stable addresses from the start.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """Name, address word and position shared by every vocabulary."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(
        _("Kurzname für die Adresse"),
        max_length=80,
        help_text=_(
            "Erscheint in Filter-Adressen, z. B. „konzert“. Nach dem Veröffentlichen "
            "möglichst nicht mehr ändern, sonst gehen gespeicherte Links ins Leere."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Kleinere Zahlen stehen weiter vorn; bei gleicher Zahl alphabetisch."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Discipline(Taxonomy):
    """A field of the arts, e.g. "Musik" or "Bildende Künste"."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("Sparte")
        verbose_name_plural = _("Sparten")


class EventCategory(Taxonomy):
    """What kind of event it is, e.g. "Konzert" or "Kurse & Workshops"."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("Veranstaltungskategorie")
        verbose_name_plural = _("Veranstaltungskategorien")


class District(Taxonomy):
    """A part of Landau or a village of the Verbandsgemeinde Landau-Land."""

    class Area(models.TextChoices):
        TOWN = "stadt", _("Stadt Landau")
        LANDAU_LAND = "landau-land", _("Verbandsgemeinde Landau-Land")

    area = models.CharField(_("Gebiet"), max_length=20, choices=Area, default=Area.TOWN)

    panels = [*Taxonomy.panels, FieldPanel("area")]
    api_fields = [*Taxonomy.api_fields, APIField("area")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("Ortsteil")
        verbose_name_plural = _("Ortsteile")


class ActorKind(Taxonomy):
    """Who an actor is: an artist, a group, an association or an institution."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("Art der Kulturaktiven")
        verbose_name_plural = _("Arten der Kulturaktiven")


class AccessibilityFeature(Taxonomy):
    """Something that makes a venue or an event accessible, e.g. step-free access."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("Merkmal der Barrierefreiheit")
        verbose_name_plural = _("Merkmale der Barrierefreiheit")
