"""Train the extractor's learned decisions on the annotated corpus: pure, no Django.

    python -m borderwatch.sources.train [--out PATH] [--seed 0] [--loro] [FOLDER ...]

extracts every `NAME.txt` of the folders (default: the corpus's dev/; test/ is held out,
its scores honest only while nothing was fitted to it) with
the rules alone, pairs the proposed events with the annotated ones as the scorer does
(evaluate.pair_events) and fits, for every candidate of a proposed event, whether the
paired annotated event has its value (each gazetteer mention near the event: a place of
it? each nationality the text tells: the persons'?), and for every sentence no event took
that gives a time (resolved, or as an event's would be) and an event's cue or a movement,
whether an annotated event the rules missed is told there; then, extracting with those
heads, whether each event proposed is paired with an annotated one (the keep decision,
which vetoes the unlikely). The model is written to
borderwatch/sources/data/learned.json, which extract() loads once.
Deterministic: the same folders and seed give the same file. `--loro` writes nothing and
measures instead, leave one round out: each round (the letters a text's name begins with)
is scored with a model trained on the other rounds, against the rules alone.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from . import learned
from .evaluate import Report, load_answer, pair_events, published_day, read_text, score_pair
from .extract import EXTRACTOR_VERSION, extract

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "sources" / "corpus"
# named: test/ (held out) and other folders are not training material
DEFAULT_FOLDERS = (CORPUS / "dev",)
SETTINGS = {
    "threshold": 0.5,
    "l2": 1.0,
    "min_count": 3,
    "detection_threshold": 0.5,
    "detection_l2": 3.0,
    "events_threshold": 0.5,
    "events_l2": 1.0,
    "events_min_count": 4,
    "keep_threshold": 0.3,
    "keep_l2": 3.0,
    "keep_min_count": 20,
    "nationality_threshold": 0.4,
    "nationality_l2": 3.0,
    "nationality_min_count": 6,
}
# the decisions learned for every proposed event: the head's name and the answer's field
# that labels its candidates (a list's items, or a single value)
HEADS = {"places": "places", "detection": "detection", "nationality": "nationality"}
# and for every text: does a sentence no event took tell an annotated event the rules missed?
TEXT_HEADS = ("events",)
# and for every event proposed with the other heads: is it an annotated event ("keep")? It is
# fitted last, on the texts extracted with the model of the others
KEEP_HEAD = "keep"

Rows = dict[str, tuple[list[list[str]], list[int]]]


def document_rows(text_path: Path) -> Rows:
    """Features and labels of every candidate of every proposed event of one text, and of
    every sentence it left that may tell one ("events"), by head, the text extracted by
    the rules alone."""
    answer = load_answer(text_path.with_suffix(".json"))
    published = published_day(answer)
    text = read_text(text_path)
    with learned.capture(), learned.use(None):
        facts = extract(text, published)
    rows: Rows = {head: ([], []) for head in (*HEADS, *TEXT_HEADS)}
    gold = answer["events"]
    got = [e.as_dict() for e in facts.events]
    pairs = pair_events(gold, got)
    missed = [where(text, gold[gi]) for gi, pj in pairs if pj is None]
    for (start, end), feats in facts.learning:
        rows["events"][0].append(feats)
        rows["events"][1].append(int(any(start <= at < end for at in missed)))
    for gi, pj in pairs:
        if pj is None:
            continue
        for head, field_name in HEADS.items():
            value = gold[gi][field_name] if gi is not None else []
            values = set(value) if isinstance(value, list) else {value}
            for value, feats in facts.events[pj].learning[head]:
                rows[head][0].append(feats)
                rows[head][1].append(int(value in values))
    return rows


def keep_rows(text_path: Path, model: learned.Model) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every event proposed for one text by the rules and `model`
    (the other heads): is it paired with an annotated event?"""
    answer = load_answer(text_path.with_suffix(".json"))
    published = published_day(answer)
    with learned.capture(), learned.use(model):
        facts = extract(read_text(text_path), published)
    got = [e.as_dict() for e in facts.events]
    paired = {pj for gi, pj in pair_events(answer["events"], got) if gi is not None}
    return (
        [e.learning[KEEP_HEAD] for e in facts.events],
        [int(j in paired) for j in range(len(got))],
    )


def fit_keep(model: learned.Model, paths: list[Path]) -> learned.Model:
    """`model` with the keep decision added, fitted on the texts extracted with `model`."""
    rows = [keep_rows(p, model) for p in paths]
    head = learned.fit(
        [f for r in rows for f in r[0]],
        [y for r in rows for y in r[1]],
        l2=SETTINGS["keep_l2"],
        min_count=SETTINGS["keep_min_count"],
    )
    candidates = {**model.settings["candidates"], KEEP_HEAD: sum(len(r[1]) for r in rows)}
    return learned.Model(
        {**model.heads, KEEP_HEAD: head}, {**model.settings, "candidates": candidates}
    )


def where(text: str, event: dict) -> int:
    """Where an annotated event is told: its time's words, else its first place named
    (-1: neither is in the text)."""
    said = (event["when"].get("text") or "").strip()
    at = text.lower().find(said.lower()) if said else -1
    for place in event["places"]:
        if at >= 0:
            break
        at = text.find(place)
    return at


def texts(folders) -> list[Path]:
    """The annotated texts of the folders, in order."""
    return [
        p
        for folder in folders
        for p in sorted(Path(folder).glob("*.txt"))
        if p.with_suffix(".json").exists()
    ]


def fit(documents: list[Rows], *, seed: int = 0) -> learned.Model:
    """The model of every head, fitted on the documents' rows."""
    heads = {}
    candidates = {}
    for head in (*HEADS, *TEXT_HEADS):
        rows = [r for doc in documents for r in doc[head][0]]
        labels = [y for doc in documents for y in doc[head][1]]
        l2 = SETTINGS.get(f"{head}_l2", SETTINGS["l2"])
        min_count = SETTINGS.get(f"{head}_min_count", SETTINGS["min_count"])
        heads[head] = learned.fit(rows, labels, l2=l2, min_count=min_count, seed=seed)
        candidates[head] = len(rows)
    settings = {
        **SETTINGS,
        "seed": seed,
        "extractor": EXTRACTOR_VERSION,
        "texts": len(documents),
        "candidates": candidates,
    }
    return learned.Model(heads, settings)


def train(folders=DEFAULT_FOLDERS, *, seed: int = 0) -> learned.Model:
    paths = texts(folders)
    return fit_keep(fit([document_rows(p) for p in paths], seed=seed), paths)


def score(paths: list[Path], model: learned.Model | None, *reports: Report) -> None:
    """Add the scores of the texts, extracted with `model` (None: the rules alone), to
    each report."""
    with learned.use(model):
        for path in paths:
            answer = load_answer(path.with_suffix(".json"))
            published = published_day(answer)
            got = [e.as_dict() for e in extract(read_text(path), published).events]
            gold = answer["events"]
            for report in reports:
                report.documents += 1
                for gi, pj in pair_events(gold, got):
                    g = gold[gi] if gi is not None else None
                    score_pair(report, path.stem, g, got[pj] if pj is not None else None)


def round_of(path: Path) -> str:
    """A text's round: the letters its name begins with ("q07-…" is round q, "aa07-…" aa)."""
    return re.match(r"[A-Za-z]*", path.name).group()


def leave_one_round_out(folders=DEFAULT_FOLDERS, *, seed: int = 0) -> dict[str, dict]:
    """By round ("all": pooled), the reports of the rules alone, of the model trained on
    the other rounds, and of that model without each head but the first ("without
    detection": the rules decide detection)."""
    paths = texts(folders)
    rows = {p: document_rows(p) for p in paths}
    others = [*list(HEADS)[1:], *TEXT_HEADS, KEEP_HEAD]
    variants = ["rules", "learned"] + [f"without {h}" for h in others]
    pooled = {v: Report("all") for v in variants}
    result = {}
    for r in sorted({round_of(p) for p in paths}):
        held = [p for p in paths if round_of(p) == r]
        rest = [p for p in paths if round_of(p) != r]
        model = fit_keep(fit([rows[p] for p in rest], seed=seed), rest)
        result[r] = {v: Report(r) for v in variants}
        score(held, None, result[r]["rules"], pooled["rules"])
        score(held, model, result[r]["learned"], pooled["learned"])
        for h in others:
            heads = {k: v for k, v in model.heads.items() if k != h}
            without = learned.Model(heads, model.settings)
            score(held, without, result[r][f"without {h}"], pooled[f"without {h}"])
    result["all"] = pooled
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    parser.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--loro", action="store_true", help="measure; write nothing")
    args = parser.parse_args(argv)
    if args.loro:
        fields = sorted({*HEADS.values(), *TEXT_HEADS})
        result = leave_one_round_out(args.folders, seed=args.seed)
        variants = list(result["all"])
        print(f"variants: {' / '.join(variants)}")
        print(
            "round texts " + " ".join(f"{f:<{6 * len(variants) - 1}}" for f in [*fields, "micro"])
        )
        for r, reports in result.items():
            f1 = [[reports[v].fields[f].f1 for v in variants] for f in fields]
            f1.append([reports[v].micro.f1 for v in variants])
            cells = " ".join("/".join(f"{x:.3f}" for x in xs) for xs in f1)
            print(f"{r:<5} {reports['rules'].documents:>5} {cells}")
        return
    model = train(args.folders, seed=args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model.as_dict(), indent=0, sort_keys=True, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    weights = sum(len(h.weights) for h in model.heads.values())
    candidates = sum(model.settings["candidates"].values())
    print(f"{args.out}: {weights} weights from {candidates} candidates")


if __name__ == "__main__":
    main()
