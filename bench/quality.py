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

from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from briefing.rank import ALGORITHMS, rank
from briefing.read import document_from_text

DEV = Path("../shared/eval/dev")
SETS = (("cnndm.jsonl", 3), ("bbc.jsonl", 5))
MEASURES = ("rouge1", "rouge2", "rougeLsum")


def rouge(path: Path, k: int, algorithm: str, limit: int) -> tuple[float, ...]:
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    scores = []
    for row in rows[:limit] if limit else rows:
        doc = document_from_text(row["text"], id=row["id"], title=row.get("title"))
        chosen = sorted(rank(doc, algorithm)[:k])
        summary = "\n".join(doc.sentences[i].text for i in chosen)
        scores.append(scorer.score("\n".join(row["reference"].splitlines()), summary))
    return tuple(100 * mean(s[m].fmeasure for s in scores) for m in MEASURES)


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
