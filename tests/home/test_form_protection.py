"""The protections every public form shares (home/form_protection.py), on a form of its own."""

from datetime import timedelta

import pytest
from django import forms
from django.utils import timezone

from home.form_protection import (
    FormRefused,
    PublicFormMixin,
    check_form_token,
    claim_flood_slot,
    issue_form_token,
    spend_form_token,
)
from home.models import FormThrottle

pytestmark = pytest.mark.django_db


class SubmissionForm(PublicFormMixin, forms.Form):
    """Stands for a coming form (e.g. an event submission): it gets the protections by mixing in."""

    title = forms.CharField(label="Titel")


def test_a_public_form_carries_a_start_time_and_a_honeypot():
    form = SubmissionForm()
    assert {"started", "website_confirm", "title"} <= set(form.fields)
    assert isinstance(form.fields["started"].widget, forms.HiddenInput)
    assert form.fields["website_confirm"].widget.attrs["tabindex"] == "-1"


def test_a_refusal_sits_at_its_visible_field_or_above_the_form():
    form = SubmissionForm({"title": "Konzert", "started": "x"})
    assert form.is_valid()
    form.refuse(FormRefused("Titel schon vergeben.", "title"))
    form.refuse(FormRefused("Zu schnell.", "started"))
    assert form.errors["title"] == ["Titel schon vergeben."]
    assert form.non_field_errors() == ["Zu schnell."]
    assert form.has_field_errors


def test_a_renewed_token_keeps_what_was_typed():
    form = SubmissionForm({"title": "Lesung", "started": "alt"})
    form.renew_token("neu")
    assert (form.data["title"], form.data["started"]) == ("Lesung", "neu")


def test_flood_control_allows_one_submission_per_sender_in_the_window():
    now = timezone.now()
    claim_flood_slot("ip:abc", "Bitte warten.", now)
    with pytest.raises(FormRefused, match="Bitte warten."):
        claim_flood_slot("ip:abc", "Bitte warten.", now + timedelta(seconds=14))
    claim_flood_slot("ip:other", "Bitte warten.", now + timedelta(seconds=1))
    claim_flood_slot("ip:abc", "Bitte warten.", now + timedelta(seconds=16))
    assert FormThrottle.objects.filter(key__startswith="ip:").count() == 2


def test_a_token_is_for_one_form_about_one_thing_and_is_used_once(monkeypatch):
    import time

    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 10)
    token = issue_form_token("submission", 7)
    monkeypatch.setattr(time, "time", real_time)
    with pytest.raises(FormRefused):
        check_form_token(token, "submission", 8)
    with pytest.raises(FormRefused):
        check_form_token(token, "comment", 7)
    value = check_form_token(token, "submission", 7)
    spend_form_token(value)
    with pytest.raises(FormRefused, match="schon abgeschickt"):
        spend_form_token(value)
