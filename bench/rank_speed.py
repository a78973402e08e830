"""Ranking speed on long texts: sumy's LexRank, TextRank and Reduction beside the project's, and
the whole briefing, for documents of 100 to 6,400 sentences built from development articles.

    python bench/rank_speed.py [../shared/eval/dev/cnndm.jsonl] [--sumy-up-to 1600]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from briefing.annotate import annotate
from briefing.compose import make_briefing
from briefing.model import AnnotatedDocument
from briefing.rank import get_ranker, sumy_ranker
from briefing.read import document_from_text

SIZES = (100, 400, 1600, 6400)
VECTORIZED = {"lexrank": "LexRank", "textrank": "TextRank", "reduction": "Reduction"}
DEFAULT_DATA = Path("../shared/eval/dev/cnndm.jsonl")


def long_text(path: Path, sentences: int) -> str:
    """Development articles, one after another, until the text has enough sentences."""
    articles: list[str] = []
    count = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            articles.append(text)
            count += len(document_from_text(text).sentences)
            if count >= sentences:
                return "\n\n".join(articles)
    raise SystemExit(f"{path}: fewer than {sentences} sentences in all articles")


def seconds(doc: AnnotatedDocument, run: Callable[[], object]) -> float:
    # Terms gathered anew each time (stems are made once, when the document is annotated).
    doc.__dict__.pop("terms", None)
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def row(doc: AnnotatedDocument, text: str, sumy_up_to: int) -> list[str]:
    n = len(doc.sentences)
    cells = [str(n)]
    for name in VECTORIZED:
        ours = seconds(doc, partial(get_ranker(name), doc))
        if n <= sumy_up_to:
            theirs = seconds(doc, partial(sumy_ranker(name), doc))
            cells += [f"{theirs:.2f}", f"{ours:.3f}", f"{theirs / ours:.0f}x"]
        else:
            cells += ["-", f"{ours:.3f}", "-"]
    cells.append(f"{seconds(doc, lambda: get_ranker('default')(doc)):.3f}")
    cells.append(f"{seconds(doc, lambda: make_briefing(document_from_text(text))):.2f}")
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sumy-up-to", type=int, default=1600, help="largest size sumy runs on")
    args = parser.parse_args()
    heads = [f"sumy {n} s | project {n} s | ratio" for n in VECTORIZED.values()]
    print("| sentences | " + " | ".join(heads) + " | project default s | whole briefing s |")
    print("|" + " ---: |" * (3 * len(VECTORIZED) + 3))
    for size in SIZES:
        text = long_text(args.data, size)
        full = document_from_text(text)
        doc = annotate(replace(full, sentences=full.sentences[:size]))
        cells = row(doc, text, args.sumy_up_to)
        # The whole briefing runs on the full text, a few sentences more than the size.
        cells[-1] += f" ({len(full.sentences)} sentences)"
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
