"""The stages a process goes through in the centre's method, in their order."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    ANALYSED = "analysed", _("Analysiert")
    FUNCTIONS = "functions", _("Funktionen beschrieben")
    REQUIREMENTS = "requirements", _("Anforderungen festgelegt")
    PLATFORM = "platform", _("Plattform gewählt")
    PILOT = "pilot", _("Pilotbetrieb")
    IN_USE = "in_use", _("In Nutzung")
    REVIEWED = "reviewed", _("Überprüft")


STAGE_ORDER = {value: position for position, value in enumerate(Stage.values)}
# From here on a process has arrived; before it, it is being worked on.
ARRIVED = {Stage.IN_USE, Stage.REVIEWED}


def stage_position(stage):
    """1 for the first stage … 7 for the last; 0 for none."""
    return STAGE_ORDER[stage] + 1 if stage in STAGE_ORDER else 0


class ProcessKind(models.TextChoices):
    MANAGEMENT = "management", _("Führungsprozess")
    CORE = "core", _("Kernprozess")
    SUPPORT = "support", _("Unterstützungsprozess")


class Audience(models.TextChoices):
    INTERNAL = "internal", _("Intern (für das Team)")
    EXTERNAL = "external", _("Extern (für Publikum und Partner)")


# The process map's headings for each kind, and what the kind means, for visitors.
KIND_HEADINGS = {
    ProcessKind.MANAGEMENT: (_("Führungsprozesse"), _("Steuern, planen, entscheiden.")),
    ProcessKind.CORE: (_("Kernprozesse"), _("Wofür es das Haus gibt: Kultur und Begegnung.")),
    ProcessKind.SUPPORT: (_("Unterstützungsprozesse"), _("Was die anderen möglich macht.")),
}
