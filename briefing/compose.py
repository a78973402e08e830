"""Pick and order what goes on the one-page briefing. The page budget lives here."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from briefing.actors import find_actors, reports_news
from briefing.annotate import annotate
from briefing.detect import Reading, check_language, several_stories
from briefing.figures import find_figures
from briefing.lang import REFERENCE, load_language
from briefing.model import (
    Actor,
    AnnotatedDocument,
    Briefing,
    BriefingError,
    Document,
    Mention,
    Source,
    SummaryLine,
    count_words,
)
from briefing.outlook import find_next_steps, shown_steps
from briefing.rank import Algorithm, rank
from briefing.render import to_markdown

MAX_ACTORS = 8
MAX_PEOPLE = 12  # people with a role ranked below the first MAX_ACTORS are listed up to this
MAX_CONTEXT = 8  # names on the compact line of countries, organisations and places
CONTEXT_MENTIONS = 3  # one below the first MAX_ACTORS is named this often to join that line
COUNTRY_MENTIONS = 2  # ... a country, this often
# ... a place, this often in a text that is no news report (GUM recall 0.773 -> 0.784, P(real)
# 0.716 -> 0.718; in news a place named twice is mostly where things happened: gold actors P
# 0.888 -> 0.869 were it so there too).
PLACE_MENTIONS = 2
PERSON_MENTIONS = 2  # a person below the first MAX_ACTORS named this often is listed, role or not
# A place named once, only as where something happened ("in X"), near the end of the text,
# scores below this (see briefing.actors.salience): a detail, not an actor (gold actors P
# 0.859 -> 0.863; 0.4 also cuts CoNLL recall@8 0.700 -> 0.694).
MIN_SCORE = 0.3
MAX_FIGURES = 10
DEFAULT_SENTENCES = 4
PAGE_WORDS = 450  # the whole default briefing fits on one page
# A text under this many words is a brief (a result, an item of a few lines): its briefing keeps
# its names even when they make it longer than the text (CoNLL recall@8 0.745 -> 0.775; a
# longer text's briefing stays within its length: a reader notices one that is longer).
BRIEF_WORDS = 50
SHORT_INPUT_WORDS = 80  # fewer words than this are likely a caption or a teaser, not an article
SENTENCES_PER_SUMMARY_LINE = 3  # a short text gets a summary line per this many sentences
TITLE_WORDS = 12
HEADLINE_MIN_WORDS = 6
NER_CHOICES = ("rules", "spacy")  # name finders: the project's rules, or spaCy's entities


@dataclass(frozen=True)
class Options:
    algorithm: Algorithm = "default"
    sentences: int | None = None  # summary length in sentences ...
    words: int | None = None  # ... or in words; sentences win when both are given
    language: str = REFERENCE  # a language code of briefing/lang, or a folder of language files
    # Refuse a text clearly in another language than the default one (False: --language given).
    detect_language: bool = True
    ner: str = "rules"  # name finder: "rules" (no model), or "spacy" (pip install briefing[spacy])
    spacy_model: str = "en_core_web_sm"  # the spaCy pipeline of ner="spacy"


def check_options(options: Options) -> None:
    """BriefingError for options no briefing can be made with (an unknown language too)."""
    if options.sentences is not None and options.sentences < 1:
        raise BriefingError("sentences must be at least 1")
    if options.words is not None and options.words < 1:
        raise BriefingError("words must be at least 1")
    load_language(options.language)
    if options.ner not in NER_CHOICES:
        choices = " or ".join(NER_CHOICES)
        raise BriefingError(f"unknown name finder {options.ner!r}: choose {choices}")
    if options.ner == "spacy":
        name_finder(options)  # a missing spaCy or pipeline fails here, once


FindNames = Callable[[AnnotatedDocument], list[Mention]]


def name_finder(options: Options) -> tuple[FindNames | None, str]:
    """(name finder, its name for the JSON): None for the rules, the default."""
    if options.ner != "spacy":
        return None, "rules"
    from briefing.actors.spacy_ner import describe, spacy_finder  # imports spaCy: only asked for

    return spacy_finder(options.spacy_model), describe(options.spacy_model)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a briefing is made.

    The pipeline makes hundreds of thousands of small tuples (tokens) and no reference cycles;
    the collector's passes over them doubled the time of tokenizing. Memory is still freed as soon
    as each object is unused; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def make_briefing(doc: Document, options: Options | None = None) -> Briefing:
    """Build the briefing of one document."""
    options = options or Options()
    check_options(options)
    if not doc.sentences:
        raise BriefingError("no sentence found in the input")
    reading = None
    if options.detect_language and options.language == REFERENCE:
        name = doc.source or doc.id or "input"
        reading = check_language(doc.text, name, load_language(REFERENCE))
    with collector_paused():
        return _make_briefing(doc, options, reading)


def _make_briefing(doc: Document, options: Options, reading: Reading | None) -> Briefing:
    find_names, recognizer = name_finder(options)
    annotated = annotate(doc, load_language(options.language), find_names)
    order = rank(annotated, options.algorithm)
    chosen = choose_summary(doc, order, options)
    picked = set(chosen)
    report = reports_news(annotated)
    actors = find_actors(annotated, picked, report)
    bottom_line = doc.sentences[order[0]].text
    briefing = Briefing(
        title=doc.title or headline(bottom_line),
        bottom_line=bottom_line,
        summary=tuple(
            SummaryLine(doc.sentences[i].text, i, doc.sentences[i].doc) for i in sorted(chosen)
        ),
        actors=key_actors(actors, report),
        figures=tuple(find_figures(annotated, picked)[:MAX_FIGURES]),
        next_steps=tuple(shown_steps(find_next_steps(annotated, picked, actors, order[0]))),
        source=Source(
            name=doc.source or doc.id or "stdin",
            words=doc.word_count,
            author=doc.author,
            published=doc.published,
        ),
        warnings=input_warnings(annotated, reading),
        recognizer=recognizer,
    )
    asked = bool(options.words or options.sentences)
    briefing = fit_page(briefing, limit=None if asked else PAGE_WORDS)
    return fit_article(briefing, article_words(doc), len(briefing.summary) if asked else 1)


def article_words(doc: Document) -> int:
    """The words a reader of the article reads: its text and its own headline (a briefing
    shows the headline too, so it counts on both sides)."""
    return doc.word_count + (count_words(doc.title) if doc.title else 0)


def input_warnings(annotated: AnnotatedDocument, reading: Reading | None = None) -> tuple[str, ...]:
    """What the reader should know before trusting the briefing of this input; `reading` is
    what the language check read of it, when it ran."""
    warnings = []
    words = annotated.document.word_count
    if words < SHORT_INPUT_WORDS:
        warnings.append(
            f"the input has only {words} words: it may not be an article "
            "(a caption, a teaser or a page without its text)"
        )
    if reading is not None and not reading.prose:
        warnings.append(
            f"few of the input's words are {annotated.language.name} function words "
            f"({reading.reference_share:.0%}): it may not be {annotated.language.name} prose "
            "(a table, a list, or a language briefing has no data for)"
        )
    stories = several_stories(annotated)
    if stories:
        warnings.append(
            f"the input looks like {stories} unrelated stories (their parts share no names "
            "and few words), so this briefing mixes them: brief each on its own, for "
            "instance with `briefing batch` (one article a record)"
        )
    return tuple(warnings)


def choose_summary(doc: Document, order: list[int], options: Options) -> list[int]:
    """The summary's sentence indices, best first, by sentence count or word budget."""
    if options.sentences is not None:
        return order[: options.sentences]
    if options.words is not None:
        return within_words(doc, order, options.words)
    # A short text gets fewer lines: a summary is a fraction of what it summarises.
    short = max(1, len(doc.sentences) // SENTENCES_PER_SUMMARY_LINE)
    return order[: min(DEFAULT_SENTENCES, short)]


def balanced_quotes(text: str) -> str:
    """Text without its double quotes when they do not pair up (a clause cut from a quote)."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return re.sub(r'["“”]', "", text)
    return text


def within_words(doc: Document, order: list[int], budget: int) -> list[int]:
    """Best sentences that fit in `budget` words; always at least one."""
    chosen: list[int] = []
    used = 0
    for i in order:
        n = len(doc.sentences[i].text.split())
        if chosen and used + n > budget:
            continue
        chosen.append(i)
        used += n
    return chosen


def headline(sentence: str) -> str:
    """A short headline from a sentence: its first clauses, at most TITLE_WORDS words.

    Clauses are added until the headline says something: "Since January 2015" alone does not.
    """
    clauses = re.split(r"(?<=[,;:–—])\s|\s(?=[-–—]\s)", sentence)
    clause = ""
    for part in clauses:
        clause = f"{clause} {part}".strip()
        if len(clause.split()) >= HEADLINE_MIN_WORDS:
            break
    clause = balanced_quotes(clause.strip(" .,;:-–—\"'“”"))
    ws = clause.split()
    text = " ".join(ws[:TITLE_WORDS]) + ("…" if len(ws) > TITLE_WORDS else "")
    return text[:1].upper() + text[1:]


def key_actors(actors: list[Actor], report: bool = True) -> tuple[Actor, ...]:
    """The actors a briefing lists, of those scoring MIN_SCORE or more: the best MAX_ACTORS;
    then, ranked below them, the people with a role or named PERSON_MENTIONS times, up to
    MAX_PEOPLE in all, and the organisations and places named at least CONTEXT_MENTIONS times,
    the countries COUNTRY_MENTIONS times (a country is seldom named twice in passing), up to
    MAX_CONTEXT on their compact line. The people a reader must meet are not cut by the
    setting, and the setting costs one line. In a text that is no news `report` (a guide, a
    life, a talk: see briefing.actors.reports_news), a place named PLACE_MENTIONS times is
    one the text tells of, not where a reported event happened."""
    actors = [a for a in actors if a.score >= MIN_SCORE]
    places = CONTEXT_MENTIONS if report else PLACE_MENTIONS
    listed = actors[:MAX_ACTORS]
    people = MAX_PEOPLE - len(listed)
    context = MAX_CONTEXT - sum(a.context for a in listed)
    for a in actors[MAX_ACTORS:]:
        if a.kind == "person" and (a.role or a.mentions >= PERSON_MENTIONS) and people > 0:
            listed.append(a)
            people -= 1
        elif a.context and a.mentions >= context_mentions(a, places) and context > 0:
            listed.append(a)
            context -= 1
    return tuple(listed)


def context_mentions(a: Actor, places: int = CONTEXT_MENTIONS) -> int:
    """How often an actor below the first MAX_ACTORS is named to join the compact line
    (`places`: how often a place)."""
    if a.kind == "country":
        return COUNTRY_MENTIONS
    return places if a.kind == "place" else CONTEXT_MENTIONS


def fit_article(briefing: Briefing, article_words: int, summary_floor: int) -> Briefing:
    """The briefing made no longer than its short article: a summary line a next step says
    again goes first (unless the summary's length was asked for, `summary_floor`), then the
    sections are emptied in the order of `article_floors`. The names of a brief (under
    BRIEF_WORDS) are kept even when they make it a few words longer: they are what a result
    or a news item of a few lines is read for. Kept whole when even the title and bottom line
    are longer (a sentence briefed alone): nothing would be gained by emptying it."""
    if briefing.source.briefing_words <= article_words:
        return briefing
    if summary_floor < len(briefing.summary):
        briefing = _without_repeated_lines(briefing)
    brief = article_words < BRIEF_WORDS
    fitted = fit_page(briefing, article_words, article_floors(summary_floor, keep_names=brief))
    if fitted.source.briefing_words <= article_words:
        return fitted
    if brief and fit_page(replace(fitted, actors=()), None).source.briefing_words <= article_words:
        return fitted  # only its names make it longer
    return briefing


WHOLE = 0.8  # a step this long a share of its sentence says the sentence again


def _without_repeated_lines(briefing: Briefing) -> Briefing:
    """The briefing without the summary lines that its next steps say again whole: a short
    text's briefing has no words to spare for a sentence shown twice, and the step keeps the
    time it names. The bottom line stays; its own steps are never listed."""
    told = {(s.doc, s.sentence): len(s.text) for s in briefing.next_steps}
    summary = tuple(
        line
        for line in briefing.summary
        if line.text == briefing.bottom_line
        or told.get((line.doc, line.sentence), 0) < WHOLE * len(line.text)
    )
    return replace(briefing, summary=summary)


def fit_page(
    briefing: Briefing, limit: int | None, floors: tuple[dict[str, int], ...] | None = None
) -> Briefing:
    """Drop the least important items until the rendered briefing fits in `limit` words,
    each section down to its floor in `floors` (DROP_FLOORS by default), one round after
    another."""
    words = count_words(to_markdown(briefing))
    while limit is not None and words > limit and (shorter := _drop_one(briefing, floors)):
        briefing = shorter
        words = count_words(to_markdown(briefing))
    return replace(briefing, source=replace(briefing.source, briefing_words=words))


# Least important first: the tail of next steps, figures, actors, then summary sentences.
# Every section keeps two items (the summary one) before any section is emptied.
DROP_ORDER = ("next_steps", "figures", "actors", "summary")
DROP_FLOORS = (
    {"next_steps": 2, "figures": 2, "actors": 2, "summary": 1},
    {"next_steps": 0, "figures": 0, "actors": 0, "summary": 1},
)


KEEP_ALL = 1 << 30


def article_floors(summary: int, keep_names: bool = False) -> tuple[dict[str, int], ...]:
    """The rounds of floors that fit a briefing into its short article: next steps and figures
    down to two and the summary to a line beyond the bottom line; then next steps and figures
    gone; then the summary down to `summary` lines (the bottom line is one of them); actors
    last, unless `keep_names`: the names are what a short text is most read for, and they
    cost a few words each."""
    rest = max(summary, 2)
    names = KEEP_ALL if keep_names else 0
    return (
        {"next_steps": 2, "figures": 2, "actors": KEEP_ALL, "summary": rest},
        {"next_steps": 0, "figures": 0, "actors": KEEP_ALL, "summary": rest},
        {"next_steps": 0, "figures": 0, "actors": KEEP_ALL, "summary": summary},
        {"next_steps": 0, "figures": 0, "actors": names, "summary": summary},
    )


def _drop_one(b: Briefing, rounds: tuple[dict[str, int], ...] | None = None) -> Briefing | None:
    for floors in rounds or DROP_FLOORS:
        for name in DROP_ORDER:
            items = getattr(b, name)
            if len(items) > floors[name]:
                return replace(b, **{name: items[:-1]})
    return None
