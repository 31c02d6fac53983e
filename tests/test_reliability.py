"""The portal under load and faults, as real server processes: gunicorn with four workers.

- 50 comments and 50 Kulturnetz event reports sent at the same moment to gunicorn on SQLite
  (WAL, IMMEDIATE transactions, busy timeout): every one is accepted and stored.
- `make serve`'s stack (portal.settings.serve: the production settings on PostgreSQL and
  Redis, and the task worker) on a scratch database, with a Redis server and a mail server of
  the tests' own: Redis stopped, every PostgreSQL connection dropped, a mail server that
  refuses, a worker killed inside a write. These need the local PostgreSQL server
  (``needs_postgres``: .ci/run's PostgreSQL stage, or DATABASE_URL=postgres://… make test).

Nothing of the machine's own services is touched beyond that: the scratch database is created
and dropped on the local PostgreSQL server, the Redis server is started on a free port and
stopped by the tests (never the one on 6379). Static files come from the apps (no
collectstatic); everything else is the production code path. The two fixes the faults needed
(the cache without Redis, mail tried again) are also tested on their own, without servers.
"""

import json
import logging
import os
import re
import signal
import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes
from email.header import decode_header, make_header
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import ANY
from urllib.parse import urlencode

import psycopg
import pytest

pytestmark = pytest.mark.xdist_group("reliability")

BASE_DIR = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
SCRATCH = f"portal_reliability_{os.getpid()}"
SECRET_KEY = "reliability-test-only-not-secret-" + "k3y" * 12
WORKERS = 4
# What the tests' comments and reports carry, to count them in the database.
MARKER = "Belastungsprobe"

# `make serve`'s settings with static files from the apps (no collectstatic) and mail tasks
# retried within seconds instead of minutes.
SETTINGS = """
from portal.settings.serve import *  # noqa: F403
from portal.settings.serve import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
PORTAL_TASK_RETRY_DELAYS = [1] * 10
"""

# The portal's WSGI application with one hook for the test of a killed worker: a comment or
# a suggestion sent under the name HALT stops right after its row is written, inside the
# transaction, until the worker is killed. Nothing else changes.
WSGI = """
import os
import time
from pathlib import Path

from portal.wsgi import application  # noqa: F401
from django.db.models.signals import post_save

from comments.models import Comment
from kulturnetz.models import Submission

HALT = "{halt}"


def halt_inside_the_write(sender, instance, created, **kwargs):
    if created and instance.name == HALT:
        Path(os.environ["RELIABILITY_HALTED"]).write_text(str(os.getpid()))
        time.sleep(120)


post_save.connect(halt_inside_the_write, sender=Comment)
post_save.connect(halt_inside_the_write, sender=Submission)
"""
HALT = "Anhalten im Schreiben"

# The database of a test, and what it holds, printed as JSON (the addresses the tests use):
# - "demo" for `make serve`: migrated as an operator does, with the demo content;
# - "minimal" for the concurrency test: the tables created from the models and every migration
#   recorded as applied (tests/test_backup_restore.py; migrate takes a minute or more here),
#   with what Wagtail's and the portal's data migrations add that the test needs (the root
#   page, the review workflow, the Kulturnetz categories), the home page, a blog post and the
#   calendar.
PREPARE = r"""
import io
import json
import sys
from urllib.parse import urlsplit

import django

django.setup()
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test.utils import override_settings
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage, WorkflowTask

from blog.models import BlogPostPage
from home.groups import EDITORS, EDITORS_APPROVAL_TASK, MODERATORS
from kulturnetz.models import EventCategory, EventIndexPage, EventPage, KulturnetzIndexPage


class WithoutMigrations(dict):
    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


if sys.argv[1] == "demo":
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    # The demo's moderator and editor get addresses: comments and suggestions are mailed.
    User = get_user_model()
    for user in User.objects.filter(groups__name__in=[EDITORS, MODERATORS]).distinct():
        user.email = f"{user.username}@example.org"
        user.save()
    # What publishing the demo queued (search index, references, renditions) is done before
    # the tests, as on a site that has been running: their e-mails wait in no queue behind it.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
else:
    from home.site_setup import set_up_site
    from kulturnetz.vocabularies import seed
    from tests.factories import blog_post, ensure_wagtail_roots

    with override_settings(MIGRATION_MODULES=WithoutMigrations()):
        call_command("migrate", run_syncdb=True, verbosity=0)
    call_command("migrate", fake=True, verbosity=0)
    ensure_wagtail_roots()
    workflow = Workflow.objects.create(name=EDITORS_APPROVAL_TASK)
    WorkflowTask.objects.create(
        workflow=workflow, task=GroupApprovalTask.objects.create(name=EDITORS_APPROVAL_TASK)
    )
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    seed(lambda name: apps.get_model("kulturnetz", name), Locale.objects.get(), "de")
    home = set_up_site().home_de
    blog_post("{MARKER_TITLE}", slug="belastungsprobe")
    start = KulturnetzIndexPage(title="Kulturnetz", slug="kulturnetz")
    home.add_child(instance=start)
    start.save_revision().publish()
    calendar = EventIndexPage(title="Kalender", slug="kalender")
    start.add_child(instance=calendar)
    calendar.save_revision().publish()


def path(url):
    return urlsplit(url).path


post = BlogPostPage.objects.live().filter(locale__language_code="de").first()
calendar = EventIndexPage.objects.get(locale__language_code="de")
facts = {
    "post": path(post.url),
    "post_id": post.pk,
    "calendar": path(calendar.url),
    "calendar_id": calendar.pk,
    "report": path(calendar.route_url("report")),
    "category": EventCategory.objects.get(slug="konzert", locale__language_code="de").pk,
}
if sys.argv[1] == "demo":
    from processes.models import ProcessPage

    facts["event"] = path(EventPage.objects.live().filter(locale__language_code="de").first().url)
    facts["process"] = path(ProcessPage.objects.live().filter(locale__language_code="de").first().url)
print(json.dumps(facts))
""".replace("{MARKER_TITLE}", MARKER)


def log_entries(text):
    """The JSON lines of a log (portal/logging.py), anything else as a message of its own."""
    entries = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict):
            entry = {"level": "", "logger": "", "message": line}
        entries.append(entry)
    return entries


def failures(entries, expected=lambda entry: False):
    """Answers with status 500 or more and errors with a traceback, but the ``expected``."""
    return [
        entry
        for entry in entries
        if not expected(entry)
        and (
            int(entry.get("status", 0)) >= 500
            or "exception" in entry
            or "Traceback" in entry["message"]
        )
    ]


def from_the_health_check(entry):
    return entry["logger"] == "portal.views" or "/healthz" in entry["message"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout, message, interval=0.1):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        assert time.monotonic() < deadline, message
        time.sleep(interval)


class Portal:
    """One database and its settings: manage.py, gunicorn and the task worker on it."""

    def __init__(self, folder, settings_dir, **env):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.log_path = folder / "gunicorn.log"
        services = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SQLITE_PATH", "EMAIL_", "PYTEST")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(services)}
        self.env.update(
            DJANGO_SETTINGS_MODULE="reliability_settings",
            PYTHONPATH=f"{settings_dir}{os.pathsep}{BASE_DIR}",
            SECRET_KEY=SECRET_KEY,
            MEDIA_ROOT=str(folder / "media"),
            CACHE_DIR=str(folder / "cache"),
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{self.port}",
            # The tests speak for many visitors through one proxy (X-Forwarded-For).
            TRUSTED_PROXIES="127.0.0.1",
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY=str(WORKERS),
            GUNICORN_TIMEOUT="120",
            RELIABILITY_HALTED=str(folder / "halted"),
            **env,
        )
        self.gunicorn = None
        self.worker = None
        self.preparing = None
        self.facts = {}

    def start(self, *args, log=None):
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=log or subprocess.PIPE,
            stderr=subprocess.STDOUT if log else subprocess.PIPE,
            text=True,
        )

    def finish_preparing(self):
        if not self.facts:
            stdout, stderr = self.preparing.communicate(timeout=900)
            assert self.preparing.returncode == 0, stderr[-4000:]
            self.facts = json.loads(stdout.strip().splitlines()[-1])

    def serve(self):
        """gunicorn as `make serve` runs it."""
        with self.log_path.open("a") as log:
            self.gunicorn = self.start(
                "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "reliability_wsgi", log=log
            )
        wait_for(
            lambda: self.answers() or self.gunicorn.poll() is not None,
            120,
            "gunicorn did not start",
        )
        assert self.gunicorn.poll() is None, self.log()[-4000:]

    def run_task_worker(self):
        with (self.folder / "worker.log").open("a") as log:
            self.worker = self.start("manage.py", "db_worker", "--no-startup-delay", log=log)

    def answers(self):
        try:
            return Visitor(self).get("/healthz")[0] in (200, 503)
        except OSError:
            return False

    def stop(self):
        running = [p for p in (self.worker, self.gunicorn) if p is not None and p.poll() is None]
        for process in running:
            # gunicorn's quick shutdown (a worker still loading the app stops at once); the
            # task worker's graceful one.
            process.send_signal(signal.SIGINT)
        for process in running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def log(self):
        return self.log_path.read_text() if self.log_path.exists() else ""

    def worker_log(self):
        path = self.folder / "worker.log"
        return path.read_text() if path.exists() else ""


class Visitor:
    """One browser: its cookies, and its own address as the proxy in front reports it."""

    def __init__(self, portal, address="192.0.2.1"):
        self.portal = portal
        self.address = address
        self.cookies = {}

    def request(self, method, path, data=None, timeout=180):
        headers = {"X-Forwarded-For": self.address, "Accept-Language": "de"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            if "csrftoken" in self.cookies:
                data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = HTTPConnection("127.0.0.1", self.portal.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            return response.status, response.getheader("Location", ""), content
        finally:
            connection.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)


START_TOKEN = re.compile(r'name="(?:[\w-]+-)?started" value="([^"]+)"')


def start_token(content):
    """The form's single-use start token, as the visitor's browser got it."""
    match = START_TOKEN.search(content)
    assert match, "no form on the page"
    return match[1]


ERRORS = re.compile(
    r'<(?:ul class="field__errors"|div class="form-errors")[^>]*>(.*?)</(?:ul|div)>', re.S
)


def refusal(content):
    """What a form that came back says is wrong (for the failure message)."""
    return " | ".join(re.sub(r"<[^>]+>", " ", found).strip() for found in ERRORS.findall(content))


def comment_data(number, token, **overrides):
    return {
        "name": f"Gast {number}",
        "email": f"gast{number}@example.org",
        "url": "",
        "text": f"{MARKER}: Kommentar Nummer {number}",
        "consent": "on",
        "started": token,
        "website_confirm": "",
        "parent": "",
        **overrides,
    }


def event_report_data(portal, number, token, **overrides):
    from tests.kulturnetz.submission_helpers import event_data

    data = {
        # The start token is the one the visitor's form carried.
        "started": token,
        "title": f"{MARKER} Konzert {number}",
        "sender_name": f"Anna {number}",
        "sender_email": f"anna{number}@example.org",
        "category": str(portal.facts["category"]),
        **overrides,
    }
    return event_data(SimpleNamespace(pk=0), **data)


@pytest.fixture(scope="module")
def settings_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reliability-settings")
    (folder / "reliability_settings.py").write_text(SETTINGS)
    (folder / "reliability_wsgi.py").write_text(WSGI.replace("{halt}", HALT))
    return folder


def drop_scratch_database():
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')


def selected(request, on_postgres):
    """Whether this run includes the server tests of this module on PostgreSQL (or SQLite)."""
    return any(
        item.module is request.module
        and item.get_closest_marker("own_process")
        and bool(item.get_closest_marker("needs_postgres")) == on_postgres
        for item in request.session.items
    )


@pytest.fixture(scope="module")
def portals(request, tmp_path_factory, settings_dir):
    """The SQLite file and the scratch PostgreSQL database, prepared side by side (as far as
    the run includes their tests)."""
    root = tmp_path_factory.mktemp("reliability")
    prepared = {}
    if selected(request, on_postgres=False):
        # The embedded default: an SQLite file, the cache in files.
        prepared["sqlite"] = Portal(
            root / "sqlite",
            settings_dir,
            DATABASE_URL="",
            REDIS_URL="",
            SQLITE_PATH=str(root / "sqlite" / "portal.sqlite3"),
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        )
        prepared["sqlite"].preparing = prepared["sqlite"].start("-c", PREPARE, "minimal")
    if selected(request, on_postgres=True):
        drop_scratch_database()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{SCRATCH}"')
        # `make serve`: PostgreSQL and Redis (Redis and mail are filled in when it runs).
        prepared["postgresql"] = Portal(
            root / "postgresql",
            settings_dir,
            DATABASE_URL=f"{POSTGRES}/{SCRATCH}",
            REDIS_URL="",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
        )
        prepared["postgresql"].preparing = prepared["postgresql"].start("-c", PREPARE, "demo")
    yield prepared
    for portal in prepared.values():
        portal.stop()
        if portal.preparing.poll() is None:
            portal.preparing.kill()
    if "postgresql" in prepared:
        drop_scratch_database()


@pytest.fixture(scope="module")
def sqlite_portal(portals):
    portal = portals["sqlite"]
    portal.finish_preparing()
    return portal


# The suggestions about pages of a title (a LIKE pattern).
SUBMITTED = (
    "SELECT count(*) FROM kulturnetz_submission s JOIN wagtailcore_page p ON p.id = s.page_id "
    "WHERE p.title LIKE %s"
)


def sqlite_count(portal, sql, *params):
    with sqlite3.connect(portal.env["SQLITE_PATH"], timeout=30) as db:
        return db.execute(sql, params).fetchone()[0]


def send_at_once(portal):
    """50 comments and 50 event reports, from 100 visitors at the same moment."""
    post, report = portal.facts["post"], portal.facts["report"]
    senders = [
        (Visitor(portal, f"10.1.{n // 200}.{n % 200 + 1}"), post if n < 50 else report, n)
        for n in range(100)
    ]

    # Each visitor opens the form (its CSRF cookie and start token), takes the 3 seconds a
    # person needs at least, and all send at the same moment.
    def open_form(sender):
        visitor, path, _number = sender
        status, _location, content = visitor.get(path)
        assert status == 200
        return start_token(content)

    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(open_form, senders))
    time.sleep(3.5)
    barrier = threading.Barrier(len(senders))

    def send(sender, token):
        visitor, path, number = sender
        if path == post:
            data = comment_data(number, token)
        else:
            data = event_report_data(portal, number, token)
        barrier.wait()
        return visitor.post(path, data)

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        return list(pool.map(send, senders, tokens))


@pytest.mark.own_process
def test_fifty_comments_and_fifty_event_reports_at_once_are_all_stored_on_sqlite(sqlite_portal):
    portal = sqlite_portal
    portal.serve()
    try:
        answers = send_at_once(portal)
        log = portal.log()
    finally:
        portal.stop()

    post, report = portal.facts["post"], portal.facts["report"]
    refused = [
        (n, status, refusal(content))
        for n, (status, _l, content) in enumerate(answers)
        if status != 302
    ]
    assert refused == []
    # The comment page that shows the new comment, the thanks of the calendar.
    assert all(location.startswith(post) for _s, location, _c in answers[:50])
    assert all(location == f"{report}danke/" for _s, location, _c in answers[50:])
    comments = sqlite_count(
        portal, "SELECT count(*) FROM comments_comment WHERE text LIKE ?", f"{MARKER}:%"
    )
    reports = sqlite_count(portal, SUBMITTED.replace("%s", "?"), f"{MARKER} Konzert %")
    assert (comments, reports) == (50, 50)
    # Every worker wrote: the processes competed for the database.
    posts = [entry for entry in log_entries(log) if entry.get("method") == "POST"]
    assert len(posts) == 100 and len({entry["pid"] for entry in posts}) == WORKERS
    assert '"level": "ERROR"' not in log
    assert "Traceback" not in log
    assert "database is locked" not in log


class RedisServer:
    """A Redis server of the tests' own, on a free port, without persistence."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.answers, 30, "redis-server did not start")

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class MailServer:
    """An SMTP server on a free port that either refuses every connection (421, as a mail
    server that is down for maintenance does) or accepts and keeps every message."""

    def __init__(self):
        self.refusing = False
        self.messages = []
        outer = self

        class Session(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self):
                if outer.refusing:
                    self.reply("421 4.3.2 Service not available, closing transmission channel")
                    return
                self.reply("220 localhost ESMTP")
                while line := self.rfile.readline():
                    command = line.decode("ascii", "replace").strip().upper()
                    if command.startswith(("EHLO", "HELO")):
                        self.reply("250 localhost")
                    elif command.startswith(("MAIL FROM", "RCPT TO", "RSET", "NOOP")):
                        self.reply("250 OK")
                    elif command == "DATA":
                        self.reply("354 End data with <CR><LF>.<CR><LF>")
                        lines = []
                        while (data := self.rfile.readline()) not in (b".\r\n", b""):
                            lines.append(data[1:] if data.startswith(b"..") else data)
                        outer.messages.append(message_from_bytes(b"".join(lines)))
                        self.reply("250 OK: queued")
                    elif command == "QUIT":
                        self.reply("221 Bye")
                        return
                    else:
                        self.reply("502 Command not implemented")

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Session)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def mail_server():
    server = MailServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def production_stack(portals, redis_server, mail_server):
    """`make serve` on the scratch database: gunicorn (4 workers) and the task worker, with
    the tests' own Redis and mail server."""
    portal = portals["postgresql"]
    portal.finish_preparing()
    portal.env.update(
        REDIS_URL=f"redis://127.0.0.1:{redis_server.port}/0", EMAIL_PORT=str(mail_server.port)
    )
    portal.serve()
    portal.run_task_worker()
    yield portal
    portal.stop()


@pytest.fixture
def redis(redis_server):
    """The tests' Redis, running again after each test, whatever the test did to it."""
    yield redis_server
    if not redis_server.answers():
        redis_server.start()


def scratch(sql, *params):
    """Rows of a query on the scratch database."""
    with psycopg.connect(f"{POSTGRES}/{SCRATCH}", autocommit=True) as db:
        return db.execute(sql, params).fetchall()


def form_token(target_id, purpose):
    """A start token signed with the stack's key, issued 10 seconds ago for ``target_id``."""
    from django.test import override_settings

    from tests.factories import started

    with override_settings(SECRET_KEY=SECRET_KEY):
        return started(SimpleNamespace(pk=target_id), purpose=purpose)


def comment_token(portal):
    return form_token(portal.facts["post_id"], "comment")


def report_token(portal):
    return form_token(portal.facts["calendar_id"], "kn-report")


def send_comment(portal, visitor, number, **overrides):
    visitor.get(portal.facts["post"])  # the CSRF cookie, as the browser gets it with the form
    return visitor.post(
        portal.facts["post"], comment_data(number, comment_token(portal), **overrides)
    )


def send_report(portal, visitor, number, **overrides):
    visitor.get(portal.facts["report"])
    return visitor.post(
        portal.facts["report"], event_report_data(portal, number, report_token(portal), **overrides)
    )


def log_in_to_admin(portal, address):
    from home.demo import DEMO_ADMIN

    editor = Visitor(portal, address)
    assert editor.get("/admin/login/")[0] == 200
    status, location, _content = editor.post("/admin/login/", {**DEMO_ADMIN, "next": ""})
    assert (status, location) == (302, "/admin/")
    return editor


def public_pages(portal):
    facts = portal.facts
    return [
        "/de/",
        facts["post"],
        facts["calendar"],
        facts["event"],
        facts["process"],
        "/de/suche/?q=Konzert",
    ]


@pytest.mark.own_process
@pytest.mark.needs_postgres
def test_without_redis_pages_comments_and_the_admin_still_answer_and_the_errors_are_logged(
    production_stack, redis
):
    portal = production_stack
    editor = log_in_to_admin(portal, "198.51.100.10")
    for path in public_pages(portal):
        assert Visitor(portal).get(path)[0] == 200, path
    logged = len(portal.log())

    redis.stop()

    statuses = {path: Visitor(portal).get(path)[0] for path in public_pages(portal)}
    assert statuses == dict.fromkeys(public_pages(portal), 200)
    status, location, content = send_comment(portal, Visitor(portal, "198.51.100.11"), 900)
    assert status == 302, refusal(content)
    # Logged in before: the session is read from the database.
    assert editor.get("/admin/")[0] == 200
    # Logging in now: the session is written to the database.
    assert log_in_to_admin(portal, "198.51.100.12").get("/admin/")[0] == 200
    # The load balancer learns that this server lacks its cache.
    status, _location, content = Visitor(portal).get("/healthz")
    assert (status, json.loads(content)["cache"]) == (503, "error")
    log = log_entries(portal.log()[logged:])
    outage = [entry for entry in log if entry.get("logger") == "portal.cache"]
    assert outage and all(entry["level"] == "ERROR" for entry in outage)
    assert all("Redis does not answer" in entry["message"] for entry in outage)
    # Nothing failed for it but the health check, which reports what it found.
    assert failures(log, expected=from_the_health_check) == []

    # Redis back: the same processes use it again.
    redis.start()
    wait_for(lambda: Visitor(portal).get("/healthz")[0] == 200, 30, "the cache did not come back")


@pytest.mark.own_process
@pytest.mark.needs_postgres
def test_after_postgresql_drops_every_connection_the_next_requests_succeed(production_stack):
    portal = production_stack
    editor = log_in_to_admin(portal, "198.51.100.20")
    # Every worker holds its connection (CONN_MAX_AGE); the task worker holds one too.
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        list(pool.map(lambda n: Visitor(portal).get(f"/healthz?warm={n}"), range(WORKERS * 4)))
    logged = len(portal.log())

    [(dropped,)] = scratch(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        SCRATCH,
    )
    assert dropped >= 2

    assert Visitor(portal).get("/healthz")[0] == 200
    paths = [f"/de/?nach-dem-neustart={n}" for n in range(WORKERS * 2)] + ["/healthz"] * WORKERS
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        statuses = list(pool.map(lambda path: Visitor(portal).get(path)[0], paths))
    assert statuses == [200] * len(paths)
    assert editor.get("/admin/")[0] == 200
    status, _location, content = send_comment(portal, Visitor(portal, "198.51.100.21"), 901)
    assert status == 302, refusal(content)
    assert failures(log_entries(portal.log()[logged:])) == []
    # The task worker connects again too: the moderators' mail about the comment goes out.
    [(comment_id,)] = scratch(
        "SELECT id FROM comments_comment WHERE text = %s", f"{MARKER}: Kommentar Nummer 901"
    )
    wait_for(
        lambda: task_rows(MODERATION_MAIL, comment_id)[:1] == [("SUCCESSFUL", ANY, "")],
        60,
        f"the task worker sends no more mail: {portal.worker_log()[-3000:]}",
    )
    assert portal.worker.poll() is None


MODERATION_MAIL = "comments.notifications.send_moderation_mail"
EDITORS_MAIL = "kulturnetz.submissions.notifications.send_editors_mail"


def task_rows(task_path, object_id):
    return scratch(
        "SELECT status, worker_ids, exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = %s AND args_kwargs -> 'args' ->> 0 = %s",
        task_path,
        str(object_id),
    )


@pytest.mark.own_process
@pytest.mark.needs_postgres
def test_a_refusing_mail_server_loses_nothing_and_the_mail_goes_out_on_retry(
    production_stack, mail_server
):
    portal = production_stack
    earlier = len(mail_server.messages)
    mail_server.refusing = True
    try:
        status, _location, content = send_comment(portal, Visitor(portal, "198.51.100.30"), 902)
        assert status == 302, refusal(content)
        status, _location, content = send_report(portal, Visitor(portal, "198.51.100.31"), 902)
        assert status == 302, refusal(content)
        [(comment_id, comment_status)] = scratch(
            "SELECT id, status FROM comments_comment WHERE text = %s",
            f"{MARKER}: Kommentar Nummer 902",
        )
        assert comment_status == "pending"
        [(submission_id,)] = scratch(SUBMITTED.replace("count(*)", "s.id"), f"{MARKER} Konzert 902")
        mails = {MODERATION_MAIL: comment_id, EDITORS_MAIL: submission_id}

        def tried_twice_and_queued_again():
            rows = [task_rows(path, pk) for path, pk in mails.items()]
            return (
                all(
                    len(found) == 1 and found[0][0] == "READY" and len(found[0][1]) >= 2
                    for found in rows
                )
                and rows
            )

        rows = wait_for(tried_twice_and_queued_again, 60, "the mails were not tried again")
        assert {found[0][2] for found in rows} == {"smtplib.SMTPConnectError"}
        assert mail_server.messages[earlier:] == []
    finally:
        mail_server.refusing = False

    def sent():
        return all(task_rows(path, pk)[0][0] == "SUCCESSFUL" for path, pk in mails.items())

    wait_for(sent, 60, "the mails did not go out once the mail server accepted them")
    received = {
        str(make_header(decode_header(message["Subject"]))): message
        for message in mail_server.messages[earlier:]
    }
    assert f"Neuer Vorschlag für das Kulturnetz: {MARKER} Konzert 902" in received
    [about_the_comment] = [
        message
        for subject, message in received.items()
        if subject.startswith("Neuer Kommentar wartet:")
    ]
    assert (
        "Kommentar Nummer 902"
        in about_the_comment.get_payload()[0].get_payload(decode=True).decode()
    )
    assert about_the_comment["To"] == "moderation@example.org"


def halted_worker(portal):
    """The pid of the gunicorn worker that stopped inside its write (see WSGI)."""
    halted = portal.folder / "halted"
    pid = wait_for(lambda: halted.exists() and halted.read_text(), 60, "no worker halted")
    halted.unlink()
    return int(pid)


def gunicorn_workers(portal):
    found = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(portal.gunicorn.pid)], capture_output=True, text=True
    )
    return [int(pid) for pid in found.stdout.split()]


def kill_inside_the_write(portal, send):
    """Send in a thread, kill -9 the worker while its transaction is open; the answer (none)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        sending = pool.submit(send)
        pid = halted_worker(portal)
        # The worker's transaction is open: its rows are written but not committed.
        [(open_transactions,)] = scratch(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = %s AND state = 'idle in transaction'",
            SCRATCH,
        )
        assert open_transactions >= 1
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(OSError):
            sending.result(timeout=60)
    return pid


@pytest.mark.own_process
@pytest.mark.needs_postgres
def test_a_worker_killed_inside_a_write_leaves_no_half_written_rows(production_stack):
    portal = production_stack
    # A comment: its form token, flood-control slots and row are one transaction.
    commenter = Visitor(portal, "198.51.100.40")
    commenter.get(portal.facts["post"])
    token = comment_token(portal)
    sent = comment_data(903, token, name=HALT)
    kill_inside_the_write(portal, lambda: commenter.post(portal.facts["post"], sent))
    assert scratch("SELECT count(*) FROM comments_comment WHERE text = %s", sent["text"]) == [(0,)]

    # A suggestion: the draft page (and its parent's child count), its revision, the
    # submission and its review, with the form token and flood control, are one transaction.
    reporter = Visitor(portal, "198.51.100.41")
    reporter.get(portal.facts["report"])
    report = event_report_data(portal, 903, report_token(portal), sender_name=HALT)
    calendar = portal.facts["calendar_id"]
    [(children_before,)] = scratch("SELECT numchild FROM wagtailcore_page WHERE id = %s", calendar)
    kill_inside_the_write(portal, lambda: reporter.post(portal.facts["report"], report))
    assert scratch("SELECT count(*) FROM wagtailcore_page WHERE title = %s", report["title"]) == [
        (0,)
    ]
    [(children, path)] = scratch(
        "SELECT numchild, path FROM wagtailcore_page WHERE id = %s", calendar
    )
    assert children == children_before
    assert scratch(
        "SELECT count(*) FROM wagtailcore_page WHERE path LIKE %s AND depth = "
        "(SELECT depth + 1 FROM wagtailcore_page WHERE id = %s)",
        f"{path}%",
        calendar,
    ) == [(children,)]
    orphans = scratch(
        "SELECT (SELECT count(*) FROM wagtailcore_revision r WHERE r.base_content_type_id = "
        "(SELECT id FROM django_content_type WHERE app_label = 'wagtailcore' AND model = 'page') "
        "AND NOT EXISTS (SELECT 1 FROM wagtailcore_page p WHERE p.id::text = r.object_id)), "
        "(SELECT count(*) FROM kulturnetz_submission s WHERE NOT EXISTS "
        "(SELECT 1 FROM wagtailcore_page p WHERE p.id = s.page_id))"
    )
    assert orphans == [(0, 0)]

    # Gunicorn replaces the killed workers, and the same forms, sent again, are taken once:
    # neither their tokens nor their senders' flood slots were spent.
    wait_for(lambda: len(gunicorn_workers(portal)) == WORKERS, 60, "no new worker")
    assert commenter.post(portal.facts["post"], {**sent, "name": "Gast 903"})[0] == 302
    assert reporter.post(portal.facts["report"], {**report, "sender_name": "Anna 903"})[0] == 302
    assert scratch("SELECT count(*) FROM comments_comment WHERE text = %s", sent["text"]) == [(1,)]
    assert scratch(SUBMITTED, report["title"]) == [(1,)]
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        statuses = list(pool.map(lambda n: Visitor(portal).get(f"/de/?danach={n}")[0], range(8)))
    assert statuses == [200] * 8
    assert portal.log().count("was sent SIGKILL") == 2


# The two fixes behind the faults, each on its own (no server, no database), so that every
# run of the suite covers them, also without PostgreSQL.


def test_the_cache_answers_as_if_empty_while_redis_is_away_and_logs_it_once(caplog, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from portal.cache import ResilientRedisCache

    cache = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    with caplog.at_level(logging.ERROR, logger="portal.cache"):
        assert cache.get("seite", "fehlt") == "fehlt"
        cache.set("seite", "<html>")
        assert cache.add("seite", "<html>") is False
        assert cache.get_or_set("generation", 7) == 7
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert (cache.has_key("a"), cache.touch("a"), cache.delete("a")) == (False, False, False)
        with pytest.raises(ValueError):
            cache.incr("zähler")
        with pytest.raises(RedisConnectionError):
            cache.ping()
        outage = [record for record in caplog.records if record.name == "portal.cache"]
        assert len(outage) == 1 and "Redis does not answer" in outage[0].getMessage()

        # A few seconds later the process asks Redis again (and logs again while it is away).
        later = time.monotonic() + ResilientRedisCache.RETRY_SECONDS + 1
        monkeypatch.setattr("portal.cache.time.monotonic", lambda: later)
        assert cache.get("seite") is None
        assert len([record for record in caplog.records if record.name == "portal.cache"]) == 2


def test_a_task_that_failed_on_a_connection_runs_again_after_each_delay_then_gives_up(
    settings, caplog
):
    from datetime import UTC, datetime, timedelta

    from django_tasks import TaskResultStatus

    from home.task_retry import next_run

    settings.PORTAL_TASK_RETRY_DELAYS = [60, 300]
    now = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)

    def failed(error_class_path):
        return SimpleNamespace(
            id="aufgabe-1",
            status=TaskResultStatus.FAILED,
            task=SimpleNamespace(module_path=MODERATION_MAIL),
            errors=[SimpleNamespace(exception_class_path=error_class_path)],
        )

    refused = failed("smtplib.SMTPConnectError")
    assert next_run(refused, 1, now) == now + timedelta(seconds=60)
    assert next_run(refused, 2, now) == now + timedelta(seconds=300)
    with caplog.at_level(logging.ERROR, logger="home.task_retry"):
        assert next_run(refused, 3, now) is None
    assert "failed 3 times: given up" in caplog.text
    # Nobody listening, no answer in time, a host name that does not resolve: tried again.
    for error in ("builtins.ConnectionRefusedError", "builtins.TimeoutError", "socket.gaierror"):
        assert next_run(failed(error), 1, now) == now + timedelta(seconds=60)
    # A bug, a comment deleted meanwhile, an error of code that is gone: not tried again.
    for error in ("builtins.KeyError", "comments.models.Comment.DoesNotExist", "alt.Fehler"):
        assert next_run(failed(error), 1, now) is None
    succeeded = SimpleNamespace(**{**vars(refused), "status": TaskResultStatus.SUCCESSFUL})
    assert next_run(succeeded, 1, now) is None
