"""What a person agrees to when they send a public form, and which wording they saw.

Every wording keeps its version for good: a comment or a suggestion stores the version and the
time of its consent, and ``export_personal_data`` shows the wording that was agreed to. Change
the wording only by adding a version and pointing :data:`CURRENT_CONSENT` at it.
"""

from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop

# version -> (wording with a link to the data-protection page, wording without one)
CONSENT_TEXTS = {
    "2026-11-30": (
        gettext_noop(
            'Ich bin einverstanden, dass meine Angaben gespeichert werden, wie in der <a href="'
            '%(url)s">Datenschutzerklärung</a> beschrieben.'
        ),
        gettext_noop("Ich bin einverstanden, dass meine Angaben gespeichert werden."),
    ),
}
CURRENT_CONSENT = "2026-11-30"


def consent_label(privacy_url, version=CURRENT_CONSENT):
    """The consent box's label in the active language, linking the data-protection page."""
    with_link, without_link = CONSENT_TEXTS[version]
    if not privacy_url:
        return gettext(without_link)
    # The wording is ours; only the address is inserted, escaped.
    return format_html(gettext(with_link).replace("%(url)s", "{}"), privacy_url)


def consent_record(version, at):
    """How an export shows a stored consent: when, which version, and its German wording."""
    if at is None:
        return None
    return {"at": at.isoformat(), "version": version, "text": CONSENT_TEXTS.get(version, ("",))[1]}
