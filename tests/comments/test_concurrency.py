"""50 commenters at once on SQLite: every accepted comment is stored, nothing is "locked"."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# Runs in its own process on a real SQLite file (the test database lives in memory), with one
# database connection per thread, as a threaded server would have.
FLOOD = r"""
import io, json, logging, threading, time
from concurrent.futures import ThreadPoolExecutor
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client

call_command("migrate", verbosity=0)
call_command("load_demo_content", stdout=io.StringIO())
from blog.models import BlogPostPage
from comments.models import Comment, DiscussionSettings
from comments.moderation import form_timestamp
from wagtail.models import Site

settings = DiscussionSettings.for_site(Site.objects.get())
settings.moderation = "none"
settings.save()
post = BlogPostPage.objects.live().filter(locale__language_code="de").first()
before = Comment.objects.filter(page=post).count()
real_time = time.time
time.time = lambda: real_time() - 10
# Each form is sent once: one start token per commenter.
tokens = [form_timestamp(post) for _ in range(50)]
time.time = real_time
connection.close()

errors = []
class Collect(logging.Handler):
    def emit(self, record):
        errors.append(record.getMessage())
logging.getLogger("django").addHandler(Collect(level=logging.ERROR))
barrier = threading.Barrier(50)

def send(number):
    client = Client(raise_request_exception=False)
    barrier.wait()
    response = client.post(post.url, {
        "name": f"Gast {number}", "email": f"gast{number}@example.org", "url": "",
        "text": f"Kommentar Nummer {number}", "consent": "on", "started": tokens[number],
        "website_confirm": "", "parent": "",
    }, REMOTE_ADDR=f"10.1.{number // 250}.{number % 250 + 1}")
    connection.close()
    return response.status_code

with ThreadPoolExecutor(max_workers=50) as pool:
    statuses = list(pool.map(send, range(50)))
stored = Comment.objects.filter(page=post).count() - before
print(json.dumps({"statuses": statuses, "stored": stored, "errors": errors[:5]}))
"""


@pytest.mark.own_process
def test_fifty_concurrent_comments_are_all_stored(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        SQLITE_PATH=str(tmp_path / "flood.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    result = subprocess.run(
        [sys.executable, "-c", FLOOD],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 50
    assert outcome["stored"] == 50
    assert "database is locked" not in result.stderr
