"""How the two development sets' reference summaries were made, and what that does to a single
default ranker (run by hand, not in tests).

    python bench/reference_style.py [--dev ../shared/eval/dev] [--limit N]

Prints three tables:

1. how often a reference lists its sentences in the article's order: a person who copies
   sentences out keeps their order, a program that ranks them lists them by score;
2. ROUGE-1 of LEAD-K and of the default ranker without its position terms, by the share of the
   article the summary takes (K / sentences): if a rule keyed to summary length could tell the
   two styles apart, the winner would change with the share within each set;
3. the default ranker with its position terms scaled from 0 to 1.5: each scale is one point on
   the trade-off between the sets.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from statistics import mean

from quality import DEV, SETS, Scores, article_scores, articles

from briefing import rank
from briefing.model import AnnotatedDocument

SHARE_EDGES = (0.0, 0.1, 0.2, 0.3, 0.5, 1.01)
SCALES = (0.0, 0.25, 0.5, 1.0, 1.5)


@contextmanager
def position_scaled(scale: float) -> Iterator[None]:
    """The default ranker's position terms multiplied by scale while the block runs."""
    names = ("POSITION_WEIGHT", "LEAD_CENTRALITY_WEIGHT")
    saved = [getattr(rank, name) for name in names]
    for name, value in zip(names, saved, strict=True):
        setattr(rank, name, value * scale)
    try:
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(rank, name, value)


def scaled_default(scale: float) -> rank.Ranker:
    def ranker(doc: AnnotatedDocument) -> list[int]:
        with position_scaled(scale):
            return rank.default_ranker(doc)

    return ranker


def reference_places(row: dict[str, str]) -> list[int]:
    """Where each reference line that is a sentence of the article stands in the article."""
    places = (row["text"].find(line.strip()) for line in row["reference"].splitlines())
    return [p for p in places if p >= 0]


def order_table(rows_by_set: dict[str, list[dict[str, str]]]) -> None:
    print("| set | references with 2+ article sentences | in article order | by chance |")
    print("| --- | ---: | ---: | ---: |")
    for name, rows in rows_by_set.items():
        places = [p for p in map(reference_places, rows) if len(p) >= 2]
        if not places:
            print(f"| {name} | 0 | - | - |")
            continue
        share = mean(float(p == sorted(p)) for p in places)
        chance = mean(1 / math.factorial(len(p)) for p in places)  # a random order of k lines
        print(f"| {name} | {len(places)} | {share:.1%} | {chance:.1%} |")


def share_table(name: str, k: int, lead: list[Scores], central: list[Scores]) -> None:
    print(f"\n{name} (K = {k}): ROUGE-1 by the share of the article the summary takes")
    print("| K / sentences | articles | LEAD | no position terms |")
    print("| --- | ---: | ---: | ---: |")
    both = list(zip(lead, central, strict=True))
    for low, high in pairwise(SHARE_EDGES):
        pairs = [(a, b) for a, b in both if low <= k / a.sentences < high]
        if pairs:
            first, second = (mean(p[i].rouge1 for p in pairs) for i in (0, 1))
            print(f"| {low:.1f}-{min(high, 1.0):.1f} | {len(pairs)} | {first:.2f} | {second:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    args = parser.parse_args()
    rows = {name: articles(args.dev / name, args.limit) for name, _ in SETS}
    order_table(rows)
    results: dict[str, dict[str, list[Scores]]] = {}
    for name, k in SETS:
        results[name] = {"lead": article_scores(rows[name], k, rank.lead)}
        for scale in SCALES:
            results[name][str(scale)] = article_scores(rows[name], k, scaled_default(scale))
        share_table(name, k, results[name]["lead"], results[name]["0.0"])
    print("\nDefault ranker with its position terms scaled (1.0 is the default), ROUGE-1 / ROUGE-2")
    print("| position scale | " + " | ".join(name for name, _ in SETS) + " |")
    print("| --- |" + " ---: |" * len(SETS))
    for label in ["lead", *map(str, SCALES)]:
        cells = [
            f"{mean(s.rouge1 for s in results[name][label]):.2f} / "
            f"{mean(s.rouge2 for s in results[name][label]):.2f}"
            for name, _ in SETS
        ]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
