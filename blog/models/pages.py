"""The blog: its index (with filters, archive and feeds) and its posts."""

import math

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog.api_fields import AuthorsField, CategoriesField, RelatedPostsField, TagsField
from comments.models import CommentablePageMixin
from home.admin_forms import LocaleScopedPageForm
from home.api_fields import HeaderImageField
from home.blocks import ContentStreamBlock
from home.models import HeaderImageMixin, SeoFieldsMixin
from home.pagination import PAGE_PARAM, paginate
from home.routes import (
    ChildBySlugRouteMixin,
    LocalisedRoutesMixin,
    localised_path,
    localised_re_path,
)
from home.topics import TopicLink, TopicsField, TopicsPanel, named_topics

WORDS_PER_MINUTE = 200


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPostAuthor(Orderable):
    page = ParentalKey("blog.BlogPostPage", related_name="post_authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "blog.Person", verbose_name=_("Person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("Autorin oder Autor")
        verbose_name_plural = _("Autorinnen und Autoren")


class RelatedPost(Orderable):
    page = ParentalKey("blog.BlogPostPage", related_name="pinned_related", on_delete=models.CASCADE)
    post = models.ForeignKey(
        "blog.BlogPostPage", verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("post")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ähnlicher Beitrag")
        verbose_name_plural = _("Ähnliche Beiträge")


class BlogPostTopic(TopicLink):
    """A page a post is about, e.g. a process (``home/topics.py``)."""

    page = ParentalKey("blog.BlogPostPage", related_name="topic_links", on_delete=models.CASCADE)

    date_field = "date"

    class Meta(TopicLink.Meta):
        verbose_name = _("Thema des Beitrags")
        verbose_name_plural = _("Themen des Beitrags")


class BlogIndexPage(
    LocalisedRoutesMixin, RoutablePageMixin, ChildBySlugRouteMixin, SeoFieldsMixin, Page
):
    """The blog: posts newest first, filtered by category, tag, author or month."""

    intro = models.TextField(_("Einleitung"), max_length=600, blank=True)
    posts_per_page = models.PositiveSmallIntegerField(
        _("Beiträge pro Seite"), default=10, help_text=_("Wie viele Beiträge eine Seite zeigt.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("posts_per_page")]
    promote_panels = SeoFieldsMixin.seo_panels

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]

    class Meta:
        verbose_name = _("Blog-Übersicht")
        verbose_name_plural = _("Blog-Übersichten")

    def posts(self):
        """The one query behind the HTML list, the feeds and the home-page section."""
        from blog.queries import live_posts

        return live_posts(self)

    # Routes: each filter under its words in the blog's language (home/routes.py).
    @path("")
    def index_view(self, request):
        return self.render_listing(request)

    @localised_path("category", de="kategorie/<slug:slug>/", en="category/<slug:slug>/")
    def category_view(self, request, slug):
        return self.render_listing(request, category=slug)

    @localised_path("tag", de="schlagwort/<slug:slug>/", en="tag/<slug:slug>/")
    def tag_view(self, request, slug):
        return self.render_listing(request, tag=slug)

    @localised_path("author", de="autor/<slug:slug>/", en="author/<slug:slug>/")
    def author_view(self, request, slug):
        return self.render_listing(request, author=slug)

    @re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/$", name="month")
    def month_view(self, request, year, month):
        return self.render_listing(request, year=int(year), month=int(month))

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed_view(self, request, kind):
        from blog.feeds import blog_feed

        return blog_feed(self, request, kind)

    @localised_re_path(
        "category_feed",
        de=r"^kategorie/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$",
        en=r"^category/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$",
    )
    def category_feed_view(self, request, slug, kind):
        from blog.feeds import blog_feed

        return blog_feed(self, request, kind, category=slug)

    def render_listing(self, request, **filters):
        """The list of posts, narrowed by one filter (blog/filters.py), rendered by the page."""
        from blog.filters import post_filter
        from blog.models import BlogCategory
        from blog.queries import with_card_pictures

        selected = post_filter(self.locale, **filters)
        all_posts = self.posts()  # once: building it looks up view restrictions
        posts = with_card_pictures(selected.apply(all_posts))
        posts = paginate(request, posts, self.posts_per_page)
        filter_url = self.route_url(*selected.route) if selected.route else self.url
        page_suffix = f"?{PAGE_PARAM}={posts.number}" if posts.number > 1 else ""
        overrides = {
            **selected.context,
            "posts": posts,
            "filter_title": selected.title,
            "filter_url": filter_url,
            "canonical_url": request.build_absolute_uri(filter_url + page_suffix),
            "categories": BlogCategory.objects.filter(locale=self.locale),
            "months": all_posts.dates("date", "month", order="DESC"),
        }
        if selected.route:
            overrides["language_urls"] = self.translated_route_urls(selected)
        return self.render(request, context_overrides=overrides)

    def translated_route_urls(self, selected):
        """The same filter in each translation of this blog (for the language switcher)."""
        name, *args = selected.route
        urls = {}
        translations = (
            type(self)
            .objects.live()
            .filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .select_related("locale")
        )
        for translation in translations:
            code = translation.locale.language_code
            if selected.slugs is not None:
                if code not in selected.slugs:
                    continue
                args = [selected.slugs[code]]
            urls[code] = translation.route_url(name, *args)
        return urls


class BlogPostPage(RoutablePageMixin, CommentablePageMixin, HeaderImageMixin, SeoFieldsMixin, Page):
    """A post of the team blog."""

    date = models.DateField(
        _("Veröffentlichungsdatum"),
        default=timezone.localdate,
        help_text=_(
            "Das Datum, das über dem Beitrag steht. Zeitgesteuert veröffentlichen: oben rechts "
            "„Status“ öffnen und „Veröffentlichungszeitplan festlegen“ wählen; steht hier dann "
            "noch das heutige Datum, wird es zum Tag der geplanten Veröffentlichung."
        ),
    )
    teaser = models.TextField(
        _("Anrisstext"),
        max_length=500,
        help_text=_("Zwei, drei Sätze für die Übersicht, die Feeds und beim Teilen."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("Inhalt"))
    categories = ParentalManyToManyField(
        "blog.BlogCategory", verbose_name=_("Kategorien"), blank=True, related_name="posts"
    )
    tags = ClusterTaggableManager(verbose_name=_("Schlagwörter"), through=BlogPostTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
        InlinePanel(
            "post_authors", label=_("Autorin oder Autor"), heading=_("Geschrieben von"), min_num=1
        ),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Einordnung"),
        ),
        InlinePanel(
            "pinned_related",
            label=_("Ähnlicher Beitrag"),
            heading=_("Ähnliche Beiträge (leer lassen für automatische Auswahl)"),
            max_num=3,
        ),
        TopicsPanel(
            "topic_links",
            help_text=_(
                "Wählt die Seiten, um die es im Beitrag geht. Der Beitrag nennt sie unten, "
                "und ihre Seiten zeigen den Beitrag."
            ),
        ),
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    settings_panels = [*Page.settings_panels, FieldPanel("comments_enabled")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("teaser"),
        APIField("header_image", serializer=HeaderImageField()),
        APIField("body"),
        APIField("authors", serializer=AuthorsField()),
        APIField("categories", serializer=CategoriesField()),
        APIField("tags", serializer=TagsField()),
        APIField("related_posts", serializer=RelatedPostsField()),
        APIField("topics", serializer=TopicsField("topic_links")),
        APIField("comments_enabled"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    base_form_class = LocaleScopedPageForm

    class Meta:
        verbose_name = _("Blog-Beitrag")
        verbose_name_plural = _("Blog-Beiträge")

    @path("")
    def post_view(self, request):
        from blog.views import blog_post

        return blog_post(self, request)

    def clean(self):
        super().clean()
        # A post scheduled for later whose date was left at today shows the day it goes live.
        if (
            self.go_live_at
            and not self.first_published_at
            and self.date == timezone.localdate()
            and timezone.localdate(self.go_live_at) > self.date
        ):
            self.date = timezone.localdate(self.go_live_at)

    def get_meta_description(self):
        return self.search_description or self.teaser

    def reading_minutes(self):
        words = len(strip_tags(self.body.render_as_block()).split()) + len(self.teaser.split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def authors(self):
        # Lists prefetch the authors (blog/queries.py, the admin); a single post joins them.
        prefetched = "post_authors" in getattr(self, "_prefetched_objects_cache", {})
        links = (
            self.post_authors.all() if prefetched else self.post_authors.select_related("person")
        )
        return [link.person for link in links]

    @staticmethod
    def visible_posts():
        """Live posts without a view restriction (one query finds the restricted subtrees)."""
        from home.public_cache import public

        return public(BlogPostPage.objects.live())

    def related_posts(self, limit=3, categories=None, tags=None, visible=None):
        """Editors' choice, or the posts sharing most categories and tags.

        A caller that already holds the post's categories, tags or ``visible_posts()`` hands
        them in, so they are not fetched again."""
        # Only live, public posts: a restricted post must not leak its title and teaser here.
        visible = self.visible_posts() if visible is None else visible
        # A translation keeps the original's pins: show the pinned posts in this post's language.
        pinned_keys = [
            link.post.translation_key for link in self.pinned_related.select_related("post")
        ]
        if pinned_keys:
            found = {
                post.translation_key: post
                for post in visible.filter(
                    translation_key__in=pinned_keys, locale_id=self.locale_id
                ).select_related("header_image")
            }
            pinned = [found[key] for key in pinned_keys if key in found]
            if pinned:
                return pinned[:limit]
        categories = self.categories.all() if categories is None else categories
        tags = self.tags.all() if tags is None else tags
        category_keys = [c.translation_key for c in categories]
        tag_ids = [tag.pk for tag in tags]
        if not category_keys and not tag_ids:
            return []
        return list(
            visible.sibling_of(self, inclusive=False)
            .annotate(
                shared=Count(
                    "categories",
                    filter=Q(categories__translation_key__in=category_keys),
                    distinct=True,
                )
                + Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True)
            )
            .filter(shared__gt=0)
            .order_by("-shared", "-date")
            .select_related("header_image")[:limit]
        )

    def topics(self):
        """The live, public pages this post is about, in its language (``home/topics.py``)."""
        return named_topics(self.topic_links.all(), self.locale_id)

    def neighbours(self, visible=None):
        """The previous (older) and next (newer) post of the same blog and language."""
        visible = self.visible_posts() if visible is None else visible
        siblings = visible.sibling_of(self, inclusive=False).defer_streamfields()
        older = siblings.filter(Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk))
        newer = siblings.filter(Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk))
        return older.order_by("-date", "-pk").first(), newer.order_by("date", "pk").first()
