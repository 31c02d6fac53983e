"""`make lighthouse`: the production settings as gunicorn runs them, on a scratch database.

The only addition: WhiteNoise serves the media folder (MEDIA_ROOT must be a folder named
"media"), standing in for the object storage or CDN of a real deployment, with the long
cache lifetime such a store gives renditions (their names change when the image does).
"""

from .production import *  # noqa: F401,F403
from .production import MEDIA_ROOT

WHITENOISE_ROOT = MEDIA_ROOT.parent
ONE_YEAR = 60 * 60 * 24 * 365


def media_cache_headers(headers, path, url):
    if url.startswith("/media/images/"):
        headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"


WHITENOISE_ADD_HEADERS_FUNCTION = media_cache_headers
