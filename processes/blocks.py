"""The blocks of a process page: the method's building blocks, each with a preview."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock
from processes.scoring import MAX_SCORE, score_decision


class FunctionBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Funktion"),
        max_length=120,
        help_text=_("Als Hauptwort + Tätigkeit, z. B. „Raumanfrage beantworten“."),
    )
    purpose = blocks.TextBlock(label=_("Wozu?"), help_text=_("Was diese Funktion erreichen soll."))
    roles = blocks.CharBlock(
        label=_("Beteiligte Rollen"),
        required=False,
        max_length=250,
        help_text=_("Durch Kommas getrennt, z. B. „Büro, Vorstand, Hausmeister“."),
    )
    trigger = blocks.CharBlock(
        label=_("Auslöser"), required=False, max_length=250, help_text=_("Was sie anstößt.")
    )
    result = blocks.CharBlock(
        label=_("Ergebnis"), required=False, max_length=250, help_text=_("Was am Ende steht.")
    )
    frequency = blocks.CharBlock(
        label=_("Häufigkeit"), required=False, max_length=120, help_text=_("z. B. „10× pro Woche“")
    )
    pain_points = blocks.TextBlock(
        label=_("Was heute hakt"),
        required=False,
        help_text=_("Ein Punkt pro Zeile."),
    )

    class Meta:
        icon = "cogs"
        label = _("Funktion")
        template = "processes/blocks/function_block.html"
        preview_value = {
            "name": "Raumanfrage beantworten",
            "purpose": "Gruppen erfahren schnell, ob und zu welchen Bedingungen ein Raum frei ist.",
            "roles": "Büro, Hausmeister",
            "trigger": "Eine Anfrage per Telefon, E-Mail oder am Tresen",
            "result": "Zusage mit Preis oder ein Gegenvorschlag",
            "frequency": "etwa 15× pro Woche",
            "pain_points": "Belegung steht in drei Kalendern\nRückfragen dauern Tage",
        }

    def role_list(self, value):
        return [role.strip() for role in (value.get("roles") or "").split(",") if role.strip()]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["roles"] = self.role_list(value)
        context["pain_points"] = [
            line.strip() for line in (value.get("pain_points") or "").splitlines() if line.strip()
        ]
        return context


class StepBlock(blocks.StructBlock):
    who = blocks.CharBlock(label=_("Wer?"), max_length=80)
    what = blocks.CharBlock(label=_("Was?"), max_length=250)

    class Meta:
        icon = "arrow-right"
        label = _("Schritt")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("Schritte"), min_num=1)
    diagram = ImageChooserBlock(label=_("Ablaufdiagramm (optional)"), required=False)
    diagram_alt = blocks.CharBlock(
        label=_("Was das Diagramm zeigt"),
        required=False,
        max_length=250,
        help_text=_("Für Menschen, die das Bild nicht sehen. Nötig, wenn es ein Diagramm gibt."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Ablauf")
        template = "processes/blocks/steps_block.html"
        preview_value = {
            "heading": "So läuft eine Raumanfrage heute",
            "steps": [
                {"who": "Gruppe", "what": "ruft an oder schreibt eine E-Mail"},
                {"who": "Büro", "what": "prüft drei Kalender und fragt beim Hausmeister nach"},
                {"who": "Büro", "what": "sagt zu und schickt den Vertrag"},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("diagram") and not (value.get("diagram_alt") or "").strip():
            raise StructBlockValidationError(
                {
                    "diagram_alt": ValidationError(
                        _("Bitte beschreibt kurz, was das Diagramm zeigt.")
                    )
                }
            )
        return value


class CurrentTargetBlock(blocks.StructBlock):
    topic = blocks.CharBlock(label=_("Worum geht es?"), required=False, max_length=120)
    current = blocks.TextBlock(label=_("Heute"))
    target = blocks.TextBlock(label=_("Ziel"))

    class Meta:
        icon = "resubmit"
        label = _("Heute und Ziel")
        template = "processes/blocks/current_target_block.html"
        preview_value = {
            "topic": "Belegung der Räume",
            "current": "Die Belegung steht in einem Papierkalender, einer Tabelle und im Kopf.",
            "target": "Ein Kalender, den alle sehen und den Gruppen selbst anfragen können.",
        }


class RequirementsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    requirements = blocks.ListBlock(
        SnippetChooserBlock("processes.Requirement", label=_("Anforderung")),
        label=_("Anforderungen aus dem Katalog"),
        min_num=1,
    )

    class Meta:
        icon = "tasks"
        label = _("Anforderungen")
        template = "processes/blocks/requirements_block.html"

    def get_preview_value(self):
        from processes.models import Requirement

        return {"heading": "", "requirements": list(Requirement.objects.all()[:3])}


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Kriterium"), max_length=120)
    weight = blocks.IntegerBlock(
        label=_("Gewicht"),
        min_value=1,
        max_value=10,
        default=1,
        help_text=_("1 = nebensächlich … 10 = entscheidend."),
    )

    class Meta:
        icon = "order"
        label = _("Kriterium")


class OptionBlock(blocks.StructBlock):
    tool = SnippetChooserBlock(
        "processes.Tool",
        label=_("Werkzeug"),
        required=False,
        help_text=_("Aus dem Werkzeugkasten; oder unten einen Namen eintragen."),
    )
    name = blocks.CharBlock(
        label=_("Name (wenn kein Werkzeug gewählt)"), required=False, max_length=120
    )
    scores = blocks.ListBlock(
        blocks.IntegerBlock(min_value=0, max_value=MAX_SCORE, required=False, label=_("Punkte")),
        label=_("Punkte je Kriterium"),
        help_text=_(
            "Eine Zahl von 0 (erfüllt nicht) bis 5 (erfüllt voll) für jedes Kriterium, in der "
            "Reihenfolge der Kriterien oben. Leer lassen, was noch nicht bewertet ist."
        ),
    )
    knockout = blocks.CharBlock(
        label=_("Scheidet aus, weil …"),
        required=False,
        max_length=250,
        help_text=_("Nur ausfüllen, wenn ein K.-o.-Kriterium nicht erfüllt ist."),
    )
    chosen = blocks.BooleanBlock(label=_("Gewählt"), required=False)

    class Meta:
        icon = "tick"
        label = _("Option")


class ToolDecisionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Entscheidung"), max_length=200, help_text=_("z. B. „Womit buchen wir Räume?“")
    )
    knockout_criteria = blocks.TextBlock(
        label=_("K.-o.-Kriterien"),
        required=False,
        help_text=_("Was jede Option erfüllen muss. Ein Kriterium pro Zeile."),
    )
    criteria = blocks.ListBlock(CriterionBlock(), label=_("Gewichtete Kriterien"), min_num=1)
    options = blocks.ListBlock(OptionBlock(), label=_("Betrachtete Optionen"), min_num=1)
    rationale = blocks.TextBlock(
        label=_("Begründung"), required=False, help_text=_("Warum die gewählte Option?")
    )

    class Meta:
        icon = "pick"
        label = _("Werkzeugentscheidung")
        template = "processes/blocks/tool_decision_block.html"
        preview_value = {
            "question": "Womit buchen wir Räume?",
            "knockout_criteria": "Daten in der EU\nOhne Schulung nutzbar",
            "criteria": [
                {"name": "Einfach für Ehrenamtliche", "weight": 5},
                {"name": "Kosten", "weight": 3},
                {"name": "Offene Schnittstellen", "weight": 2},
            ],
            "options": [
                {"name": "Geteilter Kalender", "scores": [4, 5, 2], "knockout": "", "chosen": True},
                {"name": "Buchungssoftware", "scores": [3, 2, 4], "knockout": "", "chosen": False},
                {"name": "Tabellen", "scores": [2, 5, None], "knockout": "Keine Rechte je Rolle"},
            ],
            "rationale": "Der Kalender ist schnell gelernt und kostet nichts extra.",
        }

    def clean(self, value):
        value = super().clean(value)
        criteria = len(value.get("criteria") or [])
        errors = {}
        for index, option in enumerate(value.get("options") or []):
            if not option.get("tool") and not (option.get("name") or "").strip():
                errors[index] = ValidationError(_("Bitte ein Werkzeug wählen oder einen Namen."))
            elif len(option.get("scores") or []) > criteria:
                errors[index] = ValidationError(
                    _("Mehr Punkte als Kriterien: %(n)s Kriterien, also höchstens %(n)s Zahlen.")
                    % {"n": criteria}
                )
        if sum(1 for option in value.get("options") or [] if option.get("chosen")) > 1:
            raise StructBlockValidationError(
                {"options": ValidationError(_("Bitte nur eine Option als gewählt markieren."))}
            )
        if errors:
            from wagtail.blocks.list_block import ListBlockValidationError

            raise StructBlockValidationError(
                {"options": ListBlockValidationError(block_errors=errors)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["result"] = result_of(value)
        context["knockout_list"] = [
            line.strip()
            for line in (value.get("knockout_criteria") or "").splitlines()
            if line.strip()
        ]
        return context


def result_of(value):
    """The weighted totals of a tool decision block's value."""
    return score_decision(value.get("criteria") or [], value.get("options") or [])


class OutcomeBlock(blocks.StructBlock):
    measure = blocks.CharBlock(
        label=_("Was wurde gemessen?"),
        max_length=160,
        help_text=_("z. B. „Zeit für Raumanfragen pro Woche“"),
    )
    unit = blocks.CharBlock(label=_("Einheit"), max_length=40, help_text=_("z. B. „Stunden“"))
    before = blocks.DecimalBlock(label=_("Vorher"), max_digits=10, decimal_places=2)
    after = blocks.DecimalBlock(label=_("Nachher"), max_digits=10, decimal_places=2)
    note = blocks.TextBlock(label=_("Anmerkung"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Ergebnis vorher/nachher")
        template = "processes/blocks/outcome_block.html"
        preview_value = {
            "measure": "Zeit für Raumanfragen pro Woche",
            "unit": "Stunden",
            "before": Decimal("6"),
            "after": Decimal("2"),
            "note": "Gemessen über vier Wochen im Frühjahr.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["change"], context["change_percent"] = outcome_change(value)
        return context


def outcome_change(value):
    """(after − before, the change in percent of before) of an outcome; None where unknown."""
    before, after = value.get("before"), value.get("after")
    change = (after - before) if before is not None and after is not None else None
    percent = round(100 * (after - before) / before) if before and after is not None else None
    return change, percent


class VoicesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    voices = blocks.ListBlock(QuoteBlock(), label=_("Stimmen"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Stimmen")
        template = "processes/blocks/voices_block.html"
        preview_value = {
            "heading": "Was das Team sagt",
            "voices": [
                {"text": "Ich muss nicht mehr drei Kalender abgleichen.", "attribution": "Büro"},
                {
                    "text": "Wir sehen sofort, wann der Saal frei ist.",
                    "attribution": "Theatergruppe",
                },
            ],
        }


class ProcessStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    function = FunctionBlock()
    steps = StepsBlock()
    current_target = CurrentTargetBlock()
    requirements = RequirementsBlock()
    tool_decision = ToolDecisionBlock()
    outcome = OutcomeBlock()
    voices = VoicesBlock()
