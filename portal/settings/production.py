"""Production: every secret, host and service comes from the environment.

The same module serves the embedded default (SQLite, one server) and a cluster (PostgreSQL,
Redis, object storage, a search cluster): each service is switched on by its variable.
docs/deploy.md lists every variable with its default.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

from portal.logging import json_logging

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES, MIDDLEWARE, STORAGES


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default):
    value = env(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env(name)
    try:
        return default if value in (None, "") else int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be a number.") from None


DEBUG = False
PORTAL_DEMO_CONTENT_ALLOWED = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# --- Database: PostgreSQL from DATABASE_URL (psycopg 3), else the embedded SQLite file ---
# Persistent connections: each gunicorn worker keeps its connection for DB_CONN_MAX_AGE
# seconds and checks it before reuse, so a restarted database costs one failed check, not
# a failed request.
if env("DATABASE_URL"):
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5)
    )

# --- Cache and sessions: Redis from REDIS_URL ---
# Every process and server must share one cache: the content generation
# (home/cache_generation.py) invalidates cached pages everywhere only through it. Without
# Redis the cache lives in files, which the workers of one machine share.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Without Redis the portal serves from the database, and logs the outage
            # (portal/cache.py).
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            # A Redis that does not answer slows pages down for seconds, not minutes.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions are read from Redis and written through to the database, so a restart or an
    # eviction in Redis logs nobody out.
    SESSION_ENGINE = env("SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
        }
    }

# --- Background tasks: queued in the database, run by `manage.py db_worker` ---
# Comment and submission e-mails, search-index and reference-index updates leave the request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker (manage.py db_worker) renders a published page's pictures before visitors ask.
PORTAL_RENDITIONS_AHEAD = True

# --- Static files: hashed and compressed by collectstatic, served by WhiteNoise ---
# Hashed names (css/base.3f2a….css) are cached for a year as immutable; anything requested
# under its plain name keeps WHITENOISE_MAX_AGE.
# The portal's own CSS and JS are minified, and gzip and Brotli copies written (portal/storage.py).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "portal.storage.MinifiedStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 3600)

# HTML, feeds and API answers leave compressed (static files come precompressed from
# WhiteNoise, which answers before this middleware). BREACH: Django 4.2+ pads every gzip
# response with random bytes ("Heal the Breach"), and the CSRF token in forms is masked
# anew for every response, so compressing pages with forms leaks no secret by its length.
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1],
    "django.middleware.gzip.GZipMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1 :],
]


# --- Media: S3-compatible object storage when a bucket is named, else MEDIA_ROOT ---
# Without a bucket the reverse proxy serves MEDIA_ROOT; SERVE_MEDIA lets the portal do it
# (one server without a proxy, `make serve`, the deploy check).
PORTAL_SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself (or an
    # instance role). Any S3-compatible store works through AWS_S3_ENDPOINT_URL.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env("AWS_LOCATION", "media"),
            # Public pictures get plain, cacheable URLs (a CDN in front), not signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "default_acl": env("AWS_DEFAULT_ACL") or None,
            # Two uploads of "flyer.jpg" must not overwrite each other.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }

# --- Search: the database (PostgreSQL full text), or OpenSearch/Elasticsearch ---
# SEARCH_URL switches to a search cluster; SEARCH_BACKEND names the client that fits it
# (wagtail.search.backends.opensearch2/3 or elasticsearch7/8/9), whose Python package must
# then be installed (opensearch-py or elasticsearch). Run `manage.py update_index` after
# switching.
SEARCH_URL = env("SEARCH_URL")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env("SEARCH_BACKEND", "wagtail.search.backends.opensearch3"),
            "URLS": env_list("SEARCH_URL"),
            "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The load balancers and reverse proxies in front of the portal, as addresses or networks
# (e.g. "10.0.0.0/8,127.0.0.1"): the visitor's address is read from X-Forwarded-For only
# behind them (portal.middleware.ClientAddressMiddleware).
PORTAL_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in PORTAL_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is neither an address nor a network."
        ) from None

# --- HTTPS, behind the load balancer or reverse proxy that terminates TLS ---
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# --- E-mail ---
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Logs: JSON lines on stdout (portal/logging.py) ---
LOGGING = json_logging(env("LOG_LEVEL", "INFO"))


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
