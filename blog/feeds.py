"""RSS 2.0 and Atom feeds of the blog, from the same query as the HTML list."""

from datetime import datetime, time

from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.timezone import get_current_timezone, make_aware

from blog.filters import post_filter
from home.chrome import site_name
from home.localisation import localised_snippets

FEED_ITEMS = 20
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def blog_feed(index, request, kind, category=None):
    selected = post_filter(index.locale, category=category)
    posts = selected.apply(index.posts())
    title = index.title
    link = index.get_full_url(request)
    if category:
        title = f"{index.title}: {selected.context['category'].name}"
        link = request.build_absolute_uri(index.route_url(*selected.route))
    feed = FEED_CLASSES[kind](
        title=f"{title} · {site_name(request)}",
        link=link,
        description=index.intro or title,
        language=index.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    posts = list(posts[:FEED_ITEMS])
    # Translated posts may still point at the German categories: name them in the feed's language.
    all_categories = [category for post in posts for category in post.categories.all()]
    category_names = {
        c.translation_key: c.name for c in localised_snippets(all_categories, index.locale)
    }
    for post in posts:
        url = post.get_full_url(request)
        published = make_aware(datetime.combine(post.date, time(9, 0)), get_current_timezone())
        feed.add_item(
            title=post.title,
            link=url,
            description=post.teaser,
            unique_id=url,
            pubdate=published,
            updateddate=post.last_published_at or published,
            author_name=", ".join(link.person.name for link in post.post_authors.all()),
            categories=[
                category_names.get(category.translation_key, category.name)
                for category in post.categories.all()
            ],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response
