"""Brute-force protection of the admin login and of private pages' passwords (django-axes), and
of the admin's password reset (the foundation's flood control).

Wrong passwords are counted per username *and* client address together: an attacker elsewhere
cannot lock an editor out, and one address cannot try one name endlessly. Password-reset mails
are limited per client address and per e-mail address, whether an account has that address or
not. The client address is ``REMOTE_ADDR`` as portal.middleware.ClientAddressMiddleware leaves
it behind trusted proxies.
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from home.form_protection import FLOOD_RECORD_DAYS, FormRefused, claim_rate_slot
from portal.middleware import client_address

# The "username" a private page's password is counted under, per view restriction.
PAGE_PASSWORD = "page-password-{}"
PAGE_PASSWORD_LOCKED = _(
    "Zu viele falsche Versuche: Das Passwort dieser Seite kann von Ihrem Anschluss aus erst "
    "später wieder geprüft werden."
)


def locked_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Zu viele falsche Versuche: Die Anmeldung mit diesem Namen ist von Ihrem Anschluss aus "
        "für %(minutes)d Minute gesperrt. Danach können Sie es wieder versuchen.",
        "Zu viele falsche Versuche: Die Anmeldung mit diesem Namen ist von Ihrem Anschluss aus "
        "für %(minutes)d Minuten gesperrt. Danach können Sie es wieder versuchen.",
        minutes,
    ) % {"minutes": minutes}


def is_locked(request, username):
    return AxesProxyHandler.is_locked(request, {"username": username})


def locked_out(request, original_response, credentials):
    """What the attempt that reached the limit gets: the same view again, which now says in
    German that the name is locked (PortalLoginForm, ``authenticate_with_password``) and
    keeps what was typed."""
    match = request.resolver_match
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a private page, with wrong passwords counted per page and
    address as wrong logins are, and refused while locked."""
    username = PAGE_PASSWORD.format(page_view_restriction_id)
    if request.method == "POST" and is_locked(request, username):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(request.POST, instance=restriction)
        form.is_valid()
        form._errors = ErrorDict()
        form.add_error(None, PAGE_PASSWORD_LOCKED)
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = settings.AXES_HTTP_RESPONSE_CODE
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:
        # The form came back: the password was wrong.
        user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    return response


# Password-reset mails: so many an hour for one client address, and for one e-mail address.
PASSWORD_RESETS_PER_HOUR = 3
PASSWORD_RESET_LIMITED = _(
    "Zu viele Anfragen: Für diese E-Mail-Adresse oder von Ihrem Anschluss aus wurden in der "
    "letzten Stunde schon %(count)d Links zum Zurücksetzen des Passworts angefordert. Bitte "
    "versuchen Sie es später noch einmal."
)


def _reset_key(kind, value):
    """A keyed hash of an address or e-mail for the flood control of password resets."""
    return f"pwr-{kind}:{salted_hmac('home.password-reset', value).hexdigest()}"


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's "Passwort vergessen?", which sends at most PASSWORD_RESETS_PER_HOUR mails an
    hour for one client address and for one e-mail address. Addresses with an account and
    without are counted and answered alike: the limit tells nobody which exist."""

    def form_valid(self, form):
        message = PASSWORD_RESET_LIMITED % {"count": PASSWORD_RESETS_PER_HOUR}
        senders = [("mail", form.cleaned_data["email"].strip().lower())]
        if address := client_address(self.request):
            senders.append(("ip", address))
        try:
            # Both limits or neither: a refused request takes no slot.
            with transaction.atomic():
                for kind, value in senders:
                    claim_rate_slot(
                        _reset_key(kind, value), message, PASSWORD_RESETS_PER_HOUR, 60 * 60
                    )
        except FormRefused as refused:
            form.add_error(None, refused.message)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


# Failed logins are kept for the lock (AXES_COOLOFF_TIME) and then a day at most.
LOGIN_ATTEMPT_DAYS = 1


def _attempts_of(email):
    from axes.models import AccessAttempt

    return AccessAttempt.objects.filter(username__iexact=email.strip())


def export_login_attempts(email):
    return [
        {
            "type": "failed_login",
            "username": attempt.username,
            "ip_address": attempt.ip_address,
            "browser": attempt.user_agent,
            "failures": attempt.failures_since_start,
            "at": attempt.attempt_time.isoformat(),
        }
        for attempt in _attempts_of(email).order_by("attempt_time")
    ]


def erase_login_attempts(email):
    deleted, _ = _attempts_of(email).delete()
    return deleted


def purge_login_attempts(now=None):
    from axes.models import AccessAttempt, AccessFailureLog

    cutoff = (now or timezone.now()) - timedelta(days=LOGIN_ATTEMPT_DAYS)
    attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()
    return attempts + failures


def login_attempts_statement():
    return [
        (
            "Meldet sich jemand mit einem falschen Passwort an (im Redaktionsbereich oder auf "
            "einer passwortgeschützten Seite), speichern wir IP-Adresse, Browser und den "
            "eingegebenen Benutzernamen, um nach "
            f"{settings.AXES_FAILURE_LIMIT} Fehlversuchen zu sperren, und löschen sie nach "
            f"{LOGIN_ATTEMPT_DAYS} Tag. Erfolgreiche Anmeldungen protokollieren wir nicht. "
            "Fordert jemand einen Link zum Zurücksetzen des Passworts an, zählen wir die "
            "Anfragen nur zu Prüfsummen von IP- und E-Mail-Adresse, um höchstens "
            f"{PASSWORD_RESETS_PER_HOUR} pro Stunde zuzulassen, und löschen sie nach "
            f"{FLOOD_RECORD_DAYS} Tag.",
            "When someone logs in with a wrong password (in the editors' area or on a "
            "password-protected page), we store the IP address, browser and the user name "
            f"typed, to lock after {settings.AXES_FAILURE_LIMIT} failures, and delete them "
            f"after {LOGIN_ATTEMPT_DAYS} day. We do not log successful logins. When someone "
            "asks for a link to reset a password, we count the requests only by checksums of "
            f"IP and e-mail address, to allow at most {PASSWORD_RESETS_PER_HOUR} an hour, and "
            f"delete them after {FLOOD_RECORD_DAYS} day.",
        )
    ]
