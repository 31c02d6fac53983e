"""Pictures from the public are checked, turned upright, scaled and stored without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin
from wagtail.models import Collection, CollectionViewRestriction

from home.image_uploads import clean_uploaded_image, store_image

ORIENTATION = 0x0112


def upload(image, image_format, **options):
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return SimpleUploadedFile(f"bild.{image_format.lower()}", output.getvalue())


def test_a_large_picture_is_scaled_down():
    clean = clean_uploaded_image(upload(Image.new("RGB", (5000, 1000)), "PNG"))

    assert (clean.width, clean.height) == (3200, 640)


def test_a_photo_taken_sideways_is_turned_upright():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the camera was turned: rotate 90° clockwise to show it
    clean = clean_uploaded_image(upload(Image.new("RGB", (400, 300)), "JPEG", exif=exif))

    stored = Image.open(io.BytesIO(clean.content))
    assert stored.size == (300, 400) and not stored.getexif()


def test_png_text_and_transparency():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Anna Aktiv, Hauptstraße 1")
    image = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    clean = clean_uploaded_image(upload(image, "PNG", pnginfo=text))

    stored = Image.open(io.BytesIO(clean.content))
    assert stored.mode == "RGBA" and "Author" not in stored.info
    assert b"Anna Aktiv" not in clean.content


def test_an_animation_keeps_its_first_frame_only():
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "blue")]
    output = io.BytesIO()
    frames[0].save(output, format="WEBP", save_all=True, append_images=frames[1:])
    clean = clean_uploaded_image(SimpleUploadedFile("bild.webp", output.getvalue()))

    stored = Image.open(io.BytesIO(clean.content))
    assert getattr(stored, "n_frames", 1) == 1


def test_a_file_that_lies_about_its_type_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_uploaded_image(SimpleUploadedFile("bild.png", b"GIF89a" + b"\0" * 100))

    assert refused.value.code == "unreadable"


@pytest.mark.django_db
def test_stored_pictures_go_to_a_collection_the_public_cannot_list():
    clean = clean_uploaded_image(upload(Image.new("RGB", (40, 30)), "PNG"))

    image = store_image(clean, "Ein Bild", "Einsendungen (Test)", prefix="test")
    again = store_image(clean, "Noch eins", "Einsendungen (Test)", prefix="test")

    assert image.collection == again.collection
    assert Collection.objects.filter(name="Einsendungen (Test)").count() == 1
    assert CollectionViewRestriction.objects.filter(collection=image.collection).count() == 1
    assert image.file.name != again.file.name
    assert (image.width, image.height) == (40, 30)
