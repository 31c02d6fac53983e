"""Demo content of the foundation: home page, content pages, settings, demo editor."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo_privacy import privacy_body
from home.groups import EDITORS, MODERATORS
from home.models import (
    FooterLegalLink,
    FooterSettings,
    FooterSocialLink,
    HomePage,
    NavigationItem,
    NavigationSettings,
    OrganisationSettings,
    StandardPage,
)
from home.site_setup import HOME_PAGE, HOME_SLUG, HOME_SLUG_EN
from portal.demo import ILLUSTRATION_CREDIT, T, pick
from portal.hooks import home_sections

# One demo login per role (demo only: load_demo_content refuses to run in production).
DEMO_EDITOR = {"username": "redaktion", "password": "westbahnhof-demo"}
DEMO_MODERATOR = {"username": "moderation", "password": "westbahnhof-demo"}
DEMO_ADMIN = {"username": "admin", "password": "westbahnhof-demo"}
DEMO_LOGINS = [
    # role, login, groups, administrator
    ("Redaktion (Seiten und Beiträge)", DEMO_EDITOR, [EDITORS], False),
    ("Moderation (Kommentare, Meldungen, Diskussionsregeln)", DEMO_MODERATOR, [MODERATORS], False),
    ("Administration (alles)", DEMO_ADMIN, [], True),
]


def contact(heading, **values):
    """A contact block with every field set: wagtail-localize cannot extract missing (None) texts."""
    block = {
        "heading": heading,
        "use_organisation_address": True,
        "contact_person": "",
        "phone": "",
        "email": "",
        "opening_hours": [],
        "note": "",
    }
    return block | values


# The demo dresses the home page that the site set-up made.
HOME = HOME_PAGE | {
    "header_image_credit": ILLUSTRATION_CREDIT,
    "hero_link_label": T("Mehr über uns", "More about us"),
    "header_image_alt": T(
        "Illustration: Zwei Musikerinnen auf der Bühne im Scheinwerferlicht, davor ein volles Haus",
        "Illustration: two musicians on stage in the spotlights, a full house in front of them",
    ),
    "search_description": T(
        "Soziokulturelles Zentrum in Landau in der Pfalz mit Saal, Seminarräumen und einem "
        "Programm aus Konzerten, Theater, Lesungen und Workshops.",
        "Socio-cultural centre in Landau in der Pfalz with a hall, seminar rooms and a "
        "programme of concerts, theatre, readings and workshops.",
    ),
}
HOME_BODY_PAIRS = {"Entdeckt das Haus": "Discover the house", HOME_SLUG: HOME_SLUG_EN}

PAGES = [
    {
        "slug": T("ueber-uns", "about-us"),
        "title": T("Über uns", "About us"),
        "intro": T(
            "Das Haus am Westbahnhof wird vom Verein Leben und Kultur e.V. getragen und lebt "
            "von vielen Menschen, die sich hier engagieren.",
            "Haus am Westbahnhof is run by the association Leben und Kultur e.V. and thrives "
            "on the many people who get involved here.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        "Ein Haus für Kultur und Begegnung", "A house for culture and encounters"
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                T(
                    "<p>Seit vielen Jahren holen wir Musik, Theater und Literatur in den Landauer "
                    "Westen. Unser Saal bietet Platz für rund 180 Gäste, mit Bühne, Licht- und "
                    "Tontechnik und einem Flügel.</p>",
                    "<p>For many years we have brought music, theatre and literature to the west "
                    "of Landau. Our hall seats about 180 guests, with a stage, lighting and sound "
                    "and a grand piano.</p>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Neben dem eigenen Programm sind wir Treffpunkt für Gruppen, Initiativen und "
                    "Vereine. Mit dem Kulturnetz Landau verbinden wir die freie Kulturszene der "
                    "Stadt und des Umlands.</p>",
                    "<p>Besides our own programme we are a meeting place for groups, initiatives "
                    "and associations. With the Kulturnetz Landau we connect the independent "
                    "cultural scene of the town and its surroundings.</p>",
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "Kultur braucht Räume, in denen man sich begegnen kann – und Menschen, die "
                        "sie mit Leben füllen.",
                        "Culture needs spaces where people can meet – and people who fill them "
                        "with life.",
                    ),
                    "attribution": T("Aus dem Vorstand", "From the board"),
                },
            ),
            ("heading", {"text": T("Mitmachen", "Get involved"), "level": "h2"}),
            (
                "paragraph",
                T(
                    "<p>Ob an der Theke, an der Technik oder in der Programmgruppe: Wir freuen uns "
                    "über jede helfende Hand. Schreibt uns einfach.</p>",
                    "<p>Behind the bar, at the mixing desk or in the programme group: we welcome "
                    "every helping hand. Just write to us.</p>",
                ),
            ),
            (
                "contact",
                contact(
                    T("So erreicht Ihr uns", "How to reach us"),
                    contact_person=T(
                        "Das Team vom Haus am Westbahnhof", "The team of Haus am Westbahnhof"
                    ),
                    opening_hours=[
                        {
                            "days": T("Dienstag bis Donnerstag", "Tuesday to Thursday"),
                            "hours": T("10 bis 14 Uhr", "10 am to 2 pm"),
                        },
                    ],
                    note=T(
                        "Bei Veranstaltungen öffnet die Abendkasse eine Stunde vor Beginn.",
                        "On event days the box office opens one hour before the start.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": T("raumvermietung", "room-hire"),
        "title": T("Raumvermietung", "Room hire"),
        "intro": T(
            "Ihr sucht einen Ort für Kurs, Probe, Feier oder Konzert? Unsere Räume könnt Ihr mieten.",
            "Looking for a place for a course, rehearsal, party or concert? You can hire our rooms.",
        ),
        "body": [
            ("heading", {"text": T("Der Saal", "The hall"), "level": "h2"}),
            (
                "paragraph",
                T(
                    "<p>Der Saal fasst rund 180 Gäste. Bühne, Licht- und Tontechnik sowie ein "
                    "Flügel sind vorhanden; auf Wunsch betreut jemand aus unserem Team die Technik.</p>",
                    "<p>The hall holds about 180 guests. A stage, lighting and sound equipment and "
                    "a grand piano are available; on request a member of our team looks after "
                    "the technology.</p>",
                ),
            ),
            ("heading", {"text": T("Zwei Seminarräume", "Two seminar rooms"), "level": "h2"}),
            (
                "paragraph",
                T(
                    "<p>Für Workshops, Sitzungen und Kurse vermieten wir zwei helle Seminarräume, "
                    "stunden- oder tageweise.</p>",
                    "<p>For workshops, meetings and courses we let two bright seminar rooms, by "
                    "the hour or by the day.</p>",
                ),
            ),
            (
                "table",
                {
                    "caption": T("Unsere Räume im Überblick", "Our rooms at a glance"),
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "data": [
                            [
                                T("Raum", "Room"),
                                T("Plätze", "Seats"),
                                T("Ausstattung", "Equipment"),
                            ],
                            [
                                T("Saal", "Hall"),
                                "180",
                                T("Bühne, Licht, Ton, Flügel", "Stage, lights, sound, grand piano"),
                            ],
                            [
                                T("Seminarraum 1", "Seminar room 1"),
                                "25",
                                T("Beamer, Flipchart", "Projector, flip chart"),
                            ],
                            [
                                T("Seminarraum 2", "Seminar room 2"),
                                "15",
                                T(
                                    "Tische und Stühle, Küchenzeile",
                                    "Tables and chairs, kitchenette",
                                ),
                            ],
                        ],
                    },
                },
            ),
            (
                "call_to_action",
                {
                    "heading": T("Raum anfragen", "Ask about a room"),
                    "text": T(
                        "Schreibt uns, wann Ihr welchen Raum braucht und was Ihr vorhabt. Wir melden uns innerhalb weniger Tage.",
                        "Tell us when you need which room and what you are planning. We will get back to you within a few days.",
                    ),
                    "link": {"page": None, "url": "mailto:raeume@haus-am-westbahnhof.de"},
                    "button_label": T("E-Mail schreiben", "Send an e-mail"),
                },
            ),
        ],
    },
    {
        "slug": T("impressum", "legal-notice"),
        "title": T("Impressum", "Legal notice"),
        "intro": T(
            "Angaben nach § 5 DDG.",
            "Information according to § 5 DDG (German Digital Services Act).",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Leben und Kultur e.V., Haus am Westbahnhof, Landau in der Pfalz.</p>",
                    "<p>Leben und Kultur e.V., Haus am Westbahnhof, Landau in der Pfalz.</p>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Der Verein wird vertreten durch seinen Vorstand. Verantwortlich für den "
                    "Inhalt dieser Website ist das Redaktionsteam des Hauses.</p>",
                    "<p>The association is represented by its board. The editorial team of the "
                    "house is responsible for the content of this website.</p>",
                ),
            ),
            ("contact", contact(T("Kontakt", "Contact"))),
        ],
    },
    {
        "slug": T("datenschutz", "privacy"),
        "title": T("Datenschutzerklärung", "Privacy policy"),
        "intro": T(
            "Wir erheben so wenige Daten wie möglich und geben sie nicht an Dritte weiter.",
            "We collect as little data as possible and do not pass it on to third parties.",
        ),
        # Written from the values the code uses (cookies, retention periods), when the demo
        # loads: each installed app adds what it keeps (portal.hooks.PERSONAL_DATA).
        "body": privacy_body,
    },
    {
        "slug": T("barrierefreiheit", "accessibility"),
        "title": T("Barrierefreiheit", "Accessibility"),
        "intro": T(
            "Unsere Website soll für alle gut nutzbar sein. Hier steht, wie weit wir sind.",
            "Our website should work well for everyone. Here is how far we have come.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "<p>Wir orientieren uns an den Richtlinien WCAG 2.1 in der Stufe AA. Jede Seite "
                    "lässt sich mit der Tastatur bedienen, Bilder haben Textbeschreibungen und "
                    "Farben sind kontrastreich gewählt.</p>",
                    "<p>We follow the WCAG 2.1 guidelines at level AA. Every page can be used with "
                    "a keyboard, images have text descriptions and colours are chosen with strong "
                    "contrast.</p>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Ist Euch eine Hürde aufgefallen? Sagt uns Bescheid, dann kümmern wir uns darum.</p>",
                    "<p>Have you come across a barrier? Let us know and we will take care of it.</p>",
                ),
            ),
            ("contact", contact(T("Hürde melden", "Report a barrier"))),
        ],
    },
]

ORGANISATION = {
    "name": "Haus am Westbahnhof",
    "legal_name": "Leben und Kultur e.V.",
    "street_address": "Am Westbahnhof",
    "postal_code": "76829",
    "locality": "Landau in der Pfalz",
    "region": "Rheinland-Pfalz",
    "country": "DE",
    "email": "info@haus-am-westbahnhof.de",
}


def _page_content(spec):
    return {
        key: value() if callable(value) else value for key, value in spec.items() if key != "slug"
    }


def load(demo):
    """Dress the home pages and add the content pages and settings if they are missing."""
    home = demo.home_de
    pages = {}
    for spec in PAGES:
        page, _created = demo.child(home, StandardPage, spec["slug"].de, _page_content(spec))
        pages[spec["slug"].de] = page
    demo.pages.update(pages)

    if home.hero_link_id is None:
        for field, value in pick(HOME, "de").items():
            setattr(home, field, value)
        home.header_image = demo.image("Bühne im Licht", seed=1, scene="concert")
        home.hero_link = pages["ueber-uns"]
        home.body = [
            (
                "featured_pages",
                {
                    "heading": "Entdeckt das Haus",
                    "pages": [
                        {"page": pages["ueber-uns"], "text": ""},
                        {"page": pages["raumvermietung"], "text": ""},
                    ],
                },
            ),
        ]
        home.save_revision().publish()
        home_en, missing = demo.translate(home, HOME, extra_pairs=HOME_BODY_PAIRS)
        demo.pages["home_en"] = home_en
        _report_missing(demo, home, missing)
        demo.log("  ~ HomePage")
    for spec in PAGES:
        page = pages[spec["slug"].de]
        if page.get_translation_or_none(demo.en) is None:
            _english, missing = demo.translate(page, _page_content(spec) | {"slug": spec["slug"]})
            _report_missing(demo, page, missing)

    _settings(demo, demo.site, pages)
    _demo_logins(demo)


def place_home_sections(demo):
    """Put every home section that asks for a place in the demo on both home pages, once.

    The German page gets them where their ``order`` puts them among its sections; the
    English page follows as its translation.
    """
    home = HomePage.objects.get(pk=demo.home_de.pk)
    sections = home_sections()
    placed = {block.value["section"] for block in home.body if block.block_type == "section"}
    missing = [key for key, section in sections.items() if section.demo and key not in placed]
    if not missing:
        return
    for key in missing:
        home.body.insert(
            _section_position(home.body, sections[key], sections),
            ("section", {"section": key, "heading": "", "count": 3}),
        )
        demo.log(f"  + Abschnitt {sections[key].label}")
    home.save_revision().publish()
    home_en, untranslated = demo.translate(home, HOME, extra_pairs=HOME_BODY_PAIRS)
    demo.pages["home_en"] = home_en
    _report_missing(demo, home, untranslated)


def _section_position(body, section, sections):
    """Before the first section that comes later on the scale of ``order``, else at the end."""
    for index, block in enumerate(body):
        other = sections.get(block.value["section"]) if block.block_type == "section" else None
        if other is not None and (other.order, other.key) > (section.order, section.key):
            return index
    return len(body)


def _report_missing(demo, page, missing):
    if missing:
        demo.log(f"  ! {page.title}: {len(missing)} Texte ohne Übersetzung: {missing[:3]}")


def _settings(demo, site, pages):
    organisation = OrganisationSettings.for_site(site)
    if not organisation.street_address:
        for field, value in ORGANISATION.items():
            setattr(organisation, field, value)
        organisation.save()

    navigation = NavigationSettings.for_site(site)
    if not navigation.items.exists():
        for order, slug in enumerate(["ueber-uns", "raumvermietung"]):
            NavigationItem.objects.create(setting=navigation, page=pages[slug], sort_order=order)

    footer = FooterSettings.for_site(site)
    if not footer.opening_hours:
        footer.opening_hours = (
            "Büro: Dienstag bis Donnerstag, 10–14 Uhr\nAbendkasse: 1 Stunde vor Beginn"
        )
        footer.opening_hours_en = (
            "Office: Tuesday to Thursday, 10 am – 2 pm\nBox office: 1 hour before the start"
        )
        footer.note = "Ein Haus des Vereins Leben und Kultur e.V."
        footer.note_en = "A house of the association Leben und Kultur e.V."
        footer.save()
        FooterSocialLink.objects.create(
            setting=footer,
            name="Mastodon",
            url="https://kulturnetz.social/@westbahnhof",
            sort_order=0,
        )
        for order, slug in enumerate(["impressum", "datenschutz", "barrierefreiheit"]):
            FooterLegalLink.objects.create(setting=footer, page=pages[slug], sort_order=order)


def add_to_main_menu(demo, page, label="", label_en=""):
    """Append ``page`` to the main menu once; an app's demo hands its entry to the menu here.

    ``label``/``label_en``: a shorter word than the page's title, so the menu fits one line."""
    navigation = NavigationSettings.for_site(demo.site)
    if navigation.items.filter(page=page).exists():
        return
    last = navigation.items.order_by("-sort_order").values_list("sort_order", flat=True).first()
    NavigationItem.objects.create(
        setting=navigation,
        page=page,
        label=label,
        label_en=label_en,
        sort_order=0 if last is None else last + 1,
    )
    demo.log(f"  + Menüpunkt {page.title}")


def _demo_logins(demo):
    User = get_user_model()
    for role, login, groups, administrator in DEMO_LOGINS:
        if not User.objects.filter(username=login["username"]).exists():
            user = User.objects.create_user(
                username=login["username"],
                password=login["password"],
                # Only the editor's login has an address: the demo sends no moderation mail to
                # made-up people.
                email="redaktion@example.org" if login is DEMO_EDITOR else "",
                first_name="Demo",
                last_name=role.split(" (")[0],
                is_staff=administrator,
                is_superuser=administrator,
            )
            user.groups.add(*Group.objects.filter(name__in=groups))
            demo.log(f"  + Demo-Zugang: {role}")
