"""Assembles the one v3 API (and so one OpenAPI document) from Wagtail and the feature apps.

The portal serves Wagtail's own endpoints too, so it answers for them: requests that make
Wagtail 8.0.1 fail with a 500 are refused with a problem (as Wagtail refuses their like)
before Wagtail sees them, and the OpenAPI document is repaired where Wagtail's is not valid
OpenAPI 3.1 or leaves out answers its endpoints give. tests/test_api_fuzz.py fuzzes it all.
"""

import json
import re
from datetime import UTC, timedelta
from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from home.search import SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MAX_TERMS, search_terms
from portal.api_types import MAX_OBJECT_ID, PROBLEM_JSON, ProblemDetail, problem_response
from portal.hooks import API_ROUTERS, collect

_assembled = False

SEARCH_PARAMETER = "search"
SITE_PARAMETER = "site"
INTEGER = re.compile(r"[+-]?(?P<digits>[0-9]+)")
PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetail"
# Wagtail's lookups by id or path (operation ids).
FINDERS = ("pages_find", "redirects_find")


def get_api():
    """Return Wagtail's v3 API with every plugin router added (once, before its URLs exist)."""
    global _assembled
    from wagtail.api.v3.urls import api

    if not _assembled:
        _assembled = True
        if "wagtail.locales" not in settings.INSTALLED_APPS:
            # wagtail_localize.locales replaces wagtail.locales, whose ready() adds this route.
            from wagtail.locales.api.v3 import router as locales_router

            api.add_router("/locales/", locales_router)
        for mount in collect(API_ROUTERS):
            api.add_router(mount.prefix, mount.router)
        api.add_decorator(refuse_parameters_wagtail_fails_on, mode="view")
        api.add_decorator(refuse_copies_of_the_root, mode="operation")
        api.add_decorator(refuse_snippets_left_blank, mode="operation")
        api.add_exception_handler(ProtectedError, still_referenced)
        api.add_exception_handler(RestrictedError, still_referenced)
        _repair_openapi_schema_of(api)
    return api


def query_parameter_errors(query):
    """Problems with the query parameters Wagtail's endpoints cannot take, as problem ``errors``."""
    errors = []
    # Wagtail's pagination bounds offset and limit below only, and the database driver raises
    # OverflowError when slicing with a number beyond 64 bits. Wagtail's listings also filter
    # by any field a page type lists in ``api_fields`` (``?header_image=<id>``,
    # ``?categories=<id>``): no parameter takes a number beyond 64 bits.
    for name, values in query.lists():
        if name != SEARCH_PARAMETER and any(_beyond_64_bits(value) for value in values):
            message = _("Die Zahl ist zu groß (höchstens %(max)s).") % {"max": MAX_OBJECT_ID}
            errors.append({"type": "too_large", "loc": ["query", name], "msg": message})
    if SEARCH_PARAMETER in query:
        message = search_problem(query[SEARCH_PARAMETER])
        if message:
            errors.append({"type": "invalid", "loc": ["query", SEARCH_PARAMETER], "msg": message})
    # A site is "hostname" or "hostname:port"; Wagtail looks the port up as it comes, and one
    # that is no number fails there (ValueError: a 500 from pages/find/, a 400 elsewhere).
    _hostname, colon, port = query.get(SITE_PARAMETER, "").partition(":")
    if colon and not INTEGER.fullmatch(port):
        message = _("Die Portnummer muss eine ganze Zahl sein.")
        errors.append({"type": "invalid", "loc": ["query", SITE_PARAMETER], "msg": message})
    # Wagtail's revision listings filter by times as they come: PostgreSQL refuses a time zone
    # beyond ±15:59 ("time zone displacement out of range", a 500), and a time at the edge of
    # the calendar cannot be converted to UTC (OverflowError on SQLite).
    for name, values in query.lists():
        if any(_time_out_of_range(value) for value in values):
            message = _(
                "Der Zeitpunkt liegt außerhalb des Bereichs, den die Datenbank speichern kann."
            )
            errors.append({"type": "invalid", "loc": ["query", name], "msg": message})
    return errors


def _time_out_of_range(raw):
    try:
        moment = parse_datetime(raw.strip())
    except ValueError:
        return False  # no time at all: the endpoint's own validation answers
    if moment is None or moment.tzinfo is None:
        return False
    if abs(moment.utcoffset()) >= timedelta(hours=16):
        return True
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return True
    return False


def _beyond_64_bits(raw):
    # Compared as text first: Python refuses to convert more than 4300 digits.
    number = INTEGER.fullmatch(raw.strip())
    if number is None:
        return False
    digits = number["digits"].lstrip("0")
    return len(digits) > len(str(MAX_OBJECT_ID)) or int(digits or 0) > MAX_OBJECT_ID


def search_problem(raw):
    """Why a search query cannot go to the search backend, or ``None``."""
    if any(char == '"' or not char.isprintable() for char in raw):
        return _(
            "Die Suche darf keine Steuerzeichen und keine doppelten Anführungszeichen enthalten."
        )
    words = search_terms(raw)
    if not words:
        return _("Die Suche braucht mindestens ein Wort.")
    if len(words) > SEARCH_QUERY_MAX_TERMS or len(raw) > SEARCH_QUERY_MAX_LENGTH:
        return _("Die Suche darf höchstens %(words)s Wörter und %(chars)s Zeichen haben.") % {
            "words": SEARCH_QUERY_MAX_TERMS,
            "chars": SEARCH_QUERY_MAX_LENGTH,
        }
    return None


# Query parameters of Wagtail's listings that it looks up as they come, by the listing's
# URL name: a snippet listing's ``translation_of`` (a snippet key), the revision listings'
# ``user_id`` (a user key).
UNCHECKED_QUERY_KEYS = {
    "list_snippets": "translation_of",
    "list_page_revisions": "user_id",
    "list_snippet_revisions": "user_id",
}


def unchecked_key_errors(request, path):
    """Problems with ids that Wagtail hands to the database unvalidated, as problem ``errors``.

    Where Wagtail 8.0.1 looks an id up as it comes, a value that is no key of that kind raises
    ValueError, one beyond 64 bits OverflowError (a 500): a page's update
    (``PATCH pages/{page_id}/``) finds the page's type before ninja has validated ``page_id``
    and looks the page up in its own table (where Django does not bound the number); the
    snippet routes take ``pk``, and two listings a query parameter (UNCHECKED_QUERY_KEYS), as
    text, whatever the key's kind.
    """
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    snippet_model = _snippet_model(path.get("type"))
    keys = []  # (location, name, value, model)
    if "page_id" in path:
        keys.append(("path", "page_id", path["page_id"], Page))
    if "pk" in path and snippet_model is not None:
        keys.append(("path", "pk", unquote(path["pk"]), snippet_model))
    name = UNCHECKED_QUERY_KEYS.get(request.resolver_match.url_name)
    model = get_user_model() if name == "user_id" else snippet_model
    if name and model is not None and request.method == "GET":
        # Wagtail skips an empty translation_of, but looks an empty user_id up.
        values = [value for value in request.GET.getlist(name) if value or name == "user_id"]
        keys += [("query", name, value, model) for value in values]
    errors = []
    for location, name, value, model in keys:
        message = _key_problem(model, value)
        if message:
            errors.append({"type": "invalid", "loc": [location, name], "msg": message})
    return errors


def _snippet_model(label):
    from wagtail.snippets.models import get_snippet_models

    return next((model for model in get_snippet_models() if model._meta.label == label), None)


def _key_problem(model, value):
    """Why ``value`` cannot be a key of ``model``, or ``None``."""
    try:
        key = model._meta.pk.to_python(str(value))
    except ValidationError:
        # The site's keys are all whole numbers (pages, snippets, users).
        return _("Bitte gib eine ganze Zahl an.")
    if isinstance(key, int) and abs(key) > MAX_OBJECT_ID:
        return _("Die Zahl ist zu groß (höchstens %(max)s).") % {"max": MAX_OBJECT_ID}
    return None


def body_errors(request):
    """The problem with a JSON body that is no object: every body this API takes is one.

    ninja reads any JSON value as an object whose fields are all missing, so Wagtail 8.0.1
    copies, moves or aliases a page with the defaults for ``[]``; where a body is one of
    several content types (a page's or a snippet's), it fails to tell them apart (a 500).
    """
    if request.method not in ("POST", "PUT", "PATCH") or not request.body:
        return []
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return []
    try:
        body = json.loads(request.body)
    except ValueError:
        return []  # not JSON at all: ninja answers 400 for it
    if isinstance(body, dict):
        return []
    # What ninja answers for a body whose schema has a required field.
    message = _("Der Inhalt muss ein JSON-Objekt sein.")
    return [{"type": "dict_type", "loc": ["body"], "msg": message}]


def refuse_parameters_wagtail_fails_on(run):
    """Answer a problem for parameters that Wagtail's v3 endpoints turn into a 500: 400 for
    numbers, searches and sites they cannot take, 422 for ids that are no keys of their kind
    and for a JSON body that is no object.

    These answer before authentication (ninja authenticates first): the refusal depends on
    the request alone and tells nothing about anyone's data.
    """

    @wraps(run)
    def checked(request, **kwargs):
        errors = query_parameter_errors(request.GET)
        if errors:
            return problem_response(
                status=400, detail=_("Ungültige Parameter in der Anfrage."), errors=errors
            )
        errors = unchecked_key_errors(request, kwargs) + body_errors(request)
        if errors:
            return problem_response(
                status=422, detail=_("Ungültige Parameter in der Anfrage."), errors=errors
            )
        return run(request, **kwargs)

    return checked


def still_referenced(request, error):
    """409 for a delete that something else still refers to (Wagtail 8.0.1 lets Django's
    ProtectedError through: a 500), as Wagtail's admin refuses it."""
    return problem_response(
        status=409, detail=_("Das lässt sich nicht löschen: Anderes verweist noch darauf.")
    )


def _copy_refused():
    from wagtail.actions.copy_page import CopyPagePermissionError

    return CopyPagePermissionError("You do not have permission to copy this page")


def _alias_refused():
    from wagtail.actions.create_alias import CreatePageAliasPermissionError

    return CreatePageAliasPermissionError(
        "You do not have permission to create an alias of this page."
    )


# Wagtail's actions that copy a page, by URL name, and how Wagtail refuses them for the root.
COPYING_ACTIONS = {
    "pages_actions_copy": _copy_refused,
    "pages_actions_create_alias": _alias_refused,
}


def refuse_copies_of_the_root(view):
    """Refuse to copy or alias the page tree's root as Wagtail's own checks do (403, in Wagtail's
    words), before Wagtail 8.0.1 looks for a free slug beside it: the root has no parent, and
    that fails with a 500. Runs after authentication, as Wagtail's checks do."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        refused = COPYING_ACTIONS.get(request.resolver_match.url_name)
        if refused is not None:
            from wagtail.models import Page

            if Page.objects.filter(pk=kwargs.get("page_id"), depth=1).exists():
                raise refused()
        return view(request, *args, **kwargs)

    return checked


def refuse_snippets_left_blank(view):
    """Refuse to create a snippet whose required fields the API cannot set (422, in the words
    of the form), before Wagtail 8.0.1 saves it with those fields blank: its create form holds
    the writable API fields only (the portal's snippets have none), a snippet is saved without
    a full clean, and a second blank one fails the unique constraints (a 500)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.resolver_match.url_name == "list_snippets" and request.method == "POST":
            model = _snippet_model(kwargs.get("type"))
            if model is not None and (names := _fields_left_blank(model)):
                from django import forms
                from ninja.errors import ValidationError as InvalidInput

                message = str(forms.Field.default_error_messages["required"])
                raise InvalidInput(
                    [
                        {"type": "missing", "loc": ["body", "data", name], "msg": message}
                        for name in names
                    ]
                )
        return view(request, *args, **kwargs)

    return checked


def _fields_left_blank(model):
    """The required fields of ``model`` that Wagtail's API form for it cannot fill."""
    from wagtail.api.v3.form_data import get_api_form_class

    on_the_form = get_api_form_class(model).base_fields
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.editable
        and not field.blank
        and not field.has_default()
        and not field.primary_key
        and field.name not in on_the_form
    ]


def _repair_openapi_schema_of(api):
    generate = api.get_openapi_schema

    def get_openapi_schema(*, path_prefix=None, path_params=None):
        return repair_openapi_schema(generate(path_prefix=path_prefix, path_params=path_params))

    api.get_openapi_schema = get_openapi_schema


def repair_openapi_schema(schema):
    """Make Wagtail's OpenAPI document valid 3.1, complete and usable by client generators."""
    components = schema.setdefault("components", {})
    schemes = components.get("securitySchemes", {})
    # Wagtail's AllowAnonymous is "no credentials", which OpenAPI spells as an empty requirement,
    # not as an http scheme without `scheme` (invalid).
    anonymous = [name for name, scheme in schemes.items() if "scheme" not in scheme]
    for name in anonymous:
        del schemes[name]
    token_schemes = set(schemes)
    component_schemas = components.setdefault("schemas", {})
    if "ProblemDetail" not in component_schemas:
        component_schemas["ProblemDetail"] = ProblemDetail.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if "security" in operation:
                operation["security"] = [
                    {} if set(requirement) & set(anonymous) else requirement
                    for requirement in operation["security"]
                ]
            _unwrap_body_defaults(operation)
            _document_redirect(operation)
            _document_limit_maximum(operation)
            _document_problems(method, operation, token_schemes)
    return schema


def _unwrap_body_defaults(operation):
    # An optional body of a model whose fields have defaults is `allOf: [$ref]` with a
    # `default` beside it; generators skip such an operation ("ModelProperty cannot have a
    # default value"). The model's own field defaults say the same.
    for media in operation.get("requestBody", {}).get("content", {}).values():
        body = media.get("schema", {})
        if "default" in body:
            del body["default"]
            if list(body) == ["allOf"] and len(body["allOf"]) == 1:
                media["schema"] = body["allOf"][0]


def _document_problems(method, operation, token_schemes):
    # ninja keys responses by number; the 400 added here must not become a second "400".
    responses = {str(status): answer for status, answer in operation.get("responses", {}).items()}
    operation["responses"] = responses
    if not any(status[0] in "45" for status in responses):
        # Wagtail's operations document their success only, though the API's exception
        # handlers (wagtail.api.v3.errors, shared by every router) answer problems.
        for status in _handled_problems(operation, token_schemes):
            responses.setdefault(status, _problem(status))
    # Every view runs behind refuse_parameters_wagtail_fails_on, whatever it documents.
    responses.setdefault("400", _problem("400"))
    if method == "delete":
        # Something else still refers to it (still_referenced).
        responses.setdefault("409", _problem("409"))
    for status, response in responses.items():
        content = response.get("content", {})
        documented = content.get("application/json", {}).get("schema", {}).get("$ref")
        if status[0] in "45" and documented == PROBLEM_SCHEMA_REF:
            content[PROBLEM_JSON] = content.pop("application/json")


def _handled_problems(operation, token_schemes):
    """The problems the exception handlers give for an operation that documents none."""
    statuses = []
    requirements = operation.get("security", [])
    if requirements and all(set(requirement) & token_schemes for requirement in requirements):
        # No token or an unknown one: 401; a token without the permission: 403.
        statuses += ["401", "403"]
    if operation.get("parameters") or "requestBody" in operation:
        # Input that names nothing (an id, a parent, a locale): 404; invalid input: 422.
        statuses += ["404", "422"]
    return statuses


def _problem(status):
    return {
        "description": HTTPStatus(int(status)).phrase,
        "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
    }


def _document_redirect(operation):
    # Wagtail's lookups answer with a redirect to the detail of what they found (a client that
    # follows it gets the 200 they document), which they leave out.
    if operation.get("operationId") in FINDERS:
        operation["responses"]["302"] = {
            "description": "Found: the detail of what was found is at `Location`.",
            "headers": {"Location": {"required": True, "schema": {"type": "string"}}},
        }


def _document_limit_maximum(operation):
    # Wagtail's pagination refuses a limit beyond WAGTAILAPI_LIMIT_MAX (400) without saying so.
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None)
    for parameter in operation.get("parameters", ()):
        schema = parameter.get("schema", {})
        if parameter["name"] == "limit" and parameter["in"] == "query" and limit_max:
            if schema.get("type") == "integer" and "maximum" not in schema:
                schema["maximum"] = limit_max
