"""Test settings: fast hashing, in-memory mail, same database rules as production."""

import os
from urllib.parse import urlsplit, urlunsplit

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
# cache into that Redis database, which tests/conftest.py empties before each test. Each
# pytest-xdist worker (gw0, gw1, …) takes the next database number, so that one worker's
# emptying never reaches another's cache.
if os.environ.get("REDIS_URL"):
    _redis = urlsplit(os.environ["REDIS_URL"])
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    _database = int(_redis.path.strip("/") or 0) + _worker
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": urlunsplit(_redis._replace(path=f"/{_database}")),
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
