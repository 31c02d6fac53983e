"""The blog's part of the v3 API: approved comments of a post, and posting a comment."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from blog.forms import CommentForm, parent_comment
from blog.models import BlogPostPage, Comment
from blog.moderation import (
    CommentRefused,
    DuplicateComment,
    client_ip,
    form_timestamp,
    submit_comment,
)
from blog.rendering import comment_html

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
    parent_id: int | None = None
    started: str
    website_confirm: str = ""


class CommentAccepted(Schema):
    id: int
    status: str
    message: str


class FormToken(Schema):
    started: str


class FieldErrors(Schema):
    errors: dict[str, list[str]]


def _post(page_id):
    return get_object_or_404(BlogPostPage.objects.live().public(), pk=page_id)


@router.get(
    "/posts/{page_id}/comments/", response=list[CommentOut], summary="Approved comments of a post"
)
def list_comments(request, page_id: int):
    comments = list(Comment.objects.public_for(_post(page_id)))
    for comment in comments:
        comment.text_html = comment_html(comment.text)
    return comments


@router.get(
    "/posts/{page_id}/comment-form/",
    response=FormToken,
    summary="Start a comment on a post (signed, single-use start time)",
)
def comment_form_token(request, page_id: int):
    """The signed start time the post's HTML form carries: post it back as ``started`` after
    3 seconds and within 2 hours, once, to this post only."""
    return {"started": form_timestamp(_post(page_id))}


@router.post(
    "/posts/{page_id}/comments/",
    response={201: CommentAccepted, 400: FieldErrors, 409: FieldErrors},
    summary="Post a comment (same rules as the form)",
)
def post_comment(request, page_id: int, payload: CommentIn):
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
        return Status(400, {"errors": errors})
    parent = parent_comment(page, payload.parent_id)
    if payload.parent_id and parent is None:
        message = "Auf diesen Kommentar kann nicht geantwortet werden."
        return Status(400, {"errors": {"parent_id": [message]}})
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
        return Status(409, {"errors": {"text": [str(duplicate.message)]}})
    except CommentRefused as refused:
        return Status(400, {"errors": {refused.field or "__all__": [str(refused.message)]}})
    if comment.status == Comment.Status.APPROVED:
        message = "Dein Kommentar ist veröffentlicht."
    else:
        message = "Dein Kommentar wartet auf Freischaltung."
    status = "approved" if comment.status == Comment.Status.APPROVED else "pending"
    return Status(201, {"id": comment.pk, "status": status, "message": message})
