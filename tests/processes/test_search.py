"""The site search finds process pages by their words and requirements by identifier or words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from processes.models import Requirement

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]


def test_a_process_is_found_with_its_summary(client):
    html = client.get("/de/suche/", {"q": "Kassenabschluss"}).content.decode()
    assert '<a href="/de/prozesse/zahlung/">Zahlung</a>' in html
    assert "Wie bei uns bezahlt wird" in html


def test_an_english_process_is_found_in_english(client):
    html = client.get("/en/search/", {"q": "shifts"}).content.decode()
    assert '<a href="/en/processes/internal-communication/">' in html
    assert "/de/prozesse/" not in html


@pytest.mark.parametrize("query", ["RB-03", "rb-03", "wiederkehrende Termine"])
def test_a_requirement_is_found_by_identifier_or_words_and_links_to_its_row(client, query):
    html = client.get("/de/suche/", {"q": query}).content.decode()
    assert '<a href="/de/prozesse/anforderungen/?q=RB-03#rb-03">RB-03: Wiederkehrende' in html
    assert "Raumbuchung · Muss · Erfüllt" in html


def test_english_requirements_link_to_the_english_catalogue(client):
    html = client.get("/en/search/", {"q": "cash"}).content.decode()
    assert '<a href="/en/processes/requirements/?q=ZA-01#za-01">ZA-01: Paying cash' in html


def test_the_requirement_search_query_count_does_not_grow_with_results(client):
    def queries():
        client.get("/de/suche/", {"q": "Quetschkommode"})
        with CaptureQueriesContext(connection) as captured:
            client.get("/de/suche/", {"q": "Quetschkommode"})
        return len(captured)

    requirement = Requirement.objects.filter(locale__language_code="de").first()
    few = None
    for number in range(8):
        extra = Requirement.objects.create(
            locale=requirement.locale,
            identifier=f"QK-{number}",
            statement="Die Quetschkommode steht bereit.",
            process=requirement.process,
        )
        if few is None:
            few = queries()
        assert extra.pk
    html = client.get("/de/suche/", {"q": "Quetschkommode"}).content.decode()
    assert "8 Ergebnisse" in html
    assert queries() == few
