"""`make bench`: production-like (DEBUG off) on its own SQLite file."""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, sqlite_database

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
DATABASES = {"default": sqlite_database(BASE_DIR / "var" / "bench.sqlite3")}
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
