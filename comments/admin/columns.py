"""The columns of the comment list: the whole comment with its buttons, and the post it answers."""

from django import forms
from django.middleware.csrf import get_token
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, Table, TitleColumn

from comments.admin.filters import page_type_label
from comments.admin.row_actions import row_actions
from comments.admin.utils import TEMPLATES, comment_url

CELLS = TEMPLATES + "cells/"


class ModerationMedia:
    """The row buttons' script (a Stimulus controller) and the list's styles, phone included."""

    css = {"all": ["css/admin/comments-moderation.css"]}
    js = ["js/comments-moderation.js"]


class CommentColumn(TitleColumn):
    """Who wrote it, when, in answer to whom, the full text and the one-click buttons.

    The text goes through the public site's sanitiser (``comment_html``): moderators read
    it as visitors would, and nothing a commenter typed runs in the admin.
    """

    cell_template_name = CELLS + "comment_cell.html"

    def __init__(self, name, *, thread_depth, listing_url, **kwargs):
        kwargs.update(sort_key=None)
        super().__init__(name, **kwargs)
        self._thread_depth = thread_depth
        self._listing_url = listing_url

    def get_value(self, instance):
        return instance.name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            comment=instance,
            # Cells are rendered without the request's context processors.
            csrf_token=get_token(request),
            parent_edit_url=comment_url("edit", instance.parent_id) if instance.parent_id else None,
            status_actions=row_actions(instance),
            action_url=comment_url("moderate", instance.pk),
            reply_url=self.reply_url(instance),
            next_url=self._listing_url,
        )
        return context

    def reply_url(self, comment):
        """The inline reply's address, or None: approved or waiting ("Freigeben und antworten")
        comments, within the thread depth."""
        if comment.status not in (comment.Status.APPROVED, comment.Status.PENDING):
            return None
        if comment.depth >= self._thread_depth():
            return None
        return comment_url("quick_reply", comment.pk)


class PostColumn(Column):
    """ "Antwort auf": the post's title, linked to the post on the website, its type, reports."""

    cell_template_name = CELLS + "post_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        page = instance.page
        request = parent_context.get("request")
        context.update(
            comment=instance,
            page=page,
            # The site's root paths are cached per request: no query per row.
            page_url=page.get_url(request=request) if page.live else None,
            page_type=page_type_label(page.specific_class),
            edit_url=comment_url("edit", instance.pk),
        )
        return context


class CommentTable(Table):
    """Each row is addressable, so the script can put a notice where the row was."""

    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        attrs["id"] = f"comment-row-{instance.pk}"
        attrs["class"] = f"comment-row comment-row--{instance.status}"
        return attrs

    @cached_property
    def attrs(self):
        attrs = super().attrs
        attrs.update(
            {
                "data-controller": "comment-moderation",
                "data-action": "submit->comment-moderation#submit",
            }
        )
        return attrs

    @property
    def media(self):
        return super().media + forms.Media(ModerationMedia)
