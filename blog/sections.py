"""The blog's contributions to the home page and the sitemap."""

from blog.models import BlogCategory, BlogIndexPage
from blog.queries import live_posts, with_card_pictures
from home.localisation import active_locale
from home.public_cache import public
from portal.hooks import SitemapItem


def latest_posts_context(request, page, value):
    count = value.get("count") or 3
    index = public(BlogIndexPage.objects.live()).filter(locale=active_locale()).first()
    posts = with_card_pictures(live_posts(locale=active_locale()))[:count]
    return {"posts": list(posts), "blog_index": index}


def category_sitemap_items(request, site):
    items = []
    for index in public(BlogIndexPage.objects.live()).select_related("locale"):
        base = index.get_full_url(request)
        for category in BlogCategory.objects.filter(locale=index.locale):
            items.append(SitemapItem(location=base + index.route_path("category", category.slug)))
    return items
