"""The process pages' demo data: the centre's process map in the team's own words.

Every text is a ``T(german, english)`` pair. Stage dates are days relative to the day the demo
is loaded, so the roadmap always has steps now, next and later. References to requirements
(by identifier) and tools (by key) are resolved when the pages are built.
"""

from dataclasses import dataclass

from portal.demo import T
from processes.stages import Audience, ProcessKind, Stage


@dataclass(frozen=True)
class Req:
    """A requirement of the catalogue, named by its identifier in a page's body."""

    identifier: str


@dataclass(frozen=True)
class ToolRef:
    """A tool of the toolbox, named by its key in a page's body."""

    key: str


def p(*paragraphs):
    """Rich text of paragraphs, German and English given as T pairs."""
    return T(
        "".join(f"<p>{text.de}</p>" for text in paragraphs),
        "".join(f"<p>{text.en}</p>" for text in paragraphs),
    )


def heading(de, en, level="h2"):
    return ("heading", {"text": T(de, en), "level": level})


def paragraph(*paragraphs):
    return ("paragraph", p(*paragraphs))


def function(name, purpose, roles, trigger, result, frequency, pain_points):
    return (
        "function",
        {
            "name": name,
            "purpose": purpose,
            "roles": roles,
            "trigger": trigger,
            "result": result,
            "frequency": frequency,
            "pain_points": pain_points,
        },
    )


def steps(title, *items):
    return (
        "steps",
        {
            "heading": title,
            "steps": [{"who": who, "what": what} for who, what in items],
            "diagram": None,
            "diagram_alt": "",
        },
    )


def current_target(topic, current, target):
    return ("current_target", {"topic": topic, "current": current, "target": target})


def requirements(title, *identifiers):
    return ("requirements", {"heading": title, "requirements": [Req(i) for i in identifiers]})


def option(tool=None, name="", scores=(), knockout="", chosen=False):
    return {
        "tool": ToolRef(tool) if tool else None,
        "name": name,
        "scores": list(scores),
        "knockout": knockout,
        "chosen": chosen,
    }


def decision(question, knockout_criteria, criteria, options, rationale):
    return (
        "tool_decision",
        {
            "question": question,
            "knockout_criteria": knockout_criteria,
            "criteria": [{"name": name, "weight": weight} for name, weight in criteria],
            "options": options,
            "rationale": rationale,
        },
    )


def outcome(measure, unit, before, after, note):
    return (
        "outcome",
        {"measure": measure, "unit": unit, "before": before, "after": after, "note": note},
    )


def voices(title, *quotes):
    return (
        "voices",
        {
            "heading": title,
            "voices": [{"text": text, "attribution": who} for text, who in quotes],
        },
    )


VOICES_HEADING = T("Stimmen aus dem Haus", "Voices from the house")
REQUIREMENTS_HEADING = T("Was die Lösung können muss", "What the solution must do")

# The process map and its two lists.
OVERVIEW_SLUG = T("prozesse", "processes")
OVERVIEW = {
    "title": T("Prozesslandkarte", "Process map"),
    "intro": T(
        "Hier zeigen wir Euch, wie wir im Haus am Westbahnhof arbeiten: Ablauf für Ablauf, "
        "wie weit wir mit jedem sind und was als Nächstes kommt. Wir teilen das offen, damit "
        "Ihr mitreden könnt und andere Häuser von unseren Umwegen lernen.",
        "Here we show you how we work at Haus am Westbahnhof: process by process, how far we "
        "have got with each one and what comes next. We share it openly so that you can have "
        "your say and other houses can learn from our detours.",
    ),
    "search_description": T(
        "Die Prozesslandkarte des Hauses am Westbahnhof in Landau: unsere Abläufe, ihre "
        "Anforderungen und die Werkzeuge, die wir dafür gewählt haben.",
        "The process map of Haus am Westbahnhof in Landau: our processes, their requirements "
        "and the tools we chose for them.",
    ),
    "header_image_alt": T(
        "Illustration: Menschen an einem Tisch voller Zettel, an der Wand eine große Karte "
        "mit Pfeilen",
        "Illustration: people at a table full of notes, a large map with arrows on the wall",
    ),
    "method": [
        heading(
            "Erst die Funktionen, dann die Anforderungen, dann die Werkzeuge",
            "Functions first, then requirements, then tools",
        ),
        paragraph(
            T(
                "Lange haben wir es andersherum gemacht: Ein Programm sah praktisch aus, also "
                "haben wir es eingeführt, und erst im Alltag gemerkt, dass es nicht zu unserer "
                "Arbeit passt. Deshalb gehen wir jetzt mit externer Begleitung jeden Ablauf in "
                "drei Schritten durch.",
                "For a long time we did it the other way round: a program looked handy, so we "
                "introduced it, and only noticed in everyday work that it did not fit the way "
                "we work. So now, with outside support, we go through every process in three "
                "steps.",
            ),
            T(
                "Zuerst beschreiben wir die Funktionen eines Ablaufs, als Hauptwort und "
                "Tätigkeit: „Raumanfrage beantworten“, „Eintritt kassieren“. Wir halten fest, "
                "wer beteiligt ist, was sie auslöst, was am Ende stehen soll und was heute hakt.",
                "First we describe the functions of a process, as a noun and an activity: "
                "“answer room enquiries”, “take admission”. We note who is involved, what "
                "triggers it, what should come out of it and what gets stuck today.",
            ),
            T(
                "Erst wenn die Funktionen stehen, schreiben wir Anforderungen auf, jede mit "
                "Kennung und Priorität: Muss, Soll, Kann oder diesmal nicht. Und erst dann "
                "schauen wir uns Werkzeuge an: Was ein Muss nicht erfüllt, scheidet aus, den "
                "Rest bewerten wir nach gewichteten Kriterien.",
                "Only when the functions are settled do we write down requirements, each with "
                "an identifier and a priority: must, should, could or not this time. And only "
                "then do we look at tools: whatever fails a must is out, the rest we score "
                "against weighted criteria.",
            ),
        ),
        heading("Drei Sichten auf jeden Ablauf", "Three views of every process"),
        paragraph(
            T(
                "Technik: Welche Geräte, Programme und Daten spielen mit? Funktion: Was muss "
                "passieren, damit der Ablauf gelingt? Kultur: Wie arbeiten wir zusammen, und "
                "was ist den Menschen wichtig, hauptamtlich wie ehrenamtlich?",
                "Technology: which devices, programs and data are involved? Function: what has "
                "to happen for the process to succeed? Culture: how do we work together, and "
                "what matters to the people involved, staff and volunteers alike?",
            ),
            T(
                "Die dritte Sicht ist uns die wichtigste. Ein Werkzeug, das die Hälfte des "
                "Teams nicht öffnen mag, hilft niemandem, so gut es auf dem Papier auch ist.",
                "The third view matters most to us. A tool that half of the team does not want "
                "to open helps nobody, however good it looks on paper.",
            ),
        ),
        heading("Sieben Stufen", "Seven stages"),
        paragraph(
            T(
                "Jeder Ablauf geht durch dieselben Stufen: analysiert, Funktionen beschrieben, "
                "Anforderungen festgelegt, Plattform gewählt, Pilotbetrieb, in Nutzung und "
                "überprüft. Auf dieser Seite seht Ihr, wo jeder Ablauf steht und was wir als "
                "Nächstes vorhaben. Fragen und Hinweise könnt Ihr unter jedem Ablauf loswerden.",
                "Every process goes through the same stages: analysed, functions defined, "
                "requirements defined, platform chosen, pilot, in use and reviewed. On this "
                "page you can see where each process stands and what we plan next. You can "
                "leave questions and hints below every process.",
            ),
        ),
    ],
}

CATALOGUE_SLUG = T("anforderungen", "requirements")
CATALOGUE = {
    "title": T("Anforderungskatalog", "Requirements catalogue"),
    "intro": T(
        "Alle Anforderungen aus unseren Abläufen an einem Ort: was eine Lösung können muss, "
        "wie wichtig es uns ist und ob es schon erfüllt ist. Filtert nach Ablauf, Art, "
        "Priorität oder Stand, oder ladet die Liste als Tabelle herunter.",
        "Every requirement from our processes in one place: what a solution must do, how "
        "important it is to us and whether it is met yet. Filter by process, kind, priority or "
        "status, or download the list as a spreadsheet.",
    ),
    "search_description": T(
        "Der Anforderungskatalog des Hauses am Westbahnhof: Anforderungen an digitale "
        "Werkzeuge, priorisiert nach Muss, Soll, Kann.",
        "The requirements catalogue of Haus am Westbahnhof: requirements for digital tools, "
        "prioritised as must, should, could.",
    ),
}

TOOLBOX_SLUG = T("werkzeugkasten", "toolbox")
TOOLBOX = {
    "title": T("Werkzeugkasten", "Toolbox"),
    "intro": T(
        "Die Werkzeuge, die wir geprüft, gewählt oder verworfen haben: was sie kosten, wo "
        "die Daten liegen, ob sie offen sind und welche unserer Anforderungen sie erfüllen.",
        "The tools we have examined, chosen or dropped: what they cost, where the data is "
        "kept, whether they are open and which of our requirements they meet.",
    ),
    "search_description": T(
        "Welche digitalen Werkzeuge das Haus am Westbahnhof nutzt, und warum.",
        "Which digital tools Haus am Westbahnhof uses, and why.",
    ),
}

# Function names: on the process pages and as the origin of each requirement.
F = {
    "rb_answer": T("Raumanfrage beantworten", "Answer room enquiries"),
    "rb_plan": T("Belegung planen", "Plan room occupancy"),
    "rb_contract": T("Mietvertrag abschließen", "Conclude the rental agreement"),
    "rb_handover": T("Raum übergeben", "Hand over the room"),
    "ik_dates": T("Termine abstimmen", "Agree on dates"),
    "ik_share": T("Informationen teilen", "Share information"),
    "ik_shifts": T("Schichten verteilen", "Assign shifts"),
    "kb_approach": T("Künstler anfragen", "Approach artists"),
    "kb_record": T("Vereinbarung festhalten", "Record the agreement"),
    "kb_tech": T("Technik abstimmen", "Coordinate technical needs"),
    "va_plan": T("Abend planen", "Plan an evening"),
    "va_helpers": T("Helfende einteilen", "Schedule helpers"),
    "va_follow": T("Abend nachbereiten", "Follow up an evening"),
    "za_admission": T("Eintritt kassieren", "Take admission"),
    "za_rent": T("Miete abrechnen", "Invoice rent"),
    "za_close": T("Kasse abschließen", "Close the till"),
}

FUNCTIONAL = "functional"
DATA_PROTECTION = "data_protection"
ACCESSIBILITY = "accessibility"
COST = "cost"
OPERATION = "operation"
VOLUNTEERS = "volunteers"
MUST, SHOULD, COULD, WONT = "must", "should", "could", "wont"
OPEN, AGREED, MET, NOT_MET, DROPPED = "open", "agreed", "met", "not_met", "dropped"

# identifier, process key, function key, kind, priority, status, statement, acceptance
REQUIREMENTS = [
    # Room booking (in use)
    (
        "RB-01",
        "rb",
        "rb_answer",
        FUNCTIONAL,
        MUST,
        MET,
        T(
            "Das Büro sieht die Belegung aller drei Räume in einem einzigen Kalender.",
            "The office sees the bookings of all three rooms in one single calendar.",
        ),
        T(
            "Eine Anfrage lässt sich ohne Rückfrage beim Hausmeister beantworten.",
            "An enquiry can be answered without asking the caretaker.",
        ),
    ),
    (
        "RB-02",
        "rb",
        "rb_answer",
        FUNCTIONAL,
        SHOULD,
        MET,
        T(
            "Gruppen sehen freie Zeiten, ohne anzurufen.",
            "Groups see free slots without having to call.",
        ),
        T(
            "Eine öffentliche Ansicht zeigt belegt und frei, aber keine Namen.",
            "A public view shows booked and free, but no names.",
        ),
    ),
    (
        "RB-03",
        "rb",
        "rb_plan",
        FUNCTIONAL,
        MUST,
        MET,
        T(
            "Wiederkehrende Termine (z. B. jeden Donnerstag) lassen sich in einem Schritt eintragen.",
            "Recurring dates (e.g. every Thursday) can be entered in one step.",
        ),
        T(
            "Ein Halbjahr Chorprobe ist in unter einer Minute eingetragen.",
            "Half a year of choir rehearsals is entered in under a minute.",
        ),
    ),
    (
        "RB-04",
        "rb",
        "rb_plan",
        OPERATION,
        SHOULD,
        MET,
        T(
            "Der Hausmeister bekommt Auf- und Abbauzeiten automatisch mitgeteilt.",
            "The caretaker is told set-up and clear-down times automatically.",
        ),
        T(
            "Jede Buchung mit Aufbau erscheint in seinem Kalender auf dem Telefon.",
            "Every booking with set-up appears in his calendar on his phone.",
        ),
    ),
    (
        "RB-05",
        "rb",
        "rb_answer",
        DATA_PROTECTION,
        MUST,
        MET,
        T(
            "Die Daten der Mietenden liegen auf Servern in der EU.",
            "The data of the people who hire rooms is kept on servers in the EU.",
        ),
        T(
            "Der Auftragsverarbeitungsvertrag nennt einen Serverstandort in der EU.",
            "The data processing agreement names a server location in the EU.",
        ),
    ),
    (
        "RB-06",
        "rb",
        "rb_contract",
        COST,
        SHOULD,
        MET,
        T(
            "Die Lösung kostet im Jahr nicht mehr als eine Saalmiete.",
            "The solution costs no more a year than hiring the hall once.",
        ),
        T("Die Jahreskosten liegen unter 300 €.", "The yearly cost is below 300 €."),
    ),
    (
        "RB-07",
        "rb",
        "rb_answer",
        FUNCTIONAL,
        COULD,
        NOT_MET,
        T(
            "Gruppen buchen einen freien Seminarraum selbst, ohne Bestätigung durch das Büro.",
            "Groups book a free seminar room themselves, without confirmation by the office.",
        ),
        T(
            "Eine Buchung von außen steht ohne Zutun des Büros im Kalender.",
            "A booking from outside appears in the calendar without the office doing anything.",
        ),
    ),
    (
        "RB-08",
        "rb",
        "rb_contract",
        FUNCTIONAL,
        WONT,
        DROPPED,
        T(
            "Die Miete wird schon bei der Buchung online bezahlt.",
            "The rent is paid online at the time of booking.",
        ),
        T("", ""),
    ),
    (
        "RB-09",
        "rb",
        "rb_handover",
        VOLUNTEERS,
        MUST,
        MET,
        T(
            "Wer abends einen Raum übergibt, findet Schlüssel- und Technikinfos ohne Anmeldung am Computer.",
            "Whoever hands over a room in the evening finds key and equipment notes without logging in at a computer.",
        ),
        T(
            "Ein ausgedruckter Wochenplan und eine Ansicht auf dem Telefon reichen aus.",
            "A printed weekly plan and a view on the phone are enough.",
        ),
    ),
    # Internal communication and collaboration (platform chosen, pilot ahead)
    (
        "IK-01",
        "ik",
        "ik_share",
        FUNCTIONAL,
        MUST,
        AGREED,
        T(
            "Es gibt einen Ort, an dem alle aktuellen Absprachen zu finden sind.",
            "There is one place where all current arrangements can be found.",
        ),
        T(
            "Neue Ehrenamtliche finden die Hausregeln in unter zwei Minuten.",
            "New volunteers find the house rules in under two minutes.",
        ),
    ),
    (
        "IK-02",
        "ik",
        "ik_share",
        DATA_PROTECTION,
        MUST,
        AGREED,
        T(
            "Chats und Dateien liegen bei einem Anbieter mit Sitz und Servern in der EU.",
            "Chats and files are kept by a provider with its seat and servers in the EU.",
        ),
        T(
            "Vertrag und Serverstandort sind geprüft und abgelegt.",
            "Contract and server location have been checked and filed.",
        ),
    ),
    (
        "IK-03",
        "ik",
        "ik_shifts",
        VOLUNTEERS,
        MUST,
        AGREED,
        T(
            "Ehrenamtliche tragen sich mit dem Telefon für Schichten ein, ohne ein Programm zu installieren.",
            "Volunteers sign up for shifts on their phone without installing an app.",
        ),
        T(
            "Drei Ehrenamtliche über 60 schaffen es beim ersten Versuch allein.",
            "Three volunteers over 60 manage it alone at the first attempt.",
        ),
    ),
    (
        "IK-04",
        "ik",
        "ik_dates",
        FUNCTIONAL,
        SHOULD,
        AGREED,
        T(
            "Teamtermine lassen sich mit einer Umfrage abstimmen, auch mit Leuten ohne Zugang.",
            "Team dates can be agreed with a poll, including people without an account.",
        ),
        T(
            "Eine Umfrage per Link funktioniert ohne Anmeldung.",
            "A poll via a link works without logging in.",
        ),
    ),
    (
        "IK-05",
        "ik",
        "ik_share",
        ACCESSIBILITY,
        SHOULD,
        AGREED,
        T(
            "Die Oberfläche lässt sich mit Bildschirmleser und großer Schrift bedienen.",
            "The interface works with a screen reader and large text.",
        ),
        T(
            "Ein Test mit dem Bildschirmleser eines Teammitglieds verläuft ohne Hilfe.",
            "A test with a team member's screen reader runs without help.",
        ),
    ),
    (
        "IK-06",
        "ik",
        "ik_share",
        OPERATION,
        COULD,
        OPEN,
        T(
            "Der Dienst läuft ohne eigene Serverpflege durch uns.",
            "The service runs without us maintaining a server ourselves.",
        ),
        T("Updates übernimmt der Anbieter.", "The provider takes care of updates."),
    ),
    (
        "IK-07",
        "ik",
        "ik_dates",
        COST,
        MUST,
        AGREED,
        T(
            "Alle Ehrenamtlichen können mitmachen, ohne dass die Kosten je Person steigen.",
            "All volunteers can take part without the cost rising per person.",
        ),
        T(
            "Der Preis hängt nicht von der Zahl der Zugänge ab.",
            "The price does not depend on the number of accounts.",
        ),
    ),
    # Booking of artists (requirements defined, tie between two tools)
    (
        "KB-01",
        "kb",
        "kb_approach",
        FUNCTIONAL,
        MUST,
        AGREED,
        T(
            "Alle Kontakte zu Künstlerinnen und Künstlern liegen an einem Ort, mit Verlauf der Gespräche.",
            "All contacts with artists are kept in one place, with the history of the conversations.",
        ),
        T(
            "Wer eine Anfrage übernimmt, sieht, was zuletzt besprochen wurde.",
            "Whoever takes over an enquiry sees what was discussed last.",
        ),
    ),
    (
        "KB-02",
        "kb",
        "kb_record",
        FUNCTIONAL,
        MUST,
        AGREED,
        T(
            "Gage, Termin und Absprachen stehen in einer festen Vorlage.",
            "Fee, date and arrangements are recorded in a fixed template.",
        ),
        T(
            "Jede Zusage hat eine ausgefüllte Vereinbarung.",
            "Every confirmed booking has a completed agreement.",
        ),
    ),
    (
        "KB-03",
        "kb",
        "kb_tech",
        FUNCTIONAL,
        SHOULD,
        AGREED,
        T(
            "Technik-Rider, Zeitplan und Ansprechperson hängen an der Buchung.",
            "The technical rider, schedule and contact person are attached to the booking.",
        ),
        T(
            "Die Technik findet am Abend alles an einer Stelle.",
            "The technician finds everything in one place on the evening.",
        ),
    ),
    (
        "KB-04",
        "kb",
        "kb_record",
        DATA_PROTECTION,
        MUST,
        AGREED,
        T(
            "Kontaktdaten werden nach zwei Jahren ohne Buchung gelöscht.",
            "Contact details are deleted after two years without a booking.",
        ),
        T(
            "Die Löschung lässt sich einstellen oder als Liste abrufen.",
            "Deletion can be configured or retrieved as a list.",
        ),
    ),
    (
        "KB-05",
        "kb",
        "kb_approach",
        COST,
        SHOULD,
        AGREED,
        T(
            "Die laufenden Kosten bleiben unter 30 € im Monat.",
            "The running costs stay below 30 € a month.",
        ),
        T("", ""),
    ),
    (
        "KB-06",
        "kb",
        "kb_approach",
        VOLUNTEERS,
        COULD,
        OPEN,
        T(
            "Die Programmgruppe kann Vorschläge für Künstlerinnen und Künstler selbst eintragen.",
            "The programme group can enter suggestions for artists themselves.",
        ),
        T("", ""),
    ),
    # Event management (functions defined, requirements being drafted)
    (
        "VA-01",
        "va",
        "va_plan",
        FUNCTIONAL,
        MUST,
        OPEN,
        T(
            "Ein Abend hat eine Checkliste, die von der Zusage bis zum Abbau reicht.",
            "An evening has a checklist that runs from confirmation to clear-down.",
        ),
        T("", ""),
    ),
    (
        "VA-02",
        "va",
        "va_helpers",
        VOLUNTEERS,
        MUST,
        OPEN,
        T(
            "Helfende sehen ihre Aufgabe für den Abend auf einen Blick.",
            "Helpers see their task for the evening at a glance.",
        ),
        T("", ""),
    ),
    (
        "VA-03",
        "va",
        "va_follow",
        FUNCTIONAL,
        SHOULD,
        OPEN,
        T(
            "Besucherzahl und Rückmeldungen werden nach jedem Abend kurz festgehalten.",
            "The number of visitors and feedback are briefly recorded after every evening.",
        ),
        T("", ""),
    ),
    (
        "VA-04",
        "va",
        "va_plan",
        ACCESSIBILITY,
        SHOULD,
        OPEN,
        T(
            "Zu jedem Abend halten wir fest, wie barrierefrei er ist (Rollstuhlplätze, Höranlage, Gebärdensprache).",
            "For every evening we note how accessible it is (wheelchair spaces, hearing loop, sign language).",
        ),
        T("", ""),
    ),
    # Payment (requirements defined, platform decision open with a missing score)
    (
        "ZA-01",
        "za",
        "za_admission",
        FUNCTIONAL,
        MUST,
        AGREED,
        T(
            "Barzahlung an der Abendkasse bleibt möglich.",
            "Paying cash at the box office remains possible.",
        ),
        T(
            "Kein Abend ohne Abendkasse mit Bargeld.",
            "No evening without a box office that takes cash.",
        ),
    ),
    (
        "ZA-02",
        "za",
        "za_admission",
        FUNCTIONAL,
        SHOULD,
        AGREED,
        T(
            "Karten lassen sich vorab online kaufen, auch ermäßigt.",
            "Tickets can be bought online in advance, including reduced ones.",
        ),
        T(
            "Ermäßigte Karten werden am Einlass geprüft, nicht beim Kauf.",
            "Reduced tickets are checked at the door, not when buying.",
        ),
    ),
    (
        "ZA-03",
        "za",
        "za_admission",
        DATA_PROTECTION,
        MUST,
        AGREED,
        T(
            "Für den Kartenkauf reicht eine E-Mail-Adresse; kein Konto, keine Werbung ohne Einwilligung.",
            "An e-mail address is enough to buy a ticket; no account, no advertising without consent.",
        ),
        T("", ""),
    ),
    (
        "ZA-04",
        "za",
        "za_admission",
        COST,
        MUST,
        AGREED,
        T(
            "Die Gebühren je Karte sind fest und vorher bekannt.",
            "The fees per ticket are fixed and known in advance.",
        ),
        T("", ""),
    ),
    (
        "ZA-05",
        "za",
        "za_close",
        OPERATION,
        SHOULD,
        AGREED,
        T(
            "Der Kassenabschluss eines Abends ist in zehn Minuten erledigt.",
            "Closing the till after an evening takes ten minutes.",
        ),
        T(
            "Abendkasse und Vorverkauf stehen in einer Liste.",
            "Box office and advance sales appear in one list.",
        ),
    ),
    (
        "ZA-06",
        "za",
        "za_rent",
        FUNCTIONAL,
        COULD,
        OPEN,
        T(
            "Rechnungen für Raummieten entstehen aus der Buchung, ohne Abtippen.",
            "Invoices for room hire are created from the booking, without retyping.",
        ),
        T("", ""),
    ),
    (
        "ZA-07",
        "za",
        "za_admission",
        ACCESSIBILITY,
        MUST,
        AGREED,
        T(
            "Der Online-Kauf lässt sich vollständig mit der Tastatur erledigen.",
            "The online purchase can be completed with the keyboard alone.",
        ),
        T("Ein Testkauf ohne Maus gelingt.", "A test purchase without a mouse succeeds."),
    ),
    (
        "ZA-08",
        "za",
        "za_admission",
        FUNCTIONAL,
        WONT,
        DROPPED,
        T("Bezahlen mit Kryptowährung.", "Paying with cryptocurrency."),
        T("", ""),
    ),
]

# key, name, website, open source, licence, EU, status, category, hosting, cost,
# data protection, requirements met
TOOLS = [
    {
        "key": "nextcloud",
        "name": "Nextcloud Hub",
        "website": "https://nextcloud.com",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "in_use",
        "category": T("Zusammenarbeit und Kalender", "Collaboration and calendar"),
        "hosting": T("bei einem Hoster in Deutschland", "at a hosting company in Germany"),
        "cost": T("etwa 10 € im Monat für alle", "about 10 € a month for everyone"),
        "data_protection": T(
            "Vertrag zur Auftragsverarbeitung mit dem Hoster; Server in Deutschland.",
            "Data processing agreement with the hosting company; servers in Germany.",
        ),
        "meets": [
            "RB-01",
            "RB-02",
            "RB-03",
            "RB-04",
            "RB-05",
            "RB-06",
            "RB-09",
            "IK-01",
            "IK-02",
            "IK-04",
            "IK-07",
        ],
    },
    {
        "key": "element",
        "name": "Element (Matrix)",
        "website": "https://element.io",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Chat", "Chat"),
        "hosting": T("bei einem Matrix-Anbieter in der EU", "with a Matrix provider in the EU"),
        "cost": T("0 € bis 5 € im Monat", "0 € to 5 € a month"),
        "data_protection": T(
            "Verschlüsselt; der Anbieter sitzt in der EU.",
            "Encrypted; the provider is based in the EU.",
        ),
        "meets": ["IK-02", "IK-06", "IK-07"],
    },
    {
        "key": "messenger",
        "name": T("Messenger-Gruppen", "Messenger groups"),
        "website": "",
        "open_source": False,
        "licence": T("proprietär", "proprietary"),
        "hosted_in_eu": False,
        "status": "dropped",
        "category": T("Chat", "Chat"),
        "hosting": T("beim Anbieter, außerhalb der EU", "with the provider, outside the EU"),
        "cost": T("0 €", "0 €"),
        "data_protection": T(
            "Telefonnummern aller Ehrenamtlichen sind für alle sichtbar; Daten liegen außerhalb "
            "der EU.",
            "Every volunteer's phone number is visible to everyone; data is kept outside the EU.",
        ),
        "meets": ["IK-03"],
    },
    {
        "key": "cryptpad",
        "name": "CryptPad",
        "website": "https://cryptpad.org",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Gemeinsame Dokumente", "Shared documents"),
        "hosting": T("öffentliche Instanz in Frankreich", "public instance in France"),
        "cost": T("0 € (Spenden erwünscht)", "0 € (donations welcome)"),
        "data_protection": T(
            "Ende-zu-Ende-verschlüsselt; ohne Konto nutzbar.",
            "End-to-end encrypted; usable without an account.",
        ),
        "meets": ["IK-04", "IK-06"],
    },
    {
        "key": "easyappointments",
        "name": "Easy!Appointments",
        "website": "https://easyappointments.org",
        "open_source": True,
        "licence": "GPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Terminbuchung", "Appointment booking"),
        "hosting": T("selbst, auf dem Vereinsserver", "ourselves, on the association's server"),
        "cost": T("0 € (plus unsere Zeit für Updates)", "0 € (plus our time for updates)"),
        "data_protection": T(
            "Daten bleiben bei uns; wir müssten Updates selbst einspielen.",
            "Data stays with us; we would have to install updates ourselves.",
        ),
        "meets": ["RB-02", "RB-05", "RB-06", "RB-07"],
    },
    {
        "key": "civicrm",
        "name": "CiviCRM",
        "website": "https://civicrm.org",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Kontaktverwaltung", "Contact management"),
        "hosting": T(
            "bei einem spezialisierten Hoster in Deutschland",
            "with a specialised hosting company in Germany",
        ),
        "cost": T("etwa 25 € im Monat", "about 25 € a month"),
        "data_protection": T(
            "Löschfristen lassen sich einstellen; Vertrag zur Auftragsverarbeitung möglich.",
            "Retention periods can be configured; a data processing agreement is available.",
        ),
        "meets": ["KB-01", "KB-02", "KB-04", "KB-05"],
    },
    {
        "key": "deck",
        "name": "Nextcloud Deck",
        "website": "https://apps.nextcloud.com/apps/deck",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Aufgabentafeln", "Task boards"),
        "hosting": T("in unserer Nextcloud", "in our Nextcloud"),
        "cost": T("0 € (in Nextcloud enthalten)", "0 € (included in Nextcloud)"),
        "data_protection": T(
            "Läuft in unserer bestehenden Nextcloud, kein neuer Anbieter.",
            "Runs in our existing Nextcloud, no new provider.",
        ),
        "meets": ["KB-02", "KB-03", "KB-05", "KB-06"],
    },
    {
        "key": "pretix",
        "name": "pretix",
        "website": "https://pretix.eu",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "chosen",
        "category": T("Ticketverkauf", "Ticket sales"),
        "hosting": T("gehostet beim Hersteller in Deutschland", "hosted by the maker in Germany"),
        "cost": T("Gebühr je verkaufter Karte", "a fee per ticket sold"),
        "data_protection": T(
            "Kauf ohne Konto möglich; Vertrag zur Auftragsverarbeitung liegt vor.",
            "Buying without an account is possible; a data processing agreement is in place.",
        ),
        "meets": ["ZA-02", "ZA-03", "ZA-04", "ZA-05", "ZA-07"],
    },
    {
        "key": "listmonk",
        "name": "listmonk",
        "website": "https://listmonk.app",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "evaluated",
        "category": T("Newsletter", "Newsletter"),
        "hosting": T("selbst, auf dem Vereinsserver", "ourselves, on the association's server"),
        "cost": T("0 € (plus Versanddienst)", "0 € (plus a sending service)"),
        "data_protection": T(
            "Adressen bleiben bei uns; Double-Opt-in eingebaut.",
            "Addresses stay with us; double opt-in built in.",
        ),
        "meets": [],
    },
    {
        "key": "mastodon",
        "name": "Mastodon",
        "website": "https://joinmastodon.org",
        "open_source": True,
        "licence": "AGPL-3.0",
        "hosted_in_eu": True,
        "status": "in_use",
        "category": T("Soziale Medien", "Social media"),
        "hosting": T("auf kulturnetz.social", "on kulturnetz.social"),
        "cost": T("0 €", "0 €"),
        "data_protection": T(
            "Kein Tracking, keine Werbung; die Instanz betreibt ein Verein.",
            "No tracking, no advertising; the instance is run by an association.",
        ),
        "meets": [],
    },
    {
        "key": "spreadsheet",
        "name": "LibreOffice Calc",
        "website": "https://www.libreoffice.org",
        "open_source": True,
        "licence": "MPL-2.0",
        "hosted_in_eu": True,
        "status": "in_use",
        "category": T("Tabellen", "Spreadsheets"),
        "hosting": T("auf den Bürorechnern", "on the office computers"),
        "cost": T("0 €", "0 €"),
        "data_protection": T(
            "Die Dateien liegen auf dem Bürorechner; Kopien wandern per E-Mail.",
            "The files are on the office computer; copies travel by e-mail.",
        ),
        "meets": ["KB-05"],
    },
]

# Stages: (stage, days from today, note). Future dates are planned steps.
PROCESSES = [
    {
        "key": "rb",
        "slug": T("raumbuchung", "room-booking"),
        "title": T("Raumbuchung", "Room booking"),
        "kind": ProcessKind.CORE,
        "audience": Audience.EXTERNAL,
        "responsible_role": T("Büroleitung", "Office management"),
        "intro": T(
            "Wie Gruppen, Vereine und Privatleute unsere Räume anfragen und mieten: vom "
            "ersten Anruf bis zur Schlüsselübergabe. Unser erster Ablauf, der den ganzen Weg "
            "bis in den Alltag gegangen ist.",
            "How groups, associations and private people ask for and hire our rooms: from the "
            "first call to handing over the keys. Our first process to have gone all the way "
            "into everyday use.",
        ),
        "stages": [
            (
                Stage.ANALYSED,
                -400,
                T(
                    "Workshop mit Büro, Hausmeister und zwei Mietgruppen",
                    "Workshop with the office, the caretaker and two groups who hire rooms",
                ),
            ),
            (Stage.FUNCTIONS, -340, T("", "")),
            (
                Stage.REQUIREMENTS,
                -280,
                T("Neun Anforderungen, davon vier Muss", "Nine requirements, four of them musts"),
            ),
            (Stage.PLATFORM, -220, T("Raumkalender in Nextcloud", "Room calendar in Nextcloud")),
            (
                Stage.PILOT,
                -170,
                T("Zwei Monate mit dem Seminarraum 1", "Two months with seminar room 1"),
            ),
            (Stage.IN_USE, -110, T("Alle drei Räume", "All three rooms")),
        ],
        "view_technology": p(
            T(
                "Vorher stand die Belegung in einem Papierkalender am Tresen, in einer Tabelle "
                "auf dem Bürorechner und im Kopf des Hausmeisters. Heute gibt es einen "
                "Raumkalender in unserer Nextcloud, den alle auf dem Telefon sehen.",
                "Before, the bookings were in a paper diary at the counter, in a spreadsheet on "
                "the office computer and in the caretaker's head. Today there is one room "
                "calendar in our Nextcloud that everyone can see on their phone.",
            )
        ),
        "view_function": p(
            T(
                "Vier Funktionen tragen den Ablauf: Anfragen beantworten, die Belegung planen, "
                "den Mietvertrag abschließen und den Raum übergeben. Die Zahlung der Miete "
                "gehört zum Ablauf „Zahlung“.",
                "Four functions carry the process: answering enquiries, planning occupancy, "
                "concluding the rental agreement and handing over the room. Paying the rent "
                "belongs to the “Payment” process.",
            )
        ),
        "view_culture": p(
            T(
                "Viele Gruppen sind seit Jahren bei uns und rufen lieber an, als ein Formular "
                "auszufüllen. Das soll so bleiben dürfen: Der Kalender hilft dem Büro, er ersetzt "
                "nicht das Gespräch.",
                "Many groups have been with us for years and would rather call than fill in a "
                "form. That should remain possible: the calendar helps the office, it does not "
                "replace the conversation.",
            )
        ),
        "body": [
            heading("Die Funktionen", "The functions"),
            function(
                F["rb_answer"],
                T(
                    "Gruppen erfahren schnell, ob und zu welchen Bedingungen ein Raum frei ist.",
                    "Groups quickly learn whether a room is free and on what terms.",
                ),
                T("Büro, Hausmeister", "Office, caretaker"),
                T(
                    "Eine Anfrage per Telefon, E-Mail oder am Tresen",
                    "An enquiry by phone, e-mail or at the counter",
                ),
                T(
                    "Zusage mit Preis oder ein Gegenvorschlag",
                    "Confirmation with a price or an alternative suggestion",
                ),
                T("etwa 15× pro Woche", "about 15 times a week"),
                T(
                    "Belegung steht an drei Stellen\nRückfragen beim Hausmeister dauern Tage",
                    "Bookings are kept in three places\nChecking with the caretaker takes days",
                ),
            ),
            function(
                F["rb_plan"],
                T(
                    "Kein Raum ist doppelt belegt, und Auf- und Abbau sind eingeplant.",
                    "No room is double-booked, and set-up and clear-down are planned.",
                ),
                T("Büro, Hausmeister, Programmleitung", "Office, caretaker, programme management"),
                T(
                    "Eine Zusage oder eine eigene Veranstaltung",
                    "A confirmation or one of our own events",
                ),
                T("Ein Eintrag im Raumkalender", "An entry in the room calendar"),
                T("täglich", "daily"),
                T(
                    "Eigene Veranstaltungen wurden nachträglich eingetragen",
                    "Our own events were entered after the fact",
                ),
            ),
            function(
                F["rb_contract"],
                T(
                    "Beide Seiten wissen, was gilt: Zeit, Preis, Hausordnung.",
                    "Both sides know what applies: time, price, house rules.",
                ),
                T("Büro, Vorstand", "Office, board"),
                T("Eine Zusage", "A confirmation"),
                T("Ein unterschriebener Vertrag", "A signed agreement"),
                T("etwa 5× pro Woche", "about 5 times a week"),
                T(
                    "Verträge wurden von Hand aus alten Vorlagen kopiert",
                    "Agreements were copied by hand from old templates",
                ),
            ),
            function(
                F["rb_handover"],
                T(
                    "Wer mietet, kommt rein, findet sich zurecht und hinterlässt den Raum ordentlich.",
                    "Whoever hires a room gets in, finds their way around and leaves the room tidy.",
                ),
                T("Hausmeister, Ehrenamtliche am Abend", "Caretaker, volunteers in the evening"),
                T("Der Beginn einer Buchung", "The start of a booking"),
                T("Schlüssel zurück, Raum in Ordnung", "Key returned, room in order"),
                T("etwa 12× pro Woche", "about 12 times a week"),
                T(
                    "Abends wusste niemand, wer den Schlüssel hat",
                    "In the evening nobody knew who had the key",
                ),
            ),
            steps(
                T("So läuft eine Raumanfrage heute", "How a room enquiry works today"),
                (
                    T("Gruppe", "Group"),
                    T(
                        "sieht im öffentlichen Kalender freie Zeiten und ruft an oder schreibt",
                        "sees free slots in the public calendar and calls or writes",
                    ),
                ),
                (
                    T("Büro", "Office"),
                    T(
                        "prüft den Raumkalender und trägt eine Vormerkung ein",
                        "checks the room calendar and enters a provisional booking",
                    ),
                ),
                (
                    T("Büro", "Office"),
                    T(
                        "schickt den Vertrag aus der Vorlage",
                        "sends the agreement from the template",
                    ),
                ),
                (
                    T("Hausmeister", "Caretaker"),
                    T(
                        "sieht Aufbauzeiten automatisch in seinem Kalender",
                        "sees set-up times automatically in his calendar",
                    ),
                ),
            ),
            current_target(
                T("Belegung der Räume", "Room bookings"),
                T(
                    "Drei Kalender, viele Rückfragen, gelegentlich doppelte Buchungen.",
                    "Three calendars, lots of questions, occasional double bookings.",
                ),
                T(
                    "Ein Kalender, den alle sehen; Gruppen erkennen freie Zeiten selbst.",
                    "One calendar everyone can see; groups spot free slots themselves.",
                ),
            ),
            requirements(
                REQUIREMENTS_HEADING, "RB-01", "RB-02", "RB-03", "RB-05", "RB-07", "RB-09"
            ),
            decision(
                T(
                    "Womit planen wir die Belegung der Räume?",
                    "What do we use to plan room bookings?",
                ),
                T(
                    "Daten in der EU\nOhne Schulung nutzbar",
                    "Data in the EU\nUsable without training",
                ),
                [
                    (T("Einfach für Ehrenamtliche", "Easy for volunteers"), 5),
                    (T("Wiederkehrende Termine", "Recurring dates"), 4),
                    (T("Kosten", "Cost"), 3),
                    (T("Pflegeaufwand für uns", "Maintenance effort for us"), 2),
                ],
                [
                    option("nextcloud", scores=[4, 5, 4, 4], chosen=True),
                    option("easyappointments", scores=[3, 2, 5, 2]),
                    option(
                        name=T(
                            "Buchungsdienst aus den USA (Testzugang)",
                            "Booking service from the USA (trial account)",
                        ),
                        scores=[5, 4, 2, 5],
                        knockout=T("Daten liegen außerhalb der EU", "Data is kept outside the EU"),
                    ),
                ],
                T(
                    "Der Raumkalender in Nextcloud kam auf die meisten Punkte und läuft in dem "
                    "Werkzeug, das wir schon haben. Der Dienst aus den USA war am bequemsten, "
                    "schied aber wegen des Serverstandorts aus.",
                    "The room calendar in Nextcloud scored highest and runs in the tool we "
                    "already have. The service from the USA was the most convenient, but was "
                    "out because of where its servers are.",
                ),
            ),
            heading("Was sich verändert hat", "What has changed"),
            outcome(
                T("Zeit für Raumanfragen pro Woche", "Time spent on room enquiries per week"),
                T("Stunden", "hours"),
                "6.0",
                "2.5",
                T(
                    "Gemessen vier Wochen vor dem Pilot und vier Wochen nach dem Start für alle Räume.",
                    "Measured for four weeks before the pilot and four weeks after the start for all rooms.",
                ),
            ),
            outcome(
                T("Zeit bis zur Zusage", "Time until confirmation"),
                T("Tage", "days"),
                "4.0",
                "1.0",
                T(
                    "Durchschnitt über alle Anfragen im selben Zeitraum.",
                    "Average over all enquiries in the same period.",
                ),
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Ich muss nicht mehr drei Kalender abgleichen, bevor ich zusagen kann.",
                        "I no longer have to compare three calendars before I can say yes.",
                    ),
                    T(
                        "Miriam, Programm und Öffentlichkeitsarbeit",
                        "Miriam, programme and public relations",
                    ),
                ),
                (
                    T(
                        "Wir sehen sofort, wann der Seminarraum frei ist, und planen das Halbjahr in einem Rutsch.",
                        "We can see straight away when the seminar room is free and plan the half-year in one go.",
                    ),
                    T("Aylin, Chorleiterin", "Aylin, choir leader"),
                ),
                (
                    T(
                        "Die Aufbauzeiten stehen jetzt auf meinem Telefon. Früher stand ich manchmal vor einem vollen Saal.",
                        "The set-up times are on my phone now. I used to sometimes stand in front of a full hall.",
                    ),
                    T("Selin, Technik und Haus", "Selin, technology and building"),
                ),
            ),
        ],
    },
    {
        "key": "ik",
        "slug": T("interne-kommunikation", "internal-communication"),
        "title": T(
            "Interne Kommunikation und Zusammenarbeit", "Internal communication and collaboration"
        ),
        "kind": ProcessKind.MANAGEMENT,
        "audience": Audience.INTERNAL,
        "responsible_role": T("Koordination Ehrenamt", "Volunteer coordination"),
        "intro": T(
            "Wie wir im Team Absprachen treffen, Informationen teilen und Schichten verteilen, "
            "hauptamtlich und ehrenamtlich. Die Plattform ist gewählt, der Pilot steht kurz "
            "bevor.",
            "How we make arrangements, share information and assign shifts in the team, staff "
            "and volunteers alike. The platform is chosen, the pilot is about to start.",
        ),
        "stages": [
            (
                Stage.ANALYSED,
                -300,
                T("Umfrage unter 40 Ehrenamtlichen", "Survey among 40 volunteers"),
            ),
            (Stage.FUNCTIONS, -240, T("", "")),
            (Stage.REQUIREMENTS, -150, T("", "")),
            (
                Stage.PLATFORM,
                -60,
                T("Nextcloud mit Talk und Kalender", "Nextcloud with Talk and calendar"),
            ),
            (Stage.PILOT, 30, T("Pilot mit dem Thekenteam", "Pilot with the bar team")),
            (Stage.IN_USE, 150, T("", "")),
        ],
        "view_technology": p(
            T(
                "Heute laufen Absprachen über drei Messenger-Gruppen, E-Mail-Verteiler und "
                "Zettel am Schwarzen Brett. Künftig sollen Chat, Kalender und Dateien in unserer "
                "Nextcloud zusammenkommen.",
                "Today arrangements run through three messenger groups, e-mail lists and notes on "
                "the notice board. In future, chat, calendar and files are to come together in "
                "our Nextcloud.",
            )
        ),
        "view_function": p(
            T(
                "Drei Funktionen: Termine abstimmen, Informationen teilen und Schichten "
                "verteilen. Die letzte ist die heikelste, denn ohne besetzte Theke gibt es "
                "keinen Abend.",
                "Three functions: agreeing on dates, sharing information and assigning shifts. "
                "The last is the most delicate, because without a staffed bar there is no "
                "evening.",
            )
        ),
        "view_culture": p(
            T(
                "Unser Team reicht von Studierenden bis zu Ehrenamtlichen über 70. Manche leben "
                "im Chat, andere lesen lieber den Aushang. Wir wollen niemanden abhängen, deshalb "
                "testen wir mit genau diesen Menschen.",
                "Our team ranges from students to volunteers over 70. Some live in the chat, "
                "others prefer to read the notice board. We do not want to leave anyone behind, "
                "so we test with exactly these people.",
            )
        ),
        "body": [
            heading("Die Funktionen", "The functions"),
            function(
                F["ik_dates"],
                T(
                    "Treffen finden statt, wenn die Richtigen können.",
                    "Meetings take place when the right people can come.",
                ),
                T("Alle", "Everyone"),
                T("Ein Thema, das eine Runde braucht", "A topic that needs a meeting"),
                T("Ein Termin im gemeinsamen Kalender", "A date in the shared calendar"),
                T("etwa 4× im Monat", "about 4 times a month"),
                T("Terminumfragen laufen über fünf Wege", "Date polls run through five channels"),
            ),
            function(
                F["ik_share"],
                T(
                    "Alle wissen, was gerade gilt, ohne dreimal nachzufragen.",
                    "Everyone knows what applies right now without asking three times.",
                ),
                T("Büro, Vorstand, Ehrenamtliche", "Office, board, volunteers"),
                T(
                    "Eine Änderung im Haus oder im Programm",
                    "A change in the house or the programme",
                ),
                T(
                    "Eine Nachricht, die alle erreicht und wiederzufinden ist",
                    "A message that reaches everyone and can be found again",
                ),
                T("mehrmals täglich", "several times a day"),
                T(
                    "Wichtiges geht im Chat unter\nAlte Dateien kursieren per E-Mail",
                    "Important things get lost in the chat\nOld files circulate by e-mail",
                ),
            ),
            function(
                F["ik_shifts"],
                T(
                    "Jeder Abend hat eine besetzte Theke und Kasse.",
                    "Every evening has a staffed bar and box office.",
                ),
                T("Koordination Ehrenamt, Ehrenamtliche", "Volunteer coordination, volunteers"),
                T("Der Monatsplan steht", "The monthly plan is ready"),
                T("Alle Schichten sind besetzt", "All shifts are filled"),
                T("monatlich, etwa 30 Schichten", "monthly, about 30 shifts"),
                T("Lücken fallen erst am Vortag auf", "Gaps only show up the day before"),
            ),
            steps(
                T("So verteilen wir Schichten heute", "How we assign shifts today"),
                (
                    T("Koordination", "Coordination"),
                    T(
                        "schickt den Monatsplan als Tabelle in die Messenger-Gruppe",
                        "sends the monthly plan as a spreadsheet to the messenger group",
                    ),
                ),
                (
                    T("Ehrenamtliche", "Volunteers"),
                    T(
                        "antworten im Chat, wann sie können",
                        "reply in the chat when they are available",
                    ),
                ),
                (
                    T("Koordination", "Coordination"),
                    T(
                        "überträgt die Antworten von Hand in die Tabelle",
                        "copies the replies into the spreadsheet by hand",
                    ),
                ),
                (
                    T("Koordination", "Coordination"),
                    T("hängt den Plan ans Schwarze Brett", "pins the plan on the notice board"),
                ),
            ),
            current_target(
                T("Schichtplanung", "Shift planning"),
                T(
                    "Ein Plan in drei Fassungen, Lücken fallen spät auf.",
                    "One plan in three versions, gaps show up late.",
                ),
                T(
                    "Ehrenamtliche tragen sich selbst ein; offene Schichten sind für alle sichtbar.",
                    "Volunteers sign up themselves; open shifts are visible to everyone.",
                ),
            ),
            requirements(
                REQUIREMENTS_HEADING, "IK-01", "IK-02", "IK-03", "IK-04", "IK-05", "IK-06", "IK-07"
            ),
            decision(
                T("Wo sprechen wir uns künftig ab?", "Where will we make arrangements in future?"),
                T("Daten in der EU\nKeine Kosten je Person", "Data in the EU\nNo cost per person"),
                [
                    (T("Einfach für Ehrenamtliche", "Easy for volunteers"), 5),
                    (T("Alles an einem Ort", "Everything in one place"), 4),
                    (T("Barrierefreiheit", "Accessibility"), 3),
                    (T("Kosten", "Cost"), 2),
                ],
                [
                    option("nextcloud", scores=[3, 5, 4, 4], chosen=True),
                    option("element", scores=[4, 2, 3, 5]),
                    option(
                        "messenger",
                        scores=[5, 1, 3, 5],
                        knockout=T("Daten liegen außerhalb der EU", "Data is kept outside the EU"),
                    ),
                ],
                T(
                    "Nextcloud bringt Chat, Kalender und Dateien zusammen, und wir nutzen es für "
                    "die Räume schon. Beim Chat ist Element angenehmer; das nehmen wir für die "
                    "eine Plattform in Kauf.",
                    "Nextcloud brings chat, calendar and files together, and we already use it "
                    "for the rooms. For chatting, Element is nicer; we accept that for the sake "
                    "of one platform.",
                ),
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Ein einziger Ort für die Schichtpläne wäre ein Traum.",
                        "One single place for the shift plans would be a dream.",
                    ),
                    T("Lena, Ehrenamt an der Theke", "Lena, volunteer at the bar"),
                ),
                (
                    T(
                        "Ich will keine fünfte App. Wenn es auf dem Telefon im Browser geht, bin ich dabei.",
                        "I don't want a fifth app. If it works in the browser on my phone, count me in.",
                    ),
                    T("Jonas, Vorstand", "Jonas, board"),
                ),
            ),
        ],
    },
    {
        "key": "kb",
        "slug": T("kuenstlerbuchung", "artist-booking"),
        "title": T("Künstlerbuchung", "Booking of artists"),
        "kind": ProcessKind.CORE,
        "audience": Audience.EXTERNAL,
        "responsible_role": T("Programmleitung", "Programme management"),
        "intro": T(
            "Wie wir Bands, Theatergruppen und Lesende für unser Programm anfragen, Gagen "
            "vereinbaren und die Technik abstimmen. Die Anforderungen stehen, bei den "
            "Werkzeugen haben wir einen Gleichstand.",
            "How we approach bands, theatre groups and authors for our programme, agree on "
            "fees and coordinate the technical side. The requirements are settled; between the "
            "tools we have a tie.",
        ),
        "stages": [
            (Stage.ANALYSED, -210, T("", "")),
            (Stage.FUNCTIONS, -120, T("Mit der Programmgruppe", "With the programme group")),
            (Stage.REQUIREMENTS, -20, T("Sechs Anforderungen", "Six requirements")),
            (
                Stage.PLATFORM,
                120,
                T("Nach einem Test beider Werkzeuge", "After testing both tools"),
            ),
        ],
        "view_technology": p(
            T(
                "Anfragen laufen über persönliche Postfächer, Absprachen stehen in einer Tabelle "
                "auf dem Bürorechner, Technik-Rider kommen als Anhang.",
                "Enquiries run through personal mailboxes, arrangements are in a spreadsheet on "
                "the office computer, technical riders arrive as attachments.",
            )
        ),
        "view_function": p(
            T(
                "Drei Funktionen: Künstler anfragen, die Vereinbarung festhalten und die Technik "
                "abstimmen. Die Bezahlung der Gage gehört zum Ablauf „Zahlung“.",
                "Three functions: approaching artists, recording the agreement and coordinating "
                "technical needs. Paying the fee belongs to the “Payment” process.",
            )
        ),
        "view_culture": p(
            T(
                "Viele Kontakte hängen an einzelnen Menschen aus der Programmgruppe. Das ist "
                "unsere Stärke, aber wenn jemand aufhört, geht Wissen verloren.",
                "Many contacts depend on individual people in the programme group. That is our "
                "strength, but when someone leaves, knowledge is lost.",
            )
        ),
        "body": [
            heading("Die Funktionen", "The functions"),
            function(
                F["kb_approach"],
                T(
                    "Wir bekommen die Künstlerinnen und Künstler, die zu unserem Programm passen.",
                    "We get the artists who fit our programme.",
                ),
                T("Programmleitung, Programmgruppe", "Programme management, programme group"),
                T(
                    "Eine Idee in der Programmgruppe oder eine Bewerbung",
                    "An idea in the programme group or an application",
                ),
                T("Eine Zusage oder eine freundliche Absage", "A yes or a friendly no"),
                T("etwa 8× im Monat", "about 8 times a month"),
                T(
                    "Niemand weiß, wer wen schon gefragt hat",
                    "Nobody knows who has already asked whom",
                ),
            ),
            function(
                F["kb_record"],
                T(
                    "Gage, Termin und Absprachen sind verbindlich und für alle nachlesbar.",
                    "Fee, date and arrangements are binding and can be looked up by everyone.",
                ),
                T("Programmleitung, Vorstand", "Programme management, board"),
                T("Eine Zusage", "A confirmation"),
                T("Eine unterschriebene Vereinbarung", "A signed agreement"),
                T("etwa 5× im Monat", "about 5 times a month"),
                T(
                    "Absprachen stehen in E-Mails verstreut",
                    "Arrangements are scattered across e-mails",
                ),
            ),
            function(
                F["kb_tech"],
                T(
                    "Am Abend passt die Technik zu dem, was die Gruppe braucht.",
                    "On the evening, the equipment matches what the group needs.",
                ),
                T(
                    "Programmleitung, Veranstaltungstechnik",
                    "Programme management, event technician",
                ),
                T("Der Technik-Rider kommt", "The technical rider arrives"),
                T("Ein Technikplan für den Abend", "A technical plan for the evening"),
                T("etwa 5× im Monat", "about 5 times a month"),
                T(
                    "Rider kommen zu spät oder gar nicht bei der Technik an",
                    "Riders reach the technician late or not at all",
                ),
            ),
            steps(
                T("So läuft eine Buchung heute", "How a booking works today"),
                (
                    T("Programmgruppe", "Programme group"),
                    T("schlägt eine Gruppe vor", "suggests a group"),
                ),
                (
                    T("Programmleitung", "Programme management"),
                    T(
                        "fragt per E-Mail an und verhandelt die Gage",
                        "asks by e-mail and negotiates the fee",
                    ),
                ),
                (
                    T("Programmleitung", "Programme management"),
                    T(
                        "trägt die Zusage in die Tabelle ein",
                        "enters the confirmation in the spreadsheet",
                    ),
                ),
                (
                    T("Technik", "Technician"),
                    T("fragt eine Woche vorher nach dem Rider", "asks for the rider a week before"),
                ),
            ),
            current_target(
                T("Kontakte und Absprachen", "Contacts and arrangements"),
                T(
                    "Kontakte in persönlichen Postfächern, Absprachen in einer Tabelle.",
                    "Contacts in personal mailboxes, arrangements in a spreadsheet.",
                ),
                T(
                    "Ein gemeinsamer Ort für Kontakte, Gespräche, Vereinbarungen und Rider.",
                    "One shared place for contacts, conversations, agreements and riders.",
                ),
            ),
            requirements(
                REQUIREMENTS_HEADING, "KB-01", "KB-02", "KB-03", "KB-04", "KB-05", "KB-06"
            ),
            decision(
                T(
                    "Wo halten wir Kontakte und Vereinbarungen fest?",
                    "Where do we keep contacts and agreements?",
                ),
                T(
                    "Daten in der EU\nLöschfristen möglich",
                    "Data in the EU\nRetention periods possible",
                ),
                [
                    (T("Verlauf je Kontakt", "History per contact"), 4),
                    (T("Einfach für die Programmgruppe", "Easy for the programme group"), 4),
                    (T("Kosten", "Cost"), 2),
                ],
                [
                    option("civicrm", scores=[5, 2, 3]),
                    option("deck", scores=[2, 4, 5]),
                    option("spreadsheet", scores=[1, 3, 5]),
                ],
                T(
                    "CiviCRM und Nextcloud Deck liegen gleichauf: das eine ist stark beim "
                    "Verlauf, das andere im Alltag der Programmgruppe. Wir testen beide vier "
                    "Wochen lang mit echten Anfragen, bevor wir entscheiden.",
                    "CiviCRM and Nextcloud Deck are level: one is strong on history, the other in "
                    "the programme group's everyday work. We are testing both for four weeks "
                    "with real enquiries before we decide.",
                ),
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Technik-Rider, Zeitplan und Ansprechperson an einer Stelle: Das würde uns allen den Abend retten.",
                        "Technical rider, schedule and contact person in one place: that would save the evening for all of us.",
                    ),
                    T("Martin, Kellerband", "Martin, cellar band"),
                ),
            ),
        ],
    },
    {
        "key": "va",
        "slug": T("veranstaltungsmanagement", "event-management"),
        "title": T("Veranstaltungsmanagement", "Event management"),
        "kind": ProcessKind.CORE,
        "audience": Audience.INTERNAL,
        "responsible_role": T("Veranstaltungstechnik", "Event technology"),
        "intro": T(
            "Wie aus einer Zusage ein gelungener Abend wird: Planung, Helfende, Technik und "
            "Nachbereitung. Die Funktionen sind beschrieben, die Anforderungen schreiben wir "
            "gerade.",
            "How a confirmed booking becomes a successful evening: planning, helpers, "
            "technology and follow-up. The functions are described; we are writing the "
            "requirements now.",
        ),
        "stages": [
            (Stage.ANALYSED, -150, T("", "")),
            (Stage.FUNCTIONS, -45, T("Drei Funktionen", "Three functions")),
            (Stage.REQUIREMENTS, 200, T("", "")),
        ],
        "view_technology": p(
            T(
                "Jeder Abend hat heute eine eigene Checkliste auf Papier. Wer was macht, steht "
                "im Schichtplan, was die Technik braucht, in einer E-Mail.",
                "Today every evening has its own paper checklist. Who does what is in the shift "
                "plan, what the technician needs is in an e-mail.",
            )
        ),
        "view_function": p(
            T(
                "Drei Funktionen: den Abend planen, Helfende einteilen und den Abend "
                "nachbereiten. Sie hängen eng an der Künstlerbuchung und an der internen "
                "Kommunikation; deshalb warten wir mit den Werkzeugen auf diese beiden.",
                "Three functions: planning an evening, scheduling helpers and following up the "
                "evening. They are closely linked to artist booking and internal communication, "
                "so we are waiting for those two before looking at tools.",
            )
        ),
        "view_culture": p(
            T(
                "Am Abend zählt jede Minute, und die Menschen an Theke, Kasse und Technik sind "
                "meist ehrenamtlich da. Was sie brauchen, muss auf einen Blick da sein.",
                "On the evening every minute counts, and the people at the bar, box office and "
                "mixing desk are mostly volunteers. What they need must be there at a glance.",
            )
        ),
        "body": [
            heading("Die Funktionen", "The functions"),
            function(
                F["va_plan"],
                T(
                    "Alles, was ein Abend braucht, ist rechtzeitig da.",
                    "Everything an evening needs is there in time.",
                ),
                T(
                    "Programmleitung, Technik, Hausmeister",
                    "Programme management, technician, caretaker",
                ),
                T("Eine Zusage aus der Künstlerbuchung", "A confirmation from artist booking"),
                T("Eine vollständige Checkliste", "A complete checklist"),
                T("etwa 12× im Monat", "about 12 times a month"),
                T(
                    "Checklisten werden jedes Mal neu geschrieben",
                    "Checklists are rewritten every time",
                ),
            ),
            function(
                F["va_helpers"],
                T(
                    "Jede Aufgabe am Abend hat einen Menschen.",
                    "Every task on the evening has a person.",
                ),
                T("Koordination Ehrenamt", "Volunteer coordination"),
                T("Die Checkliste steht", "The checklist is ready"),
                T("Eine Einteilung, die alle kennen", "A schedule everyone knows"),
                T("etwa 12× im Monat", "about 12 times a month"),
                T("", ""),
            ),
            function(
                F["va_follow"],
                T("Wir lernen aus jedem Abend.", "We learn from every evening."),
                T("Programmleitung, Technik", "Programme management, technician"),
                T("Das Ende des Abends", "The end of the evening"),
                T(
                    "Zahlen und Notizen für die nächste Planung",
                    "Figures and notes for the next round of planning",
                ),
                T("nach jedem Abend", "after every evening"),
                T("Nachbereitung fällt meistens aus", "Follow-up usually gets skipped"),
            ),
            steps(
                T("So läuft ein Abend heute", "How an evening works today"),
                (
                    T("Programmleitung", "Programme management"),
                    T(
                        "schreibt die Checkliste für den Abend",
                        "writes the checklist for the evening",
                    ),
                ),
                (
                    T("Koordination", "Coordination"),
                    T(
                        "sucht Helfende für Theke und Kasse",
                        "looks for helpers for the bar and box office",
                    ),
                ),
                (
                    T("Technik", "Technician"),
                    T(
                        "baut nach dem Rider auf und macht den Soundcheck",
                        "sets up according to the rider and does the sound check",
                    ),
                ),
                (
                    T("Abendteam", "Evening team"),
                    T("räumt auf und schließt ab", "tidies up and locks up"),
                ),
            ),
            current_target(
                T("Checklisten", "Checklists"),
                T(
                    "Für jeden Abend eine neue Liste auf Papier.",
                    "A new paper list for every evening.",
                ),
                T(
                    "Eine Vorlage je Art von Abend, die alle Beteiligten sehen.",
                    "One template per kind of evening that everyone involved can see.",
                ),
            ),
            requirements(
                T("Erste Anforderungen (Entwurf)", "First requirements (draft)"),
                "VA-01",
                "VA-02",
                "VA-03",
                "VA-04",
            ),
            paragraph(
                T(
                    "Werkzeuge schauen wir uns erst an, wenn die Anforderungen abgestimmt sind. "
                    "Habt Ihr Erfahrungen mit Checklisten für Veranstaltungen? Schreibt uns "
                    "unten.",
                    "We will only look at tools once the requirements are agreed. Do you have "
                    "experience with checklists for events? Write to us below.",
                )
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Wenn ich um sechs in den Saal komme, will ich wissen, was um sieben auf der Bühne steht.",
                        "When I come into the hall at six, I want to know what will be on stage at seven.",
                    ),
                    T("Selin, Technik und Haus", "Selin, technology and building"),
                ),
            ),
        ],
    },
    {
        "key": "ma",
        "slug": T("marketing", "marketing"),
        "title": T("Marketing", "Marketing"),
        "kind": ProcessKind.CORE,
        "audience": Audience.EXTERNAL,
        "responsible_role": T("Öffentlichkeitsarbeit", "Public relations"),
        "intro": T(
            "Wie wir unser Programm bekannt machen: Plakate, Newsletter, Website, soziale "
            "Medien und das Kulturnetz. Der Ablauf ist analysiert, die Funktionen beschreiben "
            "wir als Nächstes.",
            "How we make our programme known: posters, newsletter, website, social media and "
            "the Kulturnetz. The process is analysed; we will describe its functions next.",
        ),
        "stages": [
            (Stage.ANALYSED, -70, T("Bestandsaufnahme aller Kanäle", "Inventory of all channels")),
            (Stage.FUNCTIONS, 250, T("", "")),
        ],
        "view_technology": p(
            T(
                "Ein Termin wird heute bis zu sechsmal eingetippt: ins Kulturnetz, auf die "
                "Website, in den Newsletter, auf Mastodon, auf das Plakat und in die Presse-Mail.",
                "Today a date is typed in up to six times: into the Kulturnetz, onto the website, "
                "into the newsletter, on Mastodon, onto the poster and into the press e-mail.",
            )
        ),
        "view_function": p(
            T(
                "Die Funktionen beschreiben wir als Nächstes. Sicher dabei: das Programm "
                "ankündigen und den Newsletter versenden.",
                "We will describe the functions next. Certain to be among them: announcing the "
                "programme and sending the newsletter.",
            )
        ),
        "view_culture": p(
            T(
                "Unser Publikum ist bunt gemischt: Manche lesen nur das Plakat im Schaufenster, "
                "andere nur Mastodon. Kein Kanal soll wegfallen, weil er uns zu viel Arbeit "
                "macht, bevor wir wissen, wen wir damit erreichen.",
                "Our audience is very mixed: some only read the poster in the shop window, "
                "others only Mastodon. No channel should be dropped for being too much work "
                "before we know whom it reaches.",
            )
        ),
        "body": [
            steps(
                T("So kündigen wir einen Abend heute an", "How we announce an evening today"),
                (
                    T("Programmleitung", "Programme management"),
                    T(
                        "schickt Text und Bild an die Öffentlichkeitsarbeit",
                        "sends text and picture to public relations",
                    ),
                ),
                (
                    T("Öffentlichkeitsarbeit", "Public relations"),
                    T(
                        "trägt den Termin ins Kulturnetz und auf der Website ein",
                        "enters the date in the Kulturnetz and on the website",
                    ),
                ),
                (
                    T("Öffentlichkeitsarbeit", "Public relations"),
                    T(
                        "schreibt Newsletter, Mastodon-Beitrag und Presse-Mail",
                        "writes the newsletter, a Mastodon post and the press e-mail",
                    ),
                ),
                (
                    T("Ehrenamtliche", "Volunteers"),
                    T("hängen Plakate in der Stadt auf", "put up posters in town"),
                ),
            ),
            current_target(
                T("Termine ankündigen", "Announcing dates"),
                T(
                    "Jeder Termin wird bis zu sechsmal von Hand eingetragen.",
                    "Every date is entered by hand up to six times.",
                ),
                T("Einmal eintragen, überall erscheinen.", "Enter once, appear everywhere."),
            ),
            paragraph(
                T(
                    "Werkzeuge wie ein Newsletter-Programm haben wir schon im Blick, aber wir "
                    "halten uns an unsere Reihenfolge: erst die Funktionen, dann die "
                    "Anforderungen.",
                    "We already have tools such as a newsletter program in mind, but we stick to "
                    "our order: first the functions, then the requirements.",
                )
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Ich tippe denselben Text sechsmal. Da schleichen sich Fehler ein, jedes Mal.",
                        "I type the same text six times. Mistakes creep in, every time.",
                    ),
                    T(
                        "Miriam, Programm und Öffentlichkeitsarbeit",
                        "Miriam, programme and public relations",
                    ),
                ),
            ),
        ],
    },
    {
        "key": "za",
        "slug": T("zahlung", "payment"),
        "title": T("Zahlung", "Payment"),
        "kind": ProcessKind.SUPPORT,
        "audience": Audience.EXTERNAL,
        "responsible_role": T("Schatzmeisterei", "Treasurer's office"),
        "intro": T(
            "Wie bei uns bezahlt wird: Eintritt an der Abendkasse und im Vorverkauf, Mieten für "
            "Räume und der Kassenabschluss am Abend. Die Anforderungen stehen, die Entscheidung "
            "für eine Plattform fällt bald.",
            "How payment works at our house: admission at the box office and in advance, rent "
            "for rooms and closing the till in the evening. The requirements are settled; the "
            "decision on a platform is due soon.",
        ),
        "stages": [
            (Stage.ANALYSED, -260, T("", "")),
            (Stage.FUNCTIONS, -200, T("", "")),
            (Stage.REQUIREMENTS, -60, T("Barzahlung bleibt ein Muss", "Cash remains a must")),
            (
                Stage.PLATFORM,
                45,
                T("Entscheidung in der Vorstandssitzung", "Decision at the board meeting"),
            ),
        ],
        "view_technology": p(
            T(
                "Heute gibt es eine Geldkassette, Kartenblöcke, einen Überweisungsträger für "
                "Mieten und eine Tabelle für den Kassenabschluss. Karten im Vorverkauf gibt es "
                "nur am Tresen.",
                "Today there is a cash box, ticket books, a transfer form for rent and a "
                "spreadsheet for closing the till. Advance tickets are only available at the "
                "counter.",
            )
        ),
        "view_function": p(
            T(
                "Drei Funktionen: Eintritt kassieren, Miete abrechnen und die Kasse abschließen. "
                "Wichtig war uns, dass Barzahlung ein Muss bleibt, bevor irgendein Anbieter im "
                "Gespräch ist.",
                "Three functions: taking admission, invoicing rent and closing the till. It was "
                "important to us to make cash a must before any provider was under discussion.",
            )
        ),
        "view_culture": p(
            T(
                "Beim Geld geht es um Vertrauen. Wer bar zahlen will, soll das weiter können, "
                "und wer online kauft, soll nicht mit seinen Daten bezahlen.",
                "Money is a matter of trust. Whoever wants to pay cash should still be able to, "
                "and whoever buys online should not pay with their data.",
            )
        ),
        "body": [
            heading("Die Funktionen", "The functions"),
            function(
                F["za_admission"],
                T(
                    "Wer kommt, hat bezahlt, egal wie.",
                    "Everyone who comes has paid, whichever way.",
                ),
                T("Abendkasse, Büro", "Box office, office"),
                T("Ein Kartenwunsch", "Someone wants a ticket"),
                T("Eine bezahlte Karte", "A paid ticket"),
                T("etwa 600× im Monat", "about 600 times a month"),
                T(
                    "Vorverkauf nur zu Bürozeiten\nErmäßigungen von Hand nachgerechnet",
                    "Advance sales only during office hours\nReductions recalculated by hand",
                ),
            ),
            function(
                F["za_rent"],
                T(
                    "Mieten kommen pünktlich und richtig an.",
                    "Rent arrives on time and in the right amount.",
                ),
                T("Büro, Schatzmeisterei", "Office, treasurer's office"),
                T("Ein Mietvertrag", "A rental agreement"),
                T("Eine Rechnung und ihr Zahlungseingang", "An invoice and its payment"),
                T("etwa 20× im Monat", "about 20 times a month"),
                T(
                    "Rechnungen werden aus dem Vertrag abgetippt",
                    "Invoices are retyped from the agreement",
                ),
            ),
            function(
                F["za_close"],
                T("Nach jedem Abend stimmt die Kasse.", "After every evening the till adds up."),
                T("Abendkasse, Schatzmeisterei", "Box office, treasurer's office"),
                T("Das Ende des Einlasses", "The end of admission"),
                T("Ein Kassenbericht", "A till report"),
                T("etwa 12× im Monat", "about 12 times a month"),
                T("Der Abschluss dauert oft eine halbe Stunde", "Closing often takes half an hour"),
            ),
            current_target(
                T("Vorverkauf", "Advance sales"),
                T(
                    "Karten gibt es vorab nur am Tresen zu Bürozeiten.",
                    "Advance tickets are only available at the counter during office hours.",
                ),
                T(
                    "Karten gibt es auch online, bar an der Abendkasse bleibt.",
                    "Tickets are also available online; cash at the box office stays.",
                ),
            ),
            requirements(
                REQUIREMENTS_HEADING, "ZA-01", "ZA-02", "ZA-03", "ZA-04", "ZA-05", "ZA-07", "ZA-08"
            ),
            decision(
                T("Womit verkaufen wir Karten online?", "What do we use to sell tickets online?"),
                T(
                    "Daten in der EU\nKauf ohne Konto",
                    "Data in the EU\nPurchase without an account",
                ),
                [
                    (T("Einfach an der Abendkasse", "Easy at the box office"), 5),
                    (T("Gebühren", "Fees"), 4),
                    (T("Barrierefreier Kauf", "Accessible purchase"), 4),
                    (
                        T(
                            "Ein Bericht für Abendkasse und Vorverkauf",
                            "One report for box office and advance sales",
                        ),
                        3,
                    ),
                ],
                [
                    option("pretix", scores=[4, 4, None, 5]),
                    option(
                        name=T("Ticketportal einer Region", "A regional ticket portal"),
                        scores=[3, 2, 3, 2],
                    ),
                    option(
                        name=T("Großes Ticketportal", "A large ticket portal"),
                        scores=[4, 1, 3, 3],
                        knockout=T("Kauf nur mit Konto", "Purchase only with an account"),
                    ),
                ],
                T(
                    "pretix liegt vorn, aber die Barrierefreiheit des Kaufs haben wir noch nicht "
                    "selbst getestet. Das holen wir vor der Vorstandssitzung nach.",
                    "pretix is ahead, but we have not yet tested the accessibility of the "
                    "purchase ourselves. We will do that before the board meeting.",
                ),
            ),
            voices(
                VOICES_HEADING,
                (
                    T(
                        "Ich kaufe meine Karte seit zwanzig Jahren bar an der Abendkasse, und das soll bitte so bleiben.",
                        "I have bought my ticket in cash at the box office for twenty years, and I would like it to stay that way.",
                    ),
                    T("Klaus, Stammgast", "Klaus, regular guest"),
                ),
                (
                    T(
                        "Online-Tickets sind praktisch, wenn man von außerhalb kommt.",
                        "Online tickets are handy if you come from out of town.",
                    ),
                    T("Sabine, Besucherin", "Sabine, visitor"),
                ),
            ),
        ],
    },
]
