"""Moderation reasons become codes (``first_comment``, ``links:3``, ...) instead of German text.

The texts below are the ones the code wrote before; any other text stays as it is and is
shown as it is.
"""

import re

from django.db import migrations

PLAIN = {
    "Alle Kommentare werden geprüft": "hold_all",
    "Erster Kommentar": "first_comment",
    "Bekannter Name": "known_author",
    "Antwort des Teams": "team_reply",
    "Gesperrtes Wort: (IP-Adresse)": "disallowed_address",
    "Wort zum Zurückhalten: (IP-Adresse)": "moderation_address",
}
WITH_DETAIL = {"Gesperrtes Wort: ": "disallowed_word", "Wort zum Zurückhalten: ": "moderation_word"}
STATUS_LABELS = {
    "Wartet auf Freischaltung": "pending",
    "Freigeschaltet": "approved",
    "Spam": "spam",
    "Papierkorb": "trash",
}
LINKS = re.compile(r"^(\d+) Links$")
MANUAL = re.compile(r"^Von Hand: (?P<status>[^(]+?)(?: \((?P<user>.*)\))?$")


def code_of(text):
    """The code of a reason written as German text, or the text itself when it is unknown."""
    if text in PLAIN:
        return PLAIN[text]
    for prefix, code in WITH_DETAIL.items():
        if text.startswith(prefix):
            return f"{code}:{text[len(prefix) :]}"
    if match := LINKS.match(text):
        return f"links:{match[1]}"
    if (match := MANUAL.match(text)) and match["status"] in STATUS_LABELS:
        status = STATUS_LABELS[match["status"]]
        return f"manual:{status}:{match['user']}" if match["user"] else f"manual:{status}"
    return text


def text_of(value):
    """The German text the code wrote before, for going back."""
    code, _colon, detail = value.partition(":")
    texts = {plain_code: text for text, plain_code in PLAIN.items()}
    if value in texts:
        return texts[value]
    for prefix, detailed in WITH_DETAIL.items():
        if code == detailed:
            return f"{prefix}{detail}"
    if code == "links" and detail.isdigit():
        return f"{detail} Links"
    if code == "manual":
        status, _colon, user = detail.partition(":")
        labels = {value: label for label, value in STATUS_LABELS.items()}
        if status in labels:
            return f"Von Hand: {labels[status]} ({user})" if user else f"Von Hand: {labels[status]}"
    return value


def _convert(apps, convert):
    Comment = apps.get_model("comments", "Comment")
    stored = Comment.objects.exclude(moderation_reason="").order_by()
    for value in stored.values_list("moderation_reason", flat=True).distinct():
        new = convert(value)[:200]
        if new != value:
            Comment.objects.filter(moderation_reason=value).update(moderation_reason=new)


def to_codes(apps, schema_editor):
    _convert(apps, code_of)


def to_texts(apps, schema_editor):
    _convert(apps, text_of)


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_flood_control_in_the_foundation")]

    operations = [migrations.RunPython(to_codes, to_texts, elidable=True)]
