"""The admin's image form (named by WAGTAILIMAGES_IMAGE_FORM_BASE; it imports Wagtail's image
forms, which need the models loaded, so it has a module of its own)."""

from wagtail.images.forms import BaseImageForm


class ImageFormWithoutAltText(BaseImageForm):
    """The image upload and edit form, without Wagtail's "Beschreibung" (its default alt text).

    The portal asks for the alt text where a picture is used (a page's title picture, an image
    block), because the same picture can say different things in different places; asking
    again on upload made editors type it twice and left a text that no page shows.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("description", None)
