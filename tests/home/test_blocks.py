"""The shared block library: every block renders, validates and helps editors."""

import pytest
from django.core.exceptions import ValidationError
from wagtail import blocks as wagtail_blocks

from home import blocks
from home.blocks import ContentStreamBlock, video_embed_url
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://youtu.be/abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?autoplay=1&dnt=1",
        ),
        ("https://example.org/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_video_embed_url(url, embed):
    assert video_embed_url(url) == embed


def test_video_block_rejects_other_sites_with_a_german_message():
    with pytest.raises(ValidationError) as error:
        blocks.VideoURLBlock().clean("https://example.org/film")
    assert "YouTube- oder Vimeo" in str(error.value)


def test_video_block_loads_nothing_before_the_click():
    html = blocks.VideoBlock().render(
        {
            "url": "https://www.youtube.com/watch?v=abcDEF12345",
            "title": "Konzertmitschnitt",
            "image": None,
            "caption": "",
        }
    )
    assert "<iframe" not in html
    assert (
        'data-video-embed="https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1"' in html
    )
    assert "Video laden" in html and "www.youtube.com" in html


def test_link_block_needs_exactly_one_target():
    block = blocks.LinkTargetBlock()
    with pytest.raises(wagtail_blocks.StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": ""}))
    assert block.clean(block.to_python({"page": None, "url": "https://example.org/"}))["url"]


def test_every_block_has_german_label_icon_template_and_preview():
    for name, block in ContentStreamBlock().child_blocks.items():
        assert block.meta.icon != "placeholder", name
        assert block.meta.template and block.meta.template.startswith("blocks/"), name
        assert block.meta.preview_value is not None, name
        assert str(block.label) != name.replace("_", " ").capitalize(), name


def test_every_block_renders_its_preview_value():
    for name, block in ContentStreamBlock().child_blocks.items():
        html = block.render(block.get_preview_value(), context={"request": None})
        assert html.strip(), name


def test_text_blocks_escape_html():
    page = StandardPage.objects.get(slug="raumvermietung")
    page.body = [
        ("quote", {"text": "<script>alert(1)</script>", "attribution": "<b>x</b>"}),
        ("heading", {"text": "<img src=x onerror=alert(1)>", "level": "h2"}),
    ]
    html = "".join(str(child) for child in page.body)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_table_block_has_caption_and_header_cells(client):
    html = client.get("/de/raumvermietung/").content.decode()
    assert "<figcaption>Unsere Räume im Überblick</figcaption>" in html
    assert "<th" in html and "Seminarraum 1" in html


def test_contact_block_uses_organisation_settings(client):
    html = client.get("/de/ueber-uns/").content.decode()
    assert "Das Team vom Haus am Westbahnhof" in html
    assert 'href="mailto:info@haus-am-westbahnhof.de"' in html
    assert "<dt>Dienstag bis Donnerstag</dt><dd>10 bis 14 Uhr</dd>" in html


def test_home_section_of_an_uninstalled_app_renders_nothing():
    block = blocks.PortalSectionBlock()
    assert block.render({"section": "no-such-app", "heading": "", "count": 3}) == ""
