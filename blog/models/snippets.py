"""Authors and categories: snippets that editors maintain and translate."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Person(TranslatableMixin, index.Indexed, models.Model):
    """An author of the blog: a member of the team with photo, role and a short bio."""

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(
        _("Kurzname für die Adresse"),
        max_length=80,
        help_text=_("Erscheint in der Adresse der Autorenseite, z. B. „anna-beispiel“."),
    )
    role = models.CharField(
        _("Rolle"), max_length=120, blank=True, help_text=_("Zum Beispiel: Programmplanung.")
    )
    bio = models.TextField(_("Kurzbiografie"), max_length=800, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zugang im Admin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Verknüpft die Person mit ihrem Zugang, z. B. für Benachrichtigungen."),
    )
    notify_on_comments = models.BooleanField(
        _("Bei neuen Kommentaren benachrichtigen"),
        default=False,
        help_text=_(
            "Schickt eine E-Mail an den verknüpften Zugang, wenn jemand einen Beitrag dieser "
            "Person kommentiert."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio")],
            heading=_("Person"),
        ),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("user"), FieldPanel("notify_on_comments")],
            heading=_("Benachrichtigungen"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.SearchField("bio")]
    # Editors' tools reach people through Wagtail's v3 snippets API (with a token); the link to
    # an admin account and its notification choice stay out of it.
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("role"),
        APIField("bio"),
        APIField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class BlogCategory(TranslatableMixin, models.Model):
    """A category of the blog, e.g. "Digitalisierung" or "Programm"."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(
        _("Kurzname für die Adresse"),
        max_length=80,
        help_text=_("Erscheint in der Adresse der Kategorieseite, z. B. „digitalisierung“."),
    )
    description = models.TextField(
        _("Beschreibung"),
        max_length=500,
        blank=True,
        help_text=_("Ein, zwei Sätze oben auf der Kategorieseite."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Blog-Kategorie")
        verbose_name_plural = _("Blog-Kategorien")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class TagTranslation(models.Model):
    """A tag's name and address in another language, e.g. "Ehrenamt" as "Volunteering".

    Tags are written once, in the post's language, and a translated post keeps them; this
    gives them their name in the other language. Without one, a tag shows its own name.
    """

    tag = models.ForeignKey(
        "taggit.Tag",
        verbose_name=_("Schlagwort"),
        on_delete=models.CASCADE,
        related_name="translations",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("Sprache"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Kurzname für die Adresse"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Erscheint in der Adresse der Schlagwortseite, z. B. „volunteering“."),
    )

    panels = [FieldPanel("tag"), FieldPanel("locale"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("Übersetztes Schlagwort")
        verbose_name_plural = _("Übersetzte Schlagwörter")
        ordering = ["name"]
        unique_together = [("tag", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.tag.name} → {self.name}"
