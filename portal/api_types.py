"""Types every router of the v3 API shares: object ids, and the one shape of an error.

Errors answer as RFC 9457 problem details (``application/problem+json``), the shape Wagtail's
own v3 endpoints already use: ``{"type", "title", "status", "detail", "errors"}``, where
``errors`` lists ``{"type", "loc", "msg"}`` items, ``loc`` naming the offending parameter or field.
"""

from typing import Annotated

from pydantic import Field
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response

from home.form_protection import MAX_ID

__all__ = [
    "MAX_OBJECT_ID",
    "PROBLEM_JSON",
    "ObjectId",
    "ProblemDetail",
    "field_problem",
    "problem_response",
    "problems",
]

# Primary keys are 64-bit signed integers; a larger number cannot name an object, and the
# database drivers raise OverflowError for it instead of finding nothing. The same bound as
# the forms' ids (home.form_protection.parse_id).
MAX_OBJECT_ID = MAX_ID

ObjectId = Annotated[int, Field(ge=1, le=MAX_OBJECT_ID)]


def problems(*statuses):
    """The ``response=`` entries documenting each error status an operation can answer."""
    return dict.fromkeys(statuses, ProblemDetail)


def field_problem(status, detail, field_errors, loc_prefix=()):
    """A problem response listing messages per field, as ``{field: [message, ...]}`` gives them."""
    errors = [
        {
            "type": "invalid",
            "loc": [*loc_prefix, *([] if field == "__all__" else [field])],
            "msg": msg,
        }
        for field, messages in field_errors.items()
        for msg in messages
    ]
    return problem_response(status=status, detail=str(detail), errors=errors)
