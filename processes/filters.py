"""What a visitor narrows the requirements catalogue to: process, kind, priority, status, words.

One FilterSet serves the catalogue page, its CSV file and the API, so all three always agree.
A process is named by its slug in the catalogue's language and matched by translation key, so
an English catalogue finds requirements that still point at the German process page. Values
that name nothing are left out of the filtering and reported at their field, never a 500.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.public_cache import cached
from home.search import SEARCH_QUERY_MAX_LENGTH, clean_query
from processes.models import Requirement
from processes.queries import live_processes

NOT_A_CHOICE = {
    "invalid_choice": _("Diese Auswahl gibt es nicht, der Filter wird nicht angewendet.")
}
SEARCH_LOOKUPS = ("identifier", "statement", "function", "acceptance")


class RequirementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suche"),
        method="filter_search",
        max_length=SEARCH_QUERY_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Bitte höchstens %(limit_value)d Zeichen, die Suche ist nicht angewendet."
            )
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    prozess = django_filters.ChoiceFilter(
        label=_("Prozess"),
        method="filter_process",
        empty_label=_("Alle"),
        error_messages=NOT_A_CHOICE,
    )
    art = django_filters.ChoiceFilter(
        label=_("Art"),
        field_name="kind",
        choices=Requirement.Kind.choices,
        empty_label=_("Alle"),
        error_messages=NOT_A_CHOICE,
    )
    prioritaet = django_filters.ChoiceFilter(
        label=_("Priorität"),
        field_name="priority",
        choices=Requirement.Priority.choices,
        empty_label=_("Alle"),
        error_messages=NOT_A_CHOICE,
    )
    stand = django_filters.ChoiceFilter(
        label=_("Stand"),
        field_name="status",
        choices=Requirement.Status.choices,
        empty_label=_("Alle"),
        error_messages=NOT_A_CHOICE,
    )

    class Meta:
        model = Requirement
        fields = ["q", "prozess", "art", "prioritaet", "stand"]

    def __init__(self, data=None, queryset=None, *, locale, **kwargs):
        self.locale = locale
        super().__init__(data, queryset=queryset, **kwargs)
        # Slug → translation key of the live, public processes in the catalogue's language
        # (one query per language and content generation, kept in the shared cache; the select
        # shows them by title). Two processes with one slug (two sites) are one choice: the
        # first by title.
        locale_id = getattr(locale, "pk", locale)
        processes = cached(
            f"processes:process-choices:{locale_id}",
            lambda: list(
                live_processes(locale)
                .order_by("title", "pk")
                .values_list("slug", "title", "translation_key")
            ),
        )
        self.process_keys = {}
        choices = []
        for slug, title, key in processes:
            if slug not in self.process_keys:
                self.process_keys[slug] = key
                choices.append((slug, title))
        self.filters["prozess"].extra["choices"] = choices

    @property
    def qs(self):
        return super().qs.order_by("identifier", "pk")

    def filter_process(self, requirements, name, value):
        key = self.process_keys.get(value)
        return requirements.filter(process__translation_key=key) if key else requirements

    def filter_search(self, requirements, name, value):
        condition = Q()
        for word in clean_query(value).split():
            word_condition = Q()
            for lookup in SEARCH_LOOKUPS:
                word_condition |= Q(**{f"{lookup}__icontains": word})
            condition &= word_condition
        return requirements.filter(condition)

    def active_filters(self):
        """Whether any filter narrows the list (or a value was refused)."""
        if not self.is_bound:
            return False
        self.form.is_valid()
        return any(value not in (None, "") for value in self.form.cleaned_data.values()) or bool(
            self.form.errors
        )
