"""`make screenshots`: the development settings as a visitor sees the site (DEBUG off, so the
404 page is the site's own), with static files from the apps and the temporary media served
by WhiteNoise (MEDIA_ROOT must be a folder named "media", see the screenshots command)."""

from .dev import *  # noqa: F401,F403
from .dev import MEDIA_ROOT

DEBUG = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WHITENOISE_ROOT = MEDIA_ROOT.parent
