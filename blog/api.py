"""The blog's part of the v3 API: comments of a post, posting a comment, and the public taxonomies."""

from datetime import datetime
from typing import Literal

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view

from blog.forms import CommentForm, parent_comment
from blog.models import BlogCategory, BlogPostPage, Person
from blog.moderation import (
    CommentRefused,
    DuplicateComment,
    client_ip,
    form_timestamp,
    submit_comment,
)
from blog.rendering import comment_html
from comments.models import Comment
from portal.api_guards import json_from_own_site
from portal.api_types import ObjectId, field_problem, problems

router = Router(tags=["blog"])


class CommentOut(Schema):
    """A public comment: no e-mail address, no IP address."""

    id: int
    parent_id: int | None
    name: str
    url: str
    text: str
    text_html: str = Field(
        description="The text as the page shows it: allowed tags only, sanitised."
    )
    is_team: bool
    created_at: datetime


class CommentIn(Schema):
    name: str
    email: str
    url: str = ""
    text: str
    consent: bool
    parent_id: ObjectId | None = None
    started: str
    website_confirm: str = ""


class CommentAccepted(Schema):
    id: int
    status: str
    message: str


class FormToken(Schema):
    started: str


LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class CategoryOut(Schema):
    id: int
    name: str
    slug: str
    description: str
    locale: str


class AuthorOut(Schema):
    """A person who writes for the blog, as the author pages show them (nothing private)."""

    id: int
    name: str
    slug: str
    role: str
    bio: str
    locale: str


# Where field errors point, as ninja's own validation errors of the body do.
BODY = ("body", "payload")
FORM_REFUSED = "Der Kommentar wurde nicht angenommen."


def _post(page_id):
    return get_object_or_404(BlogPostPage.objects.live().public(), pk=page_id)


@router.get(
    "/posts/{page_id}/comments/",
    response={200: list[CommentOut], **problems(404, 422)},
    summary="Approved comments of a post",
)
def list_comments(request, page_id: ObjectId):
    comments = list(Comment.objects.public_for(_post(page_id)))
    for comment in comments:
        comment.text_html = comment_html(comment.text)
    return comments


@router.get(
    "/posts/{page_id}/comment-form/",
    response={200: FormToken, **problems(404, 422)},
    summary="Start a comment on a post (signed, single-use start time)",
)
def comment_form_token(request, page_id: ObjectId):
    """The signed start time the post's HTML form carries: post it back as ``started`` after
    3 seconds and within 2 hours, once, to this post only."""
    return {"started": form_timestamp(_post(page_id))}


@router.post(
    "/posts/{page_id}/comments/",
    response={201: CommentAccepted, **problems(400, 403, 404, 409, 415, 422)},
    summary="Post a comment (same rules as the form)",
    description="Send `Content-Type: application/json`; browsers may post only from this site.",
)
@decorate_view(json_from_own_site)
def post_comment(request, page_id: ObjectId, payload: CommentIn):
    page = _post(page_id)
    form = CommentForm(
        {
            "name": payload.name,
            "email": payload.email,
            "url": payload.url,
            "text": payload.text,
            "consent": "on" if payload.consent else "",
            "parent": payload.parent_id or "",
            "started": payload.started,
            "website_confirm": payload.website_confirm,
        }
    )
    if not form.is_valid():
        errors = {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        return field_problem(400, FORM_REFUSED, errors, BODY)
    parent = parent_comment(page, payload.parent_id)
    if payload.parent_id and parent is None:
        message = "Auf diesen Kommentar kann nicht geantwortet werden."
        return field_problem(400, FORM_REFUSED, {"parent_id": [message]}, BODY)
    try:
        comment = submit_comment(
            page,
            form.comment_data(parent),
            client_ip(request),
            honeypot=payload.website_confirm,
            timestamp=payload.started,
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
    except DuplicateComment as duplicate:
        return field_problem(409, FORM_REFUSED, {"text": [str(duplicate.message)]}, BODY)
    except CommentRefused as refused:
        errors = {refused.field or "__all__": [str(refused.message)]}
        return field_problem(400, FORM_REFUSED, errors, BODY)
    if comment.status == Comment.Status.APPROVED:
        message = "Dein Kommentar ist veröffentlicht."
    else:
        message = "Dein Kommentar wartet auf Freischaltung."
    status = "approved" if comment.status == Comment.Status.APPROVED else "pending"
    return Status(201, {"id": comment.pk, "status": status, "message": message})


@router.get(
    "/categories/",
    response={200: list[CategoryOut], **problems(422)},
    summary="Blog categories (public)",
)
def list_categories(request, locale: LanguageCode | None = None):
    return [
        _with_locale(category, ("id", "name", "slug", "description"))
        for category in _in_locale(BlogCategory.objects.all(), locale)
    ]


@router.get(
    "/authors/",
    response={200: list[AuthorOut], **problems(422)},
    summary="Authors of the blog (public)",
)
def list_authors(request, locale: LanguageCode | None = None):
    return [
        _with_locale(person, ("id", "name", "slug", "role", "bio"))
        for person in _in_locale(Person.objects.all(), locale)
    ]


def _in_locale(snippets, language_code):
    snippets = snippets.select_related("locale").order_by("name", "pk")
    if language_code:
        snippets = snippets.filter(locale__language_code=language_code)
    return snippets


def _with_locale(snippet, fields):
    return {
        **{name: getattr(snippet, name) for name in fields},
        "locale": snippet.locale.language_code,
    }
