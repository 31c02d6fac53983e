"""`make bench`: production-like (DEBUG off) on its own SQLite file, or on the database
named by ``DATABASE_URL`` (PostgreSQL), which the bench empties and rebuilds."""

import os
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, database_from_env

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
DATABASES = {
    "default": database_from_env(
        Path(os.environ.get("BENCH_SQLITE_PATH", BASE_DIR / "var" / "bench.sqlite3"))
    )
}
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The 404 page is measured on purpose; its "Not Found" warnings would drown the table.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
