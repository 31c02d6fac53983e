"""E-mails about reports of entries, sent by background tasks: the moderators hear of a new
report, and a reporter who left an address hears of the decision (DSA Art. 16(5)).

Both are German, the language the moderators work in and the one the form asks in first.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from home.groups import EDITORS, MODERATORS
from home.mail import enqueue_mail, group_addresses, send_mail
from home.models import OrganisationSettings
from kulturnetz.models import EntryReport

EMAIL_TEMPLATES = "kulturnetz/email/"
REPORT_URL_NAMESPACE = "wagtailsnippets_kulturnetz_entryreport"


def report_admin_path(view_name, *args):
    return reverse(f"{REPORT_URL_NAMESPACE}:{view_name}", args=args)


def _admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def moderators():
    """Who hears of a new report: the moderators; the editors while nobody moderates."""
    return group_addresses(MODERATORS) or group_addresses(EDITORS)


def _report(report_id):
    return EntryReport.objects.filter(pk=report_id).select_related("page").first()


@task()
def send_moderators_mail(report_id):
    report = _report(report_id)
    if report is None:
        return 0
    page = report.page.specific
    with translation.override(settings.LANGUAGE_CODE):
        return send_mail(
            moderators(),
            _("Meldung zu einem Eintrag im Kulturnetz: %(title)s") % {"title": page.title},
            f"{EMAIL_TEMPLATES}entry_report_waiting",
            {
                "report": report,
                "page": page,
                "page_type": page._meta.verbose_name,
                "page_url": page.full_url or "",
                "report_url": _admin_url(report_admin_path("edit", report.pk)),
            },
        )


@task()
def send_decision_mail(report_id):
    report = _report(report_id)
    if report is None or report.is_open or not report.contact:
        return 0
    site = report.page.get_site()
    organisation = OrganisationSettings.for_site(site) if site else None
    with translation.override(settings.LANGUAGE_CODE):
        return send_mail(
            [report.contact],
            _("Deine Meldung zu „%(title)s“: unsere Entscheidung") % {"title": report.page.title},
            f"{EMAIL_TEMPLATES}entry_report_decided",
            {
                "report": report,
                "page": report.page,
                "house": organisation.name if organisation else settings.WAGTAIL_SITE_NAME,
                "house_email": organisation.email if organisation else "",
            },
        )


def notify_moderators(report_id):
    enqueue_mail(send_moderators_mail, report_id)


def notify_reporter(report_id):
    enqueue_mail(send_decision_mail, report_id)
