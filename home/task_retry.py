"""Background tasks that failed because a service was away run again later.

django-tasks-db marks a task that raises as failed, and nothing runs it again: an e-mail about
a comment or a suggestion would be lost while the mail server refuses or does not answer. A
task that failed on a connection (the mail server, the search cluster) goes back into the
queue instead, to run after the next of ``settings.PORTAL_TASK_RETRY_DELAYS`` (seconds); once
they are used up it stays failed, and an error is logged. The row keeps the last error until
the task succeeds. Other failures (a bug, a deleted comment) are not retried.
"""

import logging
import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)

# A mail server that refuses or hangs up, a connection refused, reset or timed out, a host
# name that does not resolve (yet).
PASSING_FAILURES = (smtplib.SMTPException, ConnectionError, TimeoutError, socket.gaierror)


def _failed_on_a_connection(task_result):
    if not task_result.errors:
        return False
    try:
        error_class = import_string(task_result.errors[-1].exception_class_path)
    except ImportError:
        return False
    return isinstance(error_class, type) and issubclass(error_class, PASSING_FAILURES)


def next_run(task_result, attempts, now):
    """The time a failed task runs again after ``attempts`` runs; None if it failed on something
    else than a connection, or has had all its attempts."""
    if task_result.status != TaskResultStatus.FAILED or not _failed_on_a_connection(task_result):
        return None
    delays = settings.PORTAL_TASK_RETRY_DELAYS
    if attempts > len(delays):
        logger.error(
            "Task %s (%s) failed %d times: given up.",
            task_result.id,
            task_result.task.module_path,
            attempts,
        )
        return None
    return now + timedelta(seconds=delays[attempts - 1])


def retry_later(sender, task_result, **kwargs):
    """Put a queued task (django-tasks-db) that failed on a connection back into the queue."""
    stored = getattr(task_result, "db_result", None)
    if stored is None:
        # Run in the request (development, tests): there is no queue to put it back into.
        return
    # Every run of the task added the id of the worker that ran it.
    attempts = len(stored.worker_ids)
    run_after = next_run(task_result, attempts, timezone.now())
    if run_after is None:
        return
    type(stored).objects.filter(pk=stored.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed on a connection (attempt %d); it runs again after %s.",
        task_result.id,
        task_result.task.module_path,
        attempts,
        run_after.isoformat(timespec="seconds"),
    )


def _retry_later_safely(sender, task_result, **kwargs):
    # The worker sends this signal outside its own error handling: an error here would stop it.
    try:
        retry_later(sender, task_result, **kwargs)
    except Exception:
        logger.exception("Could not queue task %s again", task_result.id)


def connect():
    task_finished.connect(_retry_later_safely, dispatch_uid="home.task_retry")
