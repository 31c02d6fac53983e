"""The report route of every directory entry: the form, its check, and the thanks.

The cycle is that of the other public Kulturnetz forms (kulturnetz/submissions/views.py):
a refused or invalid report comes back with status 400, what was typed kept and the errors at
the fields; a stored one redirects to the thanks.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from comments.moderation import client_ip, hash_ip
from home.notices import store_notice
from kulturnetz.models.reports import REPORT_CONTACT_RETENTION_DAYS
from kulturnetz.reports.forms import EntryReportForm
from kulturnetz.submissions.review import token_purpose
from kulturnetz.submissions.views import form_page, render_in_page

# The name of the report route (kulturnetz/models/reports.py), and of its start token.
PURPOSE = "report_content"
TEMPLATE = "kulturnetz/reports/form.html"
THANKS_TEMPLATE = "kulturnetz/reports/thanks.html"


def submit_report(page, form, request):
    """Store the report of ``page`` and tell the moderators once it is committed."""
    from kulturnetz.reports.notifications import notify_moderators

    report = store_notice(
        form, token_purpose(PURPOSE), page.pk, hash_ip(client_ip(request)), page=page
    )
    transaction.on_commit(lambda: notify_moderators(report.pk))
    return report


def report_entry(page, request):
    return form_page(
        page,
        request,
        form_class=EntryReportForm,
        purpose=PURPOSE,
        store=lambda form: submit_report(page, form, request),
        template=TEMPLATE,
        context={"heading": _("Inhalt melden")},
    )


def thanks(page, request):
    return render_in_page(
        page,
        request,
        THANKS_TEMPLATE,
        {
            "heading": _("Danke für Deine Meldung!"),
            "retention_days": REPORT_CONTACT_RETENTION_DAYS,
        },
    )
