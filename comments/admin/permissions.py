"""Who may moderate: the model permissions, each only together with ``moderate_comment``."""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from home.admin_access import SentByVisitorsPermissionPolicy

MODERATE_PERMISSION = "comments.moderate_comment"


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def moderators_only(view):
    @wraps(view)
    def checked_view(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked_view


class ModerationPermissionPolicy(SentByVisitorsPermissionPolicy):
    """The model permissions, each only together with ``comments.moderate_comment``.

    Nobody may "add" comments or reports in the admin, superusers included: they come from
    visitors (or as team replies, which have their own view).
    """

    def user_has_permission(self, user, action):
        return can_moderate(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        app_label, codename = MODERATE_PERMISSION.split(".")
        moderate = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        moderators = get_user_model().objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=moderate)
            | Q(groups__permissions__in=moderate),
            is_active=True,
        )
        return super().users_with_any_permission(actions).filter(pk__in=moderators.values("pk"))
