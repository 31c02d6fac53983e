"""Pictures sent with a suggestion: JPEG, PNG or WebP up to 5 MB and 40 megapixels, re-encoded
without metadata, kept in the collection "Einsendungen" that the public image API leaves out."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from home.image_uploads import MAX_UPLOAD_BYTES
from kulturnetz.models import EventCategory, EventPage, Submission
from tests.kulturnetz.submission_helpers import event_data, picture

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ARTIST = 0x013B


@pytest.fixture(autouse=True)
def _fresh_flood_control():
    from home.models import FormThrottle

    FormThrottle.objects.all().delete()


def with_picture(calendar, upload, **overrides):
    category = EventCategory.objects.get(slug="konzert", locale__language_code="de")
    return event_data(
        calendar,
        **{
            "category": str(category.pk),
            "image": upload,
            "image_alt": "Drei Musiker auf einer Bühne",
            "image_credit": "Foto: Anna Aktiv",
            "image_rights": "on",
            **overrides,
        },
    )


def camera_exif():
    exif = Image.Exif()
    exif[ARTIST] = "Anna Aktiv"
    exif[GPS_IFD] = {2: (49.0, 12.0, 0.0), 4: (8.0, 7.0, 0.0)}
    return exif


def test_a_photo_is_stored_re_encoded_without_its_metadata(client, calendar):
    upload = picture(640, 480, "JPEG", exif=camera_exif(), name="IMG_0001 Zuhause.jpg")
    original = upload.read()
    upload.seek(0)
    assert b"Anna Aktiv" in original  # the camera wrote it

    response = client.post(calendar.route_url("report"), with_picture(calendar, upload))

    assert response.status_code == 302
    event = EventPage.objects.get(title="Jazz im Hof").get_latest_revision_as_object()
    image = event.header_image
    assert (event.header_image_alt, event.header_image_credit) == (
        "Drei Musiker auf einer Bühne",
        "Foto: Anna Aktiv",
    )
    assert image.collection.name == "Einsendungen"
    assert CollectionViewRestriction.objects.filter(collection=image.collection).exists()
    assert "IMG_0001" not in image.file.name and image.file.name.endswith(".jpg")
    assert (image.width, image.height) == (640, 480)
    with image.open_file() as stored:
        content = stored.read()
    assert content != original and b"Anna Aktiv" not in content
    reopened = Image.open(io.BytesIO(content))
    assert reopened.format == "JPEG" and not reopened.getexif()
    assert image.file_size == len(content) and image.file_hash


@pytest.mark.parametrize(("image_format", "extension"), [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_are_taken(client, calendar, image_format, extension):
    upload = picture(300, 200, image_format)

    response = client.post(calendar.route_url("report"), with_picture(calendar, upload))

    assert response.status_code == 302
    image = EventPage.objects.get(title="Jazz im Hof").get_latest_revision_as_object().header_image
    assert image.file.name.endswith(f".{extension}")


def big_file():
    return SimpleUploadedFile("gross.jpg", b"\xff\xd8\xff" + b"0" * MAX_UPLOAD_BYTES, "image/jpeg")


def many_pixels():
    output = io.BytesIO()
    Image.new("1", (8000, 5001)).save(output, format="PNG")
    return SimpleUploadedFile("riesig.png", output.getvalue(), "image/png")


def bomb():
    # A small file that claims to be huge: Pillow's bomb check must not be reached first.
    output = io.BytesIO()
    Image.new("1", (20000, 20000)).save(output, format="PNG")
    return SimpleUploadedFile("bombe.png", output.getvalue(), "image/png")


@pytest.mark.parametrize(
    ("make_upload", "message"),
    [
        (lambda: picture(image_format="GIF"), "Bitte lade ein Foto im Format JPEG, PNG oder WebP"),
        (lambda: picture(image_format="BMP"), "Bitte lade ein Foto im Format JPEG, PNG oder WebP"),
        (
            lambda: SimpleUploadedFile("bild.jpg", b"<svg onload=alert(1)>", "image/jpeg"),
            "Das Bild konnte nicht gelesen werden.",
        ),
        (
            lambda: SimpleUploadedFile("bild.png", picture().read()[:60], "image/png"),
            "Das Bild konnte nicht gelesen werden.",
        ),
        (big_file, "Das Bild ist zu groß. Erlaubt sind höchstens 5 MB."),
        (many_pixels, "höchstens 40 Megapixel"),
        (bomb, "höchstens 40 Megapixel"),
        (lambda: SimpleUploadedFile("leer.jpg", b"", "image/jpeg"), "Die Datei ist leer."),
    ],
)
def test_other_files_are_refused_and_nothing_is_stored(client, calendar, make_upload, message):
    images = get_image_model().objects.count()

    response = client.post(calendar.route_url("report"), with_picture(calendar, make_upload()))

    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('id="id_image_error"')
    assert message in html[start : html.index("</ul>", start)]
    # The browser cannot keep a file: the form says to choose it again; the text stays.
    assert "Bitte wähle das Bild noch einmal aus" in html
    assert 'value="Drei Musiker auf einer Bühne"' in html
    assert get_image_model().objects.count() == images
    assert not Submission.objects.exists()
    assert not EventPage.objects.filter(title="Jazz im Hof").exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"image_alt": ""}, "image_alt", "Bitte beschreib kurz, was auf dem Bild zu sehen ist."),
        ({"image_rights": ""}, "image_rights", "Bitte bestätige, dass wir das Bild zeigen dürfen."),
    ],
)
def test_a_picture_needs_a_description_and_the_right_to_show_it(
    client, calendar, overrides, field, message
):
    images = get_image_model().objects.count()

    response = client.post(
        calendar.route_url("report"), with_picture(calendar, picture(), **overrides)
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html[html.index(f'id="id_{field}_error"') :]
    assert get_image_model().objects.count() == images


def test_sent_pictures_are_not_in_the_public_image_api(client, calendar):
    client.post(calendar.route_url("report"), with_picture(calendar, picture()))
    image = EventPage.objects.get(title="Jazz im Hof").get_latest_revision_as_object().header_image

    listing = client.get("/api/v3/images/", {"limit": 50})
    assert listing.status_code == 200
    assert image.pk not in [item["id"] for item in listing.json()["items"]]
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == 404
