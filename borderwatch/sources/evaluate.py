"""Scoring the extractor against annotated texts: pure, no Django.

A folder holds `NAME.txt` (the text) and `NAME.json` (the answer: `published`, `events`
as in the contract without evidence and confidence; tests/sources/corpus/README.md says
what counts). `evaluate(folder)` extracts each text with its publication date, pairs the
proposed events with the annotated ones, and counts per field:

* one-value fields (role, when, country_entered, country_left, people, nationality,
  affiliation): right (TP), wrong (FP and FN), missing (FN), extra (FP);
* list fields (places, detection, outcomes): each item;
* `events`: each annotated event found (TP), missed (FN) or proposed extra (FP).

An unpaired annotated event counts every value it has as missed; an unpaired proposed one
every value as extra. `when` compares start, end and precision; `people` count and bound.

`evaluate(folder, against=other)` scores a second annotator's answers (`other/NAME.json`)
instead of the extractor's, the same way: how far two people reading the same conventions
agree, the ceiling for any extractor scored against one of them.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .extract import extract

SCALAR_FIELDS = (
    "role",
    "when",
    "country_entered",
    "country_left",
    "people",
    "nationality",
    "affiliation",
)
LIST_FIELDS = ("places", "detection", "outcomes")
FIELDS = ("events", *SCALAR_FIELDS, *LIST_FIELDS)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    folder: str
    documents: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    confusions: list[dict] = field(default_factory=list)

    @property
    def micro(self) -> Tally:
        total = Tally()
        for tally in self.fields.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total

    def as_dict(self) -> dict:
        return {
            "folder": self.folder,
            "documents": self.documents,
            "fields": {name: t.as_dict() for name, t in self.fields.items()},
            "micro": self.micro.as_dict(),
            "confusions": self.confusions,
        }

    def table(self) -> str:
        lines = [
            f"{self.folder}: {self.documents} texts",
            f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}",
        ]
        for name, t in [*self.fields.items(), ("all (micro)", self.micro)]:
            lines.append(
                f"{name:<16} {t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f} "
                f"{t.tp:>4} {t.fp:>4} {t.fn:>4}"
            )
        return "\n".join(lines)


def value_of(event: dict, name: str):
    """One field of an event as a comparable value (None: the event says nothing)."""
    if name == "when":
        w = event["when"]
        return (w.get("start"), w.get("end"), w.get("precision"))
    if name == "people":
        p = event.get("people") or {}
        if p.get("count") is None and not p.get("lower_bound"):
            return None
        return (p.get("count"), bool(p.get("lower_bound")))
    return event.get(name)


def _pair_score(gold: dict, got: dict) -> int:
    score = 0
    g, p = value_of(gold, "when"), value_of(got, "when")
    if g == p:
        score += 3
    elif g[0] and p[0] and g[0] < p[1] and p[0] < g[1]:
        score += 2
    score += 2 * len(set(gold["places"]) & set(got["places"]))
    score += (
        value_of(gold, "people") == value_of(got, "people") and gold["people"]["count"] is not None
    )
    score += gold.get("nationality") is not None and gold.get("nationality") == got.get(
        "nationality"
    )
    return score


def pair_events(gold: list[dict], got: list[dict]) -> list[tuple[int | None, int | None]]:
    """The best one-to-one pairing (brute force for the few events of one text); pairs
    that share nothing (score below 2) stay unpaired."""
    n, m = len(gold), len(got)
    best: tuple[int, list[tuple[int, int]]] = (-1, [])
    if n == 0 or m == 0:
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    small, large = (gold, got) if n <= m else (got, gold)
    scores = [[_pair_score(gold[i], got[j]) for j in range(m)] for i in range(n)]
    for perm in itertools.permutations(range(len(large)), len(small)):
        pairs = (
            [(i, k) for i, k in enumerate(perm)] if n <= m else [(k, i) for i, k in enumerate(perm)]
        )
        pairs = [(gi, pj) for gi, pj in pairs if scores[gi][pj] >= 2]
        total = sum(scores[gi][pj] for gi, pj in pairs)
        if total > best[0]:
            best = (total, pairs)
    paired = best[1]
    done_g = {gi for gi, _ in paired}
    done_p = {pj for _, pj in paired}
    result: list[tuple[int | None, int | None]] = list(paired)
    result += [(i, None) for i in range(n) if i not in done_g]
    result += [(None, j) for j in range(m) if j not in done_p]
    return result


def score_pair(report: Report, name: str, gold: dict | None, got: dict | None) -> None:
    """Add one (annotated, proposed) pair's counts; either side may be None."""
    label = {"document": name}
    if gold is not None:
        label["event"] = f"{gold['role']} {gold['when'].get('text') or gold['when'].get('start')}"
    elif got is not None:
        label["event"] = (
            f"extra {got['role']} {got['when'].get('text') or got['when'].get('start')}"
        )
    events = report.fields["events"]
    if gold is not None and got is not None:
        events.tp += 1
    elif gold is not None:
        events.fn += 1
        report.confusions.append({**label, "field": "events", "missed": gold["when"]})
    else:
        events.fp += 1
        report.confusions.append({**label, "field": "events", "extra": got["when"]})
    for f in SCALAR_FIELDS:
        g = value_of(gold, f) if gold is not None else None
        p = value_of(got, f) if got is not None else None
        tally = report.fields[f]
        if g is not None and g == p:
            tally.tp += 1
            continue
        if g is not None:
            tally.fn += 1
        if p is not None:
            tally.fp += 1
        if gold is not None and got is not None and (g is not None or p is not None):
            report.confusions.append({**label, "field": f, "expected": g, "got": p})
    for f in LIST_FIELDS:
        g = set(gold[f]) if gold is not None else set()
        p = set(got[f]) if got is not None else set()
        tally = report.fields[f]
        tally.tp += len(g & p)
        tally.fn += len(g - p)
        tally.fp += len(p - g)
        if gold is not None and got is not None and g != p:
            report.confusions.append(
                {**label, "field": f, "missed": sorted(g - p), "extra": sorted(p - g)}
            )


def load_answer(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def published_day(answer: dict) -> date | None:
    """The publication day an answer gives (passed to extract as --published), or None."""
    published = answer.get("published")
    return date.fromisoformat(published) if published else None


def read_text(path: Path) -> str:
    """A corpus text as read: UTF-8 (a BOM is dropped), line endings kept."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return f.read()


def evaluate(
    folder: Path | str, *, with_ner: bool = False, against: Path | str | None = None
) -> Report:
    """Score the extractor on every NAME.txt with a NAME.json in `folder`; with `against`,
    score the answers `against/NAME.json` instead (texts without one are left out)."""
    folder = Path(folder)
    report = Report(folder=str(folder))
    for text_path in sorted(folder.glob("*.txt")):
        answer_path = text_path.with_suffix(".json")
        if not answer_path.exists():
            continue
        answer = load_answer(answer_path)
        if against is not None:
            other = Path(against) / answer_path.name
            if not other.exists():
                continue
            got = load_answer(other)["events"]
        else:
            published = published_day(answer)
            got = extract(read_text(text_path), published, with_ner=with_ner).as_dict()["events"]
        report.documents += 1
        gold = answer["events"]
        for gi, pj in pair_events(gold, got):
            score_pair(
                report,
                text_path.stem,
                gold[gi] if gi is not None else None,
                got[pj] if pj is not None else None,
            )
    return report
