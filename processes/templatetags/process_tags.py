"""What the process templates need beyond Django's own tags: the stage track, due dates."""

from django import template

from processes.stages import Stage, stage_position

register = template.Library()


@register.simple_tag
def stage_track(current_stage):
    """Every stage in its order, each marked as reached, current or ahead of ``current_stage``."""
    current = stage_position(current_stage)
    return [
        {
            "value": value,
            "label": label,
            "position": position,
            "state": "current"
            if position == current
            else ("reached" if position < current else "ahead"),
        }
        for position, (value, label) in enumerate(Stage.choices, start=1)
    ]


@register.filter
def overdue(step, today):
    """Whether a roadmap step (``processes.roadmap.NextStep``) is due before ``today``."""
    return step.overdue(today)


@register.filter
def times(value, factor):
    """``value`` × ``factor`` for numbers; empty when either is missing."""
    try:
        return int(value) * int(factor)
    except (TypeError, ValueError):
        return ""


@register.filter
def at(items, index):
    """``items[index]``, or None when there is no such item."""
    try:
        return items[int(index)]
    except (IndexError, TypeError, ValueError):
        return None
