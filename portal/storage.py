"""The static files storage of production: minified, hashed, compressed."""

from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

# The portal's own stylesheets and scripts (static/css, static/js); third-party files (the
# Wagtail admin, Leaflet) arrive minified or are left as their authors ship them.
MINIFIED_PREFIXES = ("css/", "js/")


def minify(name, text):
    """``text`` of the stylesheet or script ``name`` without comments and needless whitespace."""
    import rcssmin
    import rjsmin

    if name.endswith(".css"):
        return rcssmin.cssmin(text)
    if name.endswith(".js"):
        # Licence comments (/*! … */) stay, as the authors of the fonts and scripts ask.
        return rjsmin.jsmin(text, keep_bang_comments=True)
    return text


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed and compressed storage that minifies the portal's CSS and JS first.

    collectstatic saves each file under its own name before hashing it, so minifying in
    ``_save`` means the hashed copy, its gzip and Brotli versions all hold the minified text.
    """

    def _save(self, name, content):
        if name.startswith(MINIFIED_PREFIXES) and name.endswith((".css", ".js")):
            # chunks() reads from the start: the hashing step may have read the file already.
            text = b"".join(content.chunks()).decode("utf-8")
            content = ContentFile(minify(name, text).encode("utf-8"))
        return super()._save(name, content)
