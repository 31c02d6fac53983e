"""Comments change public pages only when one is or was approved: then the page cache renews.

A held, spam or binned comment is seen by nobody but its author (who bypasses the cache), so
the many comments that arrive and wait leave every cached page alone. Status changes that use
``QuerySet.update()`` (a moderator's buttons) call :func:`comments_changed` themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from home.cache_generation import bump

# Sent with ``page_ids``: the pages whose public comments changed (portal/frontend_cache.py
# purges them from a reverse proxy).
public_comments_changed = Signal()


def _changed(sender, page_ids):
    bump()
    if public_comments_changed.has_listeners(sender):
        public_comments_changed.send(sender=sender, page_ids=sorted(set(page_ids)))


def comments_changed(comments, *statuses):
    """Renew public pages if any of the ``comments`` (as they were) or the new ``statuses`` is public."""
    from comments.models import Comment

    comments = list(comments)
    approved = Comment.Status.APPROVED
    if approved in statuses or any(comment.status == approved for comment in comments):
        _changed(Comment, [comment.page_id for comment in comments])


def _comment_saved(sender, instance, created, **kwargs):
    was_public = False if created else getattr(instance, "was_public", True)
    if was_public or instance.is_public:
        _changed(sender, [instance.page_id])
    instance.was_public = instance.is_public


def _comment_deleted(sender, instance, **kwargs):
    if getattr(instance, "was_public", True) or instance.is_public:
        _changed(sender, [instance.page_id])


def connect():
    from comments.models import Comment

    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="comments.saved")
    post_delete.connect(_comment_deleted, sender=Comment, dispatch_uid="comments.deleted")
