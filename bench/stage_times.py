"""Where a briefing's time goes, stage by stage, over the CNN dev texts on one core.

    python bench/stage_times.py [../shared/eval/dev/cnndm.jsonl] [--limit 500]

Runs the stages of `make_briefing` one after the other for every text, with a clock around each,
and prints the seconds of each stage and its share of the whole, with NLTK Punkt's splitting of
the same texts as the yardstick (the ratio the speed issue asks about). Each stage is run twice
over all texts and the second pass is reported, so one-off warm-up (imports, word lists, caches
filled by the first article) is left out. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from installed import build_kind

from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.compose import Options, choose_summary, fit_page, input_warnings
from briefing.detect import check_language
from briefing.figures import find_figures
from briefing.lang import load_language
from briefing.model import Briefing, Source, SummaryLine
from briefing.outlook import find_next_steps
from briefing.rank import rank
from briefing.read import document_from_string as read_text
from briefing.render import to_dict

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"


def texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f][:limit]


def punkt_seconds(items: list[str]) -> float:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    start = time.perf_counter()
    for text in items:
        tokenizer.tokenize(text)
    return time.perf_counter() - start


def one_pass(items: list[str], clock: dict[str, float]) -> None:
    language = load_language("en")
    options = Options()

    def timed(stage: str, fn: Callable[..., Any], *args: Any) -> Any:
        start = time.perf_counter()
        out = fn(*args)
        clock[stage] += time.perf_counter() - start
        return out

    for n, text in enumerate(items):
        doc = timed("read+split", read_text, text)
        timed("language", check_language, doc.text, str(n), language)
        annotated = timed("annotate", annotate, doc, language)
        timed("warnings", input_warnings, annotated)
        order = timed("rank", rank, annotated, options.algorithm)
        chosen = choose_summary(doc, order, options)
        picked = set(chosen)
        actors = timed("actors", find_actors, annotated, picked)
        figures = timed("figures", find_figures, annotated, picked)
        steps = timed("next steps", find_next_steps, annotated, picked, actors)
        briefing = Briefing(
            title=doc.title or "",
            bottom_line=doc.sentences[order[0]].text,
            summary=tuple(
                SummaryLine(doc.sentences[i].text, i, doc.sentences[i].doc) for i in chosen
            ),
            actors=tuple(actors[:8]),
            figures=tuple(figures[:8]),
            next_steps=tuple(steps[:5]),
            source=Source(name=str(n), words=doc.word_count),
        )
        fitted = timed("fit page", fit_page, briefing, 450)
        timed("json", lambda b: json.dumps(to_dict(b), ensure_ascii=False), fitted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    items = texts(args.path, args.limit)
    gc.disable()  # as make_briefing does
    clock: dict[str, float] = defaultdict(float)
    one_pass(items, clock)
    first = dict(clock)
    clock.clear()
    one_pass(items, clock)
    punkt = punkt_seconds(items)
    total = sum(clock.values())
    print(f"{len(items)} texts of {args.path.name}, briefing {build_kind()}, second pass, one core")
    for stage, seconds in clock.items():
        print(
            f"  {stage:<12} {seconds:6.2f} s  {seconds / total:5.1%}  {seconds / punkt:5.2f}x Punkt"
        )
    print(f"  {'all stages':<12} {total:6.2f} s         {total / punkt:5.2f}x Punkt")
    print(f"  NLTK Punkt   {punkt:6.2f} s")
    cold = sum(first.values())
    print(f"  first pass   {cold:6.2f} s         {cold / punkt:5.2f}x Punkt (caches cold)")
    for stage, seconds in first.items():
        if seconds > clock[stage] * 1.2:
            print(f"    {stage:<12} {seconds:6.2f} s cold")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
