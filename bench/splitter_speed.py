"""The project's sentence splitter against plain NLTK Punkt, in one run on one core.

    python bench/splitter_speed.py [../shared/eval/dev/cnndm.jsonl] [--repeat 5]

Splits every text of the file with plain NLTK Punkt (`PunktSentenceTokenizer()`, no data) and
with the project's splitter (`briefing.text.make_document`: paragraphs, Punkt with the
language's abbreviations, and the project's rules), interleaved, --repeat times, the cycle
collector off; prints the best time of each, sentences a second and the ratio of the times.
Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from briefing.text import make_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"


def timed(split: Callable[[str], int], texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(split(t) for t in texts)
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with args.file.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    punkt = PunktSentenceTokenizer()
    splitters: dict[str, Callable[[str], int]] = {
        "NLTK Punkt": lambda t: len(punkt.tokenize(t)),
        "briefing": lambda t: len(make_document(t).sentences),
    }
    for split in splitters.values():
        split(texts[0])  # warm-up: the project's parameters are built once
    gc.disable()
    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.repeat):
        for name, split in splitters.items():
            seconds, count = timed(split, texts)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, count)
    print(f"{args.file.name}: {len(texts)} texts, best of {args.repeat}, one core")
    for name, (seconds, count) in best.items():
        print(f"  {name:<11} {seconds:6.3f} s  {count:6d} sentences  {count / seconds:8.0f} /s")
    ratio = best["briefing"][0] / best["NLTK Punkt"][0]
    print(f"  briefing / Punkt: {ratio:.2f}x the time")


if __name__ == "__main__":
    main()
