"""Fields that page types add to their v3 API schemas through ``api_fields``.

Wagtail's v3 API types an ``APIField(serializer=...)`` by the return annotation of the
serializer's ``to_representation`` (a shim for API v2's DRF fields), so these fields appear in
the OpenAPI document with their shapes; plain properties would be typed ``Any``.
"""

from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.images.models import SourceImageIOError

# The rendition the detail of a page shows on top (the HTML page shows 16:9 too).
HEADER_IMAGE_SPEC = "fill-1200x630"


class PageImage(TypedDict):
    """An image as a page shows it: one rendition, described by the page's own alt text.

    ``alt`` is empty where the page marks the image as decoration; it is never the title
    under which the image sits in the media library.
    """

    url: str
    full_url: str
    width: int
    height: int
    alt: str


def page_image(image, alt, filter_spec) -> PageImage | None:
    """``image`` as a ``filter_spec`` rendition with ``alt``; ``None`` without an image or file."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(filter_spec)
    except SourceImageIOError:
        return None
    return PageImage(
        url=rendition.url,
        full_url=rendition.full_url,
        width=rendition.width,
        height=rendition.height,
        alt=alt or "",
    )


class PageRepresentationField(Field):
    """A read-only API field computed from the whole page (``source="*"``), not one attribute."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


class HeaderImageField(PageRepresentationField):
    """The header image of a page (``HeaderImageMixin``) with the page's alt text."""

    def __init__(self, filter_spec=HEADER_IMAGE_SPEC, **kwargs):
        self.filter_spec = filter_spec
        super().__init__(**kwargs)

    def to_representation(self, page) -> PageImage | None:
        return page_image(page.header_image, page.header_image_alt, self.filter_spec)
