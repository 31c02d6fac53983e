"""A realistic mix against the production-like stack (bench/load.sh): readers, searchers, one commenter.

Readers (most users) open the home page, the blog and its posts, the calendar and the
Kulturnetz directories; searchers use the site search; the commenter opens a post, waits like
a person typing (longer than the form's minimum of home/form_protection.py, so its signed start
time is honoured, nothing is relaxed) and posts a comment with the form's CSRF token, start
token and an empty honeypot. All users come from 127.0.0.1, and the comment flood control
allows one comment per address every FLOOD_SECONDS (15 s): so one commenter posts every 20 s;
a refused or failed comment counts as a failure. Requests carry ``X-Forwarded-Proto: https``
as the TLS proxy in front of production would (its cookies are Secure).
"""

import random
import re

from locust import HttpUser, between, constant_pacing, task

HTTPS = {"X-Forwarded-Proto": "https"}
POST_LINK = re.compile(r'href="(/de/blog/(?!kategorie|schlagwort|feed)[a-z0-9-]+/)"')
SEARCHES = ["Konzert", "Haus", "Werkstatt", "Landau", "Theater", "Lesung", "Ehrenamt", "Raum"]
READING = [
    "/de/",
    "/de/blog/",
    "/de/kulturnetz/",
    "/de/kulturnetz/kalender/",
    "/de/prozesse/",
    "/en/",
]


def field(html, name):
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    return match.group(1) if match else ""


class Site(HttpUser):
    abstract = True

    def on_start(self):
        index = self.client.get("/de/blog/", headers=HTTPS, name="/de/blog/").text
        self.posts = sorted(set(POST_LINK.findall(index))) or ["/de/blog/"]


class Reader(Site):
    weight = 8
    wait_time = between(1, 4)

    @task(5)
    def page(self):
        self.client.get(random.choice(READING), headers=HTTPS)  # noqa: S311

    @task(4)
    def post(self):
        self.client.get(random.choice(self.posts), headers=HTTPS, name="blog post")  # noqa: S311


class Searcher(Site):
    weight = 2
    wait_time = between(2, 6)

    @task
    def search(self):
        query = random.choice(SEARCHES)  # noqa: S311
        self.client.get(f"/de/suche/?q={query}", headers=HTTPS, name="/de/suche/?q=…")


class Commenter(Site):
    fixed_count = 1
    wait_time = constant_pacing(20)

    @task
    def comment(self):
        import time

        path = random.choice(self.posts)  # noqa: S311
        page = self.client.get(path, headers=HTTPS, name="blog post (to comment)")
        csrf = page.cookies.get("csrftoken") or self.client.cookies.get("csrftoken", "")
        time.sleep(5)  # writing the comment: longer than the form's minimum
        data = {
            "csrfmiddlewaretoken": field(page.text, "csrfmiddlewaretoken"),
            "started": field(page.text, "started"),
            "website_confirm": "",
            "name": "Lastprobe",
            "email": "lastprobe@example.org",
            "text": "Ein Kommentar aus dem Lasttest: danke für den Beitrag!",
            "consent": "on",
        }
        headers = {**HTTPS, "Referer": f"https://{self.host.split('://')[1]}{path}"}
        # The csrftoken cookie is Secure; over loopback http the client would not send it.
        headers["Cookie"] = f"csrftoken={csrf}"
        with self.client.post(
            path,
            data=data,
            headers=headers,
            name="comment (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:  # noqa: PLR2004
                response.failure(f"comment not taken: {response.status_code}")
