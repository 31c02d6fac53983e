"""Pictures the public sends through a form: checked and re-encoded before anyone sees them.

Only JPEG, PNG and WebP up to MAX_UPLOAD_BYTES and MAX_UPLOAD_PIXELS are taken. Each is decoded
and encoded again with Pillow, so what is stored is a plain picture: no camera or location data
(EXIF, XMP, comments, colour profiles), no second frame, no bytes the sender smuggled in. It
becomes a Wagtail image in a collection of its own that the public API does not list.
"""

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_PIXELS = 40_000_000
# A stored picture is at most this wide or high; larger ones are scaled down.
MAX_STORED_EDGE = 3200
# Pillow's format name: (file extension, options for saving it again).
ACCEPTED_FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}

TOO_LARGE = _("Das Bild ist zu groß. Erlaubt sind höchstens %(megabytes)s MB.")
WRONG_TYPE = _("Bitte lade ein Foto im Format JPEG, PNG oder WebP hoch.")
TOO_MANY_PIXELS = _(
    "Das Bild hat zu viele Bildpunkte (höchstens %(megapixels)s Megapixel). Bitte verkleinere es."
)
UNREADABLE = _("Das Bild konnte nicht gelesen werden. Bitte versuche es mit einer anderen Datei.")


class CleanImage:
    """A re-encoded picture, ready to be stored: its bytes, file extension and size."""

    def __init__(self, content, extension, width, height):
        self.content = content
        self.extension = extension
        self.width = width
        self.height = height

    def as_file(self, prefix):
        """A file with a name nobody can guess (the original's name is not kept)."""
        return ContentFile(self.content, name=f"{prefix}-{secrets.token_hex(8)}.{self.extension}")


def _too_many_pixels():
    return ValidationError(
        TOO_MANY_PIXELS, code="pixels", params={"megapixels": MAX_UPLOAD_PIXELS // 1_000_000}
    )


def _open(upload):
    """The decoded picture; only its header is read before format and size are checked."""
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow warns (and later refuses) for decompression bombs: refuse at the warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(WRONG_TYPE, code="type")
        width, height = image.size
        if width * height > MAX_UPLOAD_PIXELS:
            raise _too_many_pixels()
        if image.format == "JPEG":
            # JPEG decodes at 1/2, 1/4 or 1/8 of its size when that is still large enough.
            image.draft("RGB", (MAX_STORED_EDGE, MAX_STORED_EDGE))
        image.load()
    return image


def _plain_copy(image, image_format):
    """The first frame, turned upright, in a mode the format can store, without metadata."""
    image.seek(0)
    upright = ImageOps.exif_transpose(image)
    if image_format == "JPEG":
        mode = "RGB"
    elif upright.mode in ("RGBA", "LA") or "transparency" in upright.info:
        mode = "RGBA"
    else:
        mode = "RGB"
    plain = upright.convert(mode)
    # A new image carries none of the original's info (EXIF, XMP, ICC, PNG text chunks).
    copy = Image.new(plain.mode, plain.size)
    copy.paste(plain)
    copy.thumbnail((MAX_STORED_EDGE, MAX_STORED_EDGE))
    return copy


def clean_uploaded_image(upload):
    """Check an uploaded file and re-encode it; raises ValidationError with a German message."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            TOO_LARGE, code="size", params={"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    try:
        image = _open(upload)
        image_format = image.format
        copy = _plain_copy(image, image_format)
        extension, options = ACCEPTED_FORMATS[image_format]
        output = io.BytesIO()
        copy.save(output, format=image_format, **options)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ) as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    return CleanImage(output.getvalue(), extension, *copy.size)


def submissions_collection(name):
    """The collection ``name`` below the root, kept from the public image API (login only)."""
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def store_image(clean_image, title, collection_name, prefix="upload"):
    """Save a re-encoded picture as a Wagtail image in the collection ``collection_name``."""
    from wagtail.images import get_image_model

    image = get_image_model()(
        title=title[:255],
        file=clean_image.as_file(prefix),
        collection=submissions_collection(collection_name),
    )
    image._set_image_file_metadata()
    image.save()
    return image
