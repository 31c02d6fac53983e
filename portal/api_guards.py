"""Checks an API operation runs before it reads its body (use with ninja's ``decorate_view``)."""

from functools import wraps

from django.conf import settings
from django.utils.translation import gettext as _

from portal.api_types import problem_response

JSON = "application/json"


def _request_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def is_foreign_origin(request):
    """True when a browser sent the request from another site (no Origin: not a browser form)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin != _request_origin(request) and origin not in settings.CSRF_TRUSTED_ORIGINS


def json_from_own_site(run):
    """Refuse a body that is not JSON (415) and a browser request from a foreign site (403).

    Other sites can make a visitor's browser POST ``text/plain`` or form bodies without asking
    (a CORS "simple request"); JSON needs a preflight, which this API never grants them.
    """

    @wraps(run)
    def guarded(request, *args, **kwargs):
        if is_foreign_origin(request):
            return problem_response(
                status=403, detail=_("Anfragen von anderen Websites werden nicht angenommen.")
            )
        if request.content_type != JSON:
            return problem_response(
                status=415,
                detail=_("Der Inhalt muss als %(type)s gesendet werden.") % {"type": JSON},
            )
        return run(request, *args, **kwargs)

    return guarded
