"""Benchmark data of the foundation: SCALE extra content pages beside the demo content."""

from home.models import HomePage, StandardPage
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
    for number in range(existing, scale):
        page = StandardPage(
            title=f"Rückblick {number + 1}",
            slug=f"rueckblick-{number + 1}",
            intro="Was im Haus los war.",
            body=[("heading", {"text": "Rückblick", "level": "h2"}), ("paragraph", paragraph)] * 3,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()


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
