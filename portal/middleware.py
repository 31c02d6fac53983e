"""The visitor's address, security headers Django does not set on its own, and the language
of each request."""

import ipaddress
import re

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The Wagtail admin, Django's admin and the interactive API docs run inline scripts: they get
# the narrower policy of settings.PORTAL_ADMIN_CSP instead of the public pages' one.
RELAXED_PREFIXES = ("/admin/", "/api/v3/docs", "/django-admin/")


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under its paths and a view's extra
    picture origins.

    The public policy (settings.CONTENT_SECURITY_POLICY) allows nothing from third parties.
    A view allows pictures from more origins (the map's tiles, loaded after the visitor's
    consent) by listing them in ``response.csp_image_origins``. A page rendered as the editor's
    preview may be framed by the admin.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(RELAXED_PREFIXES):
            parts.config = settings.PORTAL_ADMIN_CSP
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the whole middleware stack with a dummy
            # request for the page's public address; the admin shows it in a frame.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        if origins := getattr(response, "csp_image_origins", None):
            parts.update = {**(parts.update or {}), "img-src": list(origins)}
        return parts


class SecurityHeadersMiddleware:
    """The Permissions-Policy header, which Django does not send on its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def client_address(request):
    """The visitor's address (``REMOTE_ADDR``, as ClientAddressMiddleware leaves it)."""
    return request.META.get("REMOTE_ADDR", "")


class ClientAddressMiddleware:
    """``REMOTE_ADDR`` becomes the visitor's address behind trusted reverse proxies.

    settings.PORTAL_TRUSTED_PROXIES lists the addresses or networks of the proxies in front of
    the portal. Only a request that comes from one of them has its X-Forwarded-For read, right
    to left, past further trusted proxies: the first address that is not trusted is the
    visitor's. What a client writes into the header itself stays left of that and is ignored.
    Login throttling and the flood control of every public form read ``REMOTE_ADDR``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = [
            ipaddress.ip_network(proxy, strict=False) for proxy in settings.PORTAL_TRUSTED_PROXIES
        ]

    def trusted(self, address):
        try:
            address = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(address in proxy for proxy in self.proxies)

    def __call__(self, request):
        if self.proxies and self.trusted(request.META.get("REMOTE_ADDR", "")):
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            for address in reversed([part.strip() for part in forwarded]):
                if self.trusted(address):
                    continue
                try:
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(address))
                except ValueError:
                    pass  # not an address: the proxy's own stays
                break
        return self.get_response(request)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect for paths outside the language prefixes.

    Without this, a 404 from the API (``/api/v3/pages/99/``) turns into a redirect to
    ``/de/api/v3/pages/99/``, which Wagtail's catch-all page route would accept.
    """

    UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/static/", "/media/")
    ADMIN_PATH = "/admin/"

    def process_request(self, request):
        if request.path_info.startswith(self.ADMIN_PATH):
            # The team works in German: an English browser must not turn the admin (and its
            # login page) English. An editor's own choice in "Konto" still wins: Wagtail
            # applies the profile's language per view.
            translation.activate(settings.PORTAL_ADMIN_LANGUAGE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED_PATHS):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class SnippetChooserRightsMiddleware:
    """A snippet chooser answers only users holding a right on its model.

    Wagtail's choosers list every object to anyone who may open the admin (choosing is meant
    for editing forms, so Wagtail checks no model permission there). Comments, reports and
    suggestions name people: the portal's moderators must not browse the Kulturnetz senders
    through a chooser, nor editors the reports about comments.
    """

    CHOOSER = re.compile(r"^/admin/snippets/choose/(?P<app>\w+)/(?P<model>\w+)/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = self.CHOOSER.match(request.path_info)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        try:
            model = apps.get_model(match["app"], match["model"])
        except LookupError:
            return None
        opts = model._meta
        if not any(
            user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "add", "change", "delete")
        ):
            raise PermissionDenied
        return None
