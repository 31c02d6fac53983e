"""The comment rules, shared by the HTML form and the API: one decision for every comment.

Order of the checks, as in WordPress: closed → honeypot → form timing → flood → disallowed
words (spam) → held (moderation words, links, moderation mode) → approved.
"""

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from comments.forms import REPLY_REFUSED, parent_comment
from comments.models import Comment, DiscussionSettings, ModerationReason
from comments.rendering import count_links
from home.consent import CURRENT_CONSENT
from home.form_protection import (
    FormRefused,
    check_form_token,
    claim_flood_slot,
    issue_form_token,
    spend_form_token,
)
from home.notices import store_notice
from portal.middleware import client_address

COMMENT_FLOOD_MESSAGE = _("Du hast gerade eben schon kommentiert. Bitte warte ein paar Sekunden.")
COMMENT_FORM = "comment"
REPORT_FORM = "report"

# The one refusal of every public form; the old name stays for the comment code.
CommentRefused = FormRefused


class DuplicateComment(CommentRefused):
    """The same comment again (reload, back button): WordPress refuses it too."""


@dataclass
class Decision:
    status: str
    reason: str = ""


def form_timestamp(page):
    """The signed, single-use start time of the comment form on ``page``."""
    return issue_form_token(COMMENT_FORM, page.pk)


def report_form_timestamp(comment):
    return issue_form_token(REPORT_FORM, comment.pk)


def house_name(site=None):
    """The house's name as editors set it (organisation settings of the site)."""
    from home.models import OrganisationSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site).name if site else settings.WAGTAIL_SITE_NAME


def team_name(site=None):
    """How team replies are signed; visitors cannot use this name."""
    return f"Team {house_name(site)}"


def _name_key(name):
    """A name reduced to letters and digits, so "team  haus-am-Westbahnhof" matches too."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    return "".join(char for char in folded if char.isalnum())


def reserved_names():
    """The team's name in every language of the site, and the house's own name."""
    house = house_name()
    names = {house}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            names.add(str(_("Team")))
            names.add(f"{_('Team')} {house}")
    return {_name_key(name) for name in names}


def check_name_allowed(name):
    if _name_key(name) in reserved_names():
        raise CommentRefused(
            _("Dieser Name ist dem Team vorbehalten. Bitte schreib unter Deinem eigenen Namen."),
            "name",
        )


def hash_ip(ip_address):
    """A keyed hash of the address: enough for flood control, useless to anyone without the key."""
    if not ip_address:
        return ""
    key = hashlib.sha256(f"comment-ip:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, ip_address.encode(), hashlib.sha256).hexdigest()


def hash_email(email):
    key = hashlib.sha256(f"comment-email:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


# The visitor's address, also behind trusted proxies (portal.middleware.ClientAddressMiddleware).
client_ip = client_address


def comments_closed_reason(page, discussion):
    """Why comments on ``page`` are closed, or None while they are open."""
    if not discussion.comments_enabled:
        return _("Kommentare sind auf dieser Website ausgeschaltet.")
    if not getattr(page, "comments_enabled", False):
        return _("Die Kommentare zu dieser Seite sind geschlossen.")
    if discussion.close_after_days:
        reference = page.comments_reference_date()
        if reference and timezone.now() - reference > timedelta(days=discussion.close_after_days):
            return _("Die Kommentare zu dieser Seite sind geschlossen.")
    return None


def _matched_reason(words, fields, ip_address, word_reason, address_reason):
    """The stored reason a word list matches, or "". An address is never stored, only named."""
    for word in words:
        if any(word in value for value in fields):
            return ModerationReason.stored(word_reason, word)
        if ip_address and word in ip_address.lower():
            return ModerationReason.stored(address_reason)
    return ""


def decide(data, discussion, ip_address="", user_agent=""):
    """The status a valid, accepted comment gets.

    The word lists match name, e-mail, website, text, the sender's address and browser, as
    WordPress's ``check_comment`` and ``wp_check_comment_disallowed_list`` do.
    """
    fields = [(data.get(field, "") or "").lower() for field in ("name", "email", "url", "text")] + [
        (user_agent or "").lower()
    ]
    word_lists = [
        (
            discussion.disallowed_word_list(),
            Comment.Status.SPAM,
            ModerationReason.DISALLOWED_WORD,
            ModerationReason.DISALLOWED_ADDRESS,
        ),
        (
            discussion.moderation_word_list(),
            Comment.Status.PENDING,
            ModerationReason.MODERATION_WORD,
            ModerationReason.MODERATION_ADDRESS,
        ),
    ]
    for words, status, word_reason, address_reason in word_lists:
        reason = _matched_reason(words, fields, ip_address, word_reason, address_reason)
        if reason:
            return Decision(status, reason)
    links = count_links(data.get("text", ""))
    if discussion.hold_link_count and links >= discussion.hold_link_count:
        return Decision(
            Comment.Status.PENDING, ModerationReason.stored(ModerationReason.LINKS, links)
        )
    if discussion.moderation == DiscussionSettings.Moderation.ALL:
        return Decision(Comment.Status.PENDING, ModerationReason.HOLD_ALL)
    if discussion.moderation == DiscussionSettings.Moderation.KNOWN:
        # Team replies never vouch for anyone: their name and address are not a visitor's.
        known = (
            Comment.objects.approved()
            .filter(name=data["name"], email__iexact=data["email"], is_team=False)
            .exists()
        )
        if not known:
            return Decision(Comment.Status.PENDING, ModerationReason.FIRST_COMMENT)
        return Decision(Comment.Status.APPROVED, ModerationReason.KNOWN_AUTHOR)
    return Decision(Comment.Status.APPROVED)


def check_duplicate(page, data):
    """Refuse a comment that is already there: same post, parent, text, name and e-mail.

    As WordPress's ``wp_allow_comment`` (name and, when given, e-mail must both match, as
    MySQL compares them: case-insensitively); a comment in the trash does not count.
    """
    same_author = Q(name__iexact=data["name"])
    if data.get("email"):
        same_author &= Q(email__iexact=data["email"])
    duplicate = (
        Comment.objects.filter(same_author, page=page, parent=data.get("parent"), text=data["text"])
        .exclude(status=Comment.Status.TRASH)
        .exists()
    )
    if duplicate:
        raise DuplicateComment(_("Diesen Kommentar hast Du schon geschrieben."), "text")


def submit_comment(page, data, ip_address, *, honeypot="", timestamp=None, user_agent=""):
    """Run every rule and store the comment. Raises CommentRefused; returns the Comment."""
    discussion = DiscussionSettings.for_site(page.get_site())
    closed = comments_closed_reason(page, discussion)
    if closed:
        raise CommentRefused(closed)
    if honeypot:
        raise CommentRefused(_("Dein Kommentar konnte nicht angenommen werden."))
    token = check_form_token(timestamp, COMMENT_FORM, page.pk)
    check_name_allowed(data["name"])

    parent = data.get("parent")
    if parent is not None:
        if parent.page_id != page.pk or not parent.is_public:
            raise CommentRefused(_("Auf diesen Kommentar kann nicht geantwortet werden."), "parent")
        if parent.depth >= discussion.thread_depth:
            raise CommentRefused(
                _("Auf diesen Kommentar kann nicht weiter geantwortet werden."), "parent"
            )

    check_duplicate(page, data)
    decision = decide(data, discussion, ip_address, user_agent)
    now = timezone.now()
    ip_hash = hash_ip(ip_address)
    with transaction.atomic():
        spend_form_token(token)
        if ip_hash:
            claim_flood_slot(f"ip:{ip_hash}", COMMENT_FLOOD_MESSAGE, now)
        claim_flood_slot(f"email:{hash_email(data['email'])}", COMMENT_FLOOD_MESSAGE, now)
        comment = Comment.objects.create(
            page=page,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=data["name"],
            email=data["email"],
            url=data.get("url", ""),
            text=data["text"],
            status=decision.status,
            moderation_reason=decision.reason,
            ip_hash=ip_hash,
            consent_at=now,
            consent_version=CURRENT_CONSENT,
        )
    if comment.status == Comment.Status.PENDING:
        from comments.notifications import notify_comment_waiting

        transaction.on_commit(lambda: notify_comment_waiting(comment.pk))
    elif comment.status == Comment.Status.APPROVED:
        from comments.notifications import notify_authors

        transaction.on_commit(lambda: notify_authors(comment.pk))
    return comment


def submit_comment_form(page, form, request):
    """Store the comment of a valid ``CommentForm`` sent to ``page``: the HTML form and the
    API share this step. Raises CommentRefused (``field="parent"`` for a reply that cannot be)."""
    cleaned = form.cleaned_data
    parent = parent_comment(page, cleaned.get("parent"))
    if cleaned.get("parent") and parent is None:
        raise CommentRefused(REPLY_REFUSED, "parent")
    return submit_comment(
        page,
        form.comment_data(parent),
        client_ip(request),
        honeypot=cleaned.get("website_confirm", ""),
        timestamp=cleaned.get("started", ""),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


def submit_report(comment, form, ip_address):
    """Store a visitor's report of ``comment`` under the protections of every public form;
    the moderators hear of it once it is committed."""
    if comment.is_team or not comment.is_public:
        raise CommentRefused(_("Dieser Kommentar kann nicht gemeldet werden."))
    report = store_notice(form, REPORT_FORM, comment.pk, hash_ip(ip_address), comment=comment)
    from comments.notifications import notify_report

    transaction.on_commit(lambda: notify_report(report.pk))
    return report
