"""The words of comment addresses, anchors and cookies, defined once.

Code imports the constants; templates get ``COMMENT_WORDS`` as ``comment_words`` in their
context (``{{ comment_words.form_anchor }}``), so no template writes a word again.
"""

from dataclasses import dataclass

# /blog/beitrag/?kommentare=2: the comment page of a commentable page.
COMMENTS_PAGE_PARAM = "kommentare"
# /blog/beitrag/?antwort=12#kommentar-formular: the form answers comment 12.
REPLY_PARAM = "antwort"
# /blog/beitrag/melden/12/: the report page of comment 12.
REPORT_ROUTE = "melden"

# #kommentar-12: one comment; its author line is #kommentar-12-autor.
COMMENT_ANCHOR_PREFIX = "kommentar"
COMMENT_AUTHOR_SUFFIX = "autor"
COMMENTS_ANCHOR = "kommentare"
FORM_ANCHOR = "kommentar-formular"
FORM_ERRORS_ANCHOR = "kommentar-fehler"
REPORT_ERRORS_ANCHOR = "meldung-fehler"

OWN_COMMENTS_COOKIE = "eigene_kommentare"
REMEMBER_COOKIE = "kommentar_autor"


def comment_anchor(comment_id):
    return f"{COMMENT_ANCHOR_PREFIX}-{comment_id}"


def comment_author_anchor(comment_id):
    return f"{comment_anchor(comment_id)}-{COMMENT_AUTHOR_SUFFIX}"


@dataclass(frozen=True)
class CommentWords:
    """What the comment templates need of the words above."""

    comments_page_param: str = COMMENTS_PAGE_PARAM
    reply_param: str = REPLY_PARAM
    comments_anchor: str = COMMENTS_ANCHOR
    form_anchor: str = FORM_ANCHOR
    form_errors_anchor: str = FORM_ERRORS_ANCHOR
    report_errors_anchor: str = REPORT_ERRORS_ANCHOR


COMMENT_WORDS = CommentWords()
