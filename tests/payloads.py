"""One corpus of hostile input, sent to every public form and API write endpoint.

Script tags, event handlers, ``javascript:`` and ``data:`` addresses, SVG and MathML, broken
markup, template syntax of several engines, spreadsheet formulas, header and iCalendar line
injection, SQL, and long or unusual Unicode. Wherever the portal shows what was sent (page,
admin list, e-mail, API, feed, iCalendar, CSV) it must come out as inert text.
"""

import json
import re

from bs4 import BeautifulSoup

# A template tag and an allowed comment tag: rendered as a bold word, never as a template.
ALLOWED_TAG_PAYLOAD = "{{ 7*7 }}{% debug %}<b>fett</b>"

MARKUP_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klick</a>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    ALLOWED_TAG_PAYLOAD,
    "<video><source onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "]]><script>alert(1)</script><![CDATA[",
    "<!--<img src=--><img src=x onerror=alert(1)//>",
    '<a href="&#106;avascript:alert(1)">kodiert</a>',
]
TEXT_PAYLOADS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "${7*7} #{7*7} <%= 7*7 %> {{7*'7'}}",
    '=HYPERLINK("https://böse.example","klick")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
    "Zeile\r\nBcc: opfer@example.org",
    "Titel\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:gefälscht",
    "' OR 1=1 --; DROP TABLE wagtailcore_page; --",
    "\u202eevil.exe\u202c txt.exe",
    "Nullbreite\u200b\u200c\u200d\ufeffZeichen",
    "Z\u0324\u0354\u0367\u0311\u0313a\u0308lgo",
    "👩\u200d👩\u200d👧 Familie 🏳️\u200d🌈",
    "𝕳𝖆𝖚𝖘 𝖆𝖒 𝖂𝖊𝖘𝖙𝖇𝖆𝖍𝖓𝖍𝖔𝖋",
    "ä" * 3000,
]
PAYLOADS = MARKUP_PAYLOADS + TEXT_PAYLOADS

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}


def assert_no_injected_code(html, context=""):
    """Nothing in ``html`` runs code that a payload brought: no script saying ``alert``, no
    event-handler attribute (the portal writes none: its CSP forbids them), no script URL."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        if element.name == "script":
            if "json" in element.get("type", ""):
                # Data, not code: it must stay valid JSON (no payload closed the element).
                json.loads(element.string or "null")
            else:
                assert "alert(" not in (element.string or ""), f"{context}: {element}"
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            assert not name.lower().startswith("on"), f"{context}: {element}"
            if name.lower() in _URL_ATTRIBUTES:
                compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not compact.startswith(("javascript:", "data:text/html", "vbscript:")), (
                    f"{context}: {element}"
                )
        if element.name == "meta" and element.get("http-equiv"):
            assert "javascript:" not in element.get("content", "").lower(), f"{context}: {element}"
        if element.name == "base":
            assert "alert(" not in element.get("href", ""), f"{context}: {element}"
