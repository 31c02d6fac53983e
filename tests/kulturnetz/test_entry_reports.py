"""Visitors report directory entries (Digital Services Act, Art. 16): the report reaches the
moderators by e-mail and in the admin, who record a decision; a removal unpublishes the entry,
and a reporter who left an address hears of the decision. Nothing a visitor types breaks a page
or runs in anyone's browser, and the reporter's address is exported, erased and purged."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from home.groups import MODERATORS
from home.models import FormThrottle, SpentFormToken
from home.notices import NOTICE_FLOOD_MESSAGE
from kulturnetz.models import ActorPage, EntryReport, EventPage, VenuePage
from kulturnetz.models.reports import REPORT_CONTACT_RETENTION_DAYS
from kulturnetz.reports import privacy
from kulturnetz.reports.notifications import send_decision_mail, send_moderators_mail
from tests.factories import started

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

PURPOSE = "kn-report_content"
LIST_URL = "/admin/snippets/kulturnetz/entryreport/"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture(autouse=True)
def _fresh_flood_control():
    FormThrottle.objects.all().delete()


@pytest.fixture
def event(make_event):
    return make_event("Liederabend zum Melden", day=timezone.localdate() + timedelta(days=5))


@pytest.fixture
def entries(actor, venue, event):
    return {"actor": actor, "venue": venue, "event": event}


def report_data(page, **overrides):
    return {
        "started": started(page, purpose=PURPOSE),
        "reason": "wrong",
        "explanation": "Die Telefonnummer gehört jemand anderem.",
        "contact": "",
        "good_faith": "on",
        "website_confirm": "",
        **overrides,
    }


def send_report(client, page, ip="203.0.113.7", **overrides):
    return client.post(
        page.route_url("report_content"), report_data(page, **overrides), REMOTE_ADDR=ip
    )


def decide(client, user, report, status, note=""):
    client.force_login(user)
    url = reverse("wagtailsnippets_kulturnetz_entryreport:edit", args=(report.pk,))
    return client.post(url, {"status": status, "decision_note": note})


# == Visitors find the form and send a report ==


@pytest.mark.parametrize("kind", ["actor", "venue", "event"])
def test_every_entry_links_its_report_form(client, entries, kind):
    page = entries[kind]
    html = client.get(page.url).content.decode()
    assert f'href="{page.url}inhalt-melden/"' in html
    assert "Inhalt melden" in html

    form = client.get(f"{page.url}inhalt-melden/")
    assert form.status_code == 200
    text = form.content.decode()
    assert "<h1>Inhalt melden</h1>" in text
    assert 'name="csrfmiddlewaretoken"' in text and 'name="started"' in text
    assert 'name="website_confirm"' in text and 'name="good_faith"' in text
    # The categories of the Digital Services Act, and the statement in good faith.
    for label in ("Rechtswidriger Inhalt", "Hass, Hetze oder Beleidigung", "Spam oder Werbung"):
        assert label in text
    assert "in gutem Glauben" in text


def test_the_english_entry_links_its_report_form_in_english_words(client, actor):
    english = actor.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Westwind Choir"
    english.slug = "westwind-choir"
    english.save_revision().publish()
    english = ActorPage.objects.get(pk=english.pk)

    html = client.get(english.url).content.decode()
    assert f'href="{english.url}report-content/"' in html
    assert "Report this content" in html
    form = client.get(f"{english.url}report-content/")
    assert form.status_code == 200
    assert "<h1>Report this content</h1>" in form.content.decode()


@pytest.mark.parametrize("kind", ["actor", "venue", "event"])
def test_a_visitor_reports_an_entry_and_it_reaches_the_moderators(
    client, entries, moderator, editor, committed, kind
):
    page = entries[kind]
    response = committed(send_report, client, page, contact="leser@example.org")

    assert response.status_code == 302
    assert response["Location"] == f"{page.url}inhalt-melden/danke/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Danke für Deine Meldung!" in thanks.content.decode()

    report = EntryReport.objects.get()
    assert report.page_id == page.pk
    assert (report.reason, report.contact, report.status) == (
        "wrong",
        "leser@example.org",
        EntryReport.Status.OPEN,
    )
    # The moderators hear of it, the editors do not while there are moderators.
    (message,) = mail.outbox
    assert message.to == [moderator.email]
    assert page.title in message.subject
    assert "Die Telefonnummer gehört jemand anderem." in message.body
    assert f"/admin/snippets/kulturnetz/entryreport/edit/{report.pk}/" in message.body

    # And they find it in the admin's list, the reported entry linked.
    client.force_login(moderator)
    listing = client.get(LIST_URL, {"status": "open"}).content.decode()
    assert page.title in listing
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in listing
    assert "Falsche oder irreführende Angaben" in listing


def test_while_nobody_moderates_the_editors_hear_of_a_report(client, actor, editor, committed):
    get_user_model().objects.filter(groups__name=MODERATORS).update(email="")
    committed(send_report, client, actor)
    (message,) = mail.outbox
    assert editor.email in message.to


def test_the_reporters_address_is_not_stored(client, actor):
    send_report(client, actor, ip="198.51.100.23")
    report = EntryReport.objects.get()
    stored = json.dumps(
        {field.name: str(getattr(report, field.attname)) for field in EntryReport._meta.fields}
    )
    assert "198.51.100.23" not in stored
    assert not [field for field in EntryReport._meta.fields if "ip" in field.name.split("_")]
    # Flood control keeps a keyed hash of it, as for every public form.
    assert not FormThrottle.objects.filter(key__contains="198.51.100.23").exists()


# == German errors keep the input; nothing breaks the page ==


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"explanation": "  "}, "explanation", "Bitte beschreibe, was an dem Eintrag nicht"),
        ({"reason": ""}, "reason", "Bitte wähle einen Grund."),
        ({"good_faith": ""}, "good_faith", "Bitte bestätige, dass Deine Meldung"),
        ({"contact": "nicht-erreichbar"}, "contact", "Bitte gib eine gültige E-Mail-Adresse an"),
        ({"explanation": "x" * 2001}, "explanation", "Bitte fasse Dich kürzer: höchstens 2000"),
    ],
)
def test_german_errors_stand_at_their_field_and_keep_the_input(
    client, actor, overrides, field, message
):
    typed = {"explanation": "Das Foto zeigt eine andere Gruppe.", "contact": "anna@example.org"}
    response = send_report(client, actor, **{**typed, **overrides})

    assert response.status_code == 400
    html = response.content.decode()
    errors = re.search(rf'<ul class="field__errors" id="id_{field}_error">(.*?)</ul>', html, re.S)
    assert errors and message in errors.group(1), html
    assert "Bitte prüfe die markierten Felder." in html
    for name, value in {**typed, **overrides}.items():
        if name == "explanation" and value.strip():
            assert f"{value}</textarea>" in html
        elif name == "contact":
            assert f'value="{value}"' in html
    # A new start token, so the corrected form can be sent.
    assert 'name="started"' in html
    assert not EntryReport.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"reason": "no-such-reason"},
        {"reason": ["illegal", "spam"]},
        {"explanation": "\x00\u202e\u200b"},
        {"contact": "a@b" + "c" * 300 + ".de"},
        {"good_faith": "\x00"},
        {"started": "garbage"},
        {"started": ""},
        {"website_confirm": "https://spam.example"},
    ],
)
def test_no_input_breaks_the_report_form(client, actor, overrides):
    response = send_report(client, actor, **overrides)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "Die Meldung konnte nicht gesendet werden" in response.content.decode()


def test_a_report_is_sent_once_and_a_sender_waits_before_the_next(client, actor, venue):
    data = report_data(actor)
    assert client.post(actor.route_url("report_content"), data).status_code == 302
    again = client.post(actor.route_url("report_content"), data)
    assert again.status_code == 400
    assert "Dieses Formular wurde schon abgeschickt." in again.content.decode()

    flood = send_report(client, venue, ip="127.0.0.1")
    assert flood.status_code == 400
    assert str(NOTICE_FLOOD_MESSAGE) in flood.content.decode()
    assert EntryReport.objects.count() == 1


def test_a_start_token_of_another_entry_is_refused(client, actor, venue):
    response = client.post(actor.route_url("report_content"), report_data(venue))
    assert response.status_code == 400
    assert "Das Formular gehört zu einer anderen Seite." in response.content.decode()
    assert not SpentFormToken.objects.filter(token__contains=f".{venue.pk}.").exists()


def test_the_form_needs_its_csrf_token(actor):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        actor.route_url("report_content"), report_data(actor)
    )
    assert response.status_code == 403
    assert not EntryReport.objects.exists()


def test_an_unpublished_entry_has_no_report_form(client, actor):
    url = actor.route_url("report_content")
    actor.unpublish()
    assert client.get(url).status_code == 404
    assert client.post(url, report_data(actor)).status_code == 404


# == What a visitor wrote stays text ==


def test_hostile_input_is_escaped_in_the_admin_list_the_report_and_the_email(
    client, actor, moderator, committed
):
    committed(send_report, client, actor, explanation=HOSTILE, contact="x@example.org")
    report = EntryReport.objects.get()
    assert report.explanation == HOSTILE

    client.force_login(moderator)
    for url in (LIST_URL, f"{LIST_URL}edit/{report.pk}/"):
        html = client.get(url).content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html and "<img src=x" not in html

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<img src=x" not in html
    # The plain-text part is only ever shown as text.
    assert message.content_subtype == "plain" and HOSTILE in message.body


# == Who sees the reports ==


def test_anonymous_visitors_and_users_without_a_group_cannot_see_the_reports(client, actor):
    EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    report = EntryReport.objects.get()
    urls = [
        LIST_URL,
        f"{LIST_URL}edit/{report.pk}/",
        "/admin/snippets/choose/kulturnetz/entryreport/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    nobody = get_user_model().objects.create_user(
        "ohne-gruppe", password="x", email="o@example.org"
    )
    nobody.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(nobody)
    for url in urls:
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"{LIST_URL}edit/{report.pk}/", {"status": "removed"}).status_code in (
        302,
        403,
    )
    report.refresh_from_db()
    assert report.is_open
    assert "Meldungen zu Einträgen" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("member", ["moderator", "editor"])
def test_moderators_and_editors_see_the_reports_and_the_open_count(client, actor, member, request):
    EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    decided = EntryReport.objects.create(
        page=actor,
        reason="hate",
        explanation="Längst entschieden",
        status=EntryReport.Status.NO_VIOLATION,
    )
    client.force_login(request.getfixturevalue(member))
    listing = client.get(LIST_URL, {"status": "open"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Werbung" in html and "Längst entschieden" not in html
    assert client.get(f"{LIST_URL}edit/{decided.pk}/").status_code == 200
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Meldungen zu Einträgen: 1" in dashboard


def test_nobody_adds_or_deletes_a_report_in_the_admin_but_the_administrators(
    client, actor, moderator, superuser
):
    report = EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    for user in (moderator, superuser):
        client.force_login(user)
        assert client.get(f"{LIST_URL}add/").status_code in (302, 403)
    client.force_login(moderator)
    assert client.post(f"{LIST_URL}delete/{report.pk}/").status_code in (302, 403)
    assert EntryReport.objects.filter(pk=report.pk).exists()


# == The decision ==


def test_deciding_remove_unpublishes_the_entry_and_records_who_and_when(
    client, actor, moderator, committed
):
    english = actor.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    report = EntryReport.objects.create(page=actor, reason="illegal", explanation="Beleidigend")
    public_url = actor.url
    before = timezone.now()

    response = committed(decide, client, moderator, report, "removed", "Beleidigung entfernt.")

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == EntryReport.Status.REMOVED
    assert report.decided_by == moderator
    assert before <= report.decided_at <= timezone.now()
    assert report.decision_note == "Beleidigung entfernt."
    # The entry is off the site in every language, and its history says who took it down.
    for page in (actor, english):
        page.refresh_from_db()
        assert not page.live
        log = PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").get()
        assert log.user == moderator
    client.logout()
    assert client.get(public_url).status_code == 404


def test_deciding_no_violation_keeps_the_entry_online(client, venue, editor, committed):
    report = EntryReport.objects.create(page=venue, reason="spam", explanation="Werbung?")
    committed(decide, client, editor, report, "no_violation")
    venue.refresh_from_db()
    report.refresh_from_db()
    assert venue.live
    assert (report.status, report.decided_by) == (EntryReport.Status.NO_VIOLATION, editor)
    assert not PageLogEntry.objects.filter(page=venue, action="wagtail.unpublish").exists()


def test_the_reporter_gets_the_decision_by_mail_in_german(client, event, moderator, committed):
    committed(send_report, client, event, contact="leser@example.org")
    report = EntryReport.objects.get()
    mail.outbox.clear()

    committed(decide, client, moderator, report, "changed", "Wir haben die Uhrzeit korrigiert.")

    (message,) = mail.outbox
    assert message.to == ["leser@example.org"]
    assert message.subject == f"Deine Meldung zu „{event.title}“: unsere Entscheidung"
    assert "Eintrag geändert" in message.body
    assert "Wir haben die Uhrzeit korrigiert." in message.body
    assert "nicht einverstanden" in message.body
    # Saving the note again is no new decision: no second mail.
    mail.outbox.clear()
    committed(decide, client, moderator, report, "changed", "Uhrzeit korrigiert.")
    assert mail.outbox == []


def test_without_a_contact_address_nobody_is_mailed_about_the_decision(
    client, actor, moderator, committed
):
    report = EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    committed(decide, client, moderator, report, "no_violation")
    assert mail.outbox == []
    assert send_decision_mail.call(report.pk) == 0


def test_reopening_a_report_forgets_the_decision(client, actor, moderator, committed):
    report = EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    committed(decide, client, moderator, report, "no_violation")
    committed(decide, client, moderator, report, "open")
    report.refresh_from_db()
    assert (report.status, report.decided_at, report.decided_by) == ("open", None, None)


def test_the_moderators_mail_of_a_deleted_report_is_not_sent(actor, moderator):
    report = EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    report_id = report.pk
    report.delete()
    assert send_moderators_mail.call(report_id) == 0


# == Personal data ==


def test_export_erase_and_purge_the_reporters_address(actor, venue):
    now = timezone.now()
    mine = EntryReport.objects.create(
        page=actor, reason="wrong", explanation="Falsche Adresse", contact="Leser@Example.org"
    )
    decided_long_ago = EntryReport.objects.create(
        page=venue,
        reason="spam",
        explanation="Werbung",
        contact="other@example.org",
        status=EntryReport.Status.NO_VIOLATION,
        decided_at=now - timedelta(days=REPORT_CONTACT_RETENTION_DAYS + 1),
    )
    decided_lately = EntryReport.objects.create(
        page=venue,
        reason="spam",
        explanation="Werbung",
        contact="third@example.org",
        status=EntryReport.Status.NO_VIOLATION,
        decided_at=now - timedelta(days=REPORT_CONTACT_RETENTION_DAYS - 1),
    )

    (record,) = privacy.export("leser@example.org ")
    assert record["type"] == "kulturnetz_entry_report"
    assert (record["page"], record["explanation"], record["contact"]) == (
        actor.title,
        "Falsche Adresse",
        "Leser@Example.org",
    )

    out = StringIO()
    call_command("export_personal_data", "leser@example.org", stdout=out)
    assert "kulturnetz_entry_report" in out.getvalue()

    assert privacy.erase("LESER@example.org") == 1
    mine.refresh_from_db()
    assert mine.contact == "" and mine.explanation == "Falsche Adresse"
    assert privacy.export("leser@example.org") == []

    assert privacy.purge() == 1
    decided_long_ago.refresh_from_db()
    decided_lately.refresh_from_db()
    assert decided_long_ago.contact == ""
    assert decided_lately.contact == "third@example.org"


def test_the_privacy_statement_names_the_retention_in_both_languages():
    (german, english) = privacy.statement()[0]
    assert f"{REPORT_CONTACT_RETENTION_DAYS} Tage nach der Entscheidung" in german
    assert f"{REPORT_CONTACT_RETENTION_DAYS} days after the decision" in english


def test_deleting_an_entry_deletes_its_reports(actor):
    EntryReport.objects.create(page=actor, reason="spam", explanation="Werbung")
    ActorPage.objects.get(pk=actor.pk).delete()
    assert not EntryReport.objects.exists()


def test_the_report_models_cover_every_detail_page_type():
    from kulturnetz.models.reports import ReportContentMixin

    for model in (ActorPage, VenuePage, EventPage):
        assert issubclass(model, ReportContentMixin)
