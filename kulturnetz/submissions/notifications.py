"""E-mails about suggestions, sent by background tasks so the sender never waits for them:
editors hear of a new one, the sender hears when it is published.

Wagtail mails the reviewers itself when anything is submitted for review. For a suggestion
from the public that mail says no more than the title, so the Kulturnetz sends its own (who
sent it, their note, the links to review and compare) instead: ``connect()`` puts wrappers
in place of Wagtail's two "submitted" receivers that skip workflows nobody in the admin
started. It runs before wagtail.admin is ready (the feature apps come first in
INSTALLED_APPS), and Django keeps the first receiver of a dispatch_uid.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from comments.moderation import house_name
from home.groups import EDITORS
from home.localisation import localised_pages
from home.mail import enqueue_mail, group_addresses, send_mail
from kulturnetz.models import Submission

EMAIL_TEMPLATES = "kulturnetz/email/"


def _admin_url(name, *args):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse(name, args=args)}"


def reviewers(page):
    """Who approves ``page`` now: the groups of its current review task, else the editors."""
    groups = []
    state = page.current_workflow_state
    if state is not None and state.current_task_state is not None:
        task_groups = getattr(state.current_task_state.task.specific, "groups", None)
        groups = list(task_groups.all()) if task_groups is not None else []
    if not groups:
        return group_addresses(EDITORS)
    users = get_user_model().objects.filter(is_active=True, groups__in=groups)
    return list(users.exclude(email="").values_list("email", flat=True).distinct())


def review_links(submission, page):
    links = {"edit_url": _admin_url("wagtailadmin_pages:edit", page.pk)}
    if submission.kind == Submission.Kind.CHANGE and submission.revision_id:
        links["compare_url"] = _admin_url(
            "wagtailadmin_pages:revisions_compare", page.pk, "live", submission.revision_id
        )
    return links


@task()
def send_editors_mail(submission_id):
    submission = Submission.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None:
        return 0
    page = submission.page.specific
    is_change = submission.kind == Submission.Kind.CHANGE
    with translation.override(settings.LANGUAGE_CODE):
        if is_change:
            subject = _("Änderungsvorschlag für das Kulturnetz: %(title)s")
        else:
            subject = _("Neuer Vorschlag für das Kulturnetz: %(title)s")
        return send_mail(
            reviewers(page),
            subject % {"title": page.get_admin_display_title()},
            f"{EMAIL_TEMPLATES}submission_waiting",
            {
                "submission": submission,
                "page": page,
                "page_type": page._meta.verbose_name,
                "is_change": is_change,
                **review_links(submission, page),
            },
        )


@task()
def send_published_mail(submission_id):
    submission = Submission.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None or submission.status != Submission.Status.PUBLISHED:
        return 0
    page = submission.page.specific
    language = submission.language or settings.LANGUAGE_CODE
    with translation.override(language):
        # The page in the sender's language when it is translated, else the German one.
        shown = localised_pages([page], public=True).get(page.translation_key, page)
        return send_mail(
            [submission.email],
            _("Dein Vorschlag ist online: %(title)s") % {"title": shown.title},
            f"{EMAIL_TEMPLATES}submission_published",
            {
                "submission": submission,
                "page": shown,
                "page_url": shown.get_full_url(),
                "house": house_name(page.get_site()),
            },
        )


def notify_editors(submission_id):
    enqueue_mail(send_editors_mail, submission_id)


# What happens to a suggestion in the review.
def _page_published(sender, instance, revision=None, **kwargs):
    """A suggestion counts as published when its page goes live with it or a later revision."""
    waiting = Submission.objects.waiting().filter(page_id=instance.pk)
    if revision is not None:
        waiting = waiting.filter(revision_id__lte=revision.pk)
    published = list(waiting.values_list("pk", flat=True))
    if not published:
        return
    Submission.objects.filter(pk__in=published).update(
        status=Submission.Status.PUBLISHED, decided_at=timezone.now()
    )
    for submission_id in published:
        transaction.on_commit(lambda pk=submission_id: enqueue_mail(send_published_mail, pk))


def _workflow_rejected(sender, instance, **kwargs):
    """ "Änderungen anfordern" on a suggestion declines it: nobody can rework it but the editors."""
    if instance.requested_by_id is not None:
        return
    Submission.objects.waiting().filter(page_id=instance.object_id).update(
        status=Submission.Status.DECLINED, decided_at=timezone.now()
    )


def _is_public_suggestion(state):
    return (
        state.requested_by_id is None
        and Submission.objects.waiting().filter(page_id=state.object_id).exists()
    )


def _quiet_for_suggestions(notifier):
    def receiver(sender, instance=None, **kwargs):
        state = getattr(instance, "workflow_state", instance)
        if state is not None and _is_public_suggestion(state):
            return False
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


def connect():
    from wagtail.admin import signal_handlers as wagtail_mails
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import (
        page_published,
        task_submitted,
        workflow_rejected,
        workflow_submitted,
    )

    from kulturnetz.models import ActorPage, EventPage, VenuePage

    for model in (ActorPage, VenuePage, EventPage):
        page_published.connect(
            _page_published, sender=model, dispatch_uid=f"kn_suggestion_published_{model.__name__}"
        )
    workflow_rejected.connect(
        _workflow_rejected, sender=WorkflowState, dispatch_uid="kn_suggestion_rejected"
    )
    # Wagtail's own dispatch_uids: Wagtail's later connect() with the same ones does nothing.
    task_submitted.connect(
        _quiet_for_suggestions(wagtail_mails.task_submission_email_notifier),
        sender=TaskState,
        dispatch_uid="group_approval_task_submitted_email_notification",
        weak=False,
    )
    workflow_submitted.connect(
        _quiet_for_suggestions(wagtail_mails.workflow_submission_email_notifier),
        sender=WorkflowState,
        dispatch_uid="workflow_state_submitted_email_notification",
        weak=False,
    )
