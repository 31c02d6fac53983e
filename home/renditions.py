"""Renditions made before the first visitor asks for them.

When a page is published, a background task (django-tasks; ``manage.py db_worker`` in
production) renders the pictures that its templates and the listings showing it will ask for,
so no visitor waits while an AVIF is encoded. Wagtail 8 makes renditions only on request (and
``wagtail_update_image_renditions`` only rebuilds existing ones); this fills that gap. A page
names its pictures and their spec patterns in ``rendition_specs()``, written as the templates
write them (a test keeps both in step).
"""

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# The spec patterns of the templates ({% picture %} tags), one constant per kind of picture.
HEADER = "format-{avif,webp,jpeg} fill-{480x270,960x540,1440x810}"  # top of a content page
HOME_HEADER = "format-{avif,webp,jpeg} fill-{480x320,960x640,1440x960}"  # top of the home page
CARD = "format-{avif,webp,jpeg} fill-{400x225,800x450}"  # includes/card.html
SHARE = "fill-1200x630|format-jpeg"  # og:image (base.html)


def expand(*patterns):
    """The single filter specs behind ``patterns``, as the picture tag expands them."""
    return [spec for pattern in patterns for spec in Filter.expand_spec(pattern)]


@task()
def make_renditions(image_pk, specs):
    """Render ``specs`` of one image; those that exist already cost one query."""
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is not None:
        image.get_renditions(*specs)


def _enqueue_for_page(sender, instance, **kwargs):
    if not getattr(settings, "PORTAL_RENDITIONS_AHEAD", False):
        return
    specific = getattr(instance, "specific_deferred", instance)
    specs_of = getattr(specific, "rendition_specs", None)
    if specs_of is None:
        return
    wanted = {}
    for image, patterns in specs_of():
        if image is not None:
            wanted.setdefault(image.pk, []).extend(expand(*patterns))
    for image_pk, specs in wanted.items():
        specs = list(dict.fromkeys(specs))
        transaction.on_commit(lambda pk=image_pk, s=specs: make_renditions.enqueue(pk, s))


def connect():
    from wagtail.signals import page_published

    page_published.connect(_enqueue_for_page, dispatch_uid="renditions.ahead")
