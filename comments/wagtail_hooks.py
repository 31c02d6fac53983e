"""What the comments hand to the portal (API, group permissions) and their moderation admin."""

from wagtail import hooks

from comments import admin_hooks  # noqa: F401  (comment moderation in the admin)
from comments.api import router
from home.groups import MODERATORS
from portal.hooks import API_ROUTERS, GROUP_PERMISSIONS


@hooks.register(API_ROUTERS)
def comments_api():
    return [("/comments/", router)]


@hooks.register(GROUP_PERMISSIONS)
def moderation_permissions():
    return [
        {
            MODERATORS: [
                "comments.change_comment",
                "comments.delete_comment",
                "comments.moderate_comment",
                "comments.change_commentreport",
                "comments.change_discussionsettings",
            ]
        }
    ]
