"""Shared fixtures: the demo content, loaded once per test database, and users.

The suite runs with any subset of feature apps (``PORTAL_FEATURE_APPS``): a test module that
imports an app that is not installed, and a test that uses a fixture of such an app, are not
collected, and the summary says which and why.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from home.groups import EDITORS, MODERATORS
from tests.factories import blog_post

MISSING_APPS = sorted(set(settings.KNOWN_FEATURE_APPS) - set(settings.FEATURE_APPS))
# Fixtures that build content of a feature app.
APP_FIXTURES = {"blog": {"post"}}
_left_out = []


def _needs_missing_app(path, seen=None):
    """Whether the test module imports a missing app, itself or through another test module."""
    seen = set() if seen is None else seen
    if path in seen or not path.exists():
        return False
    seen.add(path)
    source = path.read_text(encoding="utf-8")
    if any(re.search(rf"^\s*(from|import) {app}\b", source, re.MULTILINE) for app in MISSING_APPS):
        return True
    root = Path(__file__).resolve().parent.parent
    for module in re.findall(r"^\s*from (tests(?:\.\w+)+) import", source, re.MULTILINE):
        if _needs_missing_app(root.joinpath(*module.split(".")).with_suffix(".py"), seen):
            return True
    return False


def pytest_ignore_collect(collection_path, config):
    if not MISSING_APPS:
        return None
    if collection_path.is_dir() and collection_path.name in MISSING_APPS:
        _left_out.append(f"{collection_path.name}/ (app not installed)")
        return True
    if collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        if _needs_missing_app(collection_path):
            _left_out.append(f"{collection_path.name} (imports an app not installed)")
            return True
    return None


def _needs_missing_fixture_or_mark(item, fixtures):
    if fixtures & set(getattr(item, "fixturenames", ())):
        return True
    return any(mark.args[0] in MISSING_APPS for mark in item.iter_markers("feature_app"))


def pytest_collection_modifyitems(config, items):
    # With pytest-xdist (make test), the tests that commit to the database (the browser tests
    # with their live server, the migration test) run one after the other on one worker, as
    # one group (--dist loadgroup); the others share the remaining time of both workers.
    for item in items:
        if item.get_closest_marker("browser") or "transactional_db" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group("commits"))
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # `make test` on a new machine needs no database server; .ci/run's PostgreSQL stage
        # runs these.
        serverless = [item for item in items if item.get_closest_marker("needs_postgres")]
        if serverless:
            config.hook.pytest_deselected(items=serverless)
            items[:] = [item for item in items if item not in serverless]
            _left_out.append(f"{len(serverless)} tests needing PostgreSQL (DATABASE_URL)")
    if not MISSING_APPS:
        return
    fixtures = {name for app in MISSING_APPS for name in APP_FIXTURES.get(app, ())}
    unusable = [item for item in items if _needs_missing_fixture_or_mark(item, fixtures)]
    if unusable:
        config.hook.pytest_deselected(items=unusable)
        items[:] = [item for item in items if item not in unusable]
        _left_out.append(f"{len(unusable)} tests using content of an app not installed")


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        missing = ", ".join(MISSING_APPS) or "none"
        terminalreporter.section(f"left out (feature apps not installed: {missing})")
        for line in _left_out:
            terminalreporter.write_line(f"not collected: {line}")


def load_demo():
    from io import StringIO

    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo content; each test rolls its changes back."""
    from django.core.cache import cache

    # A shared cache (Redis, with REDIS_URL) outlives the run: nothing of an earlier run, nor
    # of another test database, may count as cached.
    cache.clear()
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """Every test starts with an empty shared cache (locmem here, Redis in CI).

    A test's database changes are rolled back, but what it cached (whole pages, the content
    generation) is not: the next test would see pages of content that no longer exists.
    """
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in German, whatever language the test before it switched to (a
    request in English leaves English active in the thread)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


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
    from comments.models import Comment
    from home.models import FormThrottle

    Comment.objects.all().delete()
    FormThrottle.objects.all().delete()


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
