"""A tool decision's weighted totals: the options against the criteria, as the page shows them.

Each criterion has a weight; each option a score per criterion (0–5, in the criteria's order) or
none yet. An option's total is the sum of weight × score; a missing score counts as 0 and is
named, so a total is never presented as more complete than it is. Options that fail a knock-out
criterion keep their scores but are out of the ranking. The best total among the rest is marked;
equal best totals are a tie, and all of them are marked.
"""

from dataclasses import dataclass, field

MAX_SCORE = 5


@dataclass
class ScoredOption:
    name: str
    scores: list  # one int or None per criterion
    total: int
    max_total: int
    missing: list = field(default_factory=list)  # names of the criteria without a score
    knocked_out: str = ""
    chosen: bool = False
    best: bool = False
    tool: object = None

    @property
    def percent(self):
        return round(100 * self.total / self.max_total) if self.max_total else 0


@dataclass
class DecisionResult:
    criteria: list  # [(name, weight)]
    options: list  # [ScoredOption]
    tie: bool = False

    @property
    def chosen(self):
        return next((option for option in self.options if option.chosen), None)

    @property
    def chosen_is_best(self):
        chosen = self.chosen
        return chosen is not None and chosen.best


def _score(value):
    if value is None or value == "":
        return None
    return min(max(int(value), 0), MAX_SCORE)


def _weight(value):
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def score_decision(criteria, options):
    """``criteria``: [{"name", "weight"}]; ``options``: [{"name", "tool", "scores", "knockout",
    "chosen"}] (block values or dicts). Returns a :class:`DecisionResult`."""
    criteria = [(str(c.get("name") or ""), _weight(c.get("weight"))) for c in criteria]
    max_total = sum(weight for _name, weight in criteria) * MAX_SCORE
    scored = []
    for option in options:
        raw = list(option.get("scores") or [])
        scores = [_score(raw[i]) if i < len(raw) else None for i in range(len(criteria))]
        tool = option.get("tool")
        scored.append(
            ScoredOption(
                name=str(option.get("name") or (tool.name if tool is not None else "")),
                tool=tool,
                scores=scores,
                total=sum(w * s for (_n, w), s in zip(criteria, scores, strict=True) if s),
                max_total=max_total,
                missing=[n for (n, _w), s in zip(criteria, scores, strict=True) if s is None],
                knocked_out=str(option.get("knockout") or "").strip(),
                chosen=bool(option.get("chosen")),
            )
        )
    ranked = [option for option in scored if not option.knocked_out]
    tie = False
    if ranked and criteria:
        top = max(option.total for option in ranked)
        leaders = [option for option in ranked if option.total == top]
        for option in leaders:
            option.best = True
        tie = len(leaders) > 1
    return DecisionResult(criteria=criteria, options=scored, tie=tie)
