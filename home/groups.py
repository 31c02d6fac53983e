"""The client's user groups, kept in step with the permissions each installed app needs."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from portal.hooks import EDITORS, GROUP_PERMISSIONS, MODERATORS, collect

__all__ = ["EDITORS", "MODERATORS", "ensure_groups", "group_permissions"]

# Wagtail page permissions the editors hold on the whole tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
BASE_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "home.change_organisationsettings",
        "home.change_navigationsettings",
        "home.change_footersettings",
        "wagtail_localize.submit_translation",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    MODERATORS: ["wagtailadmin.access_admin"],
}


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def group_permissions():
    """Model permissions per group: the portal's own plus what each installed app asks for."""
    wanted = {group: list(names) for group, names in BASE_PERMISSIONS.items()}
    for contribution in collect(GROUP_PERMISSIONS):
        wanted.setdefault(contribution.group, []).extend(contribution.permissions)
    return wanted


# Wagtail's own starter groups; replaced by the German ones above while nobody is in them.
WAGTAIL_STARTER_GROUPS = ["Editors", "Moderators"]
# Wagtail's starter workflow task, renamed by migration home 0004.
EDITORS_APPROVAL_TASK = "Freigabe durch die Redaktion"


def ensure_groups():
    """Create or update the groups; safe to run after every migration."""
    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()
    for group_name, names in group_permissions().items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*_permissions(names))

    editors = Group.objects.get(name=EDITORS)
    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )
    # The starter task's approvers were Wagtail's "Moderators", removed above: without a group
    # only administrators could approve what an editor submits.
    for task in GroupApprovalTask.objects.filter(name=EDITORS_APPROVAL_TASK, groups__isnull=True):
        task.groups.add(editors)
