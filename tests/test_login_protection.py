"""Brute-force protection: wrong passwords lock one username from one address (django-axes),
for the admin login and for private pages' passwords; the visitor's address behind trusted
proxies."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.demo import DEMO_EDITOR, DEMO_MODERATOR
from portal.middleware import ClientAddressMiddleware

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER, EDITOR_AT_HOME = "203.0.113.66", "198.51.100.7"
LOCKED = "Zu viele falsche Versuche"


def log_in(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_thirty_wrong_passwords_lock_the_name_from_that_address_only(client):
    statuses = [
        log_in(client, DEMO_EDITOR["username"], f"falsch-{n}", ATTACKER).status_code
        for n in range(30)
    ]
    # Four wrong answers are answered as wrong, the fifth locks, the rest stay locked.
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}

    right = log_in(client, DEMO_EDITOR["username"], DEMO_EDITOR["password"], ATTACKER)
    assert right.status_code == 429
    html = right.content.decode()
    assert LOCKED in html and "für 15 Minuten gesperrt" in html
    assert f'value="{DEMO_EDITOR["username"]}"' in html  # what was typed stays
    assert "_auth_user_id" not in client.session

    # The editor at home is not locked out by the attacker, and the attacker's address can
    # still log in with another name.
    assert log_in(client, **DEMO_EDITOR, address=EDITOR_AT_HOME).status_code == 302
    client.logout()
    assert log_in(client, **DEMO_MODERATOR, address=ATTACKER).status_code == 302


def test_the_lock_passes_after_fifteen_minutes_and_a_login_clears_the_count(client):
    for n in range(5):
        log_in(client, DEMO_EDITOR["username"], f"falsch-{n}", ATTACKER)
    assert log_in(client, **DEMO_EDITOR, address=ATTACKER).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=16))
    assert log_in(client, **DEMO_EDITOR, address=ATTACKER).status_code == 302
    assert AccessAttempt.objects.filter(failures_since_start__gt=0).count() == 0


def test_wrong_passwords_are_not_stored(client):
    log_in(client, DEMO_EDITOR["username"], "mein-geheimes-falsches", ATTACKER)
    attempt = AccessAttempt.objects.get()
    assert "mein-geheimes-falsches" not in attempt.post_data
    assert attempt.username == DEMO_EDITOR["username"] and attempt.ip_address == ATTACKER


@pytest.fixture
def private_page():
    from tests.factories import german_home

    page = german_home().get_children().live().first().specific
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return page, restriction


def try_page_password(client, private_page, password, address):
    page, restriction = private_page
    url = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_wrong_page_passwords_lock_the_page_for_that_address(client, private_page):
    statuses = [
        try_page_password(client, private_page, f"falsch-{n}", ATTACKER).status_code
        for n in range(6)
    ]
    assert statuses[:4] == [200] * 4 and statuses[4:] == [429, 429]
    locked = try_page_password(client, private_page, "geheim", ATTACKER)
    assert locked.status_code == 429
    assert "Zu viele falsche Versuche" in locked.content.decode()
    # Someone else who knows the password gets in.
    assert try_page_password(client, private_page, "geheim", EDITOR_AT_HOME).status_code == 302


def test_a_right_page_password_opens_the_page(client, private_page):
    page, _ = private_page
    assert try_page_password(client, private_page, "geheim", ATTACKER).status_code == 302
    assert client.get(page.url, REMOTE_ADDR=ATTACKER).status_code == 200


def client_address(remote, forwarded=None, proxies=("10.0.0.0/8",)):
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]

    with override_settings(PORTAL_TRUSTED_PROXIES=list(proxies)):
        middleware = ClientAddressMiddleware(view)
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    middleware(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))
    return seen["address"]


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # Behind the trusted load balancer: the address it saw.
        ("10.0.0.2", "198.51.100.7", "198.51.100.7"),
        # A client's own X-Forwarded-For stays left of what the proxy appended.
        ("10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        # Two trusted hops (CDN, then load balancer).
        ("10.0.0.2", "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        ("10.0.0.2", "2001:db8::7", "2001:db8::7"),
        # Not from a trusted proxy: the header is the client's own words.
        ("203.0.113.66", "198.51.100.7", "203.0.113.66"),
        # Garbage and nothing keep the proxy's address.
        ("10.0.0.2", "<script>", "10.0.0.2"),
        ("10.0.0.2", "", "10.0.0.2"),
        ("10.0.0.2", None, "10.0.0.2"),
    ],
)
def test_the_visitors_address_is_read_behind_trusted_proxies_only(remote, forwarded, expected):
    assert client_address(remote, forwarded) == expected


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address("10.0.0.2", "198.51.100.7", proxies=()) == "10.0.0.2"


@override_settings(PORTAL_TRUSTED_PROXIES=["10.0.0.0/8"])
def test_two_visitors_behind_one_proxy_are_locked_separately(client):
    def through_proxy(password, visitor):
        return client.post(
            LOGIN,
            {"username": DEMO_EDITOR["username"], "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for n in range(5):
        through_proxy(f"falsch-{n}", ATTACKER)
    assert through_proxy(DEMO_EDITOR["password"], ATTACKER).status_code == 429
    assert through_proxy(DEMO_EDITOR["password"], EDITOR_AT_HOME).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_successful_logins_leave_no_record_and_failures_are_purged_after_a_day(client):
    from axes.models import AccessLog
    from django.core.management import call_command

    assert log_in(client, **DEMO_EDITOR, address=EDITOR_AT_HOME).status_code == 302
    assert not AccessLog.objects.exists()
    client.logout()
    log_in(client, DEMO_MODERATOR["username"], "falsch", ATTACKER)
    log_in(client, DEMO_EDITOR["username"], "falsch", EDITOR_AT_HOME)
    AccessAttempt.objects.filter(ip_address=ATTACKER).update(
        attempt_time=timezone.now() - timezone.timedelta(hours=25)
    )
    call_command("purge_personal_data", stdout=__import__("io").StringIO())
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [EDITOR_AT_HOME]


RESET = "/admin/password_reset/"
RESET_LIMITED = "Zu viele Anfragen: Für diese E-Mail-Adresse oder von Ihrem Anschluss aus"
NOBODYS = "niemand@example.org"


def ask_for_reset(client, email, address):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset_mails_are_limited_per_address_and_per_email(client, editor, mailoutbox):
    from django.contrib.auth import get_user_model

    other = get_user_model().objects.get(username=DEMO_EDITOR["username"]).email
    answers = [ask_for_reset(client, editor.email, ATTACKER) for _ in range(3)]
    assert [(a.status_code, a["Location"]) for a in answers] == [
        (302, "/admin/password_reset/done/")
    ] * 3
    assert len(mailoutbox) == 3

    # The fourth request in the hour is refused in German, the address typed stays, no mail.
    refused = ask_for_reset(client, editor.email, ATTACKER)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert RESET_LIMITED in html and "schon 3 Links zum Zurücksetzen" in html
    assert f'value="{editor.email}"' in html
    # Not for that e-mail address from elsewhere, nor for another one from that address.
    assert ask_for_reset(client, editor.email, EDITOR_AT_HOME).status_code == 429
    assert ask_for_reset(client, other, ATTACKER).status_code == 429
    assert len(mailoutbox) == 3
    # Refused requests took no slot: another address and e-mail are still served.
    assert ask_for_reset(client, other, EDITOR_AT_HOME).status_code == 302
    assert len(mailoutbox) == 4


def test_the_reset_limit_tells_nobody_whether_an_account_has_the_address(client, editor):
    def answers(email, address):
        return [
            (response.status_code, response.get("Location"), RESET_LIMITED in response.text)
            for response in (ask_for_reset(client, email, address) for _ in range(4))
        ]

    assert answers(NOBODYS, ATTACKER) == answers(editor.email, EDITOR_AT_HOME)
    assert answers(NOBODYS, "192.0.2.9") == [(429, None, True)] * 4


def test_the_reset_limit_passes_after_an_hour(client, editor, mailoutbox):
    from home.models import FormThrottle

    for _ in range(3):
        ask_for_reset(client, editor.email, ATTACKER)
    assert ask_for_reset(client, editor.email, ATTACKER).status_code == 429
    FormThrottle.objects.update(last_post_at=timezone.now() - timezone.timedelta(minutes=61))
    assert ask_for_reset(client, editor.email, ATTACKER).status_code == 302
    assert len(mailoutbox) == 4


@override_settings(PORTAL_TRUSTED_PROXIES=["10.0.0.0/8"])
def test_visitors_behind_one_proxy_have_reset_limits_of_their_own(client, editor):
    def through_proxy(email, visitor):
        return client.post(
            RESET, {"email": email}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=visitor
        ).status_code

    statuses = [through_proxy(f"jemand{n}@example.org", ATTACKER) for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert through_proxy(editor.email, EDITOR_AT_HOME) == 302
