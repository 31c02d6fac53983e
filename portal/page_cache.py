"""Whole public pages for anonymous visitors, from the shared cache.

A page that every anonymous visitor of a language sees alike is rendered once and kept in
Django's shared ``cache`` (Redis in production), under a key made of the address (with its
query string), host, scheme, language and the content generation (``home/cache_generation.py``).
Publishing, unpublishing, moving or deleting a page, approving a comment, saving a snippet or a
setting bumps the generation, so the next request renders afresh on every server.

Never from the cache and never stored:
- any request with a cookie besides the CSRF cookie: a session (editors, previews, a private
  page's password), messages, the commenter's own pending comments, the remembered author;
- requests with an ``Authorization`` header (API tokens), other methods than GET and HEAD;
- the admin, documents, media and the interactive API docs;
- responses that set a cookie, queue a message, change the session, are not 200 or 404, say
  ``private``/``no-cache``/``no-store`` or vary on more than cookies and the language.

Forms stay usable: the CSRF token and the single-use start token (``home/form_protection.py``)
are cut out before storing and filled in anew for every visitor on a hit. Such pages carry the
visitor's own token, so they are ``private`` for browsers and proxies.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from home.cache_generation import generation
from home.form_protection import renew_form_token

HEADER = "X-Portal-Cache"
HIT, MISS, PASS = "hit", "miss", "pass"
KEY_PREFIX = "portal:page"
CACHED_STATUSES = (200, 404)
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
EXCLUDED_PATHS = ("/api/v3/docs",)
# Headers a response may vary on: cookies (only the CSRF cookie gets this far) and the language
# (part of the key).
KEYED_VARY = {"cookie", "accept-language"}
# Recomputed on every response (the length changes when tokens are filled in).
UNSTORED_HEADERS = {"content-length", "set-cookie", HEADER.lower()}

# Django's {% csrf_token %} and the start token's hidden field, as they render.
CSRF_FIELD = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
START_FIELD = re.compile(rb'(<input type="hidden" name="(?:[\w-]+-)?started" value=")([^"]*)(")')


def _seconds(name, default):
    return int(getattr(settings, name, default))


def page_key(request):
    """The cache key of this request's page; ``None`` when the cache is off."""
    address = "|".join(
        [request.scheme, request.get_host(), translation.get_language(), request.get_full_path()]
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation()}:{digest}"


def _is_public_path(path):
    return not path.startswith(EXCLUDED_PREFIXES) and not path.startswith(EXCLUDED_PATHS)


def _is_anonymous_read(request):
    """Whether the visitor sees exactly what every anonymous visitor of the language sees."""
    if request.method not in ("GET", "HEAD") or "authorization" in request.headers:
        return False
    # Wagtail's previews and moderation views render through a dummy request, marked only
    # with ``is_dummy`` while the middleware runs (``is_preview`` is set after it).
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    return all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)


def _queued_messages(request):
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and getattr(storage, "_queued_messages", None))


def _session_changed(request):
    session = getattr(request, "session", None)
    return session is not None and (session.modified or not session.is_empty())


def _storable(request, response):
    if request.method != "GET" or response.status_code not in CACHED_STATUSES:
        return False
    if response.streaming or response.cookies or _queued_messages(request):
        return False
    if _session_changed(request):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= KEYED_VARY


def _cut_tokens(request, content):
    """The content with the visitor's CSRF token cut out; None if it cannot be stored safely."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return content, False
    content, count = CSRF_FIELD.subn(rb"\1\2", content)
    # The token went somewhere else than a form's hidden field: keep it out of the cache.
    return (content, True) if count else (None, False)


def _fill_tokens(request, content, has_csrf, has_start):
    if has_csrf:
        token = get_token(request).encode()
        content = CSRF_FIELD.sub(lambda match: match[1] + token + match[2], content)
    if has_start:

        def renew(match):
            token = renew_form_token(match[2].decode())
            return match[1] + (token or "").encode() + match[3]

        content = START_FIELD.sub(renew, content)
    return content


def _mark_public(response, private):
    if private:
        patch_cache_control(response, private=True, no_cache=True)
    elif "Cache-Control" not in response:
        # A view that says how long its answer keeps (feeds, exports) is not overruled.
        patch_cache_control(
            response,
            public=True,
            max_age=_seconds("PORTAL_PAGE_CACHE_BROWSER_SECONDS", 60),
            s_maxage=_seconds("PORTAL_PAGE_CACHE_PROXY_SECONDS", 60),
        )


def _mark_private(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    """Serve and store anonymous public pages (see the module's docstring).

    Placed after the session, CSRF, authentication and message middleware, so those see every
    request (and set the visitor's CSRF cookie on a hit), and before the middleware that adds
    headers of the page (security headers, redirects), whose work is stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _seconds("PORTAL_PAGE_CACHE_SECONDS", 300) <= 0 or not _is_public_path(
            request.path_info
        ):
            return self.get_response(request)
        if not _is_anonymous_read(request):
            response = self.get_response(request)
            _mark_private(response)
            patch_vary_headers(response, ["Cookie"])
            response[HEADER] = PASS
            return response
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None:
            return self._hit(request, entry)
        response = self.get_response(request)
        if self._store(request, response, key):
            response[HEADER] = MISS
        else:
            _mark_private(response)
            response[HEADER] = PASS
        patch_vary_headers(response, ["Cookie"])
        return response

    def _store(self, request, response, key):
        if not _storable(request, response):
            return False
        content, has_csrf = _cut_tokens(request, response.content)
        if content is None:
            return False
        has_start = START_FIELD.search(content) is not None
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        entry = (response.status_code, content, headers, has_csrf, has_start)
        cache.set(key, entry, _seconds("PORTAL_PAGE_CACHE_SECONDS", 300))
        _mark_public(response, private=has_csrf or has_start)
        return True

    def _hit(self, request, entry):
        status, content, headers, has_csrf, has_start = entry
        response = HttpResponse(_fill_tokens(request, content, has_csrf, has_start), status=status)
        for name, value in headers:
            response[name] = value
        _mark_public(response, private=has_csrf or has_start)
        patch_vary_headers(response, ["Cookie"])
        response[HEADER] = HIT
        if status != 200:
            return response
        # A feed reader that has this version gets "304 Not Modified", as from the view.
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
