"""The blog's demo content: its index joins the main menu through the blog's own demo hook."""

import re

import pytest

pytestmark = pytest.mark.django_db


def main_menu_links(html):
    nav = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize(("home", "blog"), [("/de/", "/de/blog/"), ("/en/", "/en/blog/")])
def test_the_header_of_each_language_links_to_its_blog(client, home, blog):
    links = main_menu_links(client.get(home).content.decode())
    assert (blog, "Blog") in links, links
    # The blog comes once, after the foundation's pages (other feature apps may follow it).
    urls = [url for url, _label in links]
    assert urls.count(blog) == 1
    foundation = {"/de/": ["/de/ueber-uns/", "/de/raumvermietung/"]}.get(
        home, ["/en/about-us/", "/en/room-hire/"]
    )
    assert urls.index(blog) > max(urls.index(url) for url in foundation)


def test_the_blog_index_marks_itself_as_the_current_menu_entry(client):
    html = client.get("/de/blog/").content.decode()
    assert '<a href="/de/blog/" aria-current="page">Blog</a>' in html
