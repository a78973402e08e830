"""Offline sentence and word tokenization.

NLTK's Punkt algorithm runs here with parameters the project supplies, so no downloaded NLTK
data (punkt_tab) is ever needed and results are the same on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from briefing.annotate import plain_words
from briefing.lang import Language, alternation, load_language
from briefing.model import Document, Sentence
from briefing.punkt import PunktParameters, PunktSentenceTokenizer, sentence_tokenizer

# "(CNN)The ..." or "LONDON, England (Reuters) -- The ...": a dateline glued to the first sentence.
DATELINE: Final = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .,'-]{0,60}?\s*)?\((?:CNN|AP|Reuters|AFP|BBC)[^)]{0,20}\)"
    r"\s*(?:--|—|-)?\s*"
)
SENTENCE_END: Final = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
# A list item's marker: a bullet sign, "1." or "1)", "a)" or "(a)", "(iv)".
BULLET: Final = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\)|\(?[ivx]{1,5}\))\s+")
HEADING: Final = re.compile(r"^\s*#{1,6}\s+")
# An ellipsis ("...", ". . ." or "…") ends a sentence only when a capital letter follows.
ELLIPSIS: Final = re.compile(r"(?:\.\s?){2,}\.|…")
# The same dot runs when the text holds no "…": starting with a literal full stop, the pattern
# skips ahead to the next one instead of trying every character, some 40 times faster.
DOTS: Final = re.compile(r"\.(?:\s?\.){2,}")
WORD: Final = re.compile(r"\w")
STARTS_SENTENCE: Final = re.compile(r"""\s+["'“‘(\[]*[A-Z0-9]""")


@cache
def _punkt(language: Language) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types.update(language.words("abbreviations"))
    params.abbrev_types.update(language.words("month_abbreviations"))
    params.abbrev_types.update(language.words("weekday_abbreviations"))
    # Initials ("J. K. Rowling") are single letters before a full stop: Punkt treats a known
    # abbreviation as never ending a sentence, so every single letter is one.
    letters = "abcdefghijklmnopqrstuvwxyz"
    params.abbrev_types.update(letters)
    # ... and initials written without spaces ("J.K. Rowling").
    params.abbrev_types.update(f"{a}.{b}" for a in letters for b in letters)
    params.sent_starters.update(language.words("sentence_starters"))
    return sentence_tokenizer(params)


@cache
def _dangling(language: Language) -> re.Pattern[str]:
    """Line ends that cannot end a headline: a hard-wrapped line stopped in mid-sentence."""
    return re.compile(rf"\b(?:{alternation(language.words('dangling'))})$")


def strip_dateline(text: str) -> str:
    """Remove a news-agency dateline such as "(CNN)" from the start of an article."""
    return DATELINE.sub("", text, count=1)


def paragraphs(text: str, language: Language | None = None) -> list[str]:
    """Split text into paragraphs.

    A blank line always ends a paragraph. A single line break ends one too when the line reads
    as complete (ends a sentence, or is a headline or bullet), but hard-wrapped lines whose
    next line continues in lower case are joined back together.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:  # one line (most news texts): one paragraph, nothing to join
        return [text.strip()] if text.strip() else []
    dangling = _dangling(language or load_language())
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        width = max((len(ln) for ln in lines), default=0)
        current = ""
        for n, line in enumerate(lines):
            # Lines of a hard-wrapped paragraph are nearly as long as its longest line; the
            # first line is left out, as it may be a headline above the text.
            wrapped = n > 1 and len(lines[n - 1]) >= max(40, 0.8 * width)
            if current and (
                _continues(current, line, dangling) or (wrapped and not _ends(current, line))
            ):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _ends(previous: str, line: str) -> bool:
    """Whether `previous` is complete: it ends a sentence, is a heading, or a list item follows."""
    ends = SENTENCE_END.search(previous) or HEADING.match(previous)
    return bool(ends or BULLET.match(line) or HEADING.match(line))


def _continues(previous: str, line: str, dangling: re.Pattern[str]) -> bool:
    if _ends(previous, line):
        return False
    return (
        line[:1].islower()
        or previous.endswith((",", ";", "-", "–"))
        or bool(dangling.search(previous))
    )


def split_sentences(paragraph: str, language: Language | None = None) -> list[str]:
    """Sentences of one paragraph, in order. A bullet or headline line is one sentence.

    A list item keeps its marker ("1)", "a)", "•"); a markdown heading's "#" marks are dropped
    on purpose (they are layout, not text). Punkt's spans are then corrected by the rules of
    `_merge` and `_split_lists`, which only move boundaries, so no text is ever lost.
    """
    paragraph = HEADING.sub("", paragraph).strip()
    language = language or load_language()
    spans = _spans(_mask_ellipses(paragraph), _punkt(language))
    out: list[str] = []
    merged = _merge(paragraph, spans, _rules(language))
    for start, end in _split_lists(paragraph, _numbered_items(paragraph, merged)):
        sentence = paragraph[start:end].strip()
        if out and not WORD.search(sentence):
            out[-1] = f"{out[-1]} {sentence}"  # stray punctuation belongs to the sentence before
        elif sentence:
            out.append(sentence)
    return out


# What may follow a sentence's closing marks: a lower-case word continues the sentence
# ("Yahoo! in ...", '"Great." she said'), unless it is a list marker ("b) ...") or a name
# written in lower case before a capital ("eBay", "iPhone").
LOWER_NEXT: Final = re.compile(r"""["'“‘”’(\[]*[a-z](?![A-Z])""")
MARKER: Final = re.compile(r"(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\)|\(?[ivx]{1,5}\))(?=\s)")
# Only a list marker (and closing marks) in a span: it belongs to the item after it.
MARKER_ONLY: Final = re.compile(
    r"\s*(?:[-*•·–]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\)|\(?[ivx]{1,5}\))\s*$"
)
MARKER_AFTER_COLON: Final = re.compile(r"[:;]\s+\(?(?:\d{1,3}|[a-z])[.)]\s*$")


@dataclass(frozen=True)
class SplitRules:
    """The splitter's rules for one language, built from its word lists."""

    titles: frozenset[str]  # honorifics written with a full stop: "Mr."
    fronted: re.Pattern[str]  # a span that is only a fronted time phrase: "At 5 a.m."
    stops: re.Pattern[str]  # "I." after a lower-case word, "no." before a capitalised word
    clock_title: re.Pattern[str]  # a clock time before an honorific and a name: "6 P.M. Mr."
    hints: tuple[str, ...]  # a span holds one of these for `stops` or `clock_title` to apply
    restarts: frozenset[str]  # lower-case words that start a sentence after a bare "!" or "?"
    numbered: re.Pattern[str]  # a capitalised numbering abbreviation ending a span: "Prop."


def _hints(stops: Iterable[str], clock_words: Iterable[str]) -> tuple[str, ...]:
    """Substrings of a span that `stops` or `clock_title` need: testing for them is a tenth of
    the time of searching with those patterns, and most spans hold none."""
    clocks = [w for w in clock_words if w.endswith(".")]
    cased = {form for w in clocks for form in (w, w.upper(), w.capitalize())}
    return tuple(sorted({f"{w}." for w in stops} | cased))


@cache
def _rules(language: Language) -> SplitRules:
    words = language.words
    # Clock words written with full stops ("a.m."): Punkt reads their stop as an abbreviation's.
    clock = alternation(w for w in words("clock_words") if w.endswith("."))
    openers, about = (
        alternation(words("time_phrase_openers")),
        alternation(words("approximators")),
    )
    pronoun, numbering = (
        alternation(words("final_pronouns")),
        alternation(words("numbering_words")),
    )
    capital_next = r"(?=\s+[\"“‘']?[A-Z])"
    numbered = alternation(w.capitalize() for w in words("number_abbreviations"))
    return SplitRules(
        titles=frozenset(w.lower() for w in words("honorifics")),
        fronted=re.compile(
            rf"(?:{openers})\s+(?:(?:{about})\s+)?\d{{1,2}}(?::\d\d)?\s*(?:{clock})$", re.I
        ),
        stops=re.compile(
            rf"(?<=[a-z,;] )(?:{pronoun})\.{capital_next}|(?<![\w.])(?:{numbering})\.{capital_next}"
        ),
        clock_title=re.compile(
            rf"\d(?::\d\d)?\s*(?:{clock})(?=\s+([A-Z][a-z]{{1,3}})\.\s+[A-Z])", re.I
        ),
        hints=_hints(words("final_pronouns") | words("numbering_words"), words("clock_words")),
        restarts=words("lowercase_restarts"),
        numbered=re.compile(rf"(?<![\w.])(?:{numbered})\.\s*$"),
    )


def _merge(
    text: str, spans: Iterator[tuple[int, int]], rules: SplitRules
) -> Iterator[tuple[int, int]]:
    """Punkt's spans, with the extra boundaries of text's clock times and pronoun "I" and
    without those that must not split: before a lower-case word, inside brackets, after a
    lone list marker or a fronted time phrase ("At 5 a.m. Mr. Smith left.")."""
    current: tuple[int, int] | None = None
    for span in _extra_breaks(text, spans, rules):
        if current is None:
            current = span
            continue
        a, b = current
        c, d = span
        if _joins(text, (a, b), (c, d), rules):
            current = (a, d)
        else:
            yield current
            current = span
    if current is not None:
        yield current


def _joins(
    text: str,
    head_span: tuple[int, int],
    next_span: tuple[int, int],
    rules: SplitRules,
) -> bool:
    """Whether the span next_span of text continues the sentence head_span."""
    head = text[head_span[0] : head_span[1]]
    c, d = next_span
    if MARKER_ONLY.match(head) or MARKER_AFTER_COLON.search(head):
        return True  # "1." alone or after "Steps:": the marker of the item that follows
    if LOWER_NEXT.match(text, c) and not MARKER.match(text, c):
        return not _restarts(head, text, c, rules.restarts)
    if rules.fronted.match(head.strip()):
        return True  # "At 5 a.m." alone is no sentence
    if text[c : c + 1].isdigit() and rules.numbered.search(head):
        return True  # "Prop. 13 proves costly": a numbering sign and its number
    # An opening bracket not yet closed, closed in the next span: no break inside brackets.
    for o, cl in (("(", ")"), ("[", "]")):
        if o in head and head.count(o) > head.count(cl) and cl in text[c:d]:
            return True
    return False


def _restarts(head: str, text: str, c: int, restarts: frozenset[str]) -> bool:
    """A lower-case "it", "we" ... after a bare "!" or "?": a new sentence written carelessly
    ("Great song! it made my year"), not a title ("Hey Ya! after") or an attribution after a
    closing quote ('"Why?" he asked')."""
    if head.rstrip()[-1:] not in ("!", "?"):
        return False
    word = FIRST_WORD.match(text, c)
    return word is not None and word.group().lower() in restarts


FIRST_WORD: Final = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _extra_breaks(
    text: str, spans: Iterator[tuple[int, int]], rules: SplitRules
) -> Iterator[tuple[int, int]]:
    """Spans cut after a clock time before an honorific ("at 6 P.M. Mr. Smith"), after the
    pronoun "I" and after the word "no" before a capitalised word (Punkt reads them as
    abbreviations)."""
    for a, b in spans:
        piece = text[a:b]
        if not any(hint in piece for hint in rules.hints):
            yield a, b
            continue
        cuts = [m.end() for m in rules.stops.finditer(piece)]
        cuts += [
            m.end()
            for m in rules.clock_title.finditer(piece)
            if m.group(1).lower() in rules.titles
            and not rules.fronted.match(piece[: m.end()].strip())
        ]
        start = a
        for cut in sorted(cuts):
            yield start, a + cut
            start = a + cut
        yield start, b


def _split_lists(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans cut before each item of an inline list ("1) The first 2) The second"): a span
    that starts with a marker is cut where the next marker of the same sequence stands."""
    for a, b in spans:
        m = INLINE_FIRST.match(text, a)
        if m is None:
            yield a, b
            continue
        start = a
        marker = m.group()
        while True:
            following = _next_marker(marker)
            if following is None:
                break
            at = text.find(f" {following} ", start, b)
            if at < 0:
                break
            yield start, at
            start = at + 1
            marker = following
        yield start, b


def _numbered_items(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Items numbered "1. ... 2. ..." on one line: Punkt ends each item after the next one's
    number ("1. The first 2."), which is moved to the item it numbers ("2. The second")."""
    carried: tuple[int, int] | None = None  # a number cut from the end of the span before
    for a, b in spans:
        if carried is not None:
            a, carried = carried[0], None
        first = NUMBERED_START.match(text, a)
        last = NUMBERED_END.search(text, a, b) if first else None
        if first and last and int(last.group(1)) == int(first.group(1)) + 1:
            yield a, last.start()
            carried = (last.start() + 1, b)
        else:
            yield a, b
    if carried is not None:
        yield carried  # a bare number ending the paragraph: kept, no text is ever dropped


NUMBERED_START: Final = re.compile(r"\s*(\d{1,3})\.\s")
NUMBERED_END: Final = re.compile(r"\s(\d{1,3})\.\s*$")
INLINE_FIRST: Final = re.compile(r"\s*\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})\)|\s*[•·]")
ROMAN: Final = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _next_marker(marker: str) -> str | None:
    """The marker after `marker` in its sequence: "2)" after "1)", "(b)" after "(a)"."""
    marker = marker.strip()
    if marker in "•·":
        return marker
    opening = "(" if marker.startswith("(") else ""
    body = marker.strip("()")
    if body.isdigit():
        return f"{opening}{int(body) + 1})"
    if body in ROMAN[:-1] and (body != "i" or opening):
        return f"{opening}{ROMAN[ROMAN.index(body) + 1]})"
    if len(body) == 1 and body.isalpha() and body != "z":
        return f"{opening}{chr(ord(body) + 1)})"
    return None


# Characters handed to Punkt at once: a longer paragraph goes to Punkt a piece at a time, and
# a piece with no sentence end is cut at a space, so no sentence Punkt gives is longer than
# this (one 1 MB sentence is read in pieces). It began as a guard against NLTK's per-call time
# limit, which briefing.punkt no longer runs under.
PIECE: Final = 50_000


def _spans(text: str, punkt: PunktSentenceTokenizer) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of text, found in pieces of at most PIECE characters.

    Each piece ends where Punkt itself starts the piece's last sentence, which may run on past
    the piece, so the sentences are those of the whole text; a piece with no sentence end is
    cut at its last space.
    """
    start = 0
    while len(text) - start > PIECE:
        spans = list(punkt.span_tokenize(text[start : start + PIECE]))
        if len(spans) > 1:
            yield from ((start + a, start + b) for a, b in spans[:-1])
            start += spans[-1][0]
        else:
            space = text.rfind(" ", start + 1, start + PIECE)
            end = space if space > start else start + PIECE
            yield start, end
            start = end
    yield from ((start + a, start + b) for a, b in punkt.span_tokenize(text[start:]))


def _mask_ellipses(text: str) -> str:
    """Text of the same length in which each ellipsis reads to Punkt as what it means here:
    a full stop when a capitalised word follows, otherwise no stop at all."""

    def mask(m: re.Match[str]) -> str:
        ends = STARTS_SENTENCE.match(text, m.end()) is not None or m.end() == len(text)
        return "_" * (len(m.group()) - 1) + ("." if ends else "_")

    return (ELLIPSIS if "…" in text else DOTS).sub(mask, text)


def make_document(
    text: str,
    *,
    id: str = "",
    title: str | None = None,
    source: str | None = None,
    author: str | None = None,
    published: str | None = None,
    language: Language | None = None,
) -> Document:
    """Split raw article text into a Document of numbered sentences."""
    text = strip_dateline(text)
    sentences: list[Sentence] = []
    language = language or load_language()
    for p, para in enumerate(paragraphs(text, language)):
        first = len(sentences)  # sentence indices count across paragraphs
        sentences += [
            Sentence(text=s, index=first + n, paragraph=p, doc=id)
            for n, s in enumerate(split_sentences(para, language))
        ]
    return Document(
        text=text,
        sentences=tuple(sentences),
        id=id,
        title=title,
        source=source,
        author=author,
        published=published,
    )


class SumyTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), built on this project's."""

    def __init__(self, language: Language | None = None) -> None:
        self.lang = language or load_language()
        self.language = self.lang.stemmer or self.lang.code

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, self.lang))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(plain_words(sentence))
