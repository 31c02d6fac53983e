"""What the Kulturnetz hands to the portal (API, home section, search, demo, bench, groups)
and its admin."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_access import SentByVisitorsPermissionPolicy
from kulturnetz import bench, demo, demo_data, sections
from kulturnetz.api import router
from kulturnetz.models import (
    AccessibilityFeature,
    ActorKind,
    Discipline,
    District,
    EntryReport,
    EventCategory,
    EventPage,
    Submission,
)
from kulturnetz.reports.notifications import report_admin_path
from kulturnetz.reports.viewsets import EntryReportViewSet
from portal.hooks import (
    API_ROUTERS,
    BENCH_PAGES,
    DASHBOARD_ACTIONS,
    DEMO_CONTENT,
    EDITORS,
    GROUP_PERMISSIONS,
    HOME_SECTIONS,
    MODERATORS,
    PERSONAL_DATA,
    SEARCH_SOURCES,
    SHOWCASE_PAGES,
    ApiRouter,
    BenchPages,
    DashboardAction,
    DemoContent,
    GroupPermissions,
    HomeSection,
    PersonalData,
    SearchSource,
    ShowcasePage,
)

TAXONOMY_MODELS = ("discipline", "eventcategory", "district", "actorkind", "accessibilityfeature")


@hooks.register(API_ROUTERS)
def kulturnetz_api():
    return [ApiRouter(prefix="/kulturnetz/", router=router)]


@hooks.register(HOME_SECTIONS)
def whats_on_section():
    return [
        HomeSection(
            key="kulturnetz_whats_on",
            label=_("Was ist los in Landau"),
            template="kulturnetz/sections/whats_on.html",
            get_context=sections.whats_on_context,
            order=200,
            demo=True,
        )
    ]


@hooks.register(SEARCH_SOURCES)
def event_search():
    return [
        SearchSource(
            key="kulturnetz_events",
            label=_("Termine"),
            search=sections.search_events,
            order=200,
            # Events come with their next date from here; the page search leaves them out.
            page_types=[EventPage],
        )
    ]


@hooks.register(DEMO_CONTENT)
def kulturnetz_demo():
    return [DemoContent(name="Kulturnetz", load=demo.load, order=200)]


@hooks.register(SHOWCASE_PAGES)
def kulturnetz_showcase():
    # The demo content's addresses (kulturnetz/demo.py, demo_data.py): every page type, and an
    # event of each kind of date and status that looks different.
    start = f"/de/{demo.START_SLUG}/"
    calendar, actors, venues = (
        f"{start}{demo_data.SECTIONS[key]['slug'].de}/" for key in ("events", "actors", "venues")
    )
    pages = [
        ("kulturnetz", start),
        ("kulturnetz-calendar", calendar),
        ("kulturnetz-actors", actors),
        ("kulturnetz-venues", venues),
        ("kulturnetz-actor", f"{actors}chor-westwind/"),
        ("kulturnetz-venue", f"{venues}haus-am-westbahnhof/"),
        ("kulturnetz-event", f"{calendar}liederabend-brandt/"),
        ("kulturnetz-event-run", f"{calendar}ausstellung-lindner/"),
        ("kulturnetz-event-weekly", f"{calendar}keramikkurs/"),
        ("kulturnetz-event-cancelled", f"{calendar}theater-abgesagt/"),
        ("kulturnetz-report-event", f"{calendar}melden/"),
        ("kulturnetz-suggest-actor", f"{actors}vorschlagen/"),
    ]
    return [
        ShowcasePage(name=name, path=path, order=200 + index)
        for index, (name, path) in enumerate(pages)
    ]


@hooks.register(BENCH_PAGES)
def kulturnetz_bench():
    return [
        BenchPages(
            name="kulturnetz", build=bench.build, urls=bench.urls, order=200, large_scale=10000
        )
    ]


@hooks.register(PERSONAL_DATA)
def submitter_data():
    from kulturnetz.submissions import privacy

    return [
        PersonalData(
            "kulturnetz_submissions",
            privacy.export,
            privacy.erase,
            privacy.purge,
            statement=privacy.statement,
        )
    ]


@hooks.register(PERSONAL_DATA)
def reporter_data():
    from kulturnetz.reports import privacy

    return [
        PersonalData(
            "kulturnetz_entry_reports",
            privacy.export,
            privacy.erase,
            privacy.purge,
            statement=privacy.statement,
        )
    ]


# Who decides on reports of entries: to read and to record the decision, never to delete.
ENTRY_REPORT_PERMISSIONS = ["kulturnetz.view_entryreport", "kulturnetz.change_entryreport"]


@hooks.register(GROUP_PERMISSIONS)
def kulturnetz_permissions():
    # Pages of the Kulturnetz are covered by the editors' page permissions on the whole tree
    # (home/groups.py); the vocabularies are snippets and need model permissions.
    return [
        GroupPermissions(
            EDITORS,
            [
                f"kulturnetz.{action}_{model}"
                for model in TAXONOMY_MODELS
                for action in ("add", "change", "delete")
            ]
            # Who sent a suggestion: to read (for questions back) and to erase, never to edit.
            + ["kulturnetz.view_submission", "kulturnetz.delete_submission"]
            + ENTRY_REPORT_PERMISSIONS,
        ),
        GroupPermissions(MODERATORS, ENTRY_REPORT_PERMISSIONS),
    ]


class TaxonomyViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class DisciplineViewSet(TaxonomyViewSet):
    model = Discipline
    menu_label = _("Sparten")


class EventCategoryViewSet(TaxonomyViewSet):
    model = EventCategory
    menu_label = _("Veranstaltungskategorien")


class DistrictViewSet(TaxonomyViewSet):
    model = District
    icon = "site"
    menu_label = _("Ortsteile")
    list_display = ["name", "slug", "area", "locale"]
    list_filter = ["area", "locale"]


class ActorKindViewSet(TaxonomyViewSet):
    model = ActorKind
    icon = "group"
    menu_label = _("Arten der Kulturaktiven")


class AccessibilityFeatureViewSet(TaxonomyViewSet):
    model = AccessibilityFeature
    icon = "check"
    menu_label = _("Barrierefreiheit")


class SubmissionViewSet(SnippetViewSet):
    """Who sent which suggestion, for the editors only; the suggestion itself is reviewed as a
    page ("Zur Prüfung"). Rows are deleted 30 days after the decision (purge_personal_data)."""

    model = Submission
    icon = "mail"
    menu_label = _("Einsendungen")
    list_display = ["page", "kind", "status", "name", "email", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "email"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "kind",
        "status",
        "name",
        "email",
        "note",
        "language",
        "created_at",
        "decided_at",
    ]
    copy_view_enabled = False


class KulturnetzSnippetsGroup(SnippetViewSetGroup):
    items = (
        SubmissionViewSet,
        EntryReportViewSet,
        EventCategoryViewSet,
        DisciplineViewSet,
        ActorKindViewSet,
        DistrictViewSet,
        AccessibilityFeatureViewSet,
    )
    menu_icon = "globe"
    menu_label = _("Kulturnetz")
    menu_name = "kulturnetz"
    menu_order = 210


# Before the viewsets, which would otherwise create the default policy.
register_permission_policy(
    EntryReport, SentByVisitorsPermissionPolicy(EntryReport), exact_class=True
)
register_snippet(KulturnetzSnippetsGroup)


@hooks.register(SEARCH_SOURCES)
def kulturnetz_search():
    from kulturnetz.search import search_directory

    return [
        SearchSource(
            key="kulturnetz_directory",
            label=_("Kulturaktive und Spielstätten"),
            search=search_directory,
            order=210,
        )
    ]


@hooks.register(DASHBOARD_ACTIONS)
def suggestions_dashboard_action(request):
    """For editors: how many suggestions from the public wait (reviewed under "Zur Prüfung")."""
    if not request.user.has_perm("kulturnetz.view_submission"):
        return []
    waiting = Submission.objects.waiting().count()
    url = reverse("wagtailsnippets_kulturnetz_submission:list")
    return [
        DashboardAction(
            gettext("Vorschläge im Kulturnetz: %(count)s") % {"count": waiting},
            f"{url}?status={Submission.Status.WAITING}",
            icon="mail",
            order=210,
        )
    ]


@hooks.register(DASHBOARD_ACTIONS)
def entry_reports_dashboard_action(request):
    """For moderators and editors: how many reports of entries wait for a decision."""
    if not request.user.has_perm("kulturnetz.view_entryreport"):
        return []
    waiting = EntryReport.objects.open().count()
    return [
        DashboardAction(
            gettext("Meldungen zu Einträgen: %(count)s") % {"count": waiting},
            f"{report_admin_path('list')}?status={EntryReport.Status.OPEN}",
            icon="warning",
            order=220,
        )
    ]
