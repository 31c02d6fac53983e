"""Comments through the v3 API, for every commentable page type: list, start and post."""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view
from wagtail.models import Page

from comments.forms import CommentForm
from comments.models import Comment, CommentablePageMixin
from comments.moderation import (
    CommentRefused,
    DuplicateComment,
    form_timestamp,
    submit_comment_form,
)
from comments.rendering import comment_html
from home.public_cache import public
from portal.api_guards import json_from_own_site
from portal.api_types import ObjectId, field_problem, problems

router = Router(tags=["comments"])


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
    # Checked as the form checks it (a 400 naming the field), so only documented here.
    email: str = Field(json_schema_extra={"format": "email"})
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


# Where field errors point, as ninja's own validation errors of the body do.
BODY = ("body", "payload")
FORM_REFUSED = gettext_lazy("Der Kommentar wurde nicht angenommen.")


def _commentable_page(page_id):
    """A live, public page of any type that takes comments."""
    page = get_object_or_404(public(Page.objects.live()), pk=page_id).specific
    if not isinstance(page, CommentablePageMixin):
        raise Http404
    return page


@router.get(
    "/pages/{page_id}/comments/",
    response={200: list[CommentOut], **problems(404, 422)},
    summary="Approved comments of a page",
)
def list_comments(request, page_id: ObjectId):
    comments = list(Comment.objects.public_for(_commentable_page(page_id)))
    for comment in comments:
        comment.text_html = comment_html(comment.text)
    return comments


@router.get(
    "/pages/{page_id}/comment-form/",
    response={200: FormToken, **problems(404, 422)},
    summary="Start a comment on a page (signed, single-use start time)",
)
def comment_form_token(request, page_id: ObjectId):
    """The signed start time the page's HTML form carries: post it back as ``started`` after
    3 seconds and within 2 hours, once, to this page only."""
    return {"started": form_timestamp(_commentable_page(page_id))}


@router.post(
    "/pages/{page_id}/comments/",
    response={201: CommentAccepted, **problems(400, 403, 404, 409, 415, 422)},
    summary="Post a comment (same rules as the form)",
    description="Send `Content-Type: application/json`; browsers may post only from this site.",
)
@decorate_view(json_from_own_site)
def post_comment(request, page_id: ObjectId, payload: CommentIn):
    page = _commentable_page(page_id)
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
    try:
        comment = submit_comment_form(page, form, request)
    except DuplicateComment as duplicate:
        return field_problem(409, FORM_REFUSED, {"text": [str(duplicate.message)]}, BODY)
    except CommentRefused as refused:
        # The form's hidden "parent" is the API's "parent_id".
        field = "parent_id" if refused.field == "parent" else refused.field
        errors = {field or "__all__": [str(refused.message)]}
        return field_problem(400, FORM_REFUSED, errors, BODY)
    if comment.status == Comment.Status.APPROVED:
        message = _("Dein Kommentar ist veröffentlicht.")
    else:
        message = _("Dein Kommentar wartet auf Freischaltung.")
    status = "approved" if comment.status == Comment.Status.APPROVED else "pending"
    return Status(201, {"id": comment.pk, "status": status, "message": message})
