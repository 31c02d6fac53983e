"""The portal's plugin interface.

A feature app hands its parts to the portal by registering functions in its own
``wagtail_hooks.py`` with ``@hooks.register(<name>)``, using the names below. The portal
and ``home`` only ever call :func:`collect`; they never import a feature app. Any subset
of feature apps may be installed.

==========================  =================================================================
Hook name                   What the registered function returns
==========================  =================================================================
``API_ROUTERS``             ``[(prefix, ninja.Router), ...]`` mounted under ``/api/v3/``
``HOME_SECTIONS``           ``[HomeSection, ...]`` that editors can place on the home page
``SEARCH_SOURCES``          ``[SearchSource, ...]`` queried by the site search
``SITEMAP_ITEMS``           called with ``(request, site)``; ``[SitemapItem, ...]`` besides pages
``DEMO_CONTENT``            ``[DemoContent, ...]``: (order, name, ``load(demo)``) for ``load_demo_content``
``BENCH_PAGES``             ``[BenchPages, ...]``: (``build(scale)``, ``urls()``) for ``make bench``
``GROUP_PERMISSIONS``       ``{"Redaktion": ["app_label.codename", ...], "Moderation": [...]}``
==========================  =================================================================
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

API_ROUTERS = "portal_api_routers"
HOME_SECTIONS = "portal_home_sections"
SEARCH_SOURCES = "portal_search_sources"
SITEMAP_ITEMS = "portal_sitemap_items"
DEMO_CONTENT = "portal_demo_content"
BENCH_PAGES = "portal_bench_pages"
GROUP_PERMISSIONS = "portal_group_permissions"


def collect(name: str, *args, **kwargs) -> list:
    """Call every function registered for ``name``; each returns a list, joined here."""
    return [item for fn in hooks.get_hooks(name) for item in (fn(*args, **kwargs) or ())]


@dataclass(frozen=True)
class HomeSection:
    """A block of the home page that an app offers, e.g. "latest posts"."""

    key: str
    label: Any  # a lazy German string shown to editors
    template: str
    get_context: Callable[..., dict] = field(default=lambda request, page, value: {})
    order: int = 100


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    summary: str = ""
    kind: str = ""


@dataclass(frozen=True)
class SearchSource:
    """Something the site search looks in; ``search(query, request)`` returns SearchResults."""

    key: str
    label: Any
    search: Callable[..., list]
    order: int = 100


@dataclass(frozen=True)
class SitemapItem:
    location: str
    lastmod: Any = None


@dataclass(frozen=True)
class DemoContent:
    """Demo content an app adds; ``load(demo)`` must be idempotent."""

    name: str
    load: Callable[..., None]
    order: int = 100


@dataclass(frozen=True)
class BenchPages:
    """Data and URLs an app adds to the benchmark."""

    name: str
    build: Callable[[int], None]
    urls: Callable[[], list]
    order: int = 100


def home_sections() -> dict[str, HomeSection]:
    sections = sorted(collect(HOME_SECTIONS), key=lambda s: (s.order, s.key))
    return {section.key: section for section in sections}


def home_section_choices():
    """Choices for the home page's section block; evaluated lazily so plugins can come and go."""
    return [(key, section.label) for key, section in home_sections().items()]
