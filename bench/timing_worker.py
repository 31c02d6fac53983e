"""Times pages in-process (Django test Client, DEBUG=False): run by bench/bakerydemo.py.

Runs inside either project's virtualenv (no import of the portal): ``python timing_worker.py
REPEAT NAME=SPEC ...`` with DJANGO_SETTINGS_MODULE set; SPEC is a path (``/de/blog/``) or
``model:<name>``, the URL of the first live page of that model. Prints one JSON list.
"""

import json
import statistics
import sys
import time
from pathlib import Path

# This folder holds bakerydemo.py, which would hide bakerydemo's own package: leave it out.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402


def resolve(spec):
    if not spec.startswith("model:"):
        return spec
    page = Page.objects.live().filter(content_type__model=spec[6:]).order_by("path").first()
    return page.specific.url if page else None


def main():
    assert not settings.DEBUG, "DEBUG must be off"
    repeat = int(sys.argv[1])
    host = sys.argv[2]
    client = Client(HTTP_HOST=host)
    rows = []
    for item in sys.argv[3:]:
        name, spec = item.split("=", 1)
        url = resolve(spec)
        if url is None:
            rows.append({"name": name, "url": spec, "status": None})
            continue
        for _ in range(3):  # warm-up: templates, renditions, caches
            response = client.get(url)
        timings = []
        for _ in range(repeat):
            begin = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - begin) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            {
                "name": name,
                "url": url,
                "status": response.status_code,
                "median_ms": round(statistics.median(timings), 2),
                "queries": len(queries),
                "bytes": len(response.content),
            }
        )
    sys.stdout.write(json.dumps(rows) + "\n")


main()
