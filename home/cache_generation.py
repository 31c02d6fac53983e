"""One number for "what the public sees": it changes whenever published content changes.

Every shared cache of public output (whole anonymous pages, the site chrome per language, the
sitemap) puts ``generation()`` into its key. A change an editor makes bumps it, so the next
request builds fresh output in every process and on every server that shares the cache;
the old entries simply expire. One number keeps the rules simple and safe: a publish anywhere
costs one rebuild of each cached page, which is cheap next to serving a stale page.

What bumps it (``connect()``):
- a page published, unpublished, moved or deleted (Wagtail's signals), or its privacy changed
  (a view restriction added or removed: the page leaves or joins the public output);
- a setting (organisation, navigation, footer) or a snippet saved or deleted, or one of their
  inline rows (menu entries, footer links); a site or a locale saved or deleted;
- any model a feature app lists through the ``CACHE_MODELS`` hook (``portal/hooks.py``) (approved comments,
  occurrences, ...), saved or deleted.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "portal:content-generation"


def generation():
    """The current generation; the same in every process that shares the cache."""
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, time.time_ns(), None)
        value = cache.get(KEY)
    return value


def generation_for_request(request):
    """``generation()`` read once per request: every cache a page uses keys on the same number."""
    value = getattr(request, "_portal_generation", None)
    if value is None:
        value = request._portal_generation = generation()
    return value


def _set_new():
    cache.set(KEY, time.time_ns(), None)


def bump():
    """A new generation now, and again once the transaction commits.

    The second bump closes the gap in which another request could read the old rows and
    cache them under the new generation.
    """
    _set_new()
    transaction.on_commit(_set_new)


def _bump_on_signal(sender, **kwargs):
    bump()


_listed_models = None
_public = {}


def _is_public_model(model):
    """Whether saving or deleting a row of ``model`` changes what the public sees."""
    if model not in _public:
        _public[model] = False  # while deciding: a cycle of parental keys ends here
        _public[model] = _decide_public(model)
    return _public[model]


def _decide_public(model):
    global _listed_models
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Site
    from wagtail.snippets.models import get_snippet_models

    from portal.hooks import CACHE_MODELS, collect

    if getattr(model, "bumps_generation_itself", False):
        return False
    if issubclass(model, BaseSiteSetting | BaseGenericSetting | Site | Locale):
        return True
    if _listed_models is None:
        _listed_models = frozenset(collect(CACHE_MODELS))
    if model in _listed_models or model in get_snippet_models():
        return True
    # The inline rows of a setting or snippet (menu entries, footer links) are saved after
    # their parent, and can be saved on their own.
    return any(
        isinstance(field, ParentalKey) and _is_public_model(field.related_model)
        for field in model._meta.fields
    )


def connect():
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_bump_on_signal, dispatch_uid="cache_generation.published")
    page_unpublished.connect(_bump_on_signal, dispatch_uid="cache_generation.unpublished")
    post_page_move.connect(_bump_on_signal, dispatch_uid="cache_generation.moved")
    post_delete.connect(_bump_on_signal, sender=Page, dispatch_uid="cache_generation.deleted")
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.abstract or model._meta.proxy or not _is_public_model(model):
            continue
        uid = f"cache_generation.{model._meta.label_lower}"
        post_save.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}.removed")
