"""`make bench`: production-like (DEBUG off) on its own database.

``BENCH_PROFILE`` (``small``, the default, or ``large``) picks the database, so the small and
the large one are both kept: ``var/bench.sqlite3`` and ``var/bench-large.sqlite3``, or with
``DATABASE_URL`` (PostgreSQL) its database and the same name with ``_large``.
"""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, database_from_env

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
BENCH_PROFILE = os.environ.get("BENCH_PROFILE", "small")
_SUFFIX = "" if BENCH_PROFILE == "small" else f"-{BENCH_PROFILE}"
DATABASES = {"default": database_from_env(BASE_DIR / "var" / f"bench{_SUFFIX}.sqlite3")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3" and _SUFFIX:
    DATABASES["default"]["NAME"] += _SUFFIX.replace("-", "_")
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The bench measures rendering: without the whole-page cache (fragment caches stay).
PORTAL_PAGE_CACHE_SECONDS = 0

# The 404 page is measured on purpose; its "Not Found" warnings would drown the table.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
