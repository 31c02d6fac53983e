"""A blog post as visitors see it; its comment section comes from the ``comments`` app."""

from blog.queries import localised_tags
from home.chrome import site_name
from home.localisation import localised_snippets
from home.templatetags.portal_tags import json_script


def blog_post(page, request):
    """A post with its comments: the blog adds its own context to the commentable page's."""

    def post_context():
        authors = page.authors()
        context = {
            "blog_index": page.get_parent().specific,
            "authors": localised_snippets(authors, page.locale),
            "categories": localised_snippets(page.categories.all(), page.locale),
            "tags": localised_tags(page.tags.all(), page.locale),
            "blogposting_jsonld": blogposting_jsonld(request, page, authors),
            "related_posts": page.related_posts(),
            "topics": page.topics(),
        }
        context["previous_post"], context["next_post"] = page.neighbours()
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
