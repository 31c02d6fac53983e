"""Pages that name other pages as their topic, across apps that never import each other.

An app offers page types as topics through the ``TOPIC_PAGE_TYPES`` hook (``portal/hooks.py``),
e.g. the process pages. Another app lets its pages name topics with a concrete
:class:`TopicLink` (a ``ParentalKey`` named ``page`` to its page type) and
:class:`TopicsPanel` in its editor, e.g. a post names the processes it is about. The topic's
page shows :func:`pages_about` it; the naming page shows :func:`named_topics`. Neither app
knows the other: without an app that offers topics the panel hides itself and the lists are
empty; without an app that names topics, :func:`pages_about` finds nothing.

Links point at one translation of a topic and are matched by ``translation_key``, so a
translated post names the translated process, and a process page lists the posts of its own
language.
"""

import dataclasses
import datetime
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail.admin.panels import InlinePanel, PageChooserPanel, Panel
from wagtail.models import Orderable, Page

from home.api_fields import PageRepresentationField
from home.public_cache import public
from portal.hooks import TOPIC_PAGE_TYPES, TopicPageType, collect


def topic_page_types() -> list[tuple[type[Page], TopicPageType]]:
    """The installed page models that apps offer as topics, with what the hook says of them."""
    found = []
    for topic_type in collect(TOPIC_PAGE_TYPES):
        try:
            model = apps.get_model(topic_type.model)
        except (LookupError, ValueError):
            continue  # offered by an app whose model is not installed
        found.append((model, topic_type))
    return found


def topic_models() -> list[type[Page]]:
    return [model for model, _topic_type in topic_page_types()]


def _topic_links_heading():
    labels = ", ".join(str(topic_type.label) for _model, topic_type in topic_page_types())
    return gettext("Worum geht es? %(topics)s") % {"topics": labels}


# "Worum geht es? Prozesse": the editor's heading, naming the kinds of topics on offer, in
# the editor's language (the panel is bound once per process).
topic_links_heading = lazy(_topic_links_heading, str)


class TopicChooserPanel(PageChooserPanel):
    """A page chooser for the page types that the ``TOPIC_PAGE_TYPES`` hook offers.

    The types are read when the panel is bound to its model, after every app registered its
    hooks; with none on offer the panel is not shown.
    """

    def on_model_bound(self):
        super().on_model_bound()
        self.page_type = topic_models() or None

    class BoundPanel(PageChooserPanel.BoundPanel):
        def is_shown(self):
            return bool(self.panel.page_type) and super().is_shown()


class TopicsPanel(InlinePanel):
    """The editor's list of topics a page names; absent while no app offers topics.

    Without topic types the panel adds no formset to the form, so saving never expects one.
    """

    def __init__(self, relation_name, **kwargs):
        kwargs.setdefault("label", _("Thema"))
        super().__init__(relation_name, **kwargs)

    def on_model_bound(self):
        super().on_model_bound()
        self.offers_topics = bool(topic_page_types())
        self.heading = topic_links_heading()

    def get_form_options(self):
        return super().get_form_options() if self.offers_topics else {}

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            if not kwargs["panel"].offers_topics:
                # Skip InlinePanel's set-up: the form has no formset to show.
                Panel.BoundPanel.__init__(self, **kwargs)
                return
            super().__init__(**kwargs)

        def is_shown(self):
            return self.panel.offers_topics and super().is_shown()

        def get_comparison(self):
            return super().get_comparison() if self.panel.offers_topics else []


class TopicLink(Orderable):
    """One topic a page names; a concrete subclass adds ``page = ParentalKey(<its page type>)``.

    ``date_field`` names the field of the naming page that lists show as its date (and sort
    by, newest first); without it, the date of its first publication.
    """

    topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Thema"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Die Seite, um die es geht."),
    )

    date_field = None

    panels = [TopicChooserPanel("topic")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def clean(self):
        super().clean()
        if self.topic_id is None:
            return
        allowed = ContentType.objects.get_for_models(*topic_models()).values()
        if self.topic.content_type_id not in {content_type.pk for content_type in allowed}:
            raise ValidationError({"topic": gettext("Diese Seite kann kein Thema sein.")})


def _link_models():
    """Every installed concrete TopicLink model, with the page model that names its topics."""
    return [
        (model, model._meta.get_field("page").related_model)
        for model in apps.get_models()
        if issubclass(model, TopicLink)
    ]


def named_topics(links, locale_id) -> list[Page]:
    """The live, public topics ``links`` name, in the language ``locale_id`` and in the links'
    order.

    ``links`` are a page's TopicLink rows (``page.topic_links.all()``, also in a preview).
    """
    models_on_offer = topic_models()
    if not models_on_offer:
        return []
    keys = [link.topic.translation_key for link in links.select_related("topic")]
    if not keys:
        return []
    found = {
        page.translation_key: page
        for page in public(Page.objects.live())
        .type(*models_on_offer)
        .filter(locale_id=locale_id, translation_key__in=keys)
    }
    return [found[key] for key in dict.fromkeys(keys) if key in found]


@dataclasses.dataclass(frozen=True)
class PageAbout:
    """A page that names a topic, as a list shows it: the page, its date and its summary."""

    page: Page
    date: datetime.date | None
    summary: str


def summary_of(page) -> str:
    """The short text a page has for lists and sharing (its meta description), or ""."""
    describe = getattr(page, "get_meta_description", None)
    return (describe() if describe else page.search_description) or ""


def pages_about(page, limit=None) -> list[PageAbout]:
    """The live, public pages in ``page``'s language that name it (any translation) as a topic.

    Newest first, in a fixed number of queries: one for the pages and one per page type among
    them (the private sections come from the shared cache).
    """
    link_models = _link_models()
    if not link_models:
        return []
    named_by = [
        models.Q(
            pk__in=link_model.objects.filter(topic__translation_key=page.translation_key).values(
                "page_id"
            )
        )
        for link_model, _owner in link_models
    ]
    found = list(
        public(Page.objects.live())
        .filter(reduce(or_, named_by), locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .specific()
        .defer_streamfields()
    )
    date_fields = {owner: link_model.date_field for link_model, owner in link_models}
    about = [PageAbout(item, _date_of(item, date_fields), summary_of(item)) for item in found]
    about.sort(key=lambda entry: (entry.date or datetime.date.min, entry.page.pk), reverse=True)
    return about[:limit] if limit else about


def _date_of(page, date_fields):
    for owner, field_name in date_fields.items():
        if field_name and isinstance(page, owner):
            return getattr(page, field_name)
    if page.first_published_at:
        return page.first_published_at.date()
    return None


class TopicRef(TypedDict):
    """A page named as a topic, enough to link to it."""

    id: int
    title: str
    url: str


class PageAboutRef(TopicRef):
    """A page about a topic, as the topic's list shows it."""

    date: datetime.date | None
    summary: str


def topic_ref(page, request=None) -> TopicRef:
    return TopicRef(id=page.pk, title=page.title, url=page.get_full_url(request))


def page_about_ref(entry: PageAbout, request=None) -> PageAboutRef:
    return PageAboutRef(**topic_ref(entry.page, request), date=entry.date, summary=entry.summary)


class TopicsField(PageRepresentationField):
    """The topics a page names (``relation``: its TopicLink rows), for its ``api_fields``."""

    def __init__(self, relation="topic_links", **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[TopicRef]:
        return [
            topic_ref(topic)
            for topic in named_topics(getattr(page, self.relation).all(), page.locale_id)
        ]


class PagesAboutField(PageRepresentationField):
    """The pages that name a page as their topic, for the topic page type's ``api_fields``."""

    def to_representation(self, page) -> list[PageAboutRef]:
        return [page_about_ref(entry) for entry in pages_about(page)]
