"""Blog pages as visitors see them: the filtered index and a post (with its comment section)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from blog.models import BlogCategory, Person
from blog.queries import localised, localised_tags, tag_for_slug
from home.pagination import paginate
from home.templatetags.portal_tags import json_script


def blog_index(index, request, category=None, tag=None, author=None, year=None, month=None):
    locale = Locale.get_active()
    posts = index.posts()
    context = index.get_context(request)
    filter_title = ""
    filter_route = None
    category_obj = person = tag_obj = None
    if category:
        category_obj = get_object_or_404(BlogCategory, slug=category, locale=locale)
        posts = posts.filter(categories__translation_key=category_obj.translation_key)
        filter_title = _("Kategorie: %(name)s") % {"name": category_obj.name}
        context["category"] = category_obj
        filter_route = ("category", category_obj.slug)
    elif tag:
        tag_obj, tag_name = tag_for_slug(tag, locale)
        posts = posts.filter(tagged_items__tag=tag_obj)
        filter_title = _("Schlagwort: %(name)s") % {"name": tag_name}
        filter_route = ("tag", tag)
    elif author:
        person = get_object_or_404(Person, slug=author, locale=locale)
        posts = posts.filter(post_authors__person__translation_key=person.translation_key)
        filter_title = _("Beiträge von %(name)s") % {"name": person.name}
        context["person"] = person
        filter_route = ("author", person.slug)
    elif year:
        if not 1 <= month <= 12:
            raise Http404
        posts = posts.filter(date__year=year, date__month=month)
        from django.utils.dates import MONTHS

        filter_title = _("Archiv: %(month)s %(year)s") % {"month": MONTHS[month], "year": year}
    page_of_posts = paginate(request, posts.distinct(), index.posts_per_page)
    if year:
        filter_route = ("month", year, f"{month:02d}")
    filter_url = index.route_url(*filter_route) if filter_route else index.url
    if filter_route:
        context["language_urls"] = _language_urls(
            index, filter_route, _slugs_by_language(category_obj or person, tag_obj)
        )
    context.update(
        posts=page_of_posts,
        filter_title=filter_title,
        filter_url=filter_url,
        canonical_url=request.build_absolute_uri(
            filter_url + (f"?seite={page_of_posts.number}" if page_of_posts.number > 1 else "")
        ),
        categories=BlogCategory.objects.filter(locale=locale),
        months=index.posts().dates("date", "month", order="DESC"),
    )
    return TemplateResponse(request, "blog/blog_index_page.html", context)


def _slugs_by_language(snippet=None, tag=None):
    """The slug of a translatable snippet or a tag in each language that has one."""
    if snippet is not None:
        return dict(
            type(snippet)
            .objects.filter(translation_key=snippet.translation_key)
            .values_list("locale__language_code", "slug")
        )
    if tag is not None:
        slugs = {code: tag.slug for code, _name in settings.LANGUAGES}
        slugs.update(tag.translations.values_list("locale__language_code", "slug"))
        return slugs
    return None


def _language_urls(index, route, slugs=None):
    """The same filter of the blog in each language: categories, authors and tags under their
    slug in that language (``slugs``), months as they are."""
    name, *args = route
    urls = {}
    translations = (
        type(index)
        .objects.live()
        .filter(translation_key=index.translation_key)
        .exclude(pk=index.pk)
        .select_related("locale")
    )
    for translation in translations:
        code = translation.locale.language_code
        if slugs is not None:
            if code not in slugs:
                continue
            args = [slugs[code]]
        urls[code] = translation.route_url(name, *args)
    return urls


def blog_post(page, request):
    """A post with its comments; the comment section comes from the ``comments`` app."""

    def post_context():
        authors = page.authors()
        context = {
            "blog_index": page.get_parent().specific,
            "authors": localised(authors, page.locale),
            "categories": localised(page.categories.all(), page.locale),
            "tags": localised_tags(page.tags.all(), page.locale),
            "blogposting_jsonld": blogposting_jsonld(request, page, authors),
            "related_posts": page.related_posts(),
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
        "publisher": {"@type": "Organization", "name": "Haus am Westbahnhof"},
    }
    if page.header_image:
        rendition = page.header_image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    return json_script(data)
