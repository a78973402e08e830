"""Briefings of several articles on the Multi-News development clusters (run by hand).

    python bench/multinews.py [--limit N] [--words 250] [--data FILE.jsonl]

Prints, for a summary of about `--words` words, ROUGE-1/2/Lsum F1 x 100 against the editors'
summaries with ../shared/tools/score.py's settings (rouge-score, Porter stemming, summary
sentences one a line) for:

- lead-rr: the documents' first sentences taken in turn (the first of each document, then the
  second ...), split by the scorer's Punkt settings;
- lexrank: sumy's LexRank over the documents joined, with the scorer's tokenizer;
- briefing: the project's one-article briefing of the documents joined (`--words`);
- story: the briefing of several articles (briefing.story, `--words`).

The baselines stop before the first sentence that would pass the word budget, as the figures
quoted in issue 15 were made; the briefings fill the budget with the best sentences that fit.
Then: how many story briefings hold two summary lines at word cosine 0.8 or more, and the time
of one story briefing of 20 long articles (CNN development articles, about 15,000 words) on one
core.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from statistics import mean, median
from typing import Any

from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from briefing.compose import Options, make_briefing
from briefing.model import BriefingError, Document
from briefing.read import document_from_string
from briefing.story import make_story_briefing

DEV = Path("../shared/eval/dev")
MEASURES = ("rouge1", "rouge2", "rougeLsum")
ABBREVIATIONS = (
    "mr mrs ms dr prof gen col lt sgt st sen rep gov jr sr inc ltd co corp u.s u.k u.n "
    "e.g i.e etc vs jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m no"
)
WORD = re.compile(r"\w+")
SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
NEAR_COPY = 0.8
LONG_ARTICLES = 20


def scorer_splitter() -> Callable[[str], list[str]]:
    """Sentences as the scorer splits them: Punkt with its abbreviations, by paragraph."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types.update(ABBREVIATIONS.split())
    tok = PunktSentenceTokenizer(params)
    return lambda text: [
        s.strip() for p in re.split(r"\n\s*\n", text) for s in tok.tokenize(p) if s.strip()
    ]


def first_within(sentences: Sequence[str], budget: int) -> list[str]:
    """Sentences in the given order up to the first that would pass `budget` words."""
    out: list[str] = []
    used = 0
    for s in sentences:
        n = len(s.split())
        if out and used + n > budget:
            break
        out.append(s)
        used += n
    return out


def lead_round_robin(
    docs: Sequence[str], budget: int, split: Callable[[str], list[str]]
) -> list[str]:
    split_docs = [split(d) for d in docs]
    turns = [
        s[i] for i in range(max(map(len, split_docs), default=0)) for s in split_docs if i < len(s)
    ]
    return first_within(turns, budget)


class ScorerTokenizer:
    """sumy tokenizer with the scorer's sentences and words (no NLTK data needed)."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer

        self.split, self.words = scorer_splitter(), NLTKWordTokenizer()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self.split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self.words.tokenize(sentence) if SUMY_WORD.match(w))


def lexrank(docs: Sequence[str], budget: int, tokenizer: ScorerTokenizer) -> list[str]:
    """sumy's LexRank over the joined documents: best sentences up to the budget, text order."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    sentences = PlaintextParser.from_string("\n\n".join(docs), tokenizer).document.sentences
    if not sentences:
        return []
    words = [summarizer._to_words_set(s) for s in sentences]
    tf, idf = summarizer._compute_tf(words), summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    chosen = first_within([str(sentences[i]) for i in order], budget)
    return [str(sentences[i]) for i in sorted(order[: len(chosen)])]


def documents(texts: Sequence[str]) -> list[Document]:
    """The cluster's documents as a batch record's would be read; unreadable ones left out."""
    out = []
    for n, text in enumerate(texts, start=1):
        with suppress(BriefingError):  # an empty document: the cluster's others are briefed
            out.append(document_from_string(text, name=f"doc{n}", id=f"doc{n}", kind="text"))
    return out


def single_briefing(docs: Sequence[str], budget: int) -> list[str]:
    doc = document_from_string("\n\n".join(docs), name="joined", kind="text")
    return [s.text for s in make_briefing(doc, Options(words=budget)).summary]


def story_briefing(docs: Sequence[str], budget: int) -> list[str]:
    return [s.text for s in make_story_briefing(documents(docs), Options(words=budget)).summary]


def cosine(a: str, b: str) -> float:
    ca, cb = Counter(WORD.findall(a.lower())), Counter(WORD.findall(b.lower()))
    dot = sum(v * cb[w] for w, v in ca.items())
    norm = math.sqrt(sum(v * v for v in ca.values()) * sum(v * v for v in cb.values()))
    return dot / norm if norm else 0.0


def has_near_copies(lines: Sequence[str]) -> bool:
    return any(cosine(a, b) >= NEAR_COPY for i, a in enumerate(lines) for b in lines[i + 1 :])


def rouge_row(name: str, rows: list[dict[str, Any]], outs: list[list[str]], seconds: float) -> None:
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    scores = [
        scorer.score("\n".join(r["reference"].splitlines()), "\n".join(o))
        for r, o in zip(rows, outs, strict=True)
    ]
    r1, r2, rl = (100 * mean(s[m].fmeasure for s in scores) for m in MEASURES)
    words = mean(sum(len(s.split()) for s in o) for o in outs)
    print(f"| {name} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {words:.0f} | {seconds:.1f} |", flush=True)


def long_cluster_seconds(path: Path, repeat: int = 5) -> tuple[int, float]:
    """Words and median seconds of one story briefing of LONG_ARTICLES long articles."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    longest = sorted(rows, key=lambda r: -len(r["text"].split()))[: 4 * LONG_ARTICLES]
    texts = [r["text"] for r in longest[::4]][:LONG_ARTICLES]  # long, not only the longest
    docs = documents(texts)
    make_story_briefing(docs)  # warm: language files, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        make_story_briefing(docs)
        times.append(time.perf_counter() - start)
    return sum(d.word_count for d in docs), median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEV / "multinews_val.jsonl")
    parser.add_argument("--long", type=Path, default=DEV / "cnndm.jsonl")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    split, tokenizer = scorer_splitter(), ScorerTokenizer()
    systems: dict[str, Callable[[list[str]], list[str]]] = {
        "lead-rr": lambda d: lead_round_robin(d, args.words, split),
        "lexrank": lambda d: lexrank(d, args.words, tokenizer),
        "briefing (joined)": lambda d: single_briefing(d, args.words),
        "story": lambda d: story_briefing(d, args.words),
    }
    print(f"{args.data.name}: {len(rows)} clusters, about {args.words} words")
    print("| system | R-1 | R-2 | R-Lsum | words | s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    outs: dict[str, list[list[str]]] = {}
    for name, run in systems.items():
        start = time.perf_counter()
        outs[name] = [run(r["documents"]) for r in rows]
        rouge_row(name, rows, outs[name], time.perf_counter() - start)
    copies = sum(has_near_copies(o) for o in outs["story"])
    print(f"story briefings with two lines at word cosine >= {NEAR_COPY}: {copies} of {len(rows)}")
    if args.long.exists():
        words, seconds = long_cluster_seconds(args.long)
        print(f"one story of {LONG_ARTICLES} long articles ({words:,} words): {seconds:.2f} s")


if __name__ == "__main__":
    main()
