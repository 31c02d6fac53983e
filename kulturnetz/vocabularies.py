"""The German vocabularies the Kulturnetz starts with (seeded by a migration, used by the demo).

Each entry: (slug, German name, English name[, extra fields]). Slugs are part of filter and
feed addresses, so they never change; the translation keys derive from them, so the same
entry has the same key in every database.
"""

import uuid

NAMESPACE = uuid.UUID("6f0c7a52-5d1e-4c55-9a3e-4b6f2f8f1a10")

EVENT_CATEGORIES = [
    ("ausstellung", "Ausstellung", "Exhibition"),
    ("exkursion", "Exkursion", "Excursion"),
    ("feste-feiern", "Feste & Feiern", "Festivals & celebrations"),
    ("gedenken", "Gedenken", "Remembrance"),
    ("junge-kultur", "Junge Kultur", "Youth culture"),
    ("kabarett-comedy", "Kabarett & Comedy", "Cabaret & comedy"),
    ("kino", "Kino", "Cinema"),
    ("konzert", "Konzert", "Concert"),
    ("kurse-workshops", "Kurse & Workshops", "Courses & workshops"),
    ("literatur", "Literatur", "Literature"),
    ("nachtleben", "Nachtleben", "Nightlife"),
    ("sonstiges", "Sonstiges", "Other"),
    ("tanz", "Tanz", "Dance"),
    ("theater", "Theater", "Theatre"),
    ("vortrag", "Vortrag", "Talk"),
]

DISCIPLINES = [
    ("musik", "Musik", "Music"),
    ("darstellende-kuenste", "Darstellende Künste", "Performing arts"),
    ("film-und-medien", "Film und Medien", "Film and media"),
    ("bildende-kuenste", "Bildende Künste", "Visual arts"),
    ("kulturelles-erbe", "Kulturelles Erbe", "Cultural heritage"),
    ("literatur", "Literatur", "Literature"),
    ("kleinkunst", "Kleinkunst", "Cabaret and variety"),
    ("kunsthandwerk", "Kunsthandwerk", "Arts and crafts"),
]

TOWN, LANDAU_LAND = "stadt", "landau-land"
# Landau's city centre first, then its districts; then villages of the Verbandsgemeinde.
DISTRICTS = [
    (
        "landau-innenstadt",
        "Landau-Innenstadt",
        "Landau city centre",
        {"area": TOWN, "sort_order": 0},
    ),
    ("arzheim", "Arzheim", "Arzheim", {"area": TOWN, "sort_order": 1}),
    ("dammheim", "Dammheim", "Dammheim", {"area": TOWN, "sort_order": 1}),
    ("godramstein", "Godramstein", "Godramstein", {"area": TOWN, "sort_order": 1}),
    ("moerlheim", "Mörlheim", "Mörlheim", {"area": TOWN, "sort_order": 1}),
    ("moerzheim", "Mörzheim", "Mörzheim", {"area": TOWN, "sort_order": 1}),
    ("nussdorf", "Nußdorf", "Nussdorf", {"area": TOWN, "sort_order": 1}),
    ("queichheim", "Queichheim", "Queichheim", {"area": TOWN, "sort_order": 1}),
    ("wollmesheim", "Wollmesheim", "Wollmesheim", {"area": TOWN, "sort_order": 1}),
    (
        "billigheim-ingenheim",
        "Billigheim-Ingenheim",
        "Billigheim-Ingenheim",
        {"area": LANDAU_LAND, "sort_order": 2},
    ),
    ("essingen", "Essingen", "Essingen", {"area": LANDAU_LAND, "sort_order": 2}),
    ("insheim", "Insheim", "Insheim", {"area": LANDAU_LAND, "sort_order": 2}),
    ("knoeringen", "Knöringen", "Knöringen", {"area": LANDAU_LAND, "sort_order": 2}),
    (
        "offenbach-an-der-queich",
        "Offenbach an der Queich",
        "Offenbach an der Queich",
        {"area": LANDAU_LAND, "sort_order": 2},
    ),
    ("ranschbach", "Ranschbach", "Ranschbach", {"area": LANDAU_LAND, "sort_order": 2}),
    ("siebeldingen", "Siebeldingen", "Siebeldingen", {"area": LANDAU_LAND, "sort_order": 2}),
]

ACTOR_KINDS = [
    ("kuenstlerin", "Künstler*in", "Artist", {"sort_order": 0}),
    ("gruppe-ensemble", "Gruppe/Ensemble", "Group/ensemble", {"sort_order": 1}),
    ("verein", "Verein", "Association", {"sort_order": 2}),
    ("institution", "Institution", "Institution", {"sort_order": 3}),
]

ACCESSIBILITY_FEATURES = [
    ("stufenloser-zugang", "Stufenloser Zugang", "Step-free access", {"sort_order": 0}),
    ("barrierefreies-wc", "Barrierefreies WC", "Accessible toilet", {"sort_order": 1}),
    ("hoeranlage", "Induktionsschleife/Höranlage", "Hearing loop", {"sort_order": 2}),
    ("rollstuhlplaetze", "Rollstuhlplätze", "Wheelchair spaces", {"sort_order": 3}),
    ("behindertenparkplatz", "Behindertenparkplatz", "Disabled parking", {"sort_order": 4}),
    ("gebaerdensprache", "Gebärdensprache", "Sign language", {"sort_order": 5}),
    ("leichte-sprache", "Leichte Sprache", "Easy-to-read language", {"sort_order": 6}),
]

# model name → entries
VOCABULARIES = {
    "EventCategory": EVENT_CATEGORIES,
    "Discipline": DISCIPLINES,
    "District": DISTRICTS,
    "ActorKind": ACTOR_KINDS,
    "AccessibilityFeature": ACCESSIBILITY_FEATURES,
}


def translation_key(model_name, slug):
    return uuid.uuid5(NAMESPACE, f"kulturnetz.{model_name.lower()}:{slug}")


def entries(model_name):
    """(slug, German name, English name, extra fields) of one vocabulary."""
    for entry in VOCABULARIES[model_name]:
        slug, german, english, *rest = entry
        yield slug, german, english, (rest[0] if rest else {})


def seed(get_model, locale, language="de"):
    """Create the missing entries of every vocabulary in ``locale`` (German or English names)."""
    for model_name in VOCABULARIES:
        model = get_model(model_name)
        existing = set(
            model.objects.filter(locale=locale).values_list("translation_key", flat=True)
        )
        taken = set(model.objects.filter(locale=locale).values_list("slug", flat=True))
        missing = []
        for slug, german, english, extra in entries(model_name):
            key = translation_key(model_name, slug)
            if key in existing:
                continue
            name = german if language == "de" else english
            # English slugs follow the English names; a clash keeps the German one.
            own_slug = slug if language == "de" else _slugify(english)
            if own_slug in taken:
                own_slug = slug
            taken.add(own_slug)
            missing.append(
                model(translation_key=key, locale=locale, name=name, slug=own_slug, **extra)
            )
        model.objects.bulk_create(missing)


def _slugify(text):
    from django.utils.text import slugify

    return slugify(text.replace("&", "and").replace("/", " "))
