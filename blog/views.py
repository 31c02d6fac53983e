"""A blog post as visitors see it; its comment section comes from the ``comments`` app."""

from blog.queries import localised_tags
from home.chrome import site_name
from home.localisation import locale_by_id, localised_snippets
from home.templatetags.portal_tags import json_script


def blog_post(page, request):
    """A post with its comments: the blog adds its own context to the commentable page's."""

    def post_context():
        authors = page.authors()
        # Fetched once: shown with the post, and what its related posts are chosen by.
        categories = list(page.categories.all())
        tags = list(page.tags.all())
        visible = page.visible_posts()
        blog_index = page.get_parent().specific
        # Both languages from the per-process memo: no query for either.
        page.locale = locale_by_id(page.locale_id)
        blog_index.locale = locale_by_id(blog_index.locale_id)
        context = {
            "blog_index": blog_index,
            "authors": localised_snippets(authors, page.locale_id),
            "categories": localised_snippets(categories, page.locale_id),
            "tags": localised_tags(tags, page.locale_id),
            "blogposting_jsonld": blogposting_jsonld(request, page, authors),
            "related_posts": page.related_posts(categories=categories, tags=tags, visible=visible),
            "topics": page.topics(),
        }
        context["previous_post"], context["next_post"] = page.neighbours(visible=visible)
        return context

    return page.serve_with_comments(request, post_context)


def blogposting_jsonld(request, page, authors):
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": page.title,
        "description": page.teaser,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.first_published_at).isoformat()
        if page.last_published_at or page.first_published_at
        else page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": page.get_full_url(request),
        "author": [{"@type": "Person", "name": person.name} for person in authors],
        "publisher": {
            "@type": "Organization",
            "name": site_name(request),
        },
    }
    if page.header_image:
        rendition = page.header_image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    return json_script(data)
