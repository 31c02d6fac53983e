"""Forms of the admin shared by every app: the page editor's base form and the login form."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import TranslatableMixin
from wagtail.snippets.widgets import AdminSnippetChooser


def _limit_to_locale(form, locale):
    """Offer only the translatable things (snippets, pages) of ``locale`` in ``form``'s fields."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not issubclass(queryset.model, TranslatableMixin):
            continue
        # The check that counts: a choice from another language is refused on saving.
        field.queryset = queryset.filter(locale=locale)
        widget = field.widget
        if isinstance(widget, AdminSnippetChooser):
            # The chooser opens with its language filter set to the page's language.
            url = f"{widget.get_chooser_modal_url()}?{urlencode({'locale': locale.language_code})}"
            widget.get_chooser_modal_url = lambda url=url: url


class LocaleScopedPageForm(WagtailAdminPageForm):
    """A page form whose categories, people and linked pages come from the page's own language.

    Without it a German post offers German and English categories side by side, and its
    choosers list both languages.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.instance.locale
        _limit_to_locale(self, locale)
        for formset in self.formsets.values():
            formset.form = _locale_scoped_child_form(formset.form, locale)


def _locale_scoped_child_form(form_class, locale):
    class LocaleScopedChildForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _limit_to_locale(self, locale)

    LocaleScopedChildForm.__name__ = form_class.__name__
    return LocaleScopedChildForm


class PortalLoginForm(LoginForm):
    """Wagtail's login form with a German label for the password (Wagtail leaves it unset),
    which says in German when too many wrong passwords locked the name for this address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")

    def clean(self):
        from home.login_protection import is_locked, locked_message

        username = self.cleaned_data.get("username")
        if username and self.request is not None and is_locked(self.request, username):
            # Not even the right password gets in until the lock has passed. django-axes'
            # middleware answers a locked request with 429 (home.login_protection.locked_out).
            self.request.axes_locked_out = True
            raise ValidationError(locked_message(), code="locked")
        return super().clean()
