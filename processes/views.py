"""The process pages' views: a process with its feedback, the requirements catalogue."""

from django.shortcuts import render

from home.topics import pages_about


def process_page(page, request):
    """A process page with its feedback (the foundation's moderated comments)."""

    def process_context():
        return {
            "overview": page.get_parent().specific,
            # "Beiträge zu diesem Prozess": pages of other apps that name this process.
            "posts_about": pages_about(page),
        }

    return page.serve_with_comments(request, process_context)


def catalogue(page, request):
    from processes.models import Requirement

    requirements = Requirement.objects.filter(locale=page.locale).select_related("process")
    return render(
        request,
        page.get_template(request),
        {**page.get_context(request), "requirements": requirements},
    )
