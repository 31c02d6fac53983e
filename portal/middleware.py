"""Security headers that Django does not set on its own."""

from django.conf import settings

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
