"""Benchmark of report extraction: documents per second per core, and the share of the time
spent outside spaCy's own pipeline (normalising, the rules, assembling events).

    .venv/bin/python bench/extraction.py [--rounds N] [--with-ner] [--out FILE]

Runs in one process on one core (the extractor is single-threaded; more cores mean more
worker processes). Every text of the annotated corpus is extracted `rounds` times after a
warm-up; CPU time (time.process_time) is what "per core" divides by, so a busy machine
does not lower the figure much; wall time is reported beside it. Then one long report of
100 corpus texts and one of 400 are extracted once each: their time per word should stay
about the same (the ratio near 1). Writes bench/results/extraction.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from borderwatch.sources import extract as extractor  # noqa: E402 (after the path is set)
from borderwatch.sources.evaluate import load_answer, published_day, read_text  # noqa: E402

CORPUS = ROOT / "tests" / "sources" / "corpus"


def corpus() -> list[tuple[str, date | None]]:
    docs = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        answer = load_answer(path.with_suffix(".json"))
        docs.append((read_text(path), published_day(answer)))
    return docs


def run(docs, rounds: int, with_ner: bool) -> dict:
    load_began = time.perf_counter()
    extractor.pipeline(with_ner)
    load_seconds = time.perf_counter() - load_began
    for text, published in docs:  # warm-up: dateparser's data, caches
        extractor.extract(text, published, with_ner=with_ner)
    per_round = []
    timings: dict = {}
    cpu_began, wall_began = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        round_began = time.process_time()
        for text, published in docs:
            extractor.extract(text, published, with_ner=with_ner, timings=timings)
        per_round.append(len(docs) / (time.process_time() - round_began))
    cpu = time.process_time() - cpu_began
    wall = time.perf_counter() - wall_began
    n = len(docs) * rounds
    words = sum(len(text.split()) for text, _ in docs) * rounds
    return {
        "pipeline": "tokenizer, senter, gazetteer ruler" + (", ner" if with_ner else ""),
        "documents": n,
        "words_per_document": round(words / n, 1),
        "docs_per_cpu_second": round(n / cpu, 1),
        "docs_per_cpu_second_median_round": round(statistics.median(per_round), 1),
        "docs_per_wall_second": round(n / wall, 1),
        "words_per_cpu_second": round(words / cpu),
        "ms_per_document": round(1000 * cpu / n, 2),
        "share_outside_spacy": round(1 - timings["spacy"] / timings["total"], 3),
        # wall-clock split of the same runs (extract's own timings)
        "spacy_wall_ms_per_document": round(1000 * timings["spacy"] / n, 2),
        "rules_wall_ms_per_document": round(1000 * (timings["total"] - timings["spacy"]) / n, 2),
        "model_load_seconds": round(load_seconds, 2),
    }


def scaling(docs, small: int = 100, large: int = 400) -> dict:
    """One long report made of `small` corpus texts and one of `large` (a year's log export,
    a long PDF), each extracted once: CPU time per thousand words, and the large one's over
    the small one's (1.0: time grows with the text's length; 4.0 at 4 times the length:
    with its square)."""
    texts = ["\n\n".join(text for text, _ in docs[:n]) for n in (small, large)]
    extractor.extract(texts[0], date(2025, 6, 1))  # warm-up
    per_word = []
    result: dict = {}
    for name, text in zip(("small", "large"), texts, strict=True):
        began = time.process_time()
        extractor.extract(text, date(2025, 6, 1))
        seconds = time.process_time() - began
        words = len(text.split())
        per_word.append(seconds / words)
        result[f"{name}_words"] = words
        result[f"{name}_cpu_seconds"] = round(seconds, 2)
        result[f"{name}_ms_per_1000_words"] = round(1e6 * seconds / words, 1)
    result["large_over_small_per_word"] = round(per_word[1] / per_word[0], 2)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--with-ner", action="store_true", help="also measure with the NER")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction.json"))
    args = parser.parse_args(argv)
    docs = corpus()
    article = read_text(ROOT / "borderwatch" / "scenario" / "article.txt")
    results = {
        "default": run(docs, args.rounds, False),
        # one long wire story (the founding article, ~360 words) repeated like the corpus
        "default_long": run([(article, date(2025, 8, 25))] * len(docs), args.rounds, False),
    }
    long_report = scaling(docs)
    if args.with_ner:
        results["with_ner"] = run(docs, max(1, args.rounds // 4), True)
        results["with_ner_long"] = run(
            [(article, date(2025, 8, 25))] * len(docs), max(1, args.rounds // 4), True
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    body = {
        "benchmark": "report extraction (borderwatch/sources/extract.py)",
        "extractor": extractor.EXTRACTOR_VERSION,
        "corpus": f"{len(docs)} texts of tests/sources/corpus (dev and test)",
        "rounds": args.rounds,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "load_average_1min": round(load, 2) if load is not None else None,
        "target_docs_per_cpu_second": 50,
        "results": results,
        "long_report": long_report,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    for name, r in results.items():
        print(
            f"{name:<14} {r['docs_per_cpu_second']:>7.1f} docs/s per core "
            f"({r['ms_per_document']} ms/doc, {r['words_per_document']} words/doc; "
            f"wall {r['docs_per_wall_second']} docs/s); outside spaCy "
            f"{100 * r['share_outside_spacy']:.1f}%"
        )
    print(
        f"long report    {long_report['small_words']} words "
        f"{long_report['small_ms_per_1000_words']} ms per 1000 words, "
        f"{long_report['large_words']} words {long_report['large_ms_per_1000_words']}: "
        f"x{long_report['large_over_small_per_word']} per word"
    )
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
