"""Small builders for process pages beside the demo content."""

import datetime

from wagtail.models import Locale

from processes.models import ProcessOverviewPage, ProcessPage, StageChange
from tests.factories import german_home


def process_map(locale_code="de", slug="test-prozesse"):
    """A process map of its own for a test."""
    existing = ProcessOverviewPage.objects.filter(
        locale__language_code=locale_code, slug=slug
    ).first()
    if existing:
        return existing
    home = german_home()
    if locale_code != "de":
        home = home.get_translation(Locale.objects.get(language_code=locale_code))
    overview = ProcessOverviewPage(title="Unsere Prozesse", slug=slug, intro="Wo wir stehen.")
    home.add_child(instance=overview)
    overview.save_revision().publish()
    return overview


def process_page(title="Räume vermieten", slug=None, stage="functions", publish=True, **fields):
    fields.setdefault("intro", "Wie Gruppen einen Raum bei uns bekommen.")
    page = ProcessPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), live=publish, **fields
    )
    page.stage_changes.add(StageChange(stage=stage, date=datetime.date(2026, 3, 1)))
    process_map().add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def translate(page, language_code="en", publish=True, **fields):
    """A translation of ``page`` (and of its parents where missing), published."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    if publish:
        parent = translation.get_parent().specific
        if parent.alias_of_id is None and not parent.live:
            parent.save_revision().publish()
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation
