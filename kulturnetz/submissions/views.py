"""The routes of the public forms: show, check, store, and redirect to a thank-you page.

A refused or invalid form comes back with status 400, what was typed kept, the errors at the
fields and a new start time (post/redirect/get as the comment form does).
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.form_protection import FormRefused
from kulturnetz.models.submissions import SUBMISSION_RETENTION_DAYS
from kulturnetz.reference import privacy_url
from kulturnetz.submissions import review
from kulturnetz.submissions.forms import (
    ActorEntryForm,
    EventForm,
    VenueEntryForm,
    change_form_class,
)

TEMPLATE = "kulturnetz/submissions/form.html"
THANKS_TEMPLATE = "kulturnetz/submissions/thanks.html"


def _heading(kind, page):
    if kind == "actor":
        return _("Kulturaktive vorschlagen")
    if kind == "venue":
        return _("Spielstätte vorschlagen")
    if kind == "event":
        return _("Veranstaltung melden")
    return _("Änderung vorschlagen: %(title)s") % {"title": page.title}


def render_in_page(page, request, template, context, status=200):
    """A form or thanks within the page's frame; what the page itself lists (its dates, its
    directory) is not needed around a form, so only Wagtail's base context is built."""
    request.is_preview = getattr(request, "is_preview", False)
    context = {**Page.get_context(page, request), **context}
    return TemplateResponse(request, template, context, status=status)


def _model_errors(form, error):
    """A page's own validation (on save) shown at the form's fields, or above the form."""
    for field, messages in getattr(error, "message_dict", {None: error.messages}).items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def form_page(page, request, *, form_class, purpose, store, template, context, form_kwargs=None):
    """The route of one public form on ``page``: show it, or check and ``store(form)`` what was
    sent and redirect to the route ``<purpose>_thanks``."""
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                store(form)
            except FormRefused as refused:
                form.refuse(refused)
            except ValidationError as error:
                _model_errors(form, error)
            else:
                return HttpResponseRedirect(page.route_url(f"{purpose}_thanks"))
        form.renew_token(review.form_token(purpose, page))
        status = 400
    else:
        form = form_class(initial={"started": review.form_token(purpose, page)}, **form_kwargs)
        status = 200
    return render_in_page(
        page,
        request,
        template,
        {
            "form": form,
            "privacy_url": privacy_url(request),
            "form_url": page.route_url(purpose),
            **context,
        },
        status=status,
    )


def _form_page(page, request, *, form_class, purpose, store, kind, form_kwargs=None):
    return form_page(
        page,
        request,
        form_class=form_class,
        purpose=purpose,
        store=store,
        template=TEMPLATE,
        context={"kind": kind, "heading": _heading(kind, page)},
        form_kwargs={"locale": page.locale, **(form_kwargs or {})},
    )


def thanks(page, request, kind):
    heading = _("Danke für Deine Meldung!") if kind == "event" else _("Danke für Deinen Vorschlag!")
    return render_in_page(
        page,
        request,
        THANKS_TEMPLATE,
        {"kind": kind, "heading": heading, "retention_days": SUBMISSION_RETENTION_DAYS},
    )


def suggest_actor(index, request):
    return _form_page(
        index,
        request,
        form_class=ActorEntryForm,
        purpose="suggest",
        kind="actor",
        store=lambda form: review.submit_new_page(index, form, request, "suggest"),
    )


def suggest_venue(index, request):
    return _form_page(
        index,
        request,
        form_class=VenueEntryForm,
        purpose="suggest",
        kind="venue",
        store=lambda form: review.submit_new_page(index, form, request, "suggest"),
    )


def report_event(calendar, request):
    return _form_page(
        calendar,
        request,
        form_class=EventForm,
        purpose="report",
        kind="event",
        store=lambda form: review.submit_new_page(calendar, form, request, "report"),
    )


def suggest_change(page, request):
    source = review.in_default_language(page)
    return _form_page(
        page,
        request,
        form_class=change_form_class(type(source)),
        purpose="change",
        kind="change",
        store=lambda form: review.submit_change(page, form, request),
        form_kwargs={"page": source},
    )
