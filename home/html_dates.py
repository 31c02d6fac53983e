"""The HTML standard's grammar for ``datetime`` attribute values (dates, times, offsets).

Written from "2.3.5 Dates and times" of the HTML Living Standard; used to keep a commenter's
``<del datetime>`` valid and by the tests that check every ``datetime`` the portal writes.
"""

import re

_YEAR = r"\d{4,}"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?"
_ZONE = r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)"
_DATE = rf"{_YEAR}-{_MONTH}-{_DAY}"
_GLOBAL = rf"{_DATE}[T ]{_TIME}{_ZONE}"

# "A valid date string with optional time" (``<del>``, ``<ins>``).
DATE_WITH_OPTIONAL_TIME = re.compile(rf"(?:{_DATE}|{_GLOBAL})\Z")
# What ``<time datetime>`` accepts, except durations (the portal writes none).
TIME_ELEMENT_VALUE = re.compile(
    "(?:"
    + "|".join(
        [
            rf"{_YEAR}-{_MONTH}",  # month
            _DATE,  # date
            rf"(?:--)?{_MONTH}-{_DAY}",  # yearless date
            _TIME,  # time
            rf"{_DATE}[T ]{_TIME}",  # local date and time
            _ZONE,  # time-zone offset
            _GLOBAL,  # global date and time
            rf"{_YEAR}-W(?:0[1-9]|[1-4]\d|5[0-3])",  # week
            _YEAR,  # year
        ]
    )
    + r")\Z"
)
