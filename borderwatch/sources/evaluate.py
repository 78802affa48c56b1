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
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from borderwatch.border.geo import gazetteer

from .extract import DETECTION_METHODS, OUTCOMES, PRECISIONS, extract

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


KINDS = ("wire", "press_release", "patrol_log", "partner_message", "feature", "court", "timeline")
AFFILIATIONS = ("Wagner Group", "armed forces", "FSB")
EVENT_KEYS = (*SCALAR_FIELDS, *LIST_FIELDS)  # an answer's event: the contract's fields
ISO2 = re.compile(r"[A-Z]{2}")


def _iso_day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _event_problems(event, where: str) -> list[str]:
    if not isinstance(event, dict):
        return [f"{where}: an event must be an object"]
    problems = [f"{where}: '{k}' is missing" for k in EVENT_KEYS if k not in event]
    problems += [f"{where}: '{k}' is not a field of an event" for k in event if k not in EVENT_KEYS]
    if event.get("role", "main") not in ("main", "previous"):
        problems.append(f"{where}: role must be 'main' or 'previous', not {event['role']!r}")
    when = event.get("when")
    if "when" in event:
        if not isinstance(when, dict):
            problems.append(f"{where}: 'when' must be an object with start, end and precision")
        else:
            precision = when.get("precision")
            start, end = when.get("start"), when.get("end")
            if precision not in PRECISIONS:
                problems.append(f"{where}: when.precision must be one of {', '.join(PRECISIONS)}")
            elif precision == "unknown":
                if start is not None or end is not None:
                    problems.append(f"{where}: an 'unknown' when has start and end null")
            elif _iso_day(start) is None or _iso_day(end) is None:
                problems.append(f"{where}: when.start and when.end must be dates (YYYY-MM-DD)")
            elif _iso_day(start) >= _iso_day(end):
                problems.append(f"{where}: when.end must be after when.start (the end is open)")
    places = event.get("places", [])
    if not isinstance(places, list):
        problems.append(f"{where}: 'places' must be a list")
    else:
        names = {p["name"] for p in gazetteer()}
        problems += [
            f"{where}: {p!r} is not a gazetteer name (the corpus README lists them)"
            for p in places
            if p not in names
        ]
        if len(set(map(str, places))) != len(places):
            problems.append(f"{where}: a place is listed twice")
    for name in ("country_entered", "country_left", "nationality"):
        value = event.get(name)
        if value is not None and not (isinstance(value, str) and ISO2.fullmatch(value)):
            problems.append(f"{where}: {name} must be an ISO 3166-1 alpha-2 code or null")
    people = event.get("people")
    if "people" in event:
        count = people.get("count") if isinstance(people, dict) else None
        if not isinstance(people, dict) or set(people) != {"count", "lower_bound"}:
            problems.append(f"{where}: 'people' must be an object with count and lower_bound")
        elif count is not None and (type(count) is not int or count < 1):
            problems.append(f"{where}: people.count must be a whole number of 1 or more, or null")
        elif not isinstance(people["lower_bound"], bool):
            problems.append(f"{where}: people.lower_bound must be true or false")
    if event.get("affiliation") not in (None, *AFFILIATIONS):
        problems.append(f"{where}: affiliation must be one of {', '.join(AFFILIATIONS)} or null")
    for name, allowed in (("detection", DETECTION_METHODS), ("outcomes", OUTCOMES)):
        values = event.get(name, [])
        if not isinstance(values, list) or any(v not in allowed for v in values):
            problems.append(f"{where}: {name} must be a list from {', '.join(allowed)}")
        elif len(set(values)) != len(values):
            problems.append(f"{where}: a value of {name} is listed twice")
    return problems


def answer_problems(answer, *, metadata: bool = True) -> list[str]:
    """What is wrong with an answer file's content (the corpus README's format); [] if
    nothing. Without `metadata`, only what scoring reads: `published` and `events`."""
    if not isinstance(answer, dict):
        return ["the answer must be a JSON object"]
    problems = []
    if answer.get("published") is not None and _iso_day(answer["published"]) is None:
        problems.append("'published' must be a date (YYYY-MM-DD) or null")
    if metadata:
        problems += _metadata_problems(answer)
    events = answer.get("events")
    if not isinstance(events, list):
        return [*problems, "'events' must be a list"]
    for i, event in enumerate(events, 1):
        problems += _event_problems(event, f"event {i}")
    if sum(1 for e in events if isinstance(e, dict) and e.get("role") == "main") > 1:
        problems.append("more than one event is 'main'")
    return problems


def _metadata_problems(answer: dict) -> list[str]:
    problems = []
    if not isinstance(answer.get("title"), str) or not answer["title"].strip():
        problems.append("'title' must be a non-empty string")
    if not isinstance(answer.get("outlet", ""), str | None):
        problems.append("'outlet' must be a string or null (empty where it is not known)")
    if answer.get("kind") not in KINDS:
        problems.append(f"'kind' must be one of {', '.join(KINDS)}")
    if not isinstance(answer.get("notes", ""), str):
        problems.append("'notes' must be a string")
    return problems


def check_folder(
    folder: Path | str, *, answers_only: bool = False, metadata: bool = True
) -> dict[str, list[str]]:
    """Every problem of the annotated texts in `folder`, by file name: answers without a
    text and texts without an answer, unreadable or empty texts, malformed answers (with
    `answers_only`, a second annotator's folder of answers: only those; without
    `metadata`, only the parts of an answer scoring reads)."""
    folder = Path(folder)
    found: dict[str, list[str]] = {}
    for path in [] if answers_only else sorted(folder.glob("*.txt")):
        if not path.with_suffix(".json").exists():
            found[path.name] = ["no answer file beside it (NAME.json)"]
            continue
        try:
            if not read_text(path).strip():
                found[path.name] = ["the text is empty"]
        except UnicodeDecodeError as e:
            found[path.name] = [f"not UTF-8 ({e.reason} at byte {e.start})"]
    for path in sorted(folder.glob("*.json")):
        if not answers_only and not path.with_suffix(".txt").exists():
            found[path.name] = ["no text beside it (NAME.txt)"]
            continue
        try:
            problems = answer_problems(load_answer(path), metadata=metadata)
        except json.JSONDecodeError as e:
            problems = [f"not JSON: {e.msg} (line {e.lineno}, column {e.colno})"]
        except UnicodeDecodeError as e:
            problems = [f"not UTF-8 ({e.reason} at byte {e.start})"]
        if problems:
            found[path.name] = problems
    return found


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
