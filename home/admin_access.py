"""What visitors sent (comments, reports), in the admin: nobody adds such a row by hand,
superusers included, and every list of reports shows the same columns around what is reported.

(Snippet choosers answer only users with a right on the model: portal/middleware.py.)
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy


class SentByVisitorsPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, without "add": the rows come from visitors' forms."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


def one_line_excerpt(text, length=80):
    """The start of what a visitor wrote, on one line; escaped wherever it is rendered."""
    return Truncator(" ".join(text.split())).chars(length)


def notice_columns(reported, status, excerpt=one_line_excerpt):
    """The columns of a list of reports (``NoticeReport``): the reason (the link to the report),
    the start of the explanation, the ``reported`` thing, the date, and the ``status`` column."""
    return [
        "reason",
        Column(
            "explanation",
            label=gettext_lazy("Begründung"),
            accessor=lambda report: excerpt(report.explanation),
        ),
        reported,
        DateColumn("created_at", label=gettext_lazy("Gemeldet am"), sort_key="created_at"),
        status,
    ]


def notice_decision_panels():
    """The edit form of a report (``NoticeReport``): the decision is recorded; what the visitor
    sent stays as it was."""
    return [
        FieldPanel("status", widget=forms.RadioSelect),
        FieldPanel("decision_note"),
        FieldPanel("reason", read_only=True),
        FieldPanel("explanation", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("decided_at", read_only=True),
        FieldPanel("decided_by", read_only=True),
    ]
