"""Security headers that Django does not set on its own, and the language of each request."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# Public pages load nothing from third parties; the only frames are the two-click video
# embeds, created after the visitor's click.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
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
            response.setdefault("Content-Security-Policy", PUBLIC_CSP)
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
