"""Property-based tests (Hypothesis) of every public form: no input answers 5xx, a refused form
shows what was typed again, a valid one stores exactly what was sent (after the portal's
documented plain-text cleaning: invisible characters out, one-line fields on one line).

Forms: the comment form, the comment report form, the Kulturnetz's event form, its form for a
new actor and its form for a change, the site search, the private-page password and the admin
login. Each property runs a bounded number of examples (EXAMPLES) against the Django test
client; the flood control is emptied between examples so that every example reaches the form.
"""

import itertools

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.form_protection import clean_plain_text
from home.models import FormThrottle
from home.search import clean_query
from tests.factories import started
from tests.payloads import PAYLOADS

pytestmark = pytest.mark.django_db

EXAMPLES = 30
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# Anything a browser can send in a form field: every code point but lone surrogates (which a
# browser replaces before sending), the shared hostile corpus, and some structured junk.
ANY_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
    st.sampled_from(PAYLOADS),
    st.sampled_from(["", " ", "\x00", "0", "-1", "99999999999999999999", "on", "2026-02-30"]),
)
# Text that a visitor would call valid: at least one visible character once cleaned.
VISIBLE_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=80).map(
    lambda text: f"{text} x"
)
EMAILS = st.from_regex(r"[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?@[a-z0-9]{1,12}\.(de|org)", fullmatch=True)

_addresses = itertools.count(1)


def fresh_address():
    """A different visitor address per example (flood control counts per address)."""
    number = next(_addresses)
    return f"10.{number // 65025 % 250}.{number // 255 % 255}.{number % 255 + 1}"


def post_form(client, url, data):
    FormThrottle.objects.all().delete()
    client.raise_request_exception = False
    return client.post(url, data, REMOTE_ADDR=fresh_address())


def assert_kept(html, data, fields):
    """A refused form shows each typed value again (escaped), so nothing typed is lost."""
    for name in fields:
        value = data.get(name, "")
        if value and value.strip() and "\x00" not in value:
            assert escape(value) in html or escape(value.strip()) in html, (name, value)


def refused(response):
    return response.status_code in (200, 400, 429)


# Comments ---------------------------------------------------------------------------------

COMMENT_FIELDS = ["name", "email", "url", "text"]


@pytest.mark.feature_app("blog")
@BOUNDED
@given(values=st.fixed_dictionaries({name: ANY_TEXT for name in COMMENT_FIELDS}))
def test_no_input_makes_the_comment_form_fail_and_a_refused_one_keeps_it(client, post, values):
    data = {**values, "consent": "on", "started": started(post), "website_confirm": ""}
    response = post_form(client, post.url, data)
    assert response.status_code < 500
    if refused(response):
        assert_kept(response.content.decode(), data, COMMENT_FIELDS)
    else:
        assert response.status_code == 302


@pytest.mark.feature_app("blog")
@BOUNDED
@given(name=VISIBLE_TEXT, email=EMAILS, text=VISIBLE_TEXT, number=st.integers(0, 10**9))
def test_a_valid_comment_is_stored_exactly_as_sent(client, post, name, email, text, number):
    from comments.models import Comment

    text = f"{text} ({number})"
    data = {
        "name": name,
        "email": email,
        "url": "",
        "text": text,
        "consent": "on",
        "started": started(post),
        "website_confirm": "",
        "parent": "",
    }
    response = post_form(client, post.url, data)
    if Comment.objects.filter(page=post, text=clean_plain_text(text, multiline=True)).count() > 1:
        return  # Hypothesis sent this text before: the duplicate check refuses it, rightly.
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Comment.objects.filter(page=post).latest("pk")
    assert stored.name == clean_plain_text(name)
    assert stored.email == email
    assert stored.text == clean_plain_text(text, multiline=True)


@pytest.mark.feature_app("blog")
@BOUNDED
@given(
    values=st.fixed_dictionaries(
        {"reason": ANY_TEXT, "explanation": ANY_TEXT, "contact": ANY_TEXT, "good_faith": ANY_TEXT}
    )
)
def test_no_input_makes_the_report_form_fail_and_a_refused_one_keeps_it(client, post, values):
    from comments.moderation import REPORT_FORM
    from tests.factories import comment

    target = comment(post, status="approved")
    data = {**values, "started": started(target, purpose=REPORT_FORM), "website_confirm": ""}
    response = post_form(client, f"{post.url}melden/{target.pk}/", data)
    assert response.status_code < 500
    if refused(response):
        assert_kept(response.content.decode(), data, ["explanation", "contact"])


@pytest.mark.feature_app("blog")
@BOUNDED
@given(explanation=VISIBLE_TEXT, contact=st.one_of(st.just(""), EMAILS))
def test_a_valid_report_is_stored_exactly_as_sent(client, post, explanation, contact):
    from comments.models import CommentReport
    from comments.moderation import REPORT_FORM
    from tests.factories import comment

    target = comment(post, status="approved")
    data = {
        "reason": "spam",
        "explanation": explanation,
        "contact": contact,
        "good_faith": "on",
        "started": started(target, purpose=REPORT_FORM),
        "website_confirm": "",
    }
    response = post_form(client, f"{post.url}melden/{target.pk}/", data)
    assert response.status_code == 302
    stored = CommentReport.objects.get(comment=target)
    assert stored.explanation == clean_plain_text(explanation, multiline=True)
    assert stored.contact == contact


# The Kulturnetz's public forms ------------------------------------------------------------

EVENT_TEXT_FIELDS = ["title", "intro", "description", "place_name", "organiser_name", "note"]
EVENT_OTHER_FIELDS = ["category", "date_kind", "start_date", "start_time", "end_time", "venue"]


@pytest.mark.feature_app("kulturnetz")
@BOUNDED
@given(
    values=st.fixed_dictionaries(
        {name: ANY_TEXT for name in EVENT_TEXT_FIELDS + EVENT_OTHER_FIELDS + ["sender_email"]}
    )
)
def test_no_input_makes_the_event_form_fail_and_a_refused_one_keeps_it(client, values):
    from kulturnetz.models import EventIndexPage
    from tests.kulturnetz.submission_helpers import event_data

    calendar = EventIndexPage.objects.get(locale__language_code="de")
    data = event_data(calendar, **values)
    response = post_form(client, calendar.route_url("report"), data)
    assert response.status_code < 500
    if refused(response):
        assert_kept(response.content.decode(), data, EVENT_TEXT_FIELDS + ["sender_email"])
    else:
        assert response.status_code == 302


@pytest.mark.feature_app("kulturnetz")
@BOUNDED
@given(
    title=VISIBLE_TEXT,
    intro=VISIBLE_TEXT,
    description=st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400),
    sender=VISIBLE_TEXT,
    email=EMAILS,
    number=st.integers(0, 10**9),
)
def test_a_valid_event_is_stored_exactly_as_sent(
    client, title, intro, description, sender, email, number
):
    from kulturnetz.models import EventCategory, EventIndexPage, EventPage, Submission
    from tests.kulturnetz.submission_helpers import event_data

    calendar = EventIndexPage.objects.get(locale__language_code="de")
    category = EventCategory.objects.get(slug="konzert", locale=calendar.locale)
    title = f"{title} {number}"
    data = event_data(
        calendar,
        category=str(category.pk),
        title=title,
        intro=intro,
        description=description,
        sender_name=sender[:100],
        sender_email=email,
    )
    response = post_form(client, calendar.route_url("report"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = EventPage.objects.filter(title=clean_plain_text(title)).latest("pk")
    assert page.intro == clean_plain_text(intro, multiline=True)
    submission = Submission.objects.get(page=page)
    assert (submission.name, submission.email) == (clean_plain_text(sender[:100]), email)


ENTRY_TEXT_FIELDS = ["title", "intro", "description", "street", "postcode", "town", "phone"]


@pytest.mark.feature_app("kulturnetz")
@BOUNDED
@given(
    values=st.fixed_dictionaries(
        {name: ANY_TEXT for name in ENTRY_TEXT_FIELDS + ["kind", "website", "public_email"]}
    )
)
def test_no_input_makes_the_new_entry_form_fail_and_a_refused_one_keeps_it(client, values):
    from kulturnetz.models import ActorIndexPage
    from tests.kulturnetz.submission_helpers import entry_data

    index = ActorIndexPage.objects.get(locale__language_code="de")
    data = entry_data(index, **values)
    response = post_form(client, index.route_url("suggest"), data)
    assert response.status_code < 500
    if refused(response):
        assert_kept(response.content.decode(), data, ENTRY_TEXT_FIELDS)


@pytest.mark.feature_app("kulturnetz")
@BOUNDED
@given(values=st.fixed_dictionaries({name: ANY_TEXT for name in ["title", "intro", "website"]}))
def test_no_input_makes_the_change_form_fail_and_a_refused_one_keeps_it(client, values):
    from kulturnetz.models import ActorPage
    from tests.kulturnetz.submission_helpers import change_data

    actor = ActorPage.objects.live().filter(locale__language_code="de").first()
    data = change_data(actor, **values)
    response = post_form(client, actor.route_url("change"), data)
    assert response.status_code < 500
    if refused(response):
        assert_kept(response.content.decode(), data, ["title", "intro"])


# The foundation's forms -------------------------------------------------------------------


@BOUNDED
@given(query=ANY_TEXT, page=ANY_TEXT)
def test_no_search_answers_5xx_and_the_box_shows_the_query(client, query, page):
    client.raise_request_exception = False
    response = client.get("/de/suche/", {"q": query, "seite": page})
    assert response.status_code < 500
    shown = clean_query(query)  # what the search takes: printable words, no quotes
    if response.status_code == 200 and shown:
        assert escape(shown) in response.content.decode()


@BOUNDED
@given(username=ANY_TEXT, password=ANY_TEXT)
def test_no_login_attempt_answers_5xx_and_the_name_stays(client, username, password):
    response = post_form(client, "/admin/login/", {"username": username, "password": password})
    assert response.status_code < 500
    assert "_auth_user_id" not in client.session
    if refused(response) and username.strip() and "\x00" not in username:
        html = response.content.decode()
        assert escape(username) in html or escape(username.strip()) in html
