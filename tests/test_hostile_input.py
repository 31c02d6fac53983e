"""No input anyone can send makes the portal answer 5xx: pages, routes, forms and every API operation."""

import json
import re

import pytest
from wagtail.models import Page

from tests.sitemap_helpers import local_path, section_urls, whole_sitemap

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    '"',
    'abc"',
    "\x00",
    "\x1b[31m",
    "\u202etxet",
    "²",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NEAR(",
    "' OR 1=1 --",
    "ä" * 3000,
    "{}",
    "[1,2]",
    "null",
]
# Names of query parameters the portal's pages and routes read.
PAGE_PARAMETERS = ["q", "seite", "page", "antwort", "reply", "kategorie", "tag", "order", "locale"]
JSON_BODIES = ["{", "[]", "null", '"x"', "1e309", json.dumps({"name": ["a"], "parent_id": 2**70})]


def public_urls(client):
    urls = {"/de/suche/", "/en/search/", "/sitemap.xml", "/robots.txt", "/"}
    urls |= {page.url for page in Page.objects.live().public().specific() if page.url}
    urls |= {local_path(url) for url in section_urls(client)}
    sitemap = whole_sitemap(client)
    urls |= {
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    for index in [u for u in urls if u.rstrip("/").endswith("/blog")]:
        html = client.get(index).content.decode()
        urls |= set(re.findall(r'<link rel="alternate"[^>]*href="(/[^"]+)"', html))
    return sorted(urls)


def hostile_queries():
    """Every hostile value in every page parameter, spread over a few requests to stay fast."""
    width = len(PAGE_PARAMETERS)
    for start in range(0, len(HOSTILE_VALUES), width // 2):
        values = [HOSTILE_VALUES[(start + n) % len(HOSTILE_VALUES)] for n in range(width)]
        yield dict(zip(PAGE_PARAMETERS, values, strict=True))
        yield dict(zip(PAGE_PARAMETERS, reversed(values), strict=True))


def test_no_public_url_answers_5xx_to_hostile_query_strings(client):
    client.raise_request_exception = False  # list every failure, not only the first
    failures = []
    for url in public_urls(client):
        for query in hostile_queries():
            response = client.get(url, query)
            if response.status_code >= 500:
                failures.append((url, query, response.status_code))
    assert not failures


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_comment_and_report_forms_answer_no_5xx_to_hostile_bodies(client, value):
    client.raise_request_exception = False
    from blog.models import BlogPostPage
    from comments.models import Comment

    post = BlogPostPage.objects.live().first()
    comment = Comment.objects.filter(page=post).first()
    fields = ["name", "email", "url", "text", "consent", "parent", "started", "website_confirm"]
    targets = [post.url]
    if comment:
        targets.append(f"{post.url}melden/{comment.pk}/")
    failures = []
    for url in targets:
        for body in (
            dict.fromkeys(fields + ["reason", "explanation", "contact", "good_faith"], value),
            {},
        ):
            response = client.post(url, body)
            if response.status_code >= 500:
                failures.append((url, response.status_code))
    assert not failures


def api_operations(client):
    document = client.get("/api/v3/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def _fill(path, value):
    return re.sub(r"\{[^}]+\}", lambda _match: value, path)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_no_api_operation_answers_5xx_to_hostile_parameters(client, value):
    from urllib.parse import quote

    failures = []
    for path, method, operation in api_operations(client):
        query = {
            parameter["name"]: value
            for parameter in operation.get("parameters", ())
            if parameter["in"] == "query"
        }
        url = _fill(path, quote(value, safe=""))
        if method == "get":
            response = client.get(url, query)
        else:
            response = client.generic(
                method.upper(), url, json.dumps({"x": value}), content_type="application/json"
            )
        if response.status_code >= 500:
            failures.append((method, url[:80], response.status_code))
    assert not failures


@pytest.mark.parametrize("body", JSON_BODIES)
@pytest.mark.parametrize("content_type", ["application/json", "text/plain", "application/xml"])
def test_no_api_write_answers_5xx_to_junk_bodies(client, body, content_type):
    from blog.models import BlogPostPage

    post_id = str(BlogPostPage.objects.live().first().pk)
    failures = []
    for path, method, _operation in api_operations(client):
        if method == "get":
            continue
        response = client.generic(
            method.upper(), _fill(path, post_id), body, content_type=content_type
        )
        if response.status_code >= 500:
            failures.append((method, path, response.status_code))
    assert not failures
