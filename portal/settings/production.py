"""Production: every secret, host and service comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE, STORAGES


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
PORTAL_DEMO_CONTENT_ALLOWED = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker (manage.py db_worker) renders a published page's pictures before visitors ask.
PORTAL_RENDITIONS_AHEAD = True

# Hashed names (cached for a year, immutable: WhiteNoise does that for hashed files), gzip and
# Brotli copies, and the portal's own CSS and JS minified (portal/storage.py).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "portal.storage.MinifiedStaticFilesStorage"},
}

# HTML, feeds and API answers leave compressed (static files come precompressed from
# WhiteNoise, which answers before this middleware). BREACH: Django 4.2+ pads every gzip
# response with random bytes ("Heal the Breach"), and the CSRF token in forms is masked
# anew for every response, so compressing pages with forms leaks no secret by its length.
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1],
    "django.middleware.gzip.GZipMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1 :],
]

# Behind the reverse proxy that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}

# The Wagtail admin shows page previews in a frame of its own origin, so frames stay
# allowed for SAMEORIGIN (base.X_FRAME_OPTIONS); other sites still cannot frame the portal.
SILENCED_SYSTEM_CHECKS = ["security.W019"]


# --- Page cache and frontend cache (portal/page_cache.py, portal/frontend_cache.py) ---
# Kept together at the end: how long anonymous pages stay in the shared cache (publishing
# renews them at once), and how long browsers and a reverse proxy or CDN may keep them.
PORTAL_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
PORTAL_PAGE_CACHE_BROWSER_SECONDS = int(env("PAGE_CACHE_BROWSER_SECONDS", "60"))
PORTAL_PAGE_CACHE_PROXY_SECONDS = int(env("PAGE_CACHE_PROXY_SECONDS", "60"))

# Purging a reverse proxy or CDN on publish (Wagtail's frontend-cache backends). The portal
# connects the purges itself (portal/frontend_cache.py); Wagtail's app is not installed.
# FRONTEND_CACHE_HTTP_URL: a proxy that accepts HTTP PURGE (Varnish, nginx), e.g.
# http://127.0.0.1:6081; CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID: Cloudflare.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_HTTP_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_HTTP_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", required=True),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
