"""Production's static files: minified, hashed for a long cache, compressed with gzip and Brotli."""

import gzip
import json
import subprocess
import sys

import brotli
import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.storage import minify
from tests.test_security import BASE_DIR, production_env

CSS = """/* A comment the visitor never needs. */
.card {
    color: red;   /* red */
    background: url("../img/dot.svg");
}
"""
JS = """/*! Licence: keep me. */
// Says hello.
function hello(name) {
    return "Hallo, " + name;   // greeting
}
"""


def test_minify_drops_comments_and_whitespace_but_keeps_licences():
    assert minify("css/a.css", CSS) == '.card{color:red;background:url("../img/dot.svg")}'
    js = minify("js/a.js", JS)
    assert "/*! Licence: keep me. */" in js
    assert "Says hello" not in js and "greeting" not in js
    assert 'return"Hallo, "+name' in js


def test_collectstatic_writes_minified_hashed_and_compressed_copies(tmp_path):
    source, root = tmp_path / "source", tmp_path / "root"
    (source / "css").mkdir(parents=True)
    (source / "img").mkdir()
    (source / "css" / "card.css").write_text(CSS * 40)
    (source / "img" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    with override_settings(
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATIC_ROOT=root,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "portal.storage.MinifiedStaticFilesStorage"},
        },
    ):
        call_command("collectstatic", "--noinput", verbosity=0)
    [hashed] = [p for p in (root / "css").glob("card.*.css")]
    text = hashed.read_text()
    assert "comment" not in text and "\n" not in text
    # The URL inside points to the hashed picture, so both can be cached for a year.
    assert "../img/dot." in text and '../img/dot.svg"' not in text
    assert gzip.decompress(hashed.with_name(hashed.name + ".gz").read_bytes()).decode() == text
    assert brotli.decompress(hashed.with_name(hashed.name + ".br").read_bytes()).decode() == text


@pytest.mark.own_process
def test_production_compresses_pages_and_minifies_static_files(tmp_path):
    env = production_env(SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.MIDDLEWARE, settings.STORAGES['staticfiles']['BACKEND'], "
        "settings.PORTAL_RENDITIONS_AHEAD]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    middleware, storage, renditions_ahead = json.loads(result.stdout)
    # Right after WhiteNoise: static files arrive precompressed, everything else gzipped.
    assert middleware.index("django.middleware.gzip.GZipMiddleware") == (
        middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
    )
    assert storage == "portal.storage.MinifiedStaticFilesStorage"
    assert renditions_ahead is True
