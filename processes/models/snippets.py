"""The requirements catalogue and the toolbox: snippets that editors maintain and translate."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Requirement(TranslatableMixin, index.Indexed, models.Model):
    """What a digital platform must do for a process, derived from one of its functions."""

    class Kind(models.TextChoices):
        FUNCTIONAL = "functional", _("Funktion")
        DATA_PROTECTION = "data_protection", _("Datenschutz")
        ACCESSIBILITY = "accessibility", _("Barrierefreiheit")
        COST = "cost", _("Kosten")
        OPERATION = "operation", _("Betrieb")
        VOLUNTEERS = "volunteers", _("Für Ehrenamtliche nutzbar")

    class Priority(models.TextChoices):
        # MoSCoW, in its order.
        MUST = "must", _("Muss")
        SHOULD = "should", _("Soll")
        COULD = "could", _("Kann")
        WONT = "wont", _("Diesmal nicht")

    class Status(models.TextChoices):
        OPEN = "open", _("Offen")
        AGREED = "agreed", _("Abgestimmt")
        MET = "met", _("Erfüllt")
        NOT_MET = "not_met", _("Nicht erfüllt")
        DROPPED = "dropped", _("Verworfen")

    identifier = models.CharField(
        _("Kennung"),
        max_length=20,
        help_text=_("Kurz und eindeutig, z. B. „RB-03“ (Raumbuchung, dritte Anforderung)."),
    )
    statement = models.TextField(
        _("Anforderung"),
        max_length=600,
        help_text=_("Ein Satz, was die Plattform können muss, z. B. „Gruppen sehen freie Zeiten“."),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.FUNCTIONAL)
    priority = models.CharField(
        _("Priorität"),
        max_length=10,
        choices=Priority.choices,
        default=Priority.SHOULD,
        help_text=_("Muss / Soll / Kann / Diesmal nicht (MoSCoW)."),
    )
    process = models.ForeignKey(
        "processes.ProcessPage",
        verbose_name=_("Prozess"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requirements",
    )
    function = models.CharField(
        _("Aus der Funktion"),
        max_length=120,
        blank=True,
        help_text=_("Der Name der Funktion auf der Prozessseite, z. B. „Raumanfrage beantworten“."),
    )
    acceptance = models.TextField(
        _("Abnahmekriterium"),
        blank=True,
        help_text=_("Woran wir merken, dass die Anforderung erfüllt ist."),
    )
    status = models.CharField(
        _("Stand"), max_length=10, choices=Status.choices, default=Status.OPEN
    )

    panels = [
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("priority")]),
        FieldPanel("statement"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel(
            [FieldPanel("process"), FieldPanel("function")], heading=_("Woher sie kommt")
        ),
        FieldPanel("acceptance"),
    ]
    search_fields = [
        index.SearchField("identifier"),
        index.SearchField("statement"),
        index.AutocompleteField("statement"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("identifier"),
        APIField("statement"),
        APIField("kind"),
        APIField("priority"),
        APIField("function"),
        APIField("acceptance"),
        APIField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Anforderung")
        verbose_name_plural = _("Anforderungen")
        ordering = ["identifier"]
        unique_together = [("translation_key", "locale"), ("identifier", "locale")]

    def __str__(self):
        return f"{self.identifier} {self.statement[:80]}"

    @property
    def anchor(self):
        """The requirement's place in the catalogue (``id`` of its row): "rb-01"."""
        return slugify(self.identifier)


class Tool(TranslatableMixin, index.Indexed, ClusterableModel):
    """A digital tool the centre looked at, chose or uses."""

    class Status(models.TextChoices):
        EVALUATED = "evaluated", _("Geprüft")
        CHOSEN = "chosen", _("Gewählt")
        IN_USE = "in_use", _("Im Einsatz")
        DROPPED = "dropped", _("Verworfen")

    name = models.CharField(_("Name"), max_length=120)
    category = models.CharField(
        _("Kategorie"), max_length=80, help_text=_("z. B. „Kalender“, „Chat“, „Buchhaltung“.")
    )
    website = models.URLField(_("Website"), blank=True)
    open_source = models.BooleanField(_("Open Source"), default=False)
    licence = models.CharField(
        _("Lizenz"), max_length=80, blank=True, help_text=_("z. B. „AGPL-3.0“ oder „proprietär“.")
    )
    hosted_in_eu = models.BooleanField(
        _("Daten in der EU"), default=False, help_text=_("Liegen die Daten in der EU?")
    )
    hosting = models.CharField(
        _("Betrieb"),
        max_length=160,
        blank=True,
        help_text=_("Wer betreibt es wo, z. B. „selbst, auf dem Vereinsserver“."),
    )
    cost = models.CharField(
        _("Kosten"),
        max_length=120,
        blank=True,
        help_text=_("z. B. „0 €“ oder „4 € je Person/Monat“."),
    )
    data_protection = models.TextField(
        _("Datenschutz"),
        blank=True,
        help_text=_("Was wir zum Datenschutz wissen und geklärt haben."),
    )
    status = models.CharField(
        _("Stand"), max_length=10, choices=Status.choices, default=Status.EVALUATED
    )
    requirements_met = ParentalManyToManyField(
        "processes.Requirement",
        verbose_name=_("Erfüllte Anforderungen"),
        blank=True,
        related_name="tools",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("website")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("open_source"), FieldPanel("licence")]),
                FieldRowPanel([FieldPanel("hosted_in_eu"), FieldPanel("hosting")]),
                FieldPanel("cost"),
                FieldPanel("data_protection"),
            ],
            heading=_("Lizenz, Betrieb, Kosten, Datenschutz"),
        ),
        FieldPanel("requirements_met"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("category"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Werkzeug")
        verbose_name_plural = _("Werkzeuge")
        ordering = ["name"]

    def __str__(self):
        return self.name
