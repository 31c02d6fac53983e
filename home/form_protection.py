"""What every public form shares, in one piece: the hidden fields (signed start time, honeypot),
a single-use start token bound to its target, flood control, plain-text cleaning, one way to
read ids that visitors send, and German errors that keep what was typed.

The comment form, the report form and the Kulturnetz submission forms use these, so a rule
(3 seconds at least, 2 hours at most, each form sent once, one submission per sender every few
seconds) holds everywhere alike.
"""

import secrets
import unicodedata
from datetime import timedelta

from django import forms
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_FORM_SECONDS = 3
MAX_FORM_SECONDS = 2 * 60 * 60
FLOOD_SECONDS = 15
# Flood-control rows (a keyed hash of the sender and the time) are deleted after this many days.
FLOOD_RECORD_DAYS = 1
TOKEN_SALT = "portal.form-token"
# The largest id a database column holds (signed 64 bits); larger numbers are no id at all.
MAX_ID = 2**63 - 1

# Joiners that belong inside a word (emoji sequences, Persian, Indic scripts) are kept there.
WORD_JOINERS = {"\u200c", "\u200d"}


class FormRefused(Exception):
    """The submission is not taken; ``field`` names where the message belongs (None: form-wide)."""

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class PublicFormMixin(forms.Form):
    """The hidden parts every public form carries: its signed start time and a honeypot."""

    # Signed time the form was shown; too fast, too old, for another page or sent twice is refused.
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # Left empty by people; bots fill it in. Hidden from sight and from assistive technology.
    website_confirm = forms.CharField(required=False, label=_("Bitte leer lassen"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website_confirm"].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def has_field_errors(self):
        """Whether a visible field is marked (the summary then points to the marked fields)."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def refuse(self, refused):
        """Show a refusal next to its field, or above the form when no visible field is meant."""
        field = refused.field
        if field not in self.fields or isinstance(self.fields[field].widget, forms.HiddenInput):
            field = None
        self.add_error(field, refused.message)

    def renew_token(self, token):
        """A re-shown form gets a new start time, so it can be sent again; the input stays."""
        data = self.data.copy()
        data["started"] = token
        self.data = data


def issue_form_token(purpose, target):
    """A signed start time for one form (``purpose``) about one thing (``target``, e.g. a page)."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    return signer.sign(f"{purpose}.{target}.{secrets.token_urlsafe(12)}")


def renew_form_token(token):
    """A fresh start time for the form and target of an issued ``token``; None if not one of ours.

    The page cache stores a page with its form once and gives every visitor a token of their own
    (``portal/page_cache.py``): each is single-use and starts when the visitor gets the page.
    """
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(token or "")
    except signing.BadSignature:
        return None
    form_and_target = value.rsplit(".", 1)[0]
    return signer.sign(f"{form_and_target}.{secrets.token_urlsafe(12)}")


def check_form_token(token, purpose, target):
    """The token's one-time value, if it was issued for this form and is neither too new nor too old."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    token = token or ""
    try:
        value = signer.unsign(token, max_age=MAX_FORM_SECONDS)
    except signing.SignatureExpired as error:
        raise FormRefused(
            _("Das Formular war zu lange offen. Bitte sende es noch einmal ab.")
        ) from error
    except signing.BadSignature as error:
        raise FormRefused(
            _("Das Formular ist ungültig. Bitte lade die Seite neu und versuche es noch einmal.")
        ) from error
    if value.rsplit(".", 1)[0] != f"{purpose}.{target}":
        raise FormRefused(
            _("Das Formular gehört zu einer anderen Seite. Bitte lade die Seite neu.")
        )
    age = timezone.now().timestamp() - signing.b62_decode(token.rsplit(":", 2)[1])
    if age < MIN_FORM_SECONDS:
        raise FormRefused(
            _(
                "Das ging sehr schnell. Bitte warte einen Moment und sende das Formular dann noch einmal ab."
            )
        )
    return value


def spend_form_token(value):
    """Mark a checked token as used; a second submission of the same form is refused.

    Call it inside the transaction that stores the submission, so a refused one keeps its token.
    """
    from home.models import SpentFormToken

    now = timezone.now()
    try:
        with transaction.atomic():
            SpentFormToken.objects.create(token=value, spent_at=now)
    except IntegrityError as error:
        raise FormRefused(
            _("Dieses Formular wurde schon abgeschickt. Bitte lade die Seite neu.")
        ) from error
    # Tokens older than their lifetime can no longer be replayed: forget them.
    SpentFormToken.objects.filter(spent_at__lt=now - timedelta(seconds=MAX_FORM_SECONDS)).delete()


def claim_flood_slot(key, message, now=None, seconds=FLOOD_SECONDS):
    """Take the sender's slot (``key``, a keyed hash), or refuse if they sent within ``seconds``.

    Call it inside the transaction that stores the submission; the row lock (PostgreSQL) or the
    IMMEDIATE write lock (SQLite) makes it hold across processes.
    """
    claim_rate_slot(key, message, limit=1, seconds=seconds, now=now)


def claim_rate_slot(key, message, limit, seconds, now=None):
    """Take one of the ``limit`` slots of ``key`` (a keyed hash) that was not taken within the
    last ``seconds``, or refuse: at most ``limit`` submissions in any ``seconds``.

    Call it inside a transaction, as ``claim_flood_slot``; each slot is a row of its own (the
    first under ``key`` itself), so a refused request changes nothing.
    """
    now = now or timezone.now()
    for number in range(limit):
        throttle, created = _locked_slot(key if number == 0 else f"{key}#{number}", now)
        if created:
            return
        if now - throttle.last_post_at >= timedelta(seconds=seconds):
            throttle.last_post_at = now
            throttle.save(update_fields=["last_post_at"])
            return
    raise FormRefused(message)


def _locked_slot(key, now):
    from home.models import FormThrottle

    try:
        with transaction.atomic():
            return FormThrottle.objects.select_for_update().get_or_create(
                key=key, defaults={"last_post_at": now}
            )
    except IntegrityError:
        return FormThrottle.objects.select_for_update().get(key=key), False


def _is_invisible(char):
    """Format and control characters: bidi overrides, zero-width spaces, tags, NUL and friends."""
    return unicodedata.category(char) in ("Cf", "Cc", "Co", "Cs")


def clean_plain_text(value, multiline=False):
    """Text as a visitor meant it: no invisible or direction-changing characters.

    Line breaks and tabs stay in multi-line text (as ``\\n``); a one-line value has its
    whitespace collapsed. Zero-width joiners stay only between two visible characters.
    """
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for index, char in enumerate(value):
        if char in WORD_JOINERS:
            before = value[index - 1] if index else ""
            after = value[index + 1] if index + 1 < len(value) else ""
            if before and after and not before.isspace() and not after.isspace():
                if not _is_invisible(before) and not _is_invisible(after):
                    kept.append(char)
            continue
        if multiline and char in "\n\t":
            kept.append(char)
        elif not _is_invisible(char):
            kept.append(char)
    text = "".join(kept)
    if not multiline:
        return " ".join(text.split())
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def parse_id(value):
    """An id a visitor sent (query string, form, cookie): a positive whole number, or None.

    Only ASCII digits count: ``str.isdigit()`` also accepts "²", which ``int()`` refuses, and a
    number beyond 64 bits overflows the database driver.
    """
    value = str(value if value is not None else "").strip()
    if not value or not value.isascii() or not value.isdecimal():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def purge_throttles(now=None):
    """Flood-control records (keyed hashes) older than FLOOD_RECORD_DAYS."""
    from home.models import FormThrottle

    now = now or timezone.now()
    deleted, _ = FormThrottle.objects.filter(
        last_post_at__lt=now - timedelta(days=FLOOD_RECORD_DAYS)
    ).delete()
    return deleted
