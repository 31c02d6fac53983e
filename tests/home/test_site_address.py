"""The demo's absolute links point to the address `make run` serves, one host per response."""

import re
from io import StringIO
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from blog.models import BlogPostPage

pytestmark = pytest.mark.django_db

ADDRESS = "http://127.0.0.1:8123"
OWN_HOSTS = re.compile(r"https?://(?:localhost|testserver|127\.0\.0\.1)(?::\d+)?")


def load_demo(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def test_demo_site_gets_the_address_it_is_served_at_and_keeps_it(client):
    load_demo("--site-url", ADDRESS)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site.root_url == ADDRESS
    # A second `make run` changes nothing.
    assert " ~ " not in load_demo("--site-url", ADDRESS)
    assert " + " not in load_demo("--site-url", ADDRESS)


@override_settings(WAGTAILADMIN_BASE_URL=ADDRESS)
def test_every_absolute_url_of_a_response_uses_the_served_address(client):
    load_demo("--site-url", ADDRESS)
    post = BlogPostPage.objects.filter(locale__language_code="de", header_image__isnull=False)[0]
    for url in [
        "/de/",
        post.url,
        "/de/blog/",
        "/de/blog/feed/rss/",
        "/sitemap.xml",
        "/sitemap-seiten-de.xml",
        "/sitemap-blog.xml",
        "/robots.txt",
        f"/api/v3/pages/{post.pk}/",
        "/api/v3/pages/?type=blog.BlogPostPage",
    ]:
        response = client.get(url, HTTP_HOST="127.0.0.1:8123")
        assert response.status_code == 200, url
        # Share links carry the address URL-encoded.
        hosts = set(OWN_HOSTS.findall(unquote(response.content.decode())))
        assert hosts == {ADDRESS}, (url, hosts)
