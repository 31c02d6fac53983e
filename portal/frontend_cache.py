"""Purge a reverse proxy or CDN in front of the portal when public pages change.

Uses Wagtail's frontend-cache backends (HTTP ``PURGE`` for Varnish or nginx, Cloudflare, ...)
as configured in ``WAGTAILFRONTENDCACHE`` (production, from the environment); without that
setting nothing is connected. Wagtail's app ``wagtail.contrib.frontend_cache`` purges only a
published or unpublished page; the portal does this itself, so that app stays out of
``INSTALLED_APPS`` (it would purge twice), and purges more:

- a page published, unpublished or deleted: its addresses and its ancestors' (the index and
  the home page list it);
- a page moved: its old and its new address and both parents;
- a comment approved, or an approved one changed or removed: its page.

Settings and snippets change every page; a proxy catches up within ``s-maxage``
(``PORTAL_PAGE_CACHE_PROXY_SECONDS``). The purge runs as a background task (Wagtail's).
"""

import copy

from django.conf import settings
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def is_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _with_ancestors(page):
    """The page and its live ancestors that have an address (the tree's root has none)."""
    return [*page.get_ancestors().filter(depth__gt=1).live().specific(defer=True), page]


def purge_pages(pages, urls=()):
    batch = PurgeBatch(urls)
    batch.add_pages(pages)
    batch.purge()


def _page_changed(sender, instance, **kwargs):
    purge_pages(_with_ancestors(instance))


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    # A subtree's pages are deleted with it; the top page has already purged their parents.
    if isinstance(instance, Page) and instance.live:
        purge_pages(_with_ancestors(instance))


def _page_moved(sender, instance, url_path_before, parent_page_before, **kwargs):
    old = copy.copy(instance)
    old.url_path = url_path_before
    old_url = old.get_full_url()
    purge_pages(
        [*_with_ancestors(instance), parent_page_before],
        urls=[old_url] if old_url else [],
    )


def _comments_changed(sender, page_ids, **kwargs):
    from wagtail.models import Page

    purge_pages(Page.objects.filter(pk__in=page_ids).live().specific(defer=True))


def _signals():
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from comments.signals import public_comments_changed

    return [
        (page_published, _page_changed, None, "frontend_cache.published"),
        (page_unpublished, _page_changed, None, "frontend_cache.unpublished"),
        (post_page_move, _page_moved, None, "frontend_cache.moved"),
        (pre_delete, _page_deleted, Page, "frontend_cache.deleted"),
        (public_comments_changed, _comments_changed, None, "frontend_cache.comments"),
    ]


def connect():
    """Purge on changes, if a frontend cache is configured (``PortalConfig.ready()``)."""
    if not is_configured():
        return
    for signal, receiver, sender, uid in _signals():
        signal.connect(receiver, sender=sender, dispatch_uid=uid)


def disconnect():
    for signal, receiver, sender, uid in _signals():
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
