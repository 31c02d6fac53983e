"""Suggestions go through Wagtail's review: nothing is public before an editor approves it.

A reported event is a draft in "Freigabe durch die Redaktion"; approving it in the admin
publishes it and mails the sender. A suggested change is a draft revision of the live page,
compared with it in Wagtail's compare view.
"""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from home.consent import CURRENT_CONSENT
from home.groups import EDITORS_APPROVAL_TASK
from kulturnetz.models import (
    ActorPage,
    EventCategory,
    EventIndexPage,
    EventPage,
    Occurrence,
    Submission,
    VenuePage,
)
from tests.kulturnetz.submission_helpers import change_data, entry_data, event_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_flood_control():
    from home.models import FormThrottle

    FormThrottle.objects.all().delete()


def konzert():
    return EventCategory.objects.get(slug="konzert", locale__language_code="de")


def report(client, calendar, **overrides):
    data = event_data(calendar, category=str(konzert().pk), **overrides)
    return client.post(calendar.route_url("report"), data)


def send_change(client, page, **overrides):
    return client.post(page.route_url("change"), change_data(page, **overrides))


def approve_in_admin(client, editor, page):
    """What the dashboard's "Genehmigen" does."""
    client.force_login(editor)
    page = page.specific_class.objects.get(pk=page.pk)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", page.current_workflow_task_state.pk),
    )
    response = client.post(url, {"comment": ""})
    client.logout()
    return response


def test_a_reported_event_waits_in_review_and_is_not_public(client, calendar, editor, committed):
    response = committed(report, client, calendar)

    assert response.status_code == 302
    assert response["Location"] == calendar.route_url("report_thanks")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Danke für Deine Meldung!" in thanks.content.decode()

    event = EventPage.objects.get(title="Jazz im Hof")
    assert not event.live and event.has_unpublished_changes
    assert event.get_parent().pk == calendar.pk
    state = event.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by is None
    assert state.current_task_state.task.name == EDITORS_APPROVAL_TASK
    # Not public anywhere: its address, the calendar, the occurrences, the search, the API.
    assert client.get(f"{calendar.url}{event.slug}/").status_code == 404
    assert not Occurrence.objects.filter(event=event).exists()
    assert event.slug not in client.get(calendar.url, {"q": "Jazz"}).content.decode()
    assert event.slug not in client.get("/de/suche/?q=Jazz+im+Hof").content.decode()
    api = client.get(f"/api/v3/pages/{event.pk}/")
    assert api.status_code == 404

    revision = event.latest_revision
    assert revision.content["title"] == "Jazz im Hof"
    assert revision.content["dates"][0]["start_time"] == "19:30:00"
    # Who sent it is kept apart from the page, never in its content.
    assert "anna@example.org" not in str(revision.content)
    submission = Submission.objects.get(page=event)
    assert (submission.kind, submission.status) == (Submission.Kind.NEW, Submission.Status.WAITING)
    assert (submission.name, submission.email, submission.revision_id) == (
        "Anna Aktiv",
        "anna@example.org",
        revision.pk,
    )
    assert submission.language == "de"

    # One e-mail per editor, from the Kulturnetz (Wagtail's own "submitted" mail is left out).
    to_editor = [message for message in mail.outbox if editor.email in message.to]
    assert len(to_editor) == 1
    message = to_editor[0]
    assert message.subject == "Neuer Vorschlag für das Kulturnetz: Jazz im Hof"
    assert "Anna Aktiv <anna@example.org>" in message.body
    assert f"http://testserver/admin/pages/{event.pk}/edit/" in message.body
    assert "anna@example.org" not in [address for m in mail.outbox for address in m.to]


def test_approving_in_the_admin_publishes_the_event_and_mails_the_sender(
    client, calendar, editor, committed
):
    report(client, calendar, organiser_name="", description="Drei Bands.")
    event = EventPage.objects.get(title="Jazz im Hof")
    mail.outbox.clear()

    response = committed(approve_in_admin, client, editor, event)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.live
    assert event.current_workflow_state is None
    assert client.get(event.url).status_code == 200
    assert Occurrence.objects.filter(event=event).for_locale(calendar.locale_id).count() == 1
    assert event.slug in client.get(calendar.url, {"q": "Jazz"}).content.decode()
    submission = Submission.objects.get(page=event)
    assert submission.status == Submission.Status.PUBLISHED
    assert submission.decided_at is not None
    [message] = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    assert message.subject == "Dein Vorschlag ist online: Jazz im Hof"
    assert "Hallo Anna Aktiv," in message.body
    assert event.full_url in message.body

    # Publishing it again later sends nothing more.
    mail.outbox.clear()
    committed(lambda: event.save_revision(user=editor).publish(user=editor))
    assert not [m for m in mail.outbox if m.to == ["anna@example.org"]]


def test_a_suggested_change_is_a_draft_revision_shown_in_the_compare_view(
    client, actor, editor, committed
):
    # As if an editor had published it in the admin (the demo makes its pages in code).
    actor.save_revision(user=editor).publish(user=editor)
    actor.refresh_from_db()
    old_intro = actor.intro
    live_revision = actor.live_revision_id
    response = committed(
        send_change,
        client,
        actor,
        intro="Wir singen jetzt auch Jazz.",
        note="Neue Probenzeit: dienstags.",
    )

    assert response.status_code == 302
    assert response["Location"] == actor.route_url("change_thanks")
    actor.refresh_from_db()
    # The live page is unchanged until an editor approves.
    assert actor.intro == old_intro and actor.live_revision_id == live_revision
    page = client.get(actor.url).content.decode()
    assert old_intro in page and "Wir singen jetzt auch Jazz." not in page
    draft = actor.get_latest_revision_as_object()
    assert draft.intro == "Wir singen jetzt auch Jazz."
    assert draft.title == actor.title  # what was not changed stays as it is
    assert actor.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    submission = Submission.objects.get(page=actor)
    assert submission.kind == Submission.Kind.CHANGE
    assert submission.note == "Neue Probenzeit: dienstags."

    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare", args=(actor.pk, "live", submission.revision_id)
    )
    [message] = [m for m in mail.outbox if editor.email in m.to]
    assert message.subject == f"Änderungsvorschlag für das Kulturnetz: {actor.title}"
    assert f"http://testserver{compare_url}" in message.body
    assert "Neue Probenzeit: dienstags." in message.body
    client.force_login(editor)
    compare = client.get(compare_url)
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Wir singen jetzt auch Jazz." in html and old_intro in html
    # The dashboard lists it for review, with the link to compare it with the live page.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert compare_url in dashboard
    client.logout()

    committed(approve_in_admin, client, editor, actor)
    actor.refresh_from_db()
    assert actor.intro == "Wir singen jetzt auch Jazz."
    assert [m.subject for m in mail.outbox if m.to == ["anna@example.org"]] == [
        f"Dein Vorschlag ist online: {actor.title}"
    ]


def test_an_editors_unpublished_draft_is_kept_under_a_suggested_change(client, venue, editor):
    draft = venue.get_latest_revision_as_object()
    draft.capacity = 222
    draft.save_revision(user=editor)

    response = send_change(client, venue, phone="06341 999")

    assert response.status_code == 302
    latest = VenuePage.objects.get(pk=venue.pk).get_latest_revision_as_object()
    assert (latest.phone, latest.capacity) == ("06341 999", 222)


def test_a_second_suggestion_while_one_is_in_review_is_refused(client, actor):
    send_change(client, actor, phone="06341 1")
    revisions = Revision.objects.filter(object_id=str(actor.pk)).count()

    response = client.post(
        actor.route_url("change"),
        change_data(actor, phone="06341 2", sender_email="bert@example.org"),
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 400
    assert "prüft die Redaktion gerade einen anderen Vorschlag" in response.content.decode()
    assert Revision.objects.filter(object_id=str(actor.pk)).count() == revisions
    assert Submission.objects.filter(page=actor).count() == 1


def test_requesting_changes_declines_a_suggestion(client, actor, editor, committed):
    send_change(client, actor, phone="06341 1")
    actor = ActorPage.objects.get(pk=actor.pk)

    actor.current_workflow_task.on_action(actor.current_workflow_task_state, editor, "reject")

    submission = Submission.objects.get(page=actor)
    assert submission.status == Submission.Status.DECLINED
    mail.outbox.clear()
    committed(actor.get_latest_revision().publish, user=editor)
    assert not [m for m in mail.outbox if m.to == ["anna@example.org"]]


def test_a_suggested_actor_waits_below_the_directory(client, actor_index, editor):
    from kulturnetz.models import ActorKind

    kind = ActorKind.objects.get(slug="verein", locale__language_code="de")
    response = client.post(actor_index.route_url("suggest"), entry_data(actor_index, kind=kind.pk))

    assert response.status_code == 302
    page = ActorPage.objects.get(title="Trommelgruppe Queichheim")
    assert not page.live and page.get_parent().pk == actor_index.pk
    assert page.slug == "trommelgruppe-queichheim"
    assert page.current_workflow_state is not None
    assert "Trommelgruppe" not in client.get(actor_index.url).content.decode()


def test_a_title_that_is_taken_gets_an_address_of_its_own(client, actor_index, actor):
    from kulturnetz.models import ActorKind

    kind = ActorKind.objects.get(slug="verein", locale__language_code="de")
    client.post(
        actor_index.route_url("suggest"), entry_data(actor_index, title=actor.title, kind=kind.pk)
    )

    page = ActorPage.objects.filter(title=actor.title).exclude(pk=actor.pk).get()
    assert page.slug == f"{actor.slug}-1"
    assert ActorPage.objects.get(pk=actor.pk).slug == actor.slug


def test_the_english_form_suggests_to_the_german_calendar(client, calendar):
    english = EventIndexPage.objects.get(locale__language_code="en")

    data = event_data(english, category=str(konzert().pk))
    response = client.post(english.route_url("report"), data)

    assert english.route_url("report").endswith("/calendar/submit/")
    assert response.status_code == 302
    event = EventPage.objects.get(title="Jazz im Hof")
    assert event.get_parent().pk == calendar.pk
    assert Submission.objects.get(page=event).language == "en"


def test_an_editors_own_submission_still_gets_wagtails_review_mail(editor, superuser, make_event):
    event = make_event("Redaktionskonzert", day=timezone.localdate(), publish=False)
    mail.outbox.clear()

    event.get_workflow().start(event, superuser)

    assert any(editor.email in message.to for message in mail.outbox)


def test_senders_are_forgotten_30_days_after_the_decision(client, calendar, actor):
    report(client, calendar)
    old = Submission.objects.get()
    Submission.objects.filter(pk=old.pk).update(
        status=Submission.Status.PUBLISHED, decided_at=timezone.now() - timedelta(days=31)
    )
    recent = Submission.objects.create(
        page=actor, kind="change", name="B", email="b@example.org", language="de"
    )
    forgotten = Submission.objects.create(
        page=actor,
        kind="change",
        name="C",
        email="c@example.org",
        language="de",
        created_at=timezone.now() - timedelta(days=181),
    )

    call_command("purge_personal_data", stdout=StringIO())

    assert list(Submission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Submission.objects.filter(pk__in=[old.pk, forgotten.pk]).exists()


def test_a_sender_can_have_their_data_exported_and_erased(client, calendar, actor):
    before = timezone.now()
    report(client, calendar)
    other = Submission.objects.create(
        page=actor, kind="change", name="B", email="b@example.org", language="de"
    )
    stored = Submission.objects.get(email="anna@example.org")
    assert stored.consent_version == CURRENT_CONSENT
    assert before <= stored.consent_at <= timezone.now()

    out = StringIO()
    call_command("export_personal_data", "Anna@Example.org", stdout=out)
    exported = json.loads(out.getvalue())["kulturnetz_submissions"]
    assert [(item["name"], item["status"]) for item in exported] == [("Anna Aktiv", "waiting")]
    assert exported[0]["consent"]["version"] == CURRENT_CONSENT

    call_command("erase_personal_data", "anna@example.org", stdout=StringIO())
    assert list(Submission.objects.values_list("pk", flat=True)) == [other.pk]
    # The suggested event waits for the editors all the same.
    assert EventPage.objects.filter(title=event_data(calendar)["title"], live=False).exists()


def test_editors_find_who_sent_a_suggestion_and_nobody_else_does(
    client, calendar, editor, moderator
):
    report(client, calendar)
    listing = reverse("wagtailsnippets_kulturnetz_submission:list")

    client.force_login(editor)
    assert (
        "Vorschläge im Kulturnetz: 1" in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    html = client.get(listing, {"status": "waiting"}).content.decode()
    assert "Jazz im Hof" in html and "anna@example.org" in html
    submission = Submission.objects.get()
    edit_url = reverse("wagtailsnippets_kulturnetz_submission:edit", args=(submission.pk,))
    assert client.get(edit_url).status_code in (302, 403)

    client.force_login(moderator)
    assert (
        "Vorschläge im Kulturnetz" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.get(listing).status_code in (302, 403)
    # Never on the public site.
    client.logout()
    for url in (calendar.url, calendar.route_url("report_thanks")):
        assert "anna@example.org" not in client.get(url).content.decode()


def test_what_a_sender_types_cannot_break_the_admin(client, calendar, editor):
    hostile = '<script>alert("x")</script> {{ request }} {% debug %}'
    report(client, calendar, title=hostile, intro='<img src=x onerror="alert(1)">')
    event = EventPage.objects.get(title=hostile)
    assert event.slug == "scriptalertxscript-request-debug"
    client.force_login(editor)
    task_state = event.current_workflow_task_state

    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=(event.pk,)),
        reverse("wagtailadmin_pages:workflow_preview", args=(event.pk, task_state.task_id)),
        reverse("wagtailsnippets_kulturnetz_submission:list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<script>alert("x")</script>' not in html, url
        assert '<img src=x onerror="alert(1)">' not in html, url


def test_a_title_without_letters_gets_a_plain_address(client, calendar):
    report(client, calendar, title="🎷 🎺 !!!")

    assert EventPage.objects.get(title="🎷 🎺 !!!").slug == "eintrag"
