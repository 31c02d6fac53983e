"""`make serve`: the production stack locally.

The production settings unchanged, with what this machine lacks filled in: local PostgreSQL
and Redis (each overridable through its variable), plain HTTP on 127.0.0.1, uploads served by
the portal itself, and demo content allowed. Never use it on a public server.
"""

import os
from pathlib import Path

# Defaults for what production requires from the environment; read by production.py below.
os.environ.setdefault("SECRET_KEY", "serve-only-not-secret-" + "local" * 8)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_serve")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/2")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("SERVE_MEDIA", "true")

from .production import *  # noqa: E402,F401,F403
from .production import BASE_DIR  # noqa: E402

# Plain HTTP on loopback: cookies without the Secure flag, or the browser drops them.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_PRELOAD = False
PORTAL_DEMO_CONTENT_ALLOWED = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "serve-media"))
