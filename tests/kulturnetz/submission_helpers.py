"""Shared pieces of the submission tests: form data that passes, pictures made in memory."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import started


def picture(width=64, height=48, image_format="PNG", exif=None, name=None, **save_options):
    """An uploaded picture made in memory (``exif``: a Pillow Exif to embed)."""
    output = io.BytesIO()
    image = Image.new("RGB", (width, height), (200, 40, 40))
    if exif is not None:
        save_options["exif"] = exif
    image.save(output, format=image_format, **save_options)
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    content_type = f"image/{extension if extension != 'jpg' else 'jpeg'}"
    return SimpleUploadedFile(name or f"bild.{extension}", output.getvalue(), content_type)


def sender(**overrides):
    return {
        "sender_name": "Anna Aktiv",
        "sender_email": "anna@example.org",
        "note": "",
        "consent": "on",
        "website_confirm": "",
        "image_alt": "",
        "image_credit": "",
        **overrides,
    }


def event_data(calendar, **overrides):
    day = timezone.localdate() + timedelta(days=10)
    return {
        "started": started(calendar, purpose="kn-report"),
        "title": "Jazz im Hof",
        "category": "",
        "date_kind": "single",
        "start_date": day.isoformat(),
        "start_time": "19:30",
        "end_time": "",
        "end_date": "",
        "venue": "",
        "place_name": "Hof der Alten Post",
        "street": "Ostring 1",
        "postcode": "76829",
        "town": "Landau",
        "intro": "Ein Sommerabend mit Jazz unter freiem Himmel.",
        "description": "Drei Bands.\n\nEintritt an der Abendkasse.",
        "price": "10 €",
        "ticket_url": "",
        "organiser": "",
        "organiser_name": "Jazzfreunde Landau",
        **sender(),
        **overrides,
    }


def entry_data(index, **overrides):
    return {
        "started": started(index, purpose="kn-suggest"),
        "title": "Trommelgruppe Queichheim",
        "kind": "",
        "intro": "Wir trommeln jeden Donnerstag und freuen uns über Verstärkung.",
        "description": "",
        "district": "",
        "street": "",
        "postcode": "",
        "town": "Landau",
        "phone": "",
        "website": "https://trommeln.example.org",
        "public_email": "",
        **sender(),
        **overrides,
    }


def change_data(page, **overrides):
    data = {
        "started": started(page, purpose="kn-change"),
        "title": page.title,
        "intro": page.intro,
        **sender(),
    }
    for name in ("street", "postcode", "town", "phone", "website", "price", "ticket_url"):
        if hasattr(page, name):
            data[name] = getattr(page, name)
    if hasattr(page, "status"):
        data["status"] = page.status
    data.update(overrides)
    return data
