"""Structured logs for production: one JSON object per line on stdout.

Log collectors (journald, Docker, Loki, CloudWatch) read stdout and parse each line; a JSON
line keeps the level, the logger and a traceback in fields instead of in free text.
"""

import json
import logging
from datetime import UTC, datetime

# gunicorn's access-log atoms (its access_log_format letters) worth a field of their own.
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "p": "pid",
    "h": "remote_addr",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line: time, level, logger, message, and any exception."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(_access_fields(record.args))
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _access_fields(atoms):
    fields = {}
    for atom, name in ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value in (None, "-", ""):
            continue
        if name in {"status", "bytes", "duration_ms", "pid"}:
            try:
                value = int(str(value).strip("<>"))  # gunicorn writes the pid as "<1234>"
            except (TypeError, ValueError):
                pass
        fields[name] = value
    return fields


def json_logging(level="INFO"):
    """Django's LOGGING: every logger, Django's own included, as JSON lines on stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "portal.logging.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django's loggers propagate to the root; without this they would also keep
            # Django's own console handler (plain text, only with DEBUG).
            "django": {"handlers": ["stdout"], "level": level, "propagate": False},
        },
    }
