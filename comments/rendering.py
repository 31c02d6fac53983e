"""A comment as HTML: WordPress's small set of comment tags, clickable addresses, nothing else.

The text is stored as typed and cleaned each time it is shown, so a change of these rules
applies to every comment at once. nh3 (the Ammonia sanitiser) decides what HTML survives;
Django's ``urlize`` finds bare addresses; BeautifulSoup only walks the already-cleaned tree
so addresses inside links and code stay as they are.
"""

import html
import re

import nh3
from bs4 import BeautifulSoup, NavigableString
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from home.html_dates import DATE_WITH_OPTIONAL_TIME

# WordPress's $allowedtags (kses.php): what a commenter may write.
COMMENT_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "acronym": {"title"},
    "b": set(),
    "blockquote": {"cite"},
    "cite": set(),
    "code": set(),
    "del": {"datetime"},
    "em": set(),
    "i": set(),
    "q": {"cite"},
    "s": set(),
    "strike": set(),
    "strong": set(),
}
# Paragraphs and line breaks come from the line breaks of the text, as before.
RENDERED_TAGS = {*COMMENT_ATTRIBUTES, "p", "br"}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc"
# Text in these stays as written: no links inside links or code (as WordPress's make_clickable).
NOT_LINKIFIED = {"a", "code"}
BLOCK_START = re.compile(r"\s*(<blockquote\b[^>]*>)", re.IGNORECASE)
BLOCK_END = re.compile(r"(</blockquote\s*>)\s*", re.IGNORECASE)


def _valid_attribute(tag, attribute, value):
    # The page must stay valid HTML: a <del datetime> that is no date is dropped.
    if attribute == "datetime" and not DATE_WITH_OPTIONAL_TIME.match(value):
        return None
    return value


def _clean(fragment, link_rel=None):
    return nh3.clean(
        fragment,
        tags=RENDERED_TAGS,
        attributes=COMMENT_ATTRIBUTES,
        attribute_filter=_valid_attribute,
        url_schemes=URL_SCHEMES,
        link_rel=link_rel,
    )


def _linkify(fragment):
    soup = BeautifulSoup(fragment, "html.parser")
    for node in list(soup.find_all(string=True)):
        if not isinstance(node, NavigableString) or not node.strip():
            continue
        if any(parent.name in NOT_LINKIFIED for parent in node.parents):
            continue
        linked = urlize(str(node), autoescape=True)
        if "<a " in linked:
            node.replace_with(BeautifulSoup(linked, "html.parser"))
    for paragraph in soup.find_all("p"):
        # A block quote inside a paragraph leaves empty paragraphs around it.
        if not paragraph.get_text(strip=True) and not paragraph.find(True):
            paragraph.decompose()
    return str(soup)


def _blocks_apart(text):
    # A quote is a block of its own, as WordPress's wpautop makes it: no <br> or paragraph
    # around it swallows the text before or after.
    text = BLOCK_START.sub(r"\n\n\1", text)
    return BLOCK_END.sub(r"\1\n\n", text)


def comment_html(text):
    """The comment as safe HTML: allowed tags, paragraphs, addresses as nofollow links."""
    if not text:
        return mark_safe("")
    safe = _clean(linebreaks(_blocks_apart(text), autoescape=False))
    return mark_safe(_clean(_linkify(safe), link_rel=LINK_REL))


def comment_plain_text(text):
    """The comment without any markup, for plain-text e-mails and one-line excerpts."""
    return html.unescape(nh3.clean(text or "", tags=set()))


def count_links(text):
    """How many web links the comment shows: one per address, written as a link or bare.

    WordPress counts ``//`` occurrences (``check_comment``), which makes ``<a href="https://x">``
    one link; the portal links bare addresses too, so it counts the links it will render.
    """
    soup = BeautifulSoup(comment_html(text), "html.parser")
    return sum(
        1
        for link in soup.find_all("a", href=True)
        if link["href"].lower().startswith(("http://", "https://", "//"))
    )
