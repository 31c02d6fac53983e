"""A valid suggestion becomes a draft in Wagtail's review workflow; nothing goes live here.

A new actor, venue or event is a new page that was never published, below the directory or
calendar of the default language; a change is a new revision of the live page (of the default
language), built on its latest revision so an editor's unsaved draft is kept. Either is
submitted to the page's workflow as Wagtail's "Zur Prüfung" does, without a requesting user:
editors approve it on the dashboard or in the editor, and compare a change with the live page.

Order of the checks, as for comments: honeypot → form timing → (page already in review) →
single use and flood control in the transaction that stores.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug

from comments.moderation import client_ip, hash_email, hash_ip
from home.consent import CURRENT_CONSENT
from home.form_protection import (
    FormRefused,
    check_form_token,
    claim_flood_slot,
    issue_form_token,
    spend_form_token,
)
from home.image_uploads import store_image
from kulturnetz.models import Submission
from kulturnetz.submissions.forms import source_locale

# The collection that keeps sent pictures until an editor uses them (not in the public API).
SUBMISSIONS_COLLECTION = "Einsendungen"
FLOOD_MESSAGE = _("Du hast gerade eben schon etwas eingesandt. Bitte warte ein paar Sekunden.")
REFUSED = _("Dein Vorschlag konnte nicht angenommen werden.")
IN_REVIEW = _(
    "Zu diesem Eintrag prüft die Redaktion gerade einen anderen Vorschlag. Bitte versuch es in "
    "ein paar Tagen noch einmal."
)
SLUG_MAX_LENGTH = 80


def token_purpose(purpose):
    """What the start token of a Kulturnetz form (``purpose``: its route's name) is issued for."""
    return f"kn-{purpose}"


def form_token(purpose, target):
    """The signed start time of one form (``purpose``) on one page."""
    return issue_form_token(token_purpose(purpose), target.pk)


def in_default_language(page):
    """The page's version in the default language (suggestions are made to that one)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page.specific
    source = page.get_translation_or_none(source_locale())
    return (source or page).specific


def _check(form, purpose, target):
    cleaned = form.cleaned_data
    if cleaned.get("website_confirm"):
        raise FormRefused(REFUSED)
    return check_form_token(cleaned.get("started"), token_purpose(purpose), target.pk)


def _claim_flood(request, email, now):
    ip_hash = hash_ip(client_ip(request))
    if ip_hash:
        claim_flood_slot(f"kn-ip:{ip_hash}", FLOOD_MESSAGE, now)
    claim_flood_slot(f"kn-mail:{hash_email(email)}", FLOOD_MESSAGE, now)


def _store_picture(form, title):
    if form.picture is None:
        return None
    alt = form.cleaned_data.get("image_alt") or title
    return store_image(form.picture, alt, SUBMISSIONS_COLLECTION, prefix="einsendung")


def _start_review(page):
    """Submit the latest revision to the page's workflow, as "Zur Prüfung" does."""
    workflow = page.get_workflow()
    if workflow is None:
        # Without a workflow the draft waits unpublished; the editors' e-mail still names it.
        return None
    return workflow.start(page, None)


def _record(page, revision, kind, form, request):
    sender = form.sender()
    return Submission.objects.create(
        page=page,
        revision=revision,
        kind=kind,
        name=sender["name"],
        email=sender["email"],
        note=form.cleaned_data.get("note", ""),
        language=translation.get_language() or "",
        consent_at=timezone.now(),
        consent_version=CURRENT_CONSENT,
    )


def _after_commit(submission):
    from kulturnetz.submissions.notifications import notify_editors

    transaction.on_commit(lambda: notify_editors(submission.pk))


def submit_new_page(index, form, request, purpose):
    """Store a suggested actor, venue or event as a draft below ``index`` and start its review."""
    token = _check(form, purpose, index)
    parent = in_default_language(index)
    page = form.model()
    form.apply_to(page)
    page.live = False
    page.locale = parent.locale
    page.slug = find_available_slug(
        parent, slugify(page.title)[:SLUG_MAX_LENGTH].strip("-") or "eintrag"
    )
    with transaction.atomic():
        spend_form_token(token)
        _claim_flood(request, form.sender()["email"], timezone.now())
        picture = _store_picture(form, page.title)
        if picture is not None:
            form.apply_picture(page, picture)
        parent.add_child(instance=page)
        revision = page.save_revision(user=None, log_action=True)
        submission = _record(page, revision, Submission.Kind.NEW, form, request)
        _start_review(page)
    _after_commit(submission)
    return submission


def submit_change(page, form, request):
    """Store a suggested change of the live ``page`` (its version in the default language) as a
    new revision and start its review."""
    token = _check(form, "change", page)
    source = in_default_language(page)
    if source.current_workflow_state is not None:
        raise FormRefused(IN_REVIEW)
    draft = source.get_latest_revision_as_object()
    form.apply_to(draft)
    with transaction.atomic():
        spend_form_token(token)
        _claim_flood(request, form.sender()["email"], timezone.now())
        picture = _store_picture(form, draft.title)
        if picture is not None:
            form.apply_picture(draft, picture)
        revision = draft.save_revision(user=None, log_action=True)
        submission = _record(draft, revision, Submission.Kind.CHANGE, form, request)
        _start_review(draft)
    _after_commit(submission)
    return submission
