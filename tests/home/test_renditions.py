"""Renditions made when a page is published, not when the first visitor asks (home/renditions.py)."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from home.renditions import CARD, HEADER, HOME_HEADER, SHARE, expand
from tests.factories import standard_page

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (160, 90), "teal").save(buffer, "JPEG")
    return get_image_model().objects.create(title="Probe", file=ImageFile(buffer, name="probe.jpg"))


def _specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_publishing_a_page_renders_its_pictures(settings, django_capture_on_commit_callbacks):
    settings.PORTAL_RENDITIONS_AHEAD = True
    image = _image()
    with django_capture_on_commit_callbacks(execute=True):
        standard_page("Mit Bild", header_image=image, header_image_alt="Probe")
    # The page's header, its card in listings and the picture for sharing.
    assert _specs(image) == set(expand(HEADER, CARD, SHARE))


def test_without_the_setting_publishing_renders_nothing(django_capture_on_commit_callbacks):
    image = _image()
    with django_capture_on_commit_callbacks(execute=True):
        standard_page("Mit Bild", header_image=image, header_image_alt="Probe")
    assert _specs(image) == set()


def _template_specs(template):
    """The spec sets of every image tag in a template, expanded as Wagtail does."""
    text = (TEMPLATES / template).read_text()
    found = []
    for tag in re.findall(r"{% (?:picture|image|srcset_image) (.*?)%}", text):
        specs = [bit for bit in tag.split()[1:] if re.match(r"^[a-z]+-[\w{},x]+$", bit)]
        found.append(set(expand(" ".join(specs))))
    return found


@pytest.mark.parametrize(
    "template, pattern",
    [
        ("home/standard_page.html", HEADER),
        ("blog/blog_post_page.html", HEADER),
        ("kulturnetz/event_page.html", HEADER),
        ("processes/process_page.html", HEADER),
        ("home/home_page.html", HOME_HEADER),
        ("includes/card.html", CARD),
        ("base.html", SHARE),
    ],
)
def test_the_prepared_specs_are_those_the_templates_ask_for(template, pattern):
    assert set(expand(pattern)) in _template_specs(template)
