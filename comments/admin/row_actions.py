"""One-click moderation from the comment list, as on WordPress's comment screen.

Each row has buttons that set a status (approve, unapprove, spam, bin) and an inline team
reply. They are plain forms: without JavaScript they POST, the list comes back where it was
(tab, page, filters) and a message offers "Rückgängig"; with JavaScript
(``comments-moderation.js``) the same POST answers JSON and the row shows that notice in place.
Undo restores the status and the reason the comment had, from a signed token.
"""

from dataclasses import dataclass

from django.contrib import messages as django_messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from comments.admin.filters import status_counts
from comments.admin.permissions import can_moderate
from comments.admin.utils import TEMPLATES, comment_url
from comments.models import Comment, ModerationReason
from comments.signals import comments_changed
from home.form_protection import parse_id

UNDO_SALT = "comments.admin.undo"
UNDO_MAX_AGE = 24 * 60 * 60  # a day: long enough for a page left open over lunch

S = Comment.Status


@dataclass(frozen=True)
class RowAction:
    """A button of a row: the status it sets, and what the row says afterwards."""

    status: str
    label: str
    done: str  # with %(name)s


def _done_message(status):
    return {
        S.APPROVED: gettext_lazy("Kommentar von %(name)s freigegeben."),
        S.PENDING: gettext_lazy("Kommentar von %(name)s wartet wieder auf Freigabe."),
        S.SPAM: gettext_lazy("Kommentar von %(name)s als Spam markiert."),
        S.TRASH: gettext_lazy("Kommentar von %(name)s in den Papierkorb gelegt."),
    }[status]


def _label(status, current):
    if status == S.APPROVED:
        return gettext_lazy("Freigeben")
    if status == S.SPAM:
        return gettext_lazy("Spam")
    if status == S.TRASH:
        return gettext_lazy("Papierkorb")
    # Back to "waiting": the word depends on where the comment is now.
    return {
        S.APPROVED: gettext_lazy("Zurückziehen"),
        S.SPAM: gettext_lazy("Kein Spam"),
        S.TRASH: gettext_lazy("Wiederherstellen"),
    }[current]


# The order of the buttons in a row, as WordPress: approve/unapprove first, the bin last.
ROW_ORDER = [S.APPROVED, S.PENDING, S.SPAM, S.TRASH]


def row_actions(comment):
    """The status buttons a row shows: every status but the one the comment has."""
    return [
        RowAction(status, _label(status, comment.status), _done_message(status))
        for status in ROW_ORDER
        if status != comment.status
    ]


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def listing_url(request):
    """Where the list was: the ``next`` it sent (same host only), else the plain list."""
    return get_valid_next_url_from_request(request) or comment_url("list")


def comment_or_404(pk):
    number = parse_id(pk)
    if number is None:
        raise Http404
    return get_object_or_404(Comment, pk=number)


def refuse(request, message, status=400):
    """A refusal in the list's language: JSON for the script, a message and the list otherwise."""
    if wants_json(request):
        return JsonResponse({"ok": False, "error": str(message)}, status=status)
    messages.error(request, message)
    return redirect(listing_url(request))


def forbidden(request):
    message = _("Du darfst keine Kommentare moderieren.")
    if wants_json(request):
        return JsonResponse({"ok": False, "error": message}, status=403)
    return HttpResponseForbidden(message)


def undo_token(comment):
    return signing.dumps(
        {"pk": comment.pk, "status": comment.status, "reason": comment.moderation_reason},
        salt=UNDO_SALT,
        compress=True,
    )


def manual_reason(status, user):
    return ModerationReason.stored(ModerationReason.MANUAL, f"{status}:{user.get_username()}")


def set_status(comment, status, reason):
    Comment.objects.filter(pk=comment.pk).update(
        status=status, moderation_reason=reason, updated_at=timezone.now()
    )
    comments_changed([comment], status)
    comment.status, comment.moderation_reason = status, reason


def render_notice(request, message, *, undo_comment=None, token="", link=None):
    """The notice that replaces a row (and the detail of the message without JavaScript)."""
    return render_to_string(
        TEMPLATES + "includes/row_notice.html",
        {
            "message": message,
            "undo_url": comment_url("undo", undo_comment.pk) if undo_comment else None,
            "token": token,
            "next_url": listing_url(request),
            "link": link,
        },
        request=request,
    )


def answer(request, message, *, undo_comment=None, token="", link=None):
    """The answer to a successful action: JSON with the row's notice, or back to the list."""
    if wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "notice": render_notice(
                    request, message, undo_comment=undo_comment, token=token, link=link
                ),
                "counts": status_counts(),
            }
        )
    detail = render_notice(request, "", undo_comment=undo_comment, token=token, link=link)
    django_messages.success(request, messages.render(message, [], detail=detail))
    return redirect(listing_url(request))


def moderators_post_only(view):
    """POST only (405 otherwise), for moderators only (403), every answer without a 500."""

    @require_POST
    def checked_view(request, *args, **kwargs):
        if not can_moderate(request.user):
            # A response, not PermissionDenied: Wagtail would turn that into a redirect.
            return forbidden(request)
        return view(request, *args, **kwargs)

    return checked_view


@moderators_post_only
def moderate_comment(request, pk):
    """Set the status a row's button names; the answer offers to undo it."""
    comment = comment_or_404(pk)
    status = request.POST.get("status", "")
    if status not in S.values:
        return refuse(request, _("Diese Aktion gibt es nicht."))
    token = undo_token(comment)
    set_status(comment, status, manual_reason(status, request.user))
    message = _done_message(status) % {"name": comment.name}
    return answer(request, message, undo_comment=comment, token=token)


@moderators_post_only
def undo_moderation(request, pk):
    """Give the comment back the status and reason it had before a row's button was used."""
    comment = comment_or_404(pk)
    try:
        previous = signing.loads(
            request.POST.get("token", ""), salt=UNDO_SALT, max_age=UNDO_MAX_AGE
        )
    except signing.BadSignature:  # includes SignatureExpired
        return refuse(request, _("Das lässt sich nicht mehr rückgängig machen."))
    if (
        not isinstance(previous, dict)
        or previous.get("pk") != comment.pk
        or previous.get("status") not in S.values
    ):
        return refuse(request, _("Das lässt sich nicht mehr rückgängig machen."))
    with transaction.atomic():
        set_status(comment, previous["status"], str(previous.get("reason", "")))
    message = _("Rückgängig gemacht: Der Kommentar von %(name)s ist wieder „%(status)s“.") % {
        "name": comment.name,
        "status": comment.get_status_display(),
    }
    return answer(request, message)
