"""Test settings: fast hashing, in-memory mail, same database rules as production."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / str(os.getpid())
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the apps and static/, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Query pins count what rendering a page costs: the whole-page cache is off, except in the
# tests of the cache itself (tests/test_page_cache.py turns it on).
PORTAL_PAGE_CACHE_SECONDS = 0

# CI runs the suite a second time against PostgreSQL and Redis (.ci/run): REDIS_URL puts the
# cache into that Redis database, which tests/conftest.py empties before the run.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
