"""Views of the project itself (not of a page type): the health check of the load balancer."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """Whether this app server can answer: the database and the shared cache respond.

    Cheap on purpose (one query, one cache round trip): load balancers call it every few
    seconds. 503 takes the server out of the rotation until both answer again.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:
        logger.exception("Health check: the database does not answer")
        checks["database"] = "error"
    try:
        # Redis itself: the portal's cache answers as if empty while Redis is away
        # (portal/cache.py), which would hide the outage here.
        if hasattr(cache, "ping"):
            cache.ping()
        else:
            cache.get("healthz")
        checks["cache"] = "ok"
    except Exception:
        logger.exception("Health check: the cache does not answer")
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def not_found(request):
    """A 404 for an address that exists only to fail (see portal/urls.py)."""
    raise Http404
