"""Reading the sitemap as a crawler does: the index, then every section it names."""

import re
from urllib.parse import urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def local_path(url):
    """The path (and query) of an absolute address, for the test client."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def section_urls(client, **extra):
    """The addresses of the sections that /sitemap.xml names."""
    index = client.get("/sitemap.xml", **extra)
    assert index.status_code == 200
    return LOC.findall(index.content.decode())


def whole_sitemap(client, **extra):
    """The text of every section, joined."""
    texts = []
    for url in section_urls(client, **extra):
        response = client.get(local_path(url), **extra)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    return "\n".join(texts)
