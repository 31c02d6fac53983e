"""The comment section of a commentable page and the report page, as visitors see them.

A page type gets all of it through ``CommentablePageMixin``: the form with its protections,
post/redirect/get, the cookie that shows visitors their own waiting comments, reply links,
comment pages and the report route.
"""

import json
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.signing import BadSignature
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from comments.forms import CommentForm, ReportForm, parent_comment
from comments.models import DEFAULT_COMMENTS_PER_PAGE, Comment, DiscussionSettings
from comments.moderation import (
    CommentRefused,
    client_ip,
    comments_closed_reason,
    form_timestamp,
    report_form_timestamp,
    submit_comment_form,
    submit_report,
)
from comments.words import (
    COMMENT_WORDS,
    COMMENTS_PAGE_PARAM,
    OWN_COMMENTS_COOKIE,
    REMEMBER_COOKIE,
    REPLY_PARAM,
)
from home.form_protection import parse_id
from home.localisation import localised_pages
from home.pagination import paginate
from home.public_cache import cached

COOKIE_SALT = "blog.comments"  # kept: cookies signed before the move stay valid
OWN_COMMENTS_MAX_AGE = 2 * 60 * 60
REMEMBER_MAX_AGE = 365 * 24 * 60 * 60
# What "remember me" keeps for the next comment, as WordPress does: name, e-mail and website.
REMEMBERED_FIELDS = ("name", "email", "url")


@dataclass
class CommentSection:
    """What a commentable page needs: a redirect after a stored comment, or its context."""

    redirect: HttpResponseRedirect | None = None
    status: int = 200
    context: dict = field(default_factory=dict)


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
    if not isinstance(data, dict):
        return {}
    return {
        key: str(data.get(key, ""))[: CommentForm.base_fields[key].max_length]
        for key in REMEMBERED_FIELDS
    }


def _posted_comment(page, request, form):
    """Store a valid comment, or mark the form; returns the stored comment or None."""
    if not form.is_valid():
        return None
    try:
        return submit_comment_form(page, form, request)
    except CommentRefused as refused:
        form.refuse(refused)
        return None


def comment_section(page, request):
    """Handle a posted comment (redirect on success) or build the section's context."""
    discussion = _discussion_settings(request)
    closed_reason = comments_closed_reason(page, discussion)
    status = 200
    if request.method == "POST" and not closed_reason:
        form = CommentForm(request.POST)
        comment = _posted_comment(page, request, form)
        if comment is not None:
            return CommentSection(
                redirect=_after_comment(request, comment, form.cleaned_data.get("remember"))
            )
        status = 400
        form.renew_token(form_timestamp(page))
    else:
        initial = {"started": form_timestamp(page), **_remembered_author(request)}
        initial["remember"] = bool(initial.get("name"))
        reply_to = parse_id(request.GET.get(REPLY_PARAM))
        if reply_to is not None:
            initial["parent"] = reply_to
        form = CommentForm(initial=initial)

    threads, comment_count = comment_tree(page, discussion, _own_comment_ids(request))
    # A stale link to a comment page that no longer exists still shows the page.
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
    return CommentSection(
        status=status,
        context={
            "privacy_url": _privacy_url(discussion),
            "comment_form": form,
            "comments_closed": closed_reason,
            "comment_threads": page_of_threads,
            "comment_count": comment_count,
            "reply_parent": parent_comment(page, form["parent"].value()),
            "discussion": discussion,
            "comment_words": COMMENT_WORDS,
        },
    )


def _discussion_settings(request):
    """The site's discussion settings from the shared cache (saving them starts a new content
    generation, home/cache_generation.py)."""
    site = Site.find_for_request(request)
    if site is None:
        return DiscussionSettings.for_request(request)
    return cached(f"discussion-settings:{site.pk}", lambda: DiscussionSettings.for_site(site))


def _privacy_url(discussion):
    if discussion.privacy_page_id is None:
        return ""

    def build():
        page = discussion.privacy_page
        return localised_pages([page])[page.translation_key].url

    return cached(f"comment-privacy-url:{discussion.privacy_page_id}:{get_language()}", build)


def _set_cookie(request, response, name, value, max_age):
    response.set_signed_cookie(
        name,
        value,
        salt=COOKIE_SALT,
        max_age=max_age,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _after_comment(request, comment, remember):
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
        _set_cookie(
            request, response, OWN_COMMENTS_COOKIE, ",".join(map(str, own)), OWN_COMMENTS_MAX_AGE
        )
    if remember:
        author = json.dumps({key: getattr(comment, key) for key in REMEMBERED_FIELDS})
        _set_cookie(request, response, REMEMBER_COOKIE, author, REMEMBER_MAX_AGE)
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
                submit_report(comment, form, client_ip(request))
            except CommentRefused as refused:
                form.refuse(refused)
            else:
                # Shown at the comment the page scrolls to, not at the top of the thread.
                messages.success(
                    request,
                    _("Danke für Deine Meldung. Wir sehen sie uns schnell an."),
                    extra_tags=comment.anchor(),
                )
                return HttpResponseRedirect(f"{page.url}#{comment.anchor()}")
        status = 400
        form.renew_token(report_form_timestamp(comment))
    else:
        form = ReportForm(initial={"started": report_form_timestamp(comment)})
        status = 200
    response = page.render(
        request,
        template="comments/report_comment.html",
        context_overrides={
            "report_form": form,
            "reported_comment": comment,
            "comment_words": COMMENT_WORDS,
        },
    )
    response.status_code = status
    return response
