"""The weighted totals of a tool decision and the roadmap derived from stage histories."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from processes import roadmap
from processes.scoring import score_decision
from processes.stages import Stage

pytestmark = pytest.mark.feature_app("processes")

CRITERIA = [{"name": "Einfach", "weight": 5}, {"name": "Kosten", "weight": 3}]


def option(name, scores, knockout="", chosen=False):
    return {"name": name, "scores": scores, "knockout": knockout, "chosen": chosen}


def test_totals_are_weighted_sums_and_the_best_is_marked():
    result = score_decision(CRITERIA, [option("A", [4, 5]), option("B", [5, 1], chosen=True)])
    a, b = result.options
    assert (a.total, b.total) == (5 * 4 + 3 * 5, 5 * 5 + 3 * 1)
    assert a.max_total == b.max_total == (5 + 3) * 5
    assert a.percent == round(100 * 35 / 40)
    assert a.best and not b.best and not result.tie
    assert result.chosen is b and not result.chosen_is_best


def test_equal_best_totals_are_a_tie_and_both_are_marked():
    result = score_decision(
        CRITERIA, [option("A", [3, 5]), option("B", [6, 0]), option("C", [0, 0])]
    )
    # 6 is clamped to the scale's 5: B = 25, A = 15 + 15 = 30.
    assert [o.total for o in result.options] == [30, 25, 0]
    result = score_decision(CRITERIA, [option("A", [3, 0]), option("B", [0, 5])])
    assert [o.total for o in result.options] == [15, 15]
    assert result.tie and all(o.best for o in result.options)


def test_missing_scores_count_as_zero_and_are_named():
    result = score_decision(CRITERIA, [option("A", [4]), option("B", [None, 2]), option("C", [])])
    a, b, c = result.options
    assert (a.total, a.missing) == (20, ["Kosten"])
    assert (b.total, b.missing) == (6, ["Einfach"])
    assert (c.total, c.missing) == (0, ["Einfach", "Kosten"])
    assert a.scores == [4, None]


def test_knocked_out_options_keep_their_scores_but_are_not_ranked():
    result = score_decision(
        CRITERIA, [option("A", [5, 5], knockout="Daten in den USA"), option("B", [1, 1])]
    )
    a, b = result.options
    assert a.total == 40 and a.knocked_out == "Daten in den USA" and not a.best
    assert b.best and not result.tie


def test_no_criteria_or_no_options_give_empty_results_not_errors():
    assert score_decision([], [option("A", [1, 2])]).options[0].total == 0
    assert score_decision(CRITERIA, []).options == []
    weird = score_decision([{"name": "X", "weight": None}], [option("A", ["3"])])
    assert weird.options[0].total == 0 and weird.options[0].scores == [3]


@dataclass
class Change:
    stage: str
    date: date


@dataclass
class Process:
    title: str
    changes: list
    last_review: date | None = None
    current_stage: str = ""
    stage_changes: object = field(default=None)

    def __post_init__(self):
        changes = self.changes

        class Manager:
            def all(self):
                return changes

        self.stage_changes = Manager()


TODAY = date(2026, 11, 29)


def days(n):
    return TODAY + timedelta(days=n)


def test_the_current_stage_is_the_latest_reached_not_a_planned_one():
    changes = [
        Change(Stage.ANALYSED, days(-100)),
        Change(Stage.FUNCTIONS, days(-10)),
        Change(Stage.REQUIREMENTS, days(20)),
    ]
    assert roadmap.current_stage(changes, TODAY) == Stage.FUNCTIONS
    assert roadmap.current_stage(changes, days(20)) == Stage.REQUIREMENTS
    assert roadmap.current_stage([Change(Stage.ANALYSED, days(5))], TODAY) == ""
    # Two changes on one day: the further stage counts.
    same_day = [Change(Stage.PILOT, days(-1)), Change(Stage.PLATFORM, days(-1))]
    assert roadmap.current_stage(same_day, TODAY) == Stage.PILOT


def test_roadmap_buckets_come_from_planned_dates_and_reviews():
    processes = [
        Process("Bald", [Change(Stage.ANALYSED, days(-30)), Change(Stage.FUNCTIONS, days(30))]),
        Process(
            "Überfällig",
            [
                Change(Stage.ANALYSED, days(-90)),
                Change(Stage.FUNCTIONS, days(-80)),
                Change(Stage.REQUIREMENTS, days(-1)),
            ],
        ),
        Process("Frühling", [Change(Stage.ANALYSED, days(-30)), Change(Stage.PLATFORM, days(120))]),
        Process("Irgendwann", [Change(Stage.ANALYSED, days(-30))]),
        Process("Pilot", [Change(Stage.PILOT, days(-5))]),
        Process("Im Einsatz", [Change(Stage.IN_USE, days(-340))]),
        Process(
            "Überprüft",
            [Change(Stage.IN_USE, days(-400)), Change(Stage.REVIEWED, days(-100))],
            last_review=days(-50),
        ),
        Process("Weit weg", [Change(Stage.ANALYSED, days(-3)), Change(Stage.FUNCTIONS, days(400))]),
    ]
    buckets = roadmap.roadmap(processes, TODAY)
    titles = {name: [step.process.title for step in steps] for name, steps in buckets.items()}
    # "Überfällig" has no planned date left: its next stage is undated, so it is later.
    assert titles["now"] == ["Im Einsatz", "Bald", "Pilot"]
    assert titles["next"] == ["Frühling"]
    assert titles["later"] == ["Überprüft", "Weit weg", "Irgendwann", "Überfällig"]
    steps = {step.process.title: step for steps in buckets.values() for step in steps}
    assert steps["Bald"].stage == Stage.FUNCTIONS and steps["Bald"].planned
    assert steps["Im Einsatz"].stage == "" and steps["Im Einsatz"].due == days(25)
    assert str(steps["Im Einsatz"].label) == "Überprüfung"
    # The last review (50 days ago) counts from when it was, not from the stage change.
    assert steps["Überprüft"].due == days(315)
    assert steps["Irgendwann"].stage == Stage.FUNCTIONS and steps["Irgendwann"].due is None


def test_a_process_at_the_last_stage_without_review_date_has_an_undated_review():
    step = roadmap.next_step(Process("X", []), [Change(Stage.REVIEWED, days(-1))], TODAY)
    assert step.stage == "" and step.due == days(364)
    assert roadmap.next_step(Process("Y", []), [], TODAY).stage == Stage.ANALYSED


def test_stage_summary_counts_every_stage_in_order():
    processes = [
        Process("a", [], current_stage=Stage.PILOT),
        Process("b", [], current_stage=Stage.PILOT),
        Process("c", [], current_stage=Stage.IN_USE),
        Process("d", [], current_stage=""),
    ]
    summary = roadmap.stage_summary(processes)
    assert [row[0] for row in summary] == Stage.values
    counts = {row[0]: (row[2], row[3]) for row in summary}
    assert counts[Stage.PILOT] == (2, 67) and counts[Stage.IN_USE] == (1, 33)
    assert counts[Stage.ANALYSED] == (0, 0)
