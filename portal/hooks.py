"""The portal's plugin interface.

A feature app hands its parts to the portal by registering functions in its own
``wagtail_hooks.py`` with ``@hooks.register(<name>)``, using the names below. The portal
and ``home`` only ever call :func:`collect`; they never import a feature app. Any subset
of feature apps may be installed. Every hook function returns a list of the type named
here; :func:`collect` refuses anything else, naming the function that returned it.

==========================  =================================================================
Hook name                   What the registered function returns
==========================  =================================================================
``API_ROUTERS``             ``[ApiRouter(prefix, router), ...]`` mounted under ``/api/v3/``
``HOME_SECTIONS``           ``[HomeSection, ...]`` that editors can place on the home page
``SEARCH_SOURCES``          ``[SearchSource, ...]`` queried by the site search
``SITEMAP_ITEMS``           called with ``(request, site)``; ``[SitemapItem, ...]`` besides pages
``DEMO_CONTENT``            ``[DemoContent, ...]``: (name, ``load(demo)``, order) for ``load_demo_content``
``BENCH_PAGES``             ``[BenchPages, ...]``: (``build(scale)``, ``urls()``, ``large_scale``) for ``make bench``
``SHOWCASE_PAGES``          ``[ShowcasePage, ...]``: one demo address per public page type, for
                            ``make screenshots`` and the layout-shift test
``GROUP_PERMISSIONS``       ``[GroupPermissions(EDITORS, ["app_label.codename", ...]), ...]``
``DASHBOARD_ACTIONS``       called with ``(request)``; ``[DashboardAction, ...]`` the user may use
``TOPIC_PAGE_TYPES``        ``[TopicPageType(model, label), ...]``: page types that pages of other
                            apps can name as their topic (``home/topics.py``), e.g. a post
                            names the processes it is about
``CACHE_MODELS``            ``[model, ...]``: models besides pages, settings and snippets whose
                            saving or deleting changes public pages (``home/cache_generation.py``)
``PERSONAL_DATA``           ``[PersonalData(name, export, erase, purge), ...]``: what an app stores
                            about a person who sent a form, for ``export_personal_data``,
                            ``erase_personal_data`` and the daily ``purge_personal_data``
==========================  =================================================================

The groups are named by :data:`EDITORS` and :data:`MODERATORS`; never write their names out.

``order`` (home sections, search sources, demo content, bench pages, showcase pages,
dashboard actions): lower comes first, ties go by key or name. The scale runs from 0 to 999:

=========  ===========================================================================
0–99       the foundation, before any feature app (home's pages, the page search)
100–899    the feature apps, a hundred each:
           blog 100–199, kulturnetz 200–299, processes 300–399
900–999    the foundation, after every feature app (the contact section at the end of
           the home page, the home demo that places the apps' home sections)
=========  ===========================================================================
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

API_ROUTERS = "portal_api_routers"
HOME_SECTIONS = "portal_home_sections"
SEARCH_SOURCES = "portal_search_sources"
SITEMAP_ITEMS = "portal_sitemap_items"
DEMO_CONTENT = "portal_demo_content"
BENCH_PAGES = "portal_bench_pages"
SHOWCASE_PAGES = "portal_showcase_pages"
GROUP_PERMISSIONS = "portal_group_permissions"
DASHBOARD_ACTIONS = "portal_dashboard_actions"
TOPIC_PAGE_TYPES = "portal_topic_page_types"
CACHE_MODELS = "portal_cache_models"
PERSONAL_DATA = "portal_personal_data"

# The client's user groups (their permissions: home/groups.py and GROUP_PERMISSIONS).
EDITORS = "Redaktion"
MODERATORS = "Moderation"

# The scale of ``order`` (see above).
ORDER_FOUNDATION_FIRST = 0
ORDER_FEATURE_APPS = 100
ORDER_FOUNDATION_LAST = 900
ORDER_MAX = 999


def collect(name: str, *args, **kwargs) -> list:
    """Call every function registered for ``name``; each returns a list, joined here."""
    expected = HOOK_TYPES.get(name)
    items = []
    for fn in hooks.get_hooks(name):
        for item in fn(*args, **kwargs) or ():
            if expected is not None and not isinstance(item, expected):
                raise TypeError(
                    f"{fn.__module__}.{fn.__qualname__} returned {item!r} for {name}, "
                    f"expected {expected.__name__}."
                )
            items.append(item)
    return items


class _Ordered:
    """Checks that ``order`` lies on the documented scale."""

    def __post_init__(self):
        if not ORDER_FOUNDATION_FIRST <= self.order <= ORDER_MAX:
            raise ValueError(
                f"{type(self).__name__} order {self.order} is outside "
                f"{ORDER_FOUNDATION_FIRST}–{ORDER_MAX} (see portal/hooks.py)."
            )


@dataclass(frozen=True)
class ApiRouter:
    """A django-ninja router that an app mounts at ``/api/v3/<prefix>``, e.g. ``"/blog/"``."""

    prefix: str
    router: Any  # ninja.Router


@dataclass(frozen=True)
class GroupPermissions:
    """Model permissions (``"app_label.codename"``) an app gives one of the portal's groups."""

    group: str  # EDITORS or MODERATORS
    permissions: Sequence[str]


@dataclass(frozen=True)
class HomeSection(_Ordered):
    """A block of the home page that an app offers, e.g. "latest posts".

    With ``demo=True`` the home demo places it on the German and English home pages, after
    every app's demo content exists, where its ``order`` puts it among the other sections.
    """

    key: str
    label: Any  # a lazy German string shown to editors
    template: str
    get_context: Callable[..., dict] = field(default=lambda request, page, value: {})
    order: int = ORDER_FEATURE_APPS
    demo: bool = False


@dataclass(frozen=True)
class SearchResult:
    """One hit of the site search; ``date`` (a date or datetime) is shown when it is set."""

    title: str
    url: str
    summary: str = ""
    kind: str = ""
    date: Any = None


class SearchHits:
    """What a search source found, counted and built lazily.

    The site search asks every source for ``count()`` (a COUNT in the database), then asks only
    the sources that reach into the page shown for ``results(start, stop)``: the SearchResults
    from ``start`` to ``stop`` in the source's own order (rank). A source fetches and builds
    only those, so the cost of a results page does not grow with the number of hits.
    """

    def count(self) -> int:
        raise NotImplementedError

    def results(self, start: int, stop: int) -> list:
        raise NotImplementedError


class ListHits(SearchHits):
    """Hits already built, for a source that returns a plain list of SearchResults."""

    def __init__(self, results):
        self._results = list(results)

    def count(self):
        return len(self._results)

    def results(self, start, stop):
        return self._results[start:stop]


@dataclass(frozen=True)
class SearchSource(_Ordered):
    """Something the site search looks in; ``search(query, request)`` returns SearchHits (or,
    for a small source, a list of SearchResults).

    Sources find disjoint things, so their counts add up: ``page_types`` are page models the
    source finds and presents itself (e.g. posts with their teaser and date); the page search
    leaves them out. A source that adds pages the page search might also find (actors named by
    their district) leaves out those the page search finds (``home.search.page_matches``).
    """

    key: str
    label: Any
    search: Callable[..., list]
    order: int = ORDER_FEATURE_APPS
    page_types: Sequence = ()


@dataclass(frozen=True)
class SitemapItem:
    location: str
    lastmod: Any = None


@dataclass(frozen=True)
class DemoContent(_Ordered):
    """Demo content an app adds; ``load(demo)`` must be idempotent."""

    name: str
    load: Callable[..., None]
    order: int = ORDER_FEATURE_APPS


@dataclass(frozen=True)
class BenchPages(_Ordered):
    """Data and URLs an app adds to the benchmark."""

    name: str
    build: Callable[[int], None]
    urls: Callable[[], list]
    order: int = ORDER_FEATURE_APPS
    # The scale of ``make bench-large`` (the sizes issue 12 names); None: the default scale.
    large_scale: int | None = None


@dataclass(frozen=True)
class ShowcasePage(_Ordered):
    """One public page type as the demo content shows it: a name and its address."""

    name: str  # short, for file names: "blog-post"
    path: str  # "/de/blog/…/"
    order: int = ORDER_FEATURE_APPS


@dataclass(frozen=True)
class DashboardAction(_Ordered):
    """A quick action on the admin's dashboard: "Neuer Beitrag", "Kommentare warten: 3"."""

    label: str
    url: str
    icon: str = "arrow-right"
    primary: bool = False
    order: int = ORDER_FEATURE_APPS


@dataclass(frozen=True)
class TopicPageType:
    """A page type that pages of other apps may name as their topic (``home/topics.py``).

    ``model`` is ``"app_label.ModelName"``; ``label`` a lazy German plural shown to editors
    and visitors, e.g. "Prozesse".
    """

    model: str
    label: Any


@dataclass(frozen=True)
class PersonalData:
    """What an app keeps about people who sent its forms (GDPR Art. 15 and 17, retention).

    ``export(email)`` returns a list of JSON-ready dicts about that address, ``erase(email)``
    removes or anonymises them and returns how many records it changed, ``purge()`` deletes
    what is past its retention time and returns how many records it changed. ``statement``:
    paragraphs ``(German, English)`` for the data-protection page, saying what is kept and for
    how long (written from the same constants the code uses).
    """

    name: str
    export: Callable[[str], list]
    erase: Callable[[str], int]
    purge: Callable[[], int]
    statement: Callable[[], Sequence[tuple[str, str]]] = lambda: ()


HOOK_TYPES = {
    PERSONAL_DATA: PersonalData,
    CACHE_MODELS: type,
    API_ROUTERS: ApiRouter,
    HOME_SECTIONS: HomeSection,
    SEARCH_SOURCES: SearchSource,
    SITEMAP_ITEMS: SitemapItem,
    DEMO_CONTENT: DemoContent,
    SHOWCASE_PAGES: ShowcasePage,
    BENCH_PAGES: BenchPages,
    GROUP_PERMISSIONS: GroupPermissions,
    DASHBOARD_ACTIONS: DashboardAction,
    TOPIC_PAGE_TYPES: TopicPageType,
}


def home_sections() -> dict[str, HomeSection]:
    sections = sorted(collect(HOME_SECTIONS), key=lambda s: (s.order, s.key))
    return {section.key: section for section in sections}


def home_section_choices():
    """Choices for the home page's section block; evaluated lazily so plugins can come and go."""
    return [(key, section.label) for key, section in home_sections().items()]
