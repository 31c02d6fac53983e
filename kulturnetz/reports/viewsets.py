"""The admin's "Meldungen zu Einträgen": the reports of directory entries, and the decision.

Moderators and editors (their groups' permissions: kulturnetz/wagtail_hooks.py) see the list,
filtered by decision and reason, with the reported entry linked; a report's edit view is where
the decision is recorded with a note (decisions.py). What the visitor wrote is shown, never
edited, and autoescaped everywhere. Nobody adds a report in the admin.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import StatusTagColumn, TitleColumn
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from home.admin_access import notice_columns, notice_decision_panels
from kulturnetz.models import EntryReport
from kulturnetz.reports.decisions import record_decision


def page_edit_url(report):
    return reverse("wagtailadmin_pages:edit", args=(report.page_id,))


class EntryReportEditView(EditView):
    """A report as the visitor sent it, the reported entry, and the form of the decision."""

    def get_object(self, queryset=None):
        queryset = EntryReport.objects.select_related("page", "decided_by")
        return super().get_object(queryset)

    def save_instance(self):
        # The form has set the new status on the object already: the old one is in the database.
        previous = EntryReport.objects.values_list("status", flat=True).get(pk=self.object.pk)
        report = super().save_instance()
        return record_decision(report, previous, self.request.user)

    def get_success_message(self):
        report = self.object
        if report.status == EntryReport.Status.REMOVED:
            return _("Entscheidung gespeichert: „%(title)s“ ist nicht mehr online.") % {
                "title": report.page.title
            }
        return _("Entscheidung gespeichert: %(decision)s.") % {
            "decision": report.get_status_display()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object.page
        context.update(
            reported_page=page,
            reported_page_type=page.specific_class._meta.verbose_name
            if page.specific_class
            else "",
            reported_page_url=page.get_url(request=self.request) if page.live else "",
            reported_page_edit_url=page_edit_url(self.object),
        )
        return context


class EntryReportViewSet(SnippetViewSet):
    model = EntryReport
    icon = "warning"
    menu_label = gettext_lazy("Meldungen zu Einträgen")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None  # not indexed: plain database search
    search_fields = ["explanation"]
    ordering = "-created_at"
    list_per_page = 25
    list_filter = ["status", "reason"]
    edit_view_class = EntryReportEditView
    edit_template_name = "kulturnetz/admin/entry_report_edit.html"
    list_display = notice_columns(
        TitleColumn(
            "page",
            label=gettext_lazy("Gemeldeter Eintrag"),
            accessor=lambda report: report.page.title,
            get_url=page_edit_url,
            sort_key="page__title",
        ),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Entscheidung"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda report: report.is_open,
        ),
    )
    panels = notice_decision_panels()

    def get_queryset(self, request):
        return EntryReport.objects.select_related("page")
