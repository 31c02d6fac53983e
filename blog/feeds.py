"""RSS 2.0 and Atom feeds of the blog, from the same query as the HTML list."""

from datetime import datetime, time

from django.http import Http404, HttpResponse
from django.utils import feedgenerator
from django.utils.timezone import get_current_timezone, make_aware
from wagtail.models import Locale

from blog.models import BlogCategory
from blog.queries import localised

FEED_ITEMS = 20
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def blog_feed(index, request, kind, category=None):
    posts = index.posts()
    title = index.title
    link = index.get_full_url(request)
    if category:
        category_obj = BlogCategory.objects.filter(
            slug=category, locale=Locale.get_active()
        ).first()
        if category_obj is None:
            raise Http404
        posts = posts.filter(categories__translation_key=category_obj.translation_key)
        title = f"{index.title}: {category_obj.name}"
        link = request.build_absolute_uri(index.route_url("category", category_obj.slug))
    feed = FEED_CLASSES[kind](
        title=f"{title} · Haus am Westbahnhof",
        link=link,
        description=index.intro or title,
        language=index.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    posts = list(posts[:FEED_ITEMS])
    # Translated posts may still point at the German categories: name them in the feed's language.
    all_categories = [category for post in posts for category in post.categories.all()]
    category_names = {c.translation_key: c.name for c in localised(all_categories, index.locale)}
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
