"""No state lives in one process: run by .ci/deploy-check against gunicorn with several workers.

Usage: stateless_check.py BASE_URL ACCESS_LOG. The environment is the production one of the
check (the same SECRET_KEY, DATABASE_URL, REDIS_URL as the server). Requests go to the server
as a load balancer sends them (Host, X-Forwarded-Proto: https); each carries a probe id, and
the JSON access log says which worker (pid) answered it. Each check passes only if at least
two different workers took part:
- a login made on one worker holds on the others (sessions in Redis and the database);
- comment flood control refuses on every worker after one comment (the database);
- an upload through the admin is served by every worker (shared media storage);
- a page published by another process shows on every worker at once (the shared cache's
  content generation; no worker keeps a stale copy).
"""

import io
import json
import logging
import os
import re
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

import django
import httpx

BASE_URL, ACCESS_LOG = sys.argv[1], sys.argv[2]
HOST = os.environ["PUBLIC_HOST"]
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}
PARALLEL = 4
ROUNDS = 16
# Generous: CI machines are shared, and a slow answer is not a stateful one.
TIMEOUT = 120

sys.path.insert(0, os.getcwd())
django.setup()
logging.getLogger("httpx").setLevel(logging.WARNING)


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def fail(message):
    sys.stderr.write(f"stateless check FAILED: {message}\n")
    sys.exit(1)


class Browser:
    """One visitor: cookies kept by hand (the server marks them Secure; we speak plain HTTP)."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, path, **kwargs):
        probe = uuid.uuid4().hex
        separator = "&" if "?" in path else "?"
        headers = {**HEADERS, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        with httpx.Client(base_url=BASE_URL, timeout=TIMEOUT) as client:
            response = client.request(
                method, f"{path}{separator}probe={probe}", headers=headers, **kwargs
            )
        for header in response.headers.get_list("set-cookie"):
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        response.probe = probe
        return response

    def many(self, path, rounds=ROUNDS):
        with ThreadPoolExecutor(PARALLEL) as pool:
            return list(pool.map(lambda _: self.request("GET", path), range(rounds)))


def workers_of(responses):
    """The pids that answered, read from gunicorn's JSON access log."""
    wanted = {response.probe for response in responses}
    pids = {}
    for _ in range(50):
        with open(ACCESS_LOG, encoding="utf-8") as log:
            for line in log:
                if '"gunicorn.access"' not in line:
                    continue
                entry = json.loads(line)
                probe = re.search(r"probe=([0-9a-f]{32})", entry.get("query", ""))
                if probe and probe.group(1) in wanted:
                    pids[probe.group(1)] = entry["pid"]
        if len(pids) == len(wanted):
            return set(pids.values())
        time.sleep(0.1)
    fail(f"the access log names {len(pids)} of {len(wanted)} requests")


def across_workers(name, responses):
    pids = workers_of(responses)
    if len(pids) < 2:
        fail(f"{name}: only one worker answered {len(responses)} requests; try again")
    say(f"  {name}: {len(responses)} requests on {len(pids)} workers: ok")


def form_fields(html, form_marker):
    """The hidden inputs of the form whose opening tag contains ``form_marker``."""
    start = html.index(form_marker)
    form = html[start : html.index("</form>", start)]
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="hidden"' in tag:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def check_sessions(admin):
    login = admin.request("GET", "/admin/login/")
    fields = form_fields(login.text, "<form")
    fields.update(username=os.environ["ADMIN_USER"], password=os.environ["ADMIN_PASSWORD"])
    response = admin.request(
        "POST",
        "/admin/login/",
        data=fields,
        headers={"Referer": f"https://{HOST}/admin/login/"},
    )
    if response.status_code != 302 or "sessionid" not in admin.cookies:
        fail(f"login: {response.status_code}, cookies {sorted(admin.cookies)}")
    # Wagtail's login page sends a logged-in editor on to the admin (302) and shows the form
    # (200) to anyone else: a cheap question "is this session known here?".
    responses = admin.many("/admin/login/")
    statuses = {r.status_code for r in responses}
    if statuses != {302}:
        fail(f"sessions: the login page answered {statuses} (200 means logged out)")
    across_workers("session (logged in on every worker)", [response, *responses])


def check_media(admin):
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    form = admin.request("GET", "/admin/images/add/")
    fields = form_fields(form.text, 'enctype="multipart/form-data"')
    collection = re.search(r'<select name="collection"[^>]*>\s*<option value="(\d+)"', form.text)
    if collection:
        fields["collection"] = collection.group(1)
    picture = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 60, 20)).save(picture, "PNG")
    fields["title"] = "Stateless check"
    response = admin.request(
        "POST",
        "/admin/images/add/",
        data=fields,
        files={"file": ("stateless-check.png", picture.getvalue(), "image/png")},
        headers={"Referer": f"https://{HOST}/admin/images/add/"},
    )
    if response.status_code != 302:
        errors = re.findall(r'class="error-message"[^>]*>(.*?)<', response.text, re.S)
        fail(f"upload: {response.status_code} {errors}")
    image = get_image_model().objects.filter(title="Stateless check").latest("pk")
    responses = Browser().many(image.file.url)
    statuses = {r.status_code for r in responses}
    if statuses != {200} or any(r.content != picture.getvalue() for r in responses):
        fail(f"media: {image.file.url} answered {statuses}")
    across_workers("uploaded media (served by every worker)", [response, *responses])


def check_flood_control(post):
    from tests.factories import started

    def comment(number):
        return Browser().request(
            "POST",
            f"/api/v3/comments/pages/{post.pk}/comments/",
            json={
                "name": f"Leserin {number}",
                "email": f"leserin{number}@example.org",
                "url": "",
                "text": f"Kommentar Nummer {number}.",
                "consent": True,
                "started": started(post),
                "website_confirm": "",
            },
        )

    first = comment(0)
    if first.status_code != 201:
        fail(f"flood control: the first comment got {first.status_code}: {first.text[:300]}")
    with ThreadPoolExecutor(PARALLEL) as pool:
        refused = list(pool.map(comment, range(1, 13)))
    wrong = [r.status_code for r in refused if r.status_code != 400 or "gerade eben" not in r.text]
    if wrong:
        fail(f"flood control: comments right after the first got {wrong}")
    across_workers("flood control (refused on every worker)", [first, *refused])


def check_publish(post):
    visitor = Browser()
    before = visitor.many(post.url)
    if any(r.status_code != 200 or post.title not in r.text for r in before):
        fail("publish: the post does not show")
    new_title = f"Neu veröffentlicht {uuid.uuid4().hex[:8]}"
    revision = post.get_latest_revision_as_object()
    revision.title = new_title
    revision.save_revision().publish()
    after = visitor.many(post.url)
    stale = [r.status_code for r in after if new_title not in r.text]
    if stale:
        fail(f"publish: {len(stale)} of {len(after)} answers show the old title")
    across_workers("publish (fresh on every worker)", [*before, *after])


def main():
    from tests.factories import blog_post

    say("stateless check:")
    admin = Browser()
    check_sessions(admin)
    check_media(admin)
    post = blog_post(f"Zustandslos {uuid.uuid4().hex[:8]}")
    check_flood_control(post)
    check_publish(post)
    say("stateless check: ok")


main()
