"""The processes, requirements and tools the public sees, in a language: one place for the
catalogue page, its CSV file and the API.

Requirements and tools are snippets that editors translate when they find the time: a list in
English shows the English ones and, until a translation exists, the German ones. A requirement
that belongs to a process that is not live or not public is not shown anywhere.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation

from home.localisation import in_language_with_fallback
from home.public_cache import public, shown_pages
from processes.models import ProcessPage, Requirement, Tool


def live_processes(locale=None):
    """Live, public process pages; in ``locale`` (German where no translation is live)."""
    processes = public(ProcessPage.objects.live())
    if locale is not None:
        processes = in_language_with_fallback(processes, locale)
    return processes


def in_language_with_german_fallback(snippets, locale):
    """Translatable snippets in ``locale``, plus the German ones not translated into it."""
    locale_id = getattr(locale, "pk", locale)
    translated = snippets.model.objects.filter(locale_id=locale_id).values("translation_key")
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
        translation_key__in=translated
    )
    return snippets.filter(Q(locale_id=locale_id) | untranslated)


def public_requirements(locale=None):
    """Requirements without a process or of a live, public one, by identifier."""
    requirements = Requirement.objects.filter(
        Q(process__isnull=True) | Q(process__in=public(ProcessPage.objects.live()).values("pk"))
    )
    if locale is not None:
        requirements = in_language_with_german_fallback(requirements, locale)
    return requirements.select_related("locale", "process").order_by("identifier", "pk")


def public_tools(locale=None):
    tools = Tool.objects.all()
    if locale is not None:
        tools = in_language_with_german_fallback(tools, locale)
    return tools.select_related("locale").order_by("name", "pk")


def with_process_pages(requirements, language_code):
    """The requirements, each with ``process_page``: its process in ``language_code`` (the
    German page until a translation is live), or None. One query for all of them."""
    requirements = list(requirements)
    processes = [r.process for r in requirements if r.process is not None]
    with translation.override(language_code):
        pages = shown_pages(
            ProcessPage, [p.pk for p in processes], {p.translation_key for p in processes}
        )
    for requirement in requirements:
        process = requirement.process
        requirement.process_page = pages.get(process.translation_key) if process else None
    return requirements
