"""One number for "what the public sees": it changes whenever published content changes.

Every shared cache of public output (whole anonymous pages, the site chrome per language, the
sitemap) puts ``generation()`` into its key. A change an editor makes bumps it, so the next
request builds fresh output in every process and on every server that shares the cache;
the old entries simply expire. One number keeps the rules simple and safe: a publish anywhere
costs one rebuild of each cached page, which is cheap next to serving a stale page.

What bumps it (``connect()``):
- a page published, unpublished, moved or deleted (Wagtail's signals), or a view restriction
  added, changed or removed;
- a setting (organisation, navigation, footer) or a snippet saved or deleted;
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


def _is_public_model(model):
    global _listed_models
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    from portal.hooks import CACHE_MODELS, collect

    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return True
    if _listed_models is None:
        _listed_models = frozenset(collect(CACHE_MODELS))
    return model in _listed_models or model in get_snippet_models()


def _bump_for_public_models(sender, **kwargs):
    if _is_public_model(sender):
        bump()


def connect():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_bump_on_signal, dispatch_uid="cache_generation.published")
    page_unpublished.connect(_bump_on_signal, dispatch_uid="cache_generation.unpublished")
    post_page_move.connect(_bump_on_signal, dispatch_uid="cache_generation.moved")
    post_delete.connect(_bump_on_signal, sender=Page, dispatch_uid="cache_generation.deleted")
    # A view restriction takes a section out of every public list (home/public_cache.py).
    for signal in (post_save, post_delete):
        signal.connect(
            _bump_on_signal,
            sender=PageViewRestriction,
            dispatch_uid=f"cache_generation.restriction.{signal is post_save}",
        )
    post_save.connect(_bump_for_public_models, dispatch_uid="cache_generation.saved")
    post_delete.connect(_bump_for_public_models, dispatch_uid="cache_generation.removed")
