"""Shared fixtures: the demo content, loaded once per test database, and users."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from home.groups import EDITORS, MODERATORS
from tests.factories import blog_post


def load_demo():
    from io import StringIO

    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo content; each test rolls its changes back."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def post(db):
    return blog_post("Wir starten", slug="wir-starten")


@pytest.fixture(autouse=True)
def _without_demo_comments(request):
    """Comment tests count comments: start them without the demo's (rolled back afterwards)."""
    if request.node.path.parent.name not in {"blog", "comments"}:
        return
    if "db" not in request.fixturenames and "post" not in request.fixturenames:
        return
    from comments.models import Comment, CommentThrottle

    Comment.objects.all().delete()
    CommentThrottle.objects.all().delete()


@pytest.fixture
def client_de(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


def _user(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username=username, password="test-password-123", email=f"{username}@example.org", **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return _user("test-redaktion", EDITORS)


@pytest.fixture
def moderator(db):
    return _user("test-moderation", MODERATORS)


@pytest.fixture
def superuser(db):
    return _user("test-admin", is_superuser=True, is_staff=True)


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    import shutil

    from django.conf import settings

    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
