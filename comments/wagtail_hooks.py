"""Everything the comments register: API router, group permissions and the moderation admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from comments.admin.bulk_actions import (
    COMMENT_STATUS_BULK_ACTIONS,
    DeleteCommentsBulkAction,
    DeleteReportsBulkAction,
    ResolveReportsBulkAction,
)
from comments.admin.components import moderation_actions
from comments.admin.permissions import ModerationPermissionPolicy, can_moderate
from comments.admin.viewsets import CommentViewSet, ReportViewSet
from comments.api import router
from comments.models import Comment, CommentReport
from portal.hooks import (
    API_ROUTERS,
    DASHBOARD_ACTIONS,
    GROUP_PERMISSIONS,
    MODERATORS,
    PERSONAL_DATA,
    ApiRouter,
    GroupPermissions,
    PersonalData,
)


@hooks.register(API_ROUTERS)
def comments_api():
    return [ApiRouter("/comments/", router)]


@hooks.register(PERSONAL_DATA)
def commenter_data():
    from comments import privacy

    return [PersonalData("comments", privacy.export, privacy.erase, privacy.purge)]


@hooks.register(GROUP_PERMISSIONS)
def moderation_permissions():
    return [
        GroupPermissions(
            MODERATORS,
            [
                "comments.change_comment",
                "comments.delete_comment",
                "comments.moderate_comment",
                "comments.change_commentreport",
                "comments.change_discussionsettings",
            ],
        )
    ]


# Before the viewsets, which would otherwise create the default policy.
for _model in (Comment, CommentReport):
    register_permission_policy(_model, ModerationPermissionPolicy(_model), exact_class=True)

register_snippet(CommentViewSet)
register_snippet(ReportViewSet)

for _action in (*COMMENT_STATUS_BULK_ACTIONS, ResolveReportsBulkAction):
    hooks.register("register_bulk_action", _action)
# After Wagtail's own snippet delete (order 0), so these replace it for comments and reports.
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)
hooks.register("register_bulk_action", DeleteReportsBulkAction, order=1)


@hooks.register(DASHBOARD_ACTIONS)
def moderation_dashboard_actions(request):
    """For moderators: the comments waiting for approval and the open reports."""
    if not can_moderate(request.user):
        return []
    return moderation_actions()
