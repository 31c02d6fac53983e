"""Uploads in the admin: pictures in raster formats within size and pixel limits (no SVG),
documents of allowed types only, served through Wagtail's view with safe headers.

The public forms' pictures (re-encoded, 5 MB, 40 megapixels, no SVG) are tested in
tests/kulturnetz/test_submissions_uploads.py.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'


def png(width=40, height=30, mode="RGB"):
    output = io.BytesIO()
    Image.new(mode, (width, height)).save(output, format="PNG")
    return output.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Testbild",
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Testdokument",
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_an_editor_uploads_a_png(editor_client):
    before = get_image_model().objects.count()
    response = upload_image(editor_client, "hof.png", png())
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        # An SVG that claims to be a PNG is no picture at all.
        ("logo.png", SVG, "image/png"),
        ("seite.html", b"<script>alert(1)</script>", "text/html"),
        ("riesig.png", png(8000, 5001, mode="1"), "image/png"),
    ],
    ids=["svg", "svg-as-png", "html", "40-megapixels-and-more"],
)
def test_svg_html_and_oversized_pictures_are_refused(editor_client, name, content, content_type):
    before = get_image_model().objects.count()
    response = upload_image(editor_client, name, content, content_type)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_a_picture_over_the_size_limit_is_refused(editor_client):
    before = get_image_model().objects.count()
    response = upload_image(editor_client, "gross.png", png(300, 300, mode="RGB") + b"\0" * 2048)
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize("name", ["programm.exe", "seite.html", "bild.svg", "skript.js"])
def test_documents_of_other_types_are_refused(editor_client, name):
    before = get_document_model().objects.count()
    response = upload_document(editor_client, name, b"MZ<script>alert(1)</script>")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_document_model().objects.count() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_document_over_the_size_limit_is_refused(editor_client):
    before = get_document_model().objects.count()
    response = upload_document(editor_client, "protokoll.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert get_document_model().objects.count() == before


def test_documents_are_served_through_wagtails_view_as_downloads(client, editor):
    client.force_login(editor)
    assert upload_document(client, "satzung.odt", b"PK\x03\x04 Satzung").status_code == 302
    document = get_document_model().objects.latest("pk")
    client.logout()

    assert document.url == reverse("wagtaildocs_serve", args=(document.pk, document.filename))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
