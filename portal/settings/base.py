"""Settings shared by every environment of the Westbahnhof portal."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent

# Feature apps are plugins: the portal collects their parts through hooks (portal/hooks.py),
# so this list is the only place in portal/ and home/ that names them. PORTAL_FEATURE_APPS
# (comma-separated) lets a deployment or a test run any subset of the known ones; an app is
# known from the change that adds its folder, and runs by default once its issue is complete.
KNOWN_FEATURE_APPS = ["blog", "kulturnetz", "processes"]
DEFAULT_FEATURE_APPS = ["blog", "kulturnetz", "processes"]


def _installed_feature_apps():
    wanted = os.environ.get("PORTAL_FEATURE_APPS")
    if wanted is None:
        return list(DEFAULT_FEATURE_APPS)
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    unknown = [name for name in names if name not in KNOWN_FEATURE_APPS]
    if unknown:
        # A typo must not quietly start the portal without the app.
        raise ImproperlyConfigured(
            f"PORTAL_FEATURE_APPS names unknown feature apps: {', '.join(unknown)}. "
            f"Known: {', '.join(KNOWN_FEATURE_APPS)}."
        )
    return names


FEATURE_APPS = _installed_feature_apps()

INSTALLED_APPS = [
    "portal",
    "home",
    "comments",
    *FEATURE_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Listed so django-ninja renders the API docs with its bundled Swagger files, not a CDN.
    "ninja",
    # django-leaflet: only its static files (Leaflet's JS, CSS and marker images) for the map.
    "leaflet",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Brute-force protection of the admin login and page passwords (home/login_protection.py).
    "axes",
    # Last: connects what needs every app and snippet registered (home/cache_generation.py).
    "portal.late",
]

MIDDLEWARE = [
    # First: every later part (login throttling, form flood control, logs) sees the visitor's
    # address, not the proxy's.
    "portal.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.SnippetChooserRightsMiddleware",
    # After sessions, CSRF and messages (they see every request), before the headers of a page.
    "portal.page_cache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into the login form with its German message.
    "axes.middleware.AxesMiddleware",
]

# The addresses or networks of the reverse proxies and load balancers in front of the portal
# (production: TRUSTED_PROXIES). Only from them is X-Forwarded-For believed.
PORTAL_TRUSTED_PROXIES = []

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair for 15 minutes; the
# same name from another address, and other names from this one, still log in.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.login_protection.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# The address as ClientAddressMiddleware leaves it, whatever else is installed.
AXES_CLIENT_IP_CALLABLE = "portal.middleware.client_address"
# Passwords never reach the log or the attempts table.
AXES_SENSITIVE_PARAMETERS = ["password"]
# No start-up banner in the JSON logs; lockouts are still logged as warnings.
AXES_VERBOSE = False
# No record of successful logins (with their IP addresses): only failures, for the lock,
# purged after a day (purge_personal_data).
AXES_DISABLE_ACCESS_LOG = True

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"))


def sqlite_database(path):
    """SQLite tuned for concurrent writers (comments, submissions): WAL, IMMEDIATE, busy wait."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA busy_timeout=20000;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
    }


def database_from_env(default_sqlite_path):
    url = os.environ.get("DATABASE_URL")
    if url:
        import dj_database_url

        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return sqlite_database(default_sqlite_path)


DATABASES = {"default": database_from_env(SQLITE_PATH)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German first, English as a wagtail-localize translation.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# The public language switch names each language in itself (LANGUAGES); the admin names the
# languages of the content in the editor's language ("Übersetzung Deutsch → Englisch").
WAGTAIL_CONTENT_LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Diese Seite übersetzen" makes a draft: the copy still holds the German text until an editor
# has translated it and publishes it (by default it would be published at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    }
}

# Whole pages for anonymous visitors from the shared cache (portal/page_cache.py): how long the
# cache keeps a page (publishing renders it afresh at once; this bounds only what changes with
# time, such as "upcoming" dates; 0 turns the page cache off), and how long browsers and a
# reverse proxy or CDN may keep it.
PORTAL_PAGE_CACHE_SECONDS = 300
PORTAL_PAGE_CACHE_BROWSER_SECONDS = 60
PORTAL_PAGE_CACHE_PROXY_SECONDS = 60

# Background tasks (e-mails about comments). Development and tests run them at once;
# production queues them in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A queued task that fails because a service is away (the mail server refuses or does not
# answer) runs again after each of these delays in seconds, about a day in all, and then
# stays failed (home/task_retry.py).
PORTAL_TASK_RETRY_DELAYS = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60]

# Wagtail
WAGTAIL_SITE_NAME = "Haus am Westbahnhof"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL the database backend stems words with this text search configuration, both
# when it indexes and when it searches ("Konzerte" finds "Konzert"); most content is German.
# SQLite's FTS5 ignores it. After changing it, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
}
# Uploads in the admin: documents of these types only (no HTML, SVG or programs), served
# through Wagtail's view (permission checks of private collections, attachment and nosniff
# headers), never as a direct link into the media storage.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Pictures: raster formats only (an SVG can carry script), at most 10 MB and 40 megapixels, as
# many as the public forms take (home/image_uploads.py); pages show re-encoded renditions.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Publishing a page queues its pictures' renditions (home/renditions.py). Off where tasks run
# at once in the request (development, tests): there it would only slow publishing down.
PORTAL_RENDITIONS_AHEAD = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_DOCS_ENABLED = True

# Demo content and its demo login never belong in production (production.py turns this off).
PORTAL_DEMO_CONTENT_ALLOWED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites learn the portal's origin, never a page's path or query (the search words). The
# OpenStreetMap tile servers refuse requests without a referrer.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No site, not even the portal itself, frames a page. Wagtail's and wagtail-localize's preview
# views answer SAMEORIGIN on their own (xframe_options_sameorigin_override): the editor's
# preview panel keeps working.
X_FRAME_OPTIONS = "DENY"
# Django's default, spelled out: a window the portal opens cannot reach back into it.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Content-Security-Policy (django-csp, portal.middleware.PortalCSPMiddleware) ---
# Public pages, in development as in production: nothing from third parties, no inline script
# and no eval. The only frames are the two-click video embeds, created after the visitor's
# click. Wagtail's userbar for logged-in editors sets inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin and the API docs run inline scripts and styles: they get what holds for
# them without breaking. The admin frames its own preview.
PORTAL_ADMIN_CSP = {
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# --- The admin for volunteers (German, quiet, nothing from third parties) ---
# The admin speaks German unless an editor picks another language in their account, whatever
# the browser asks for (portal.middleware.PortalLocaleMiddleware).
PORTAL_ADMIN_LANGUAGE = LANGUAGE_CODE
# Wagtail's own review comments in the page editor are easily mistaken for readers' comments.
WAGTAILADMIN_COMMENTS_ENABLED = False
# No Gravatar requests: avatars are the initials or an uploaded picture.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Labels Wagtail's login form leaves untranslated ("Password").
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.PortalLoginForm"
# Alt text is asked where a picture is used (page, block), not a second time on upload.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.ImageFormWithoutAltText"

# --- The Kulturnetz map (kulturnetz/map.py) ---
# Where the map's tiles come from and the attribution their licence requires. The map loads
# nothing before the visitor's consent; a deployment with its own tile server changes only this.
KULTURNETZ_MAP_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": (
        '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    ),
    "max_zoom": 19,
}
