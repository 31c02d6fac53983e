"""The process map and its pages: one page per process, the requirements catalogue, the toolbox."""

from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from comments.models import CommentablePageMixin
from home.admin_forms import LocaleScopedPageForm
from home.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from home.models import HeaderImageMixin, SeoFieldsMixin
from home.public_cache import cached, public
from processes import roadmap
from processes.blocks import ProcessStreamBlock, result_of
from processes.stages import ARRIVED, KIND_HEADINGS, Audience, ProcessKind, Stage, stage_position


class ProcessSectionPage(SeoFieldsMixin, Page):
    """What the process map and its lists share: a title and an introduction."""

    intro = models.TextField(
        _("Einleitung"),
        max_length=800,
        blank=True,
        help_text=_("Zwei, drei Sätze oben auf der Seite. Erscheinen auch in Suchergebnissen."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoFieldsMixin.seo_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


class ProcessOverviewPage(HeaderImageMixin, ProcessSectionPage):
    """The process map: every process by kind, where each stands, and what comes next."""

    method = StreamField(
        ContentStreamBlock(),
        verbose_name=_("Unser Vorgehen"),
        blank=True,
        help_text=_(
            "Erklärt in Euren Worten, wie Ihr vorgeht: erst Funktionen, dann Anforderungen, dann Werkzeuge."
        ),
    )

    content_panels = [
        *ProcessSectionPage.content_panels,
        HeaderImageMixin.header_image_panel,
        FieldPanel("method"),
    ]
    search_fields = [*ProcessSectionPage.search_fields, index.SearchField("method")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = [
        "processes.ProcessPage",
        "processes.RequirementCataloguePage",
        "processes.ToolboxPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Prozesslandkarte")
        verbose_name_plural = _("Prozesslandkarten")

    def processes(self):
        """The live, public process pages of this map, with their stage histories."""
        return (
            public(ProcessPage.objects.child_of(self).live())
            .defer_streamfields()
            .prefetch_related("stage_changes")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        processes = list(self.processes())
        groups = []
        for kind in ProcessKind:
            for audience in Audience:
                members = [p for p in processes if p.kind == kind and p.audience == audience]
                if members:
                    groups.append((kind, audience, members))
        sections = [
            {
                "kind": kind,
                "heading": KIND_HEADINGS[kind][0],
                "description": KIND_HEADINGS[kind][1],
                # Both audiences in every band, so that the map's columns line up.
                "groups": [
                    (audience, [p for p in processes if p.kind == kind and p.audience == audience])
                    for audience in Audience
                ],
            }
            for kind in ProcessKind
            if any(k == kind for k, _audience, _members in groups)
        ]
        context.update(
            {
                "process_groups": groups,
                "process_sections": sections,
                "arrived_count": sum(1 for p in processes if p.current_stage in ARRIVED),
                **self.section_pages(),
                "process_count": len(processes),
                "stage_summary": roadmap.stage_summary(processes),
                "roadmap": roadmap.roadmap(processes, today),
                "today": today,
            }
        )
        return context

    def route(self, request, path_components):
        # Wagtail finds a child in two queries (the page, then the page as its type); the
        # map's children by slug come from the cache, so each is found in one, as its type.
        found = self.children_by_slug().get(path_components[0]) if path_components else None
        if found is not None:
            content_type_id, pk = found
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            child = model.objects.filter(pk=pk).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def children_by_slug(self):
        """{slug: (content type id, pk)} of this map's children, from the shared cache."""
        return cached(
            f"processes:children:{self.pk}",
            lambda: {
                slug: (content_type_id, pk)
                for slug, content_type_id, pk in Page.objects.child_of(self).values_list(
                    "slug", "content_type_id", "pk"
                )
            },
        )

    def section_pages(self):
        """{"catalogue": page or None, "toolbox": page or None}: the map's lists, in one query
        per content generation (kept in the shared cache)."""
        return cached(f"processes:sections:{self.pk}", self._find_section_pages)

    def _find_section_pages(self):
        types = {
            ContentType.objects.get_for_model(model).pk: name
            for name, model in (
                ("catalogue", RequirementCataloguePage),
                ("toolbox", ToolboxPage),
            )
        }
        found = {name: None for name in types.values()}
        children = public(Page.objects.child_of(self).live()).filter(content_type__in=types)
        for page in children.order_by("path"):
            name = types[page.content_type_id]
            if found[name] is None:
                found[name] = page
        return found


class ProcessPage(RoutablePageMixin, CommentablePageMixin, HeaderImageMixin, SeoFieldsMixin, Page):
    """One process of the centre: its functions, requirements, tool decisions and outcome."""

    kind = models.CharField(
        _("Art des Prozesses"),
        max_length=12,
        choices=ProcessKind.choices,
        default=ProcessKind.CORE,
        help_text=_(
            "Führung: steuern und planen. Kern: wofür es das Haus gibt. "
            "Unterstützung: was die anderen möglich macht (z. B. Zahlungen)."
        ),
    )
    audience = models.CharField(
        _("Für wen?"), max_length=10, choices=Audience.choices, default=Audience.INTERNAL
    )
    responsible_role = models.CharField(
        _("Verantwortlich"),
        max_length=120,
        blank=True,
        help_text=_("Eine Rolle, keine Person, z. B. „Büroleitung“."),
    )
    intro = models.TextField(
        _("Kurzbeschreibung"),
        max_length=600,
        help_text=_("Zwei, drei Sätze: worum es geht. Erscheint auf der Prozesslandkarte."),
    )
    last_review = models.DateField(
        _("Zuletzt überprüft"),
        null=True,
        blank=True,
        help_text=_("Wann Ihr den Prozess zuletzt gemeinsam angeschaut habt."),
    )
    view_technology = RichTextField(
        _("Sicht Technik"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Welche Geräte, Programme und Daten spielen mit?"),
    )
    view_function = RichTextField(
        _("Sicht Funktion"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Was muss passieren, damit der Prozess gelingt?"),
    )
    view_culture = RichTextField(
        _("Sicht Kultur"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Wie arbeiten die Menschen zusammen, was ist ihnen wichtig?"),
    )
    body = StreamField(
        ProcessStreamBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_(
            "Bausteine der Methode: Funktionen, Ablauf, Heute und Ziel, Anforderungen, "
            "Werkzeugentscheidung, Ergebnis, Stimmen."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldRowPanel([FieldPanel("responsible_role"), FieldPanel("last_review")]),
            ],
            heading=_("Einordnung"),
        ),
        InlinePanel(
            "stage_changes",
            label=_("Stufe"),
            heading=_("Stand und Verlauf"),
            help_text=_(
                "Jede erreichte Stufe mit Datum. Auch geplante Stufen mit einem Datum in der "
                "Zukunft eintragen: daraus entsteht der Fahrplan „jetzt / als Nächstes / später“."
            ),
            min_num=1,
        ),
        HeaderImageMixin.header_image_panel,
        MultiFieldPanel(
            [
                FieldPanel("view_technology"),
                FieldPanel("view_function"),
                FieldPanel("view_culture"),
            ],
            heading=_("Drei Sichten"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    settings_panels = [*Page.settings_panels, FieldPanel("comments_enabled")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("view_technology"),
        index.SearchField("view_function"),
        index.SearchField("view_culture"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["processes.ProcessOverviewPage"]
    subpage_types = []

    base_form_class = LocaleScopedPageForm

    class Meta:
        verbose_name = _("Prozess")
        verbose_name_plural = _("Prozesse")

    @path("")
    def process_view(self, request):
        from processes.views import process_page

        return process_page(self, request)

    def get_meta_description(self):
        return self.search_description or self.intro

    @cached_property
    def stage_history(self):
        """The stage changes by date, oldest first (reached and planned)."""
        return sorted(
            (change for change in self.stage_changes.all() if change.date),
            key=lambda change: (change.date, stage_position(change.stage)),
        )

    @cached_property
    def current_stage(self):
        return roadmap.current_stage(self.stage_history, timezone.localdate())

    @property
    def current_stage_label(self):
        return Stage(self.current_stage).label if self.current_stage else ""

    @property
    def current_stage_position(self):
        return stage_position(self.current_stage)

    @cached_property
    def next_step(self):
        return roadmap.next_step(self, self.stage_history, timezone.localdate())

    def blocks_of(self, block_type):
        return [block.value for block in self.body if block.block_type == block_type]

    def functions(self):
        return self.blocks_of("function")

    def decisions(self):
        """[(block value, DecisionResult)] of every tool decision on the page."""
        return [(value, result_of(value)) for value in self.blocks_of("tool_decision")]

    def chosen_tool_ids(self):
        """The ids of the tools chosen in this page's decisions, read from the stored body
        without loading a tool (the toolbox reads many pages at once)."""
        ids = []
        for block in self.body.raw_data:
            if block.get("type") != "tool_decision":
                continue
            for option in (block.get("value") or {}).get("options") or []:
                # A list block stores its items as {"type": "item", "value": …} (older data: bare)
                value = option.get("value", option) if isinstance(option, dict) else {}
                if isinstance(value, dict) and value.get("chosen"):
                    tool = value.get("tool")
                    if tool and tool not in ids:
                        ids.append(tool)
                    break  # the first chosen option, as in processes.scoring
        return ids

    def chosen_tools(self):
        """The tools chosen in this page's decisions (snippets, not free names)."""
        tools = []
        for _value, result in self.decisions():
            chosen = result.chosen
            if chosen is not None and chosen.tool is not None and chosen.tool not in tools:
                tools.append(chosen.tool)
        return tools


class StageChange(Orderable):
    """A stage a process reached (or plans to reach) on a date."""

    page = ParentalKey(ProcessPage, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(_("Stufe"), max_length=12, choices=Stage.choices)
    date = models.DateField(
        _("Datum"), help_text=_("Wann erreicht, oder wann geplant (Datum in der Zukunft).")
    )
    note = models.CharField(
        _("Notiz"), max_length=250, blank=True, help_text=_("Was dazu wichtig ist (optional).")
    )

    panels = [FieldRowPanel([FieldPanel("stage"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Stufe")
        verbose_name_plural = _("Stufen")

    def planned(self, today=None):
        return self.date > (today or timezone.localdate())


class RequirementCataloguePage(RoutablePageMixin, ProcessSectionPage):
    """Every requirement, filtered by process, kind, priority and status, and as CSV."""

    parent_page_types = ["processes.ProcessOverviewPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Anforderungskatalog")
        verbose_name_plural = _("Anforderungskataloge")

    @path("")
    def catalogue_view(self, request):
        from processes.views import catalogue

        return catalogue(self, request)

    @path("csv/", name="csv")
    def catalogue_csv_view(self, request):
        from processes.views import catalogue_csv

        return catalogue_csv(self, request)


class ToolboxPage(ProcessSectionPage):
    """The toolbox: which tools serve which processes and meet which requirements."""

    parent_page_types = ["processes.ProcessOverviewPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Werkzeugkasten")
        verbose_name_plural = _("Werkzeugkästen")

    def get_context(self, request, *args, **kwargs):
        """The tools of this language, each with the processes it serves (chosen in their tool
        decisions) and the requirements it meets, in a fixed number of queries."""
        from processes.models import Requirement, Tool

        context = super().get_context(request, *args, **kwargs)
        overview = self.get_parent()
        processes = list(
            public(ProcessPage.objects.child_of(overview).live())
            .filter(locale_id=self.locale_id)
            .order_by("title")
        )
        tools = list(
            Tool.objects.filter(locale_id=self.locale_id).prefetch_related(
                models.Prefetch(
                    "requirements_met",
                    queryset=Requirement.objects.order_by("identifier"),
                )
            )
        )
        served = {}
        for process in processes:
            for tool_id in process.chosen_tool_ids():
                served.setdefault(tool_id, []).append(process)
        rows = [
            {
                "tool": tool,
                "processes": served.get(tool.pk, []),
                "requirements": list(tool.requirements_met.all()),
            }
            for tool in tools
        ]
        context.update(
            {
                "overview": overview,
                "processes": processes,
                "tool_rows": rows,
                # The matrix: one row per tool, a mark for each process it serves.
                "matrix": [
                    (row, [process in row["processes"] for process in processes]) for row in rows
                ],
            }
        )
        return context
