"""ROUGE of every ranker in the registry on the development sets (run by hand, not in tests).

    python bench/quality.py [--limit N] [--algorithms default,lead,...]

Scores as ../shared/tools/score.py does: top K sentences (K=3 on CNN, 5 on BBC) in text order,
joined by newlines, ROUGE-1/2/Lsum F1 with Porter stemming against the reference.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from statistics import mean
from typing import NamedTuple

from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from briefing.annotate import annotate
from briefing.rank import ALGORITHMS, Ranker, get_ranker
from briefing.read import document_from_text

DEV = Path("../shared/eval/dev")
SETS = (("cnndm.jsonl", 3), ("bbc.jsonl", 5))
MEASURES = ("rouge1", "rouge2", "rougeLsum")


class Scores(NamedTuple):
    sentences: int  # in the article, as the project splits it
    rouge1: float
    rouge2: float
    rougeLsum: float


def articles(path: Path, limit: int = 0) -> list[dict[str, str]]:
    """The development records of one set (the first `limit` of them when limit > 0)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def article_scores(rows: list[dict[str, str]], k: int, ranker: Ranker) -> list[Scores]:
    """Per-article ROUGE F1 × 100 of the top k sentences the ranker picks, in text order."""
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    out = []
    for row in rows:
        doc = document_from_text(row["text"], id=row["id"], title=row.get("title"))
        chosen = sorted(ranker(annotate(doc))[:k])
        summary = "\n".join(doc.sentences[i].text for i in chosen)
        score = scorer.score("\n".join(row["reference"].splitlines()), summary)
        out.append(Scores(len(doc.sentences), *(100 * score[m].fmeasure for m in MEASURES)))
    return out


def rouge(path: Path, k: int, algorithm: str, limit: int) -> tuple[float, ...]:
    scores = article_scores(articles(path, limit), k, get_ranker(algorithm))
    return tuple(mean(getattr(s, m) for s in scores) for m in MEASURES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    print("| algorithm | CNN R-1 | CNN R-2 | CNN R-L | BBC R-1 | BBC R-2 | BBC R-L |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for algorithm in args.algorithms.split(","):
        cells = [
            f"{x:.2f}" for name, k in SETS for x in rouge(args.dev / name, k, algorithm, args.limit)
        ]
        print(f"| {algorithm} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
