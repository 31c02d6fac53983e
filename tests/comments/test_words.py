"""The words of comment addresses and anchors are written once, in ``comments/words.py``."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from comments import words
from tests.factories import comment

ROOT = Path(__file__).resolve().parents[2]
# A word as an address, parameter, anchor or route: not inside German sentences.
WORD_USES = re.compile(r"""["'#?/=](kommentare|kommentar-|antwort|melden|meldung-fehler)\b""")


def _sources():
    code = [
        path
        for path in (ROOT / "comments").rglob("*.py")
        if path.name != "words.py" and "migrations" not in path.parts
    ]
    return [*code, *(ROOT / "templates" / "comments").rglob("*.*")]


def test_comment_urls_and_anchors_are_written_only_in_the_words_module():
    uses = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if WORD_USES.search(line)
    ]
    assert uses == []


@pytest.mark.django_db
def test_page_links_and_anchors_use_the_words_module(client, post):
    answered = comment(post)
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    assert soup.select_one(f"section#{words.COMMENTS_ANCHOR}")
    assert soup.select_one(f"section#{words.FORM_ANCHOR}")
    assert soup.select_one(f"li#{words.comment_anchor(answered.pk)}")
    assert soup.select_one(f"a[href='?{words.REPLY_PARAM}={answered.pk}#{words.FORM_ANCHOR}']")
    report = soup.select_one(f"a[href$='/{words.REPORT_ROUTE}/{answered.pk}/']")
    assert report is not None

    reply_form = client.get(f"{post.url}?{words.REPLY_PARAM}={answered.pk}").content.decode()
    assert "Antwort an Lena Leserin" in reply_form
    refused = client.post(report["href"], {}).content.decode()
    assert f'id="{words.REPORT_ERRORS_ANCHOR}"' in refused
