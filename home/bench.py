"""Benchmark data of the foundation: SCALE extra content pages beside the demo content."""

from django.db import transaction

from home.models import HomePage, StandardPage
from portal.bench_tools import add_pages_in_bulk, indexed_in_bulk
from portal.demo import T

BENCH_PARENT_SLUG = "archiv"


def build(scale):
    home = HomePage.objects.filter(locale__language_code="de").first()
    parent = home.get_children().filter(slug=BENCH_PARENT_SLUG).first()
    if parent is None:
        parent = StandardPage(title="Archiv", slug=BENCH_PARENT_SLUG, intro="Ältere Seiten.")
        home.add_child(instance=parent)
        parent.save_revision().publish()
    existing = parent.get_children().count()
    paragraph = T(
        "<p>Ein Abend mit Musik und Gesprächen im Saal des Hauses am Westbahnhof.</p>", ""
    ).de
    pages = [
        StandardPage(
            title=f"Rückblick {number + 1}",
            slug=f"rueckblick-{number + 1}",
            intro="Was im Haus los war.",
            body=[("heading", {"text": "Rückblick", "level": "h2"}), ("paragraph", paragraph)] * 3,
        )
        for number in range(existing, scale)
    ]
    # In bulk with live revisions, as publishing would leave them (portal/bench_tools.py).
    with indexed_in_bulk([StandardPage]), transaction.atomic():
        for start in range(0, len(pages), 500):
            add_pages_in_bulk(parent, pages[start : start + 500])


def urls():
    return [
        ("home_de", "/de/"),
        ("home_en", "/en/"),
        ("standard_page", "/de/ueber-uns/"),
        ("standard_page_en", "/en/about-us/"),
        ("search", "/de/suche/?q=Haus"),
        ("sitemap", "/sitemap.xml"),
        ("api_pages", "/api/v3/pages/?limit=20"),
        ("not_found", "/de/gibt-es-nicht/"),
    ]
