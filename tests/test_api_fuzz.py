"""Fuzzing of the v3 API with schemathesis: every operation of the OpenAPI document, bounded.

Each operation gets EXAMPLES generated requests, the same on every run (``--hypothesis-seed=N``
and API_FUZZ_EXAMPLES explore further): valid and invalid ones (schemathesis' positive and
negative modes), mostly with an administrator's token, on random ids and on ids of the demo
content. Every answer passes schemathesis' checks: no 5xx; a documented status code, content
type and headers; a body that matches the documented schema; invalid input refused; no answer
without the token that an operation requires.

The requests go to the Django WSGI application in this process, on the test's database
connection; each one runs in a savepoint that is rolled back, with an empty cache, so no
example sees what another one wrote (a stored comment, a spent form token, a flood-control
slot). A comment filled in as a visitor does (a form token issued a minute ago) reaches the
rules behind the token check; the protections themselves stay as they are.
"""

import json
import os
import time
import zlib
from contextlib import contextmanager
from types import SimpleNamespace
from unittest import mock

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from ninja.responses import NinjaJSONEncoder
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from wagtail.models import APIToken, Page

from portal.api import get_api

pytestmark = pytest.mark.django_db

# Per operation; API_FUZZ_EXAMPLES=200 (and --hypothesis-seed=N) fuzz longer and elsewhere.
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", 20))
# Generated requests an operation must see at the least: operations without any parameter
# have fewer distinct requests than EXAMPLES.
MIN_EXAMPLES = 4


def served_document():
    """The OpenAPI document as /api/v3/openapi.json serves it (JSON, so status codes are text)."""
    return json.loads(json.dumps(get_api().get_openapi_schema(), cls=NinjaJSONEncoder))


# schemathesis' default checks, all but one: the API refuses schema-valid input by rules a
# schema cannot state (a search without a word, a filter slug that names nothing, a form
# token that was never issued), so "valid data is accepted" cannot hold honestly.
# The token is the test's to give (or not): schemathesis generates no Authorization headers.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"positive_data_acceptance": {"enabled": False}},
        "generation": {"with-security-parameters": False},
    }
)
SCHEMA = schemathesis.openapi.from_dict(served_document(), config=CONFIG)
load_all_checks()
# Requests go to Django in this process (schemathesis' WSGI transport), its own probes too.
SCHEMA.app = get_wsgi_application()
OPERATIONS = {}
UNUSABLE_OPERATIONS = []  # schemathesis could not read them: the coverage test fails
for _result in SCHEMA.get_all_operations():
    if isinstance(_result, Ok):
        OPERATIONS[_result.ok().label] = _result.ok()
    else:
        UNUSABLE_OPERATIONS.append(_result.err())


API = "/api/v3"


def document_operations(document):
    return {
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
    }


@pytest.fixture
def server_errors():
    """The tracebacks behind 500 answers; requests answer on the test's database connection.

    As Django's test client does, a request neither opens nor closes the connection (it holds
    the test's transaction).
    """
    import traceback

    tracebacks = []

    def keep(sender, request=None, **kwargs):
        tracebacks.append(traceback.format_exc())

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    signals.got_request_exception.connect(keep)
    try:
        yield tracebacks
    finally:
        signals.got_request_exception.disconnect(keep)
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(superuser):
    _token, plaintext = APIToken.create_token(user=superuser, name="Fuzz")
    return plaintext


def existing_values(operation, parameter):
    """Values of a path parameter that name something in the demo content."""
    from django.apps import apps
    from wagtail.snippets.models import get_snippet_models

    if operation.path.startswith(f"{API}/comments/") and parameter == "page_id":
        from comments.models import CommentablePageMixin

        pages = Page.objects.live().specific(defer=True)
        return [page.pk for page in pages if isinstance(page, CommentablePageMixin)]
    if parameter == "type_name":
        from wagtail.api.v3.registry import registry

        return sorted(item.name for item in registry.list_content_types())
    if parameter == "pk":
        models = get_snippet_models()
    else:
        name = parameter.removesuffix("_id")
        models = [m for m in apps.get_models() if m._meta.model_name in (name, f"{name}page")]
    values = []
    for model in models:
        values += model._default_manager.order_by("pk").values_list("pk", flat=True)[:500]
    return sorted(set(values))


# Text that stays one path segment (a "/" would lead to another route).
PATH_SEGMENTS = st.text(st.characters(exclude_characters="/"), min_size=1).filter(
    lambda text: text not in {".", ".."}
)


def admits_only_the_empty_string(parameter):
    schema = parameter.definition.get("schema", {})
    return schema.get("const") == "" or schema.get("enum") == [""]


def case_strategy(operation):
    """Requests for ``operation``: random ones, valid and not, and valid ones on existing ids."""
    pools = {
        parameter.name: existing_values(operation, parameter.name)
        for parameter in operation.path_parameters
    }
    if any(admits_only_the_empty_string(parameter) for parameter in operation.path_parameters):
        # Wagtail's snippet routes for a kind of snippet the portal has none of (e.g. with
        # revisions): no request can be valid, schemathesis generates none. Any text or a
        # snippet type that is not of that kind in the path instead; each must be refused.
        from wagtail.snippets.models import get_snippet_models

        labels = [model._meta.label for model in get_snippet_models()]
        values = {
            parameter.name: st.sampled_from(pools[parameter.name] or labels) | PATH_SEGMENTS
            for parameter in operation.path_parameters
        }
        return st.fixed_dictionaries(values).flatmap(
            lambda path: operation.as_strategy(
                generation_mode=GenerationMode.POSITIVE, path_parameters=path
            )
        )
    strategies = [
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    ]
    pools = {name: values for name, values in pools.items() if values}
    if pools:
        existing = st.fixed_dictionaries({name: st.sampled_from(v) for name, v in pools.items()})
        on_existing_ids = existing.flatmap(
            lambda path: operation.as_strategy(
                generation_mode=GenerationMode.POSITIVE, path_parameters=path
            )
        )
        # Half of the requests: a random id mostly names nothing (404).
        strategies += [on_existing_ids, on_existing_ids]
    return st.one_of(strategies)


# What a visitor types into a name or comment field: visible characters (fuzzed text is
# mostly control and format characters, which the forms strip to nothing).
TYPED_TEXT = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=80)
VISITOR_INPUT = st.fixed_dictionaries(
    {"name": TYPED_TEXT.filter(str.strip), "text": TYPED_TEXT.filter(str.strip)}
)


def fill_in_like_a_visitor(case, typed):
    """A public form's body as a visitor sends it: the start token the form got a minute ago,
    consent given, no website, the honeypot left empty, visible name and text (``typed``);
    the e-mail address and the reply to stay fuzzed.

    Random text is almost never a valid token or address, so without this no request would
    get past the token check to the rules behind it (names, duplicates, flood control).
    """
    page_id = case.path_parameters.get("page_id")
    body = case.body
    if not (isinstance(page_id, int) and isinstance(body, dict) and "started" in body):
        return
    if not case.meta.generation.mode.is_positive:
        return  # an invalid body stays invalid
    from comments.moderation import form_timestamp

    a_minute_ago = time.time() - 60
    with mock.patch("django.core.signing.time", SimpleNamespace(time=lambda: a_minute_ago)):
        body["started"] = form_timestamp(Page(pk=page_id))
    body.update(typed, consent=True, url="", website_confirm="")


@contextmanager
def isolated_example():
    """One example's world: an empty cache and a savepoint that is rolled back."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_operation_survives_fuzzing(label, server_errors, admin_token, request):
    operation = OPERATIONS[label]
    sent = []
    excluded = []
    if "multipart/form-data" in operation.get_request_payload_content_types():
        # A form field carries text only: `true` is a valid description there and an empty
        # field an absent one, so "invalid data is refused" cannot be judged for form bodies.
        excluded = CHECKS.get_by_names(["negative_data_rejection"])

    # The same requests on every run (CI stays reproducible); --hypothesis-seed picks others.
    other_seed = request.config.getoption("hypothesis_seed")

    @seed(zlib.crc32((f"{label} {other_seed}" if other_seed else label).encode()))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(
        case=case_strategy(operation),
        # Mostly as an administrator, so that requests get past the token check.
        as_admin=st.sampled_from([True, True, True, False]),
        typed=st.none() | VISITOR_INPUT,
    )
    def fuzz(case, as_admin, typed):
        headers = {"Authorization": f"Bearer {admin_token}"} if as_admin else None
        if typed:
            fill_in_like_a_visitor(case, typed)
        server_errors.clear()
        with isolated_example():
            try:
                response = case.call_and_validate(headers=headers, excluded_checks=excluded)
            except Exception as error:
                for traceback in server_errors:
                    error.add_note(traceback)
                raise
        sent.append(response.status_code)

    fuzz()
    assert len(sent) >= MIN_EXAMPLES, f"{label}: only {len(sent)} requests"


def test_the_fuzzing_checks_what_it_promises():
    checks = SCHEMA.config.checks_config_for()
    for name in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
        "ignored_auth",
    ):
        assert checks.get_by_name(name=name).enabled, name
    assert not checks.get_by_name(name="positive_data_acceptance").enabled


def test_every_operation_of_the_served_document_is_fuzzed(client):
    from portal.hooks import API_ROUTERS, collect

    served = document_operations(client.get("/api/v3/openapi.json").json())
    assert not UNUSABLE_OPERATIONS
    assert set(OPERATIONS) == served
    # Wagtail's own endpoints and every router a feature app hands to the portal.
    prefixes = ["/pages/", "/images/", "/documents/", "/locales/", "/snippets/"]
    prefixes += [mount.prefix for mount in collect(API_ROUTERS)]
    for prefix in prefixes:
        mounted = [label for label in OPERATIONS if label.split(" ")[1].startswith(API + prefix)]
        assert mounted, f"no operation under {API}{prefix}"
