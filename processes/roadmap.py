"""Where the transformation stands, derived from the processes' stage histories.

Nothing here is typed by an editor a second time: a process's current stage is its latest
stage change up to today, its next step the earliest planned change after today, or for a
process in use the review a year after it arrived (or after its last review). The roadmap sorts
the next steps into now / next / later by their dates.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from processes.stages import ARRIVED, Stage, stage_position

# A next step due within this many days (or overdue) is "now"; within NEXT_DAYS "next".
NOW_DAYS = 60
NEXT_DAYS = 180
REVIEW_INTERVAL = timedelta(days=365)


@dataclass
class NextStep:
    process: object
    stage: str  # a Stage value, or "" for the review of a process in use
    due: date | None
    planned: bool  # a date an editor planned, not one derived

    @property
    def label(self):
        return Stage(self.stage).label if self.stage else _("Überprüfung")

    def overdue(self, today):
        return self.due is not None and self.due < today


def current_stage(changes, today):
    """The latest change on or before ``today`` (changes: objects with ``date`` and ``stage``)."""
    past = [change for change in changes if change.date and change.date <= today]
    if not past:
        return ""
    return max(past, key=lambda change: (change.date, stage_position(change.stage))).stage


def next_step(process, changes, today):
    """The process's next step, or None when nothing is ahead."""
    planned = sorted(
        (change for change in changes if change.date and change.date > today),
        key=lambda change: change.date,
    )
    if planned:
        return NextStep(process, planned[0].stage, planned[0].date, planned=True)
    stage = current_stage(changes, today)
    if stage in ARRIVED:
        arrived = [
            change.date for change in changes if change.stage in ARRIVED and change.date <= today
        ]
        since = max([d for d in (process.last_review, *arrived) if d], default=None)
        due = since + REVIEW_INTERVAL if since else None
        return NextStep(process, "", due, planned=False)
    following = [value for value in Stage.values if stage_position(value) > stage_position(stage)]
    if not following:
        return None
    return NextStep(process, following[0], None, planned=False)


def roadmap(processes, today):
    """{"now": [NextStep], "next": [...], "later": [...]}, each by due date (undated last).

    ``processes`` carry their changes as ``stage_changes.all()`` (prefetched).
    """
    buckets = {"now": [], "next": [], "later": []}
    for process in processes:
        step = next_step(process, list(process.stage_changes.all()), today)
        if step is None:
            continue
        if step.due is None:
            # A pilot runs now even without a date; other undated steps come later.
            stage = current_stage(list(process.stage_changes.all()), today)
            bucket = "now" if stage == Stage.PILOT else "later"
        elif step.due <= today + timedelta(days=NOW_DAYS):
            bucket = "now"
        elif step.due <= today + timedelta(days=NEXT_DAYS):
            bucket = "next"
        else:
            bucket = "later"
        buckets[bucket].append(step)
    for steps in buckets.values():
        steps.sort(key=lambda s: (s.due is None, s.due or today, s.process.title))
    return buckets


def stage_summary(processes):
    """[(stage value, label, count, percent of all)] for every stage, in order; percent of the
    processes that have a stage at all."""
    counts = {value: 0 for value in Stage.values}
    for process in processes:
        if process.current_stage in counts:
            counts[process.current_stage] += 1
    total = sum(counts.values())
    return [
        (value, Stage(value).label, count, round(100 * count / total) if total else 0)
        for value, count in counts.items()
    ]
