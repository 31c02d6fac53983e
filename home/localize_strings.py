"""Admin strings of Wagtail and wagtail-localize that the portal translates itself.

Their German catalogues say "Locale", "PO Datei" and the like, or address the editor in the
imperative. The portal's catalogue (LOCALE_PATHS) comes before every app's catalogue, so its
German for these msgids wins. They are listed here only so that makemessages keeps them.
"""

from django.utils.translation import gettext_noop

# The translation flow: submit, status panel, update, snippets.
gettext_noop("locale")
gettext_noop("Locale")
gettext_noop("Locale: ")
gettext_noop("Locales")
gettext_noop("{} locales")
gettext_noop("Available in %(translations_total)s locales")
gettext_noop("Switch locales")
gettext_noop("More actions")
gettext_noop("Translate {model_name}")
gettext_noop("Editing %(object_type)s %(title)s")
gettext_noop("Anyone can edit this %(model_name)s")
gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing")
gettext_noop("This locale cannot be synced into itself.")
gettext_noop("Synchronise content from another locale")
gettext_noop(
    "Choose a locale to synchronise content from. Any existing and future content authored "
    "in the selected locale will be automatically copied to this one."
)

# Translation files (PO) in wagtail-localize's messages.
gettext_noop("Please upload a valid PO file.")
gettext_noop("Cannot import PO file that was created for a different translation.")
gettext_noop("Successfully imported translations from PO File.")

# The status panel's schedule: Wagtail's German says "Go-Live:".
gettext_noop("Go-live:")
