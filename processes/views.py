"""The process pages' views: a process with its feedback, the requirements catalogue and its CSV."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from home.pagination import filter_query, paginate
from home.spreadsheets import formula_safe
from home.topics import pages_about
from processes.filters import RequirementFilter
from processes.queries import public_requirements, with_process_pages

CSV_DELIMITER = ";"
# A catalogue page lists this many; the CSV has them all.
CATALOGUE_PER_PAGE = 50


def process_page(page, request):
    """A process page with its feedback (the foundation's moderated comments)."""

    def process_context():
        # "Beiträge zu diesem Prozess": pages of other apps that name this process.
        return {"posts_about": pages_about(page)}

    return page.serve_with_comments(request, process_context)


def catalogue_filter(page, request):
    """The catalogue's FilterSet for this request: the page, its CSV and the API share it."""
    return RequirementFilter(
        request.GET or None, queryset=public_requirements(page.locale), locale=page.locale
    )


def catalogue(page, request):
    filters = catalogue_filter(page, request)
    requirements = paginate(request, filters.qs, CATALOGUE_PER_PAGE, past_the_end_is_404=False)
    # Only the shown requirements get their process page looked up.
    requirements.object_list = with_process_pages(
        requirements.object_list, page.locale.language_code
    )
    query = filter_query(request)
    return page.render(
        request,
        context_overrides={
            "filter_form": filters.form,
            "filters_active": filters.active_filters(),
            "requirements": requirements,
            "result_count": requirements.paginator.count,
            "filter_query": query,
            "csv_url": page.url + page.reverse_subpage("csv") + (f"?{query}" if query else ""),
        },
    )


# --- CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = (
    ("identifier", _("Kennung")),
    ("statement", _("Anforderung")),
    ("kind", _("Art")),
    ("priority", _("Priorität")),
    ("status", _("Stand")),
    ("process", _("Prozess")),
    ("function", _("Aus der Funktion")),
    ("acceptance", _("Abnahmekriterium")),
    ("language", _("Sprache")),
    ("process_url", _("Adresse des Prozesses")),
)


def spreadsheet_safe(value):
    """A cell as text a spreadsheet shows and never runs: formulas get a leading apostrophe."""
    return formula_safe("" if value is None else str(value))


def csv_row(requirement, request):
    process = requirement.process_page
    return {
        "identifier": requirement.identifier,
        "statement": requirement.statement,
        "kind": requirement.get_kind_display(),
        "priority": requirement.get_priority_display(),
        "status": requirement.get_status_display(),
        "process": process.title if process else "",
        "function": requirement.function,
        "acceptance": requirement.acceptance,
        "language": requirement.locale.language_code,
        "process_url": process.get_full_url(request) if process else "",
    }


def catalogue_csv(page, request):
    """The filtered catalogue as a CSV file German Excel opens on a double click: UTF-8 with a
    byte order mark, semicolons, CRLF, a German header row."""
    filters = catalogue_filter(page, request)
    requirements = with_process_pages(filters.qs, page.locale.language_code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([str(label) for _name, label in CSV_COLUMNS])
    for requirement in requirements:
        row = csv_row(requirement, request)
        writer.writerow([spreadsheet_safe(row[name]) for name, _label in CSV_COLUMNS])
    return response
