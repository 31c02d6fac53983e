"""One register across the site (README, "Sprache und Anrede"): never the formal "Sie".

The house says "Ihr/Euch" to its audience and "Du" to the one person filling in a form. This
scans every German msgid of the catalogue for the formal address.
"""

import re
from pathlib import Path

import polib
import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "de" / "LC_MESSAGES" / "django.po"

FORMAL = [
    # "Ihnen" is only ever the formal "to you" when capitalised ("ihnen" = "to them").
    re.compile(r"\bIhnen\b"),
    # "Ihre/Ihren/…": the house writes "Eure"; capitalised it is the formal "your".
    re.compile(r"\bIhr(e|en|em|er|es)\b"),
    # "Ihr" before a noun is the formal "your" ("Ihr Kommentar"); before a verb it is the
    # house's plural "you" ("wenn Ihr klickt"), which is right.
    re.compile(r"\bIhr\s+(?!Euch\b|Euer|Eure)[A-ZÄÖÜ]"),
    # "Sie" inside a sentence is capitalised only as the formal "you".
    re.compile(r"(?<![.!?:„\"(])\s+Sie\b"),
    # At the start of a sentence "Sie" may be "they" or "it"; the house rewrites those
    # sentences ("Wir veröffentlichen sie nicht."), except the allowed ones below.
    re.compile(r"(?:^|[.!?]\s+)Sie\b"),
]

# Sentences whose "Sie" at the start means "they" (the comments), in the moderators' admin.
# Kept small: a new entry needs a reason here.
ALLOWED = {
    "Diese %(count)d Kommentare freischalten? Sie erscheinen dann öffentlich auf der Website.",
    "Diese %(count)d Kommentare als Spam markieren? Sie verschwinden von der Website.",
    "Diese %(count)d Kommentare in den Papierkorb legen? Sie verschwinden von der Website, "
    "bleiben aber im Papierkorb, bis sie gelöscht werden.",
}


def formal_address(text):
    return [pattern.pattern for pattern in FORMAL if pattern.search(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Bitte geben Sie Ihren Namen an.",
        "Wir antworten Ihnen gern.",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "Ihr Kommentar wartet auf Freischaltung.",
        "Sie haben schon kommentiert.",
        "Danke! Wir melden uns bei Ihnen.",
    ],
)
def test_the_check_finds_formal_address(text):
    assert formal_address(text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Links öffnen den Dienst erst, wenn Ihr sie anklickt.",
        "Wie Ihr Euch anmeldet",
        "Bitte gib Deine E-Mail-Adresse an. Wir veröffentlichen sie nicht.",
        "Das könnte Euch auch interessieren",
        "Wonach suchst Du?",
        "Erforderliche Felder sind mit * markiert. Ihr findet sie oben.",
        "Kommentare bleiben, bis ihnen jemand widerspricht.",
    ],
)
def test_the_check_leaves_the_house_register_alone(text):
    assert formal_address(text) == []


def test_no_german_text_of_the_catalogue_addresses_anyone_formally():
    catalogue = polib.pofile(str(CATALOGUE))
    found = {}
    for entry in catalogue:
        if entry.obsolete:
            continue
        for text in filter(None, [entry.msgid, entry.msgid_plural]):
            if text not in ALLOWED and formal_address(text):
                found[text] = formal_address(text)
    assert found == {}
