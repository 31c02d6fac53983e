"""Security headers that Django does not set on its own, and the language of each request."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def public_csp(image_origins=()):
    """The policy of public pages: nothing from third parties.

    The only frames are the two-click video embeds, created after the visitor's click. A view
    allows pictures from more origins (the map's tiles, loaded after the visitor's consent) by
    listing them in ``response.csp_image_origins``.
    """
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["img-src 'self' data:", *image_origins]),
            "script-src 'self'",
            # Wagtail's userbar for logged-in editors sets inline styles.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


PUBLIC_CSP = public_csp()
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The Wagtail admin and the interactive API docs need inline scripts: they get no strict CSP.
RELAXED_PREFIXES = ("/admin/", "/api/v3/docs", "/django-admin/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(RELAXED_PREFIXES) and not settings.DEBUG:
            policy = public_csp(getattr(response, "csp_image_origins", ()))
            response.setdefault("Content-Security-Policy", policy)
        return response


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
