"""Assembles the one v3 API (and so one OpenAPI document) from Wagtail and the feature apps.

The portal serves Wagtail's own endpoints too, so it answers for them: query parameters that
make Wagtail 8.0.1 fail with a 500 are refused with a 400 problem before Wagtail sees them,
and the OpenAPI document is repaired where Wagtail's is not valid OpenAPI 3.1.
"""

import re
from functools import wraps

from django.conf import settings
from django.utils.translation import gettext as _

from home.search import SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MAX_TERMS, search_terms
from portal.api_types import MAX_OBJECT_ID, PROBLEM_JSON, ProblemDetail, problem_response
from portal.hooks import API_ROUTERS, collect

_assembled = False

# Wagtail's limit/offset pagination bounds these below only; the database driver raises
# OverflowError when slicing with a number beyond 64 bits (so do field filters, see below).
BOUNDED_INTEGER_PARAMETERS = ("offset", "limit")
SEARCH_PARAMETER = "search"
INTEGER = re.compile(r"[+-]?(?P<digits>[0-9]+)")
PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetail"


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
        _repair_openapi_schema_of(api)
    return api


def query_parameter_errors(query):
    """Problems with the query parameters Wagtail's endpoints cannot take, as problem ``errors``."""
    errors = []
    # Besides offset and limit, Wagtail's listings filter by any field a page type lists in
    # ``api_fields`` (``?header_image=<id>``, ``?categories=<id>``): no parameter takes a
    # number beyond 64 bits.
    for name, values in query.lists():
        if name != SEARCH_PARAMETER and any(_beyond_64_bits(value) for value in values):
            message = _("Die Zahl ist zu groß (höchstens %(max)s).") % {"max": MAX_OBJECT_ID}
            errors.append({"type": "too_large", "loc": ["query", name], "msg": message})
    if SEARCH_PARAMETER in query:
        message = search_problem(query[SEARCH_PARAMETER])
        if message:
            errors.append({"type": "invalid", "loc": ["query", SEARCH_PARAMETER], "msg": message})
    return errors


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


def refuse_parameters_wagtail_fails_on(run):
    """Answer 400 for query parameters that Wagtail's v3 endpoints turn into a 500."""

    @wraps(run)
    def checked(request, **kwargs):
        errors = query_parameter_errors(request.GET)
        if errors:
            return problem_response(
                status=400, detail=_("Ungültige Parameter in der Anfrage."), errors=errors
            )
        return run(request, **kwargs)

    return checked


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
    component_schemas = components.setdefault("schemas", {})
    if "ProblemDetail" not in component_schemas:
        component_schemas["ProblemDetail"] = ProblemDetail.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if "security" in operation:
                operation["security"] = [
                    {} if set(requirement) & set(anonymous) else requirement
                    for requirement in operation["security"]
                ]
            _unwrap_body_defaults(operation)
            _document_problems(operation)
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


def _document_problems(operation):
    responses = operation.setdefault("responses", {})
    query_parameters = {
        parameter["name"]
        for parameter in operation.get("parameters", ())
        if parameter["in"] == "query"
    }
    if (
        query_parameters & {*BOUNDED_INTEGER_PARAMETERS, SEARCH_PARAMETER}
        and "400" not in responses
    ):
        responses["400"] = {
            "description": "Bad Request",
            "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
        }
    for status, response in responses.items():
        content = response.get("content", {})
        documented = content.get("application/json", {}).get("schema", {}).get("$ref")
        if str(status)[0] in "45" and documented == PROBLEM_SCHEMA_REF:
            content[PROBLEM_JSON] = content.pop("application/json")
