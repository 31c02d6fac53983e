"""Blog pages as visitors see them: the filtered index, a post with its comments, reporting."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.signing import BadSignature
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from blog.forms import REPLY_REFUSED, CommentForm, ReportForm, parent_comment
from blog.models import BlogCategory, Person
from blog.moderation import (
    CommentRefused,
    client_ip,
    comments_closed_reason,
    form_timestamp,
    report_form_timestamp,
    submit_comment,
    submit_report,
)
from blog.queries import localised, localised_tags, tag_for_slug
from comments.models import (
    COMMENTS_PAGE_PARAM,
    DEFAULT_COMMENTS_PER_PAGE,
    Comment,
    DiscussionSettings,
)
from home.form_protection import parse_id
from home.localisation import localised_pages
from home.pagination import paginate
from home.templatetags.portal_tags import json_script

OWN_COMMENTS_COOKIE = "eigene_kommentare"
REMEMBER_COOKIE = "kommentar_autor"
COOKIE_SALT = "blog.comments"
OWN_COMMENTS_MAX_AGE = 2 * 60 * 60
REMEMBER_MAX_AGE = 365 * 24 * 60 * 60


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


def comment_tree(page, discussion, own_ids=()):
    """Approved comments (and the visitor's own pending ones) as threads, in one query."""
    visible = Q(status=Comment.Status.APPROVED) | Q(
        pk__in=list(own_ids), status=Comment.Status.PENDING
    )
    comments = list(Comment.objects.filter(visible, page=page).order_by("created_at", "pk"))
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.children = []
        comment.can_reply = comment.is_public and comment.depth < discussion.thread_depth
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        if parent is not None:
            parent.children.append(comment)
        elif comment.parent_id is None:
            roots.append(comment)
    return roots, len([c for c in comments if c.is_public])


def _own_comment_ids(request):
    try:
        raw = request.get_signed_cookie(
            OWN_COMMENTS_COOKIE, default="", salt=COOKIE_SALT, max_age=OWN_COMMENTS_MAX_AGE
        )
    except BadSignature:
        return []
    return [pk for pk in map(parse_id, raw.split(",")) if pk is not None][-20:]


def _remembered_author(request):
    try:
        raw = request.get_signed_cookie(REMEMBER_COOKIE, default="", salt=COOKIE_SALT)
        data = json.loads(raw) if raw else {}
    except (BadSignature, ValueError):
        return {}
    return (
        {key: str(data.get(key, ""))[:254] for key in ("name", "email")}
        if isinstance(data, dict)
        else {}
    )


def _fresh_timestamp(form, token):
    """A re-shown form gets a new signed start time, so an expired one can be sent again."""
    data = form.data.copy()
    data["started"] = token
    form.data = data


def _add_refusal(form, refused):
    """Put a refusal next to its field, or above the form when no visible field is meant."""
    field = refused.field if refused.field in form.fields and refused.field != "parent" else None
    form.add_error(field, refused.message)


def blog_post(page, request):
    discussion = DiscussionSettings.for_request(request)
    closed_reason = comments_closed_reason(page, discussion)
    status = 200
    if request.method == "POST" and not closed_reason:
        form = CommentForm(request.POST)
        if form.is_valid():
            parent = parent_comment(page, form.cleaned_data.get("parent"))
            if form.cleaned_data.get("parent") and parent is None:
                form.add_error(None, REPLY_REFUSED)
            else:
                try:
                    comment = submit_comment(
                        page,
                        form.comment_data(parent),
                        client_ip(request),
                        honeypot=form.cleaned_data.get("website_confirm", ""),
                        timestamp=form.cleaned_data.get("started", ""),
                        user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    )
                except CommentRefused as refused:
                    _add_refusal(form, refused)
                else:
                    return _after_comment(request, page, comment, form.cleaned_data.get("remember"))
        status = 400
        _fresh_timestamp(form, form_timestamp(page))
    else:
        initial = {"started": form_timestamp(page), **_remembered_author(request)}
        initial["remember"] = bool(initial.get("name"))
        reply_to = parse_id(request.GET.get("antwort"))
        if reply_to is not None:
            initial["parent"] = reply_to
        form = CommentForm(initial=initial)

    own_ids = _own_comment_ids(request)
    threads, comment_count = comment_tree(page, discussion, own_ids)
    # A stale link to a comment page that no longer exists still shows the post.
    page_of_threads = paginate(
        request,
        threads,
        discussion.comments_per_page or DEFAULT_COMMENTS_PER_PAGE,
        COMMENTS_PAGE_PARAM,
        past_the_end_is_404=False,
        start_at_end=discussion.default_comments_page == DiscussionSettings.CommentsPage.NEWEST,
    )
    if discussion.comment_order == DiscussionSettings.CommentOrder.NEWEST_FIRST:
        page_of_threads.object_list = page_of_threads.object_list[::-1]
    reply_parent = parent_comment(page, form["parent"].value())
    context = page.get_context(request)
    authors = page.authors()
    blog_index = page.get_parent().specific
    context.update(
        blog_index=blog_index,
        authors=localised(authors, page.locale),
        categories=localised(page.categories.all(), page.locale),
        tags=localised_tags(page.tags.all(), page.locale),
        blogposting_jsonld=blogposting_jsonld(request, page, authors),
        privacy_url=_privacy_url(discussion),
        comment_form=form,
        comments_closed=closed_reason,
        comment_threads=page_of_threads,
        comment_count=comment_count,
        reply_parent=reply_parent,
        discussion=discussion,
        related_posts=page.related_posts(),
    )
    context["previous_post"], context["next_post"] = page.neighbours()
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _privacy_url(discussion):
    if discussion.privacy_page_id is None:
        return ""
    privacy = localised_pages([discussion.privacy_page])[discussion.privacy_page.translation_key]
    return privacy.url


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


def _after_comment(request, page, comment, remember):
    # The thanks appear at the comment the page scrolls to, where a phone's screen shows them.
    if comment.status == Comment.Status.APPROVED:
        messages.success(
            request, _("Danke! Dein Kommentar ist veröffentlicht."), extra_tags=comment.anchor()
        )
    elif comment.status == Comment.Status.PENDING:
        messages.info(
            request,
            _("Danke! Dein Kommentar wartet auf Freischaltung."),
            extra_tags=comment.anchor(),
        )
    else:
        # Spam is not announced: the sender sees the same as for a held comment.
        messages.info(request, _("Danke! Dein Kommentar wartet auf Freischaltung."))
    own = [*_own_comment_ids(request), comment.pk][-20:]
    # Straight to the comment page that shows the new comment (WordPress: get_page_of_comment).
    response = HttpResponseRedirect(comment.public_url(request, own_ids=own))
    if comment.status == Comment.Status.PENDING:
        response.set_signed_cookie(
            OWN_COMMENTS_COOKIE,
            ",".join(map(str, own)),
            salt=COOKIE_SALT,
            max_age=OWN_COMMENTS_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    if remember:
        response.set_signed_cookie(
            REMEMBER_COOKIE,
            json.dumps({"name": comment.name, "email": comment.email}),
            salt=COOKIE_SALT,
            max_age=REMEMBER_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(REMEMBER_COOKIE, samesite="Lax")
    return response


def report_comment(page, request, comment_id):
    comment_id = parse_id(comment_id)
    if comment_id is None:
        raise Http404
    # Team replies speak for the house; a visitor reports the comment they answer instead.
    comment = get_object_or_404(
        Comment.objects.approved().filter(is_team=False), pk=comment_id, page=page
    )
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                submit_report(
                    comment,
                    form,
                    client_ip(request),
                    honeypot=form.cleaned_data.get("website_confirm", ""),
                    timestamp=form.cleaned_data.get("started", ""),
                )
            except CommentRefused as refused:
                _add_refusal(form, refused)
            else:
                # Shown at the comment the page scrolls to, not at the top of the thread.
                messages.success(
                    request,
                    _("Danke für Deine Meldung. Wir sehen sie uns schnell an."),
                    extra_tags=comment.anchor(),
                )
                return HttpResponseRedirect(f"{page.url}#{comment.anchor()}")
        status = 400
        _fresh_timestamp(form, report_form_timestamp(comment))
    else:
        form = ReportForm(initial={"started": report_form_timestamp(comment)})
        status = 200
    context = page.get_context(request)
    context.update(report_form=form, reported_comment=comment)
    return TemplateResponse(request, "blog/report_comment.html", context, status=status)
