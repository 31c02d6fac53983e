"""Actors and venues made in code for the directory tests (live, like the demo's)."""

from django.utils import timezone

from kulturnetz.models import (
    AccessibilityFeature,
    ActorIndexPage,
    ActorKind,
    ActorPage,
    Discipline,
    District,
    VenueIndexPage,
    VenuePage,
)


def _de(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def add_actor(title, kind="verein", disciplines=("musik",), district="nussdorf", **fields):
    index = ActorIndexPage.objects.get(locale__language_code="de")
    page = ActorPage(
        title=title,
        intro=fields.pop("intro", "Kultur zum Testen."),
        kind=_de(ActorKind, kind),
        district=_de(District, district) if district else None,
        live=True,
        first_published_at=fields.pop("first_published_at", timezone.now()),
        **fields,
    )
    page.disciplines = [_de(Discipline, slug) for slug in disciplines]
    index.add_child(instance=page)
    return page


def add_venue(title, district="nussdorf", accessibility=(), **fields):
    index = VenueIndexPage.objects.get(locale__language_code="de")
    page = VenuePage(
        title=title,
        intro=fields.pop("intro", "Ein Ort zum Testen."),
        district=_de(District, district) if district else None,
        live=True,
        first_published_at=timezone.now(),
        **fields,
    )
    page.accessibility = [_de(AccessibilityFeature, slug) for slug in accessibility]
    index.add_child(instance=page)
    return page
