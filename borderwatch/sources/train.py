"""Train the extractor's learned decisions on the annotated corpus: pure, no Django.

    python -m borderwatch.sources.train [--out PATH] [--seed 0] [FOLDER ...]

extracts every `NAME.txt` of the folders (default: the corpus's dev/; test/ is held out,
its scores honest only while nothing was fitted to it) with
the rules alone, pairs the proposed events with the annotated ones as the scorer does
(evaluate.pair_events) and fits, for every gazetteer mention near a proposed event,
whether it is a place of that event (the paired annotated event names it). The model is
written to borderwatch/sources/data/learned.json, which extract() loads once.
Deterministic: the same folders and seed give the same file.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from . import learned
from .evaluate import load_answer, pair_events, read_text
from .extract import EXTRACTOR_VERSION, extract

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "sources" / "corpus"
# named: test/ (held out) and other folders are not training material
DEFAULT_FOLDERS = (CORPUS / "dev",)
SETTINGS = {"threshold": 0.5, "l2": 1.0, "min_count": 2}


def place_rows(folders) -> tuple[list[list[str]], list[int], list[str]]:
    """Features and labels of every place candidate of every proposed event, with the
    names of the texts read."""
    rows: list[list[str]] = []
    labels: list[int] = []
    names: list[str] = []
    learned.capturing = True
    try:
        with learned.use(None):
            for folder in folders:
                for text_path in sorted(Path(folder).glob("*.txt")):
                    answer_path = text_path.with_suffix(".json")
                    if not answer_path.exists():
                        continue
                    answer = load_answer(answer_path)
                    published = answer.get("published")
                    published = date.fromisoformat(published) if published else None
                    facts = extract(read_text(text_path), published)
                    names.append(text_path.stem)
                    gold = answer["events"]
                    got = [e.as_dict() for e in facts.events]
                    for gi, pj in pair_events(gold, got):
                        if pj is None:
                            continue
                        places = set(gold[gi]["places"]) if gi is not None else set()
                        for value, feats in facts.events[pj].learning["places"]:
                            rows.append(feats)
                            labels.append(int(value in places))
    finally:
        learned.capturing = False
    return rows, labels, names


def train(folders=DEFAULT_FOLDERS, *, seed: int = 0) -> learned.Model:
    rows, labels, names = place_rows(folders)
    head = learned.fit(rows, labels, l2=SETTINGS["l2"], min_count=SETTINGS["min_count"], seed=seed)
    settings = {
        **SETTINGS,
        "seed": seed,
        "extractor": EXTRACTOR_VERSION,
        "texts": len(names),
        "candidates": len(rows),
    }
    return learned.Model({"places": head}, settings)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    parser.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    model = train(args.folders, seed=args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model.as_dict(), indent=0, sort_keys=True, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    weights = sum(len(h.weights) for h in model.heads.values())
    print(f"{args.out}: {weights} weights from {model.settings['candidates']} candidates")


if __name__ == "__main__":
    main()
