"""The learned part of the extractor: logistic regressions over the rules' own findings.

The rules find the events, their times and the candidate values; for some per-event
decisions a linear model trained on the annotated corpus (`python -m
borderwatch.sources.train`) decides which candidates apply. Its features are strings
(the rules' cue hits and their distance to the event's sentence, the words around them,
the rules' own decision); its weights live in data/learned.json, loaded once.

Pure: numpy and the standard library, no Django, nothing of extract.py imported.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "data" / "learned.json"

_WORDS = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


class Head:
    """One logistic regression: a bias and a weight per feature string."""

    def __init__(self, bias: float, weights: dict[str, float]):
        self.bias = bias
        self.weights = weights

    def probability(self, features: list[str] | set[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def as_dict(self) -> dict:
        return {
            "bias": round(self.bias, 4),
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
        }


class Model:
    """Heads by decision: "places", "detection", "nationality" (per event), "events" (per
    sentence), "keep" (per event proposed); `settings` their thresholds."""

    def __init__(self, heads: dict[str, Head], settings: dict | None = None):
        self.heads = heads
        self.settings = settings or {}

    def probability(self, head: str, features) -> float | None:
        h = self.heads.get(head)
        return None if h is None else h.probability(features)

    def as_dict(self) -> dict:
        return {
            "settings": self.settings,
            "heads": {name: h.as_dict() for name, h in sorted(self.heads.items())},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        heads = {n: Head(h["bias"], h["weights"]) for n, h in data["heads"].items()}
        return cls(heads, data.get("settings"))


_override: list = []
capturing = False  # set by `capture` (training): extract() keeps every candidate's features


@cache
def _load(path: str) -> Model | None:
    p = Path(path)
    if not p.exists():
        return None
    return Model.from_dict(json.loads(p.read_text(encoding="utf-8")))


def model() -> Model | None:
    """The model in use: the one set by `use` (training and its measurement), else the
    shipped data/learned.json (None when there is none: the rules decide alone)."""
    if _override:
        return _override[-1]
    return _load(str(MODEL_PATH))


class capture:
    """`with capture():` extract() keeps every candidate's features (`learning`), as
    training reads them."""

    def __enter__(self):
        global capturing
        capturing = True
        return self

    def __exit__(self, *exc):
        global capturing
        capturing = False


class use:
    """`with use(m):` extract with model `m` (None: the rules alone)."""

    def __init__(self, m: Model | None):
        self.m = m

    def __enter__(self):
        _override.append(self.m)
        return self.m

    def __exit__(self, *exc):
        _override.pop()


# --- training: L2-penalised logistic regression by Newton's method -----------------------


PRUNE_BELOW = 5e-3


def fit(
    rows: list[list[str]],
    labels: list[int],
    *,
    l2: float = 1.0,
    min_count: int = 2,
    steps: int = 50,
    seed: int = 0,
) -> Head:
    """A logistic regression on binary string features (those seen in at least
    `min_count` rows), L2-penalised, fitted by Newton's method: deterministic, `seed`
    only breaks no ties today but is kept in the model's settings."""
    import numpy as np

    counts: dict[str, int] = {}
    for row in rows:
        for f in set(row):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for r, row in enumerate(rows):
        for f in set(row):
            if f in index:
                x[r, index[f]] = 1.0
    x = np.hstack([x, np.ones((len(rows), 1))])
    y = np.asarray(labels, dtype=np.float64)
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        # Newton's method: exact and deterministic
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    b = float(w[-1])
    # a weight under 0.005 moves no probability by more than an eighth of a point: left
    # out, it keeps the shipped model small (its size is bounded by a test)
    weights = {f: float(w[i]) for f, i in index.items() if abs(w[i]) >= PRUNE_BELOW}
    return Head(float(b), weights)
