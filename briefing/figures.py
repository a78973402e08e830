"""Numbers and what they count, ranked.

Each sentence is cut into tokens (numbers, words, single punctuation marks, with their offsets)
and read left to right: a number core ("150,000", "$11.1bn", "tens of thousands", "eight-year"),
the qualifier before it ("an estimated"), and the noun phrase after it ("troops"). Things that
look like numbers but are not quantities (dates, clock times, labels, names, phone numbers) are
skipped. The figure's `text` is always a slice of its sentence, so it occurs there verbatim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import NamedTuple

from briefing import numbers as nw
from briefing.model import AnnotatedDocument, Figure, Sentence

TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:\.[^\W\d_]+)+\.?|[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<other>\S)"
)
# "+44 20 7946 0958", "(555) 123-4567", "0800 123 456": digit groups with separators.
PHONE = re.compile(r"(?<![\w.,])\+?(?:\(\d{2,5}\)\s?)?\d{2,5}(?:[ .-]\d{2,5}){2,4}(?![\w.,]\d)")
DASHES = {"-", "–", "—"}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
RANKED = {"ranked", "seeded", "placed"}
OLD = {"old", "old's", "old’s"}
DETERMINERS = {"the", "those", "these", "its", "their", "his", "her", "our", "all", "them", "us"}
MAX_NOUN_WORDS = 5
VERB_ENDINGS = ("ed", "ly", "ing")
DIMENSIONS = {"high", "tall", "long", "wide", "deep", "away", "across", "above", "below"}
CONTEXT_WORDS = 10
# Words that open a new clause: the context of a figure stops there.
CLAUSE_WORDS = {"that", "which", "who", "whom", "whose", "where", "while", "but", "because",
                "although", "though", "if", "and", "or", "said", "says"}  # fmt: skip


# Qualifier phrases by their last word, longest first: one dictionary look-up per number.
QUALIFIERS_BY_LAST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(nw.QUALIFIER_PHRASES, key=len, reverse=True):
    QUALIFIERS_BY_LAST_WORD.setdefault(_phrase[-1], []).append(_phrase)
# Words a number written in words can start with; any other word is skipped at once.
NUMBER_START_WORDS = (
    nw.UNITS.keys() | nw.TENS.keys() | nw.VAGUE.keys() | {"a", "an", "dozen", "half"}
)


MAY_HOLD_NUMBER = re.compile(
    r"\d|\b(?:"
    + "|".join([*sorted(NUMBER_START_WORDS - {"a", "an"}), "dozen", "hundred", "thousand"])
    + r"|million|billion|trillion|an? (?:"
    + "|".join(nw.TIME_UNITS)
    + r"))\b",
    re.IGNORECASE,
)


class Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    kind: str  # num | word | other


@dataclass(frozen=True)
class Core:
    """A number as read at one place in a sentence, before its noun is attached."""

    value: float
    end: int  # index of the first token after the number
    words: bool = False  # written in words ("two"), not digits
    kind: str = "count"  # count | money | percent | fraction | score | rank | age | range
    unit: str | None = None
    needs_noun: bool = False  # vague on its own ("two", "hundreds of"): keep only with a noun
    lower_end: int = 0  # for a range, where its lower bound ends


def find_figures(doc: AnnotatedDocument, summary: Collection[int] = ()) -> list[Figure]:
    """Figures of doc, most important first. `summary` holds the indices of summary sentences.

    Repeats of a figure (same value and unit) are merged into the best-placed mention.
    """
    picked = set(summary)
    total = max(1, len(doc.sentences))
    found: list[Figure] = []
    for sentence in doc.sentences:
        for fig in figures_in(sentence.sentence):
            found.append(replace(fig, score=importance(fig, fig.sentence in picked, total)))
    return merge_repeats(found)


def figures_in(sentence: Sentence) -> list[Figure]:
    """Every figure in one sentence, in reading order, unscored."""
    text = sentence.text
    if not MAY_HOLD_NUMBER.search(text):
        return []  # most sentences of a long document: no need to tokenize them
    toks = tokenize(text)
    masked = phone_spans(text)
    out: list[Figure] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        can_start = t.kind == "num" or t.text in nw.CURRENCY_SYMBOLS or t.low in NUMBER_START_WORDS
        if not can_start or any(a <= t.start < b for a, b in masked):
            i += 1
            continue
        found = read_figure(toks, i, sentence)
        if found is None:
            i += 1
            continue
        fig, i = found
        out.append(fig)
    return out


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in TOKEN.finditer(text):
        g, start = m.group(), m.start()
        out.append(Tok(g, g.lower(), start, start + len(g), m.lastgroup or "other"))
    return out


def phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 7:
            spans.append(m.span())
    return spans


def glued(a: Tok, b: Tok) -> bool:
    return a.end == b.start


def tok(toks: list[Tok], i: int) -> Tok | None:
    return toks[i] if 0 <= i < len(toks) else None


def low(toks: list[Tok], i: int) -> str:
    t = tok(toks, i)
    return t.low if t else ""


# ------------------------------------------------------------------ reading one figure


def read_figure(toks: list[Tok], i: int, sentence: Sentence) -> tuple[Figure, int] | None:
    """The figure starting at token i (after any qualifier) and the index to read on from."""
    start, core = number_start(toks, i)
    if core is None:
        return None
    if core.kind == "count" and is_world_rank(toks, start):
        core = replace(core, kind="rank", unit="rank")
    if core.kind not in ("score",) and not is_quantity(toks, start, core):
        return None
    if core.kind == "range" and low(toks, start - 1) == "from":
        # "from 10 to 15" is a change: two figures, not a range
        core = Core(core.value, core.lower_end, core.words, needs_noun=core.words)
    first = qualifier_start(toks, start)
    if first == start and low(toks, start) in ("a", "an") and low(toks, start + 1) in nw.TIME_UNITS:
        return None  # "a decade", "an hour" count only when qualified ("for about an hour")
    # "the 29-year-old left", "world No. 7 plans": the next word is as often a verb as a noun
    bare = core.kind == "age" or is_world_rank(toks, start)
    noun_end, head = (core.end, None) if bare else noun_phrase(toks, core.end, core)
    if core.needs_noun and head is None and core.unit is None:
        return None
    unit = resolve_unit(toks, start, core, head)
    end = max(noun_end, core.end)
    text = sentence.text[toks[first].start : toks[end - 1].end]
    fig = Figure(
        text=text,
        value=core.value,
        unit=unit,
        context=context_of(toks, sentence.text, first, core.end, end),
        sentence=sentence.index,
        doc=sentence.doc,
    )
    return fig, end


def number_start(toks: list[Tok], i: int) -> tuple[int, Core | None]:
    """(first token of the number, its reading) when a number starts at i, else (i, None)."""
    t = toks[i]
    if t.text in nw.CURRENCY_SYMBOLS and (nxt := tok(toks, i + 1)) and nxt.kind == "num":
        core = digits_at(toks, i + 1)
        if core is None:
            return i, None
        code = nw.CURRENCY_SYMBOLS[t.text]
        first = i - 1 if i > 0 and glued(toks[i - 1], t) and toks[i - 1].kind == "word" else i
        if first < i and not toks[first].text.isupper():
            first = i  # "US$5bn" keeps "US"; a word glued to "$" otherwise is not ours
        return first, Core(core.value, core.end, kind="money", unit=code)
    if t.kind == "num":
        return i, digits_at(toks, i)
    if t.kind == "word":
        return i, words_at(toks, i)
    return i, None


def digits_at(toks: list[Tok], i: int) -> Core | None:
    t = toks[i]
    if t.text.count(".") > 1 or re.search(r",\d{1,2}(?!\d)|,\d{4}", t.text):
        return None  # version numbers ("1.2.3") and odd groupings are not quantities
    value = float(t.text.replace(",", ""))
    j = i + 1
    nxt = tok(toks, j)
    if nxt and glued(t, nxt) and nxt.kind == "word":
        if nxt.low == "m" and low(toks, j + 1) in DIMENSIONS:
            return Core(value, j + 1, unit="metres")  # "2.5m high": metres, not millions
        if nxt.low in nw.GLUED_SCALES:
            return with_tail(toks, Core(value * nw.GLUED_SCALES[nxt.low], j + 1))
        if nxt.low in nw.GLUED_MEASURES:
            return Core(value, j + 1, unit=nxt.low)
        if nxt.low in ORDINAL_SUFFIXES:
            return ranked(toks, value, j + 1)
        return None  # "4G", "3D", "1990s", "4pm": names, decades, clock times
    value, j = scaled(toks, j, value)
    return with_tail(toks, Core(value, j))


def ranked(toks: list[Tok], value: float, j: int) -> Core | None:
    """An ordinal counts only as a rank ("68th-ranked"); "the 5th", "first half" are not figures."""
    if low(toks, j) in DASHES and low(toks, j + 1) in RANKED:
        return Core(value, j + 2, kind="rank", unit="rank")
    if low(toks, j) in RANKED:
        return Core(value, j + 1, kind="rank", unit="rank")
    return None


def scaled(toks: list[Tok], j: int, value: float) -> tuple[float, int]:
    """Apply scale words after a number: "2.5 million", "five hundred thousand"."""
    while low(toks, j) in nw.SCALES or low(toks, j) == "dozen":
        value *= nw.SCALES.get(low(toks, j), 12.0)  # "two dozen" is 24
        j += 1
    return value, j


def with_tail(toks: list[Tok], core: Core) -> Core:
    """Read what may follow a number: a percent sign, a range, a score, a hyphenated unit."""
    j = core.end
    nxt = low(toks, j)
    if nxt == "%":
        return Core(core.value, j + 1, core.words, "percent", "percent")
    if nxt in nw.PERCENT_WORDS:
        return Core(core.value, j + 1, core.words, "percent", "percent")
    if nxt == "per" and low(toks, j + 1) == "cent":
        return Core(core.value, j + 2, core.words, "percent", "percent")
    if nxt == "percentage" and low(toks, j + 1) in ("point", "points"):
        return Core(core.value, j + 2, core.words, "percent", "percentage points")
    if nxt in DASHES or nxt == "to":
        joined = range_or_score(toks, core)
        if joined is not None:
            return joined
    if nxt in DASHES and glued(toks[j - 1], toks[j]):
        return compound(toks, core)
    return core


def range_or_score(toks: list[Tok], core: Core) -> Core | None:
    """ "10 to 15", "10-15" (a range: lower bound) or "3-2", "7-5, 7-5" (a score)."""
    j = core.end
    second = tok(toks, j + 1)
    if second is None or (second.kind == "num") == core.words:
        return None
    if second.kind == "num":
        upper = digits_value(second)
    else:
        upper = float(nw.UNITS.get(second.low, nw.TENS.get(second.low, -1)))
    if upper < 0:
        return None
    dash = toks[j].low in DASHES
    if dash and second.kind == "num" and looks_like_score(toks, core, upper):
        end = j + 2
        # "7-5, 7-5": set scores listed one after another are one result.
        while low(toks, end) == "," and is_score_at(toks, end + 1):
            end += 4
        return Core(core.value, end, kind="score", unit="score")
    if upper <= core.value and not dash:
        return None
    value, end = scaled(toks, j + 2, upper)
    scale = value / upper if upper else 1.0
    ranged = Core(core.value * scale, end, core.words, "range", None, core.words, core.end)
    return with_unit(toks, ranged)


def with_unit(toks: list[Tok], core: Core) -> Core:
    """A range may end in a percent sign or a scale like any number."""
    after = with_tail(toks, Core(core.value, core.end, core.words))
    if after.kind == "percent":
        return replace(after, kind="percent")
    return core


def digits_value(t: Tok) -> float:
    try:
        return float(t.text.replace(",", ""))
    except ValueError:
        return -1.0


def is_score_at(toks: list[Tok], j: int) -> bool:
    a, d, b = tok(toks, j), tok(toks, j + 1), tok(toks, j + 2)
    return bool(a and d and b and a.kind == "num" and d.low in DASHES and b.kind == "num")


def looks_like_score(toks: list[Tok], core: Core, upper: float) -> bool:
    """ "3-2 loss", "lost 2-3": small whole numbers joined by a dash near a result word."""
    first = core.value
    if not (first.is_integer() and upper.is_integer() and first < 1000 and upper < 1000):
        return False
    near = {low(toks, k) for k in range(core.end - 4, core.end + 5)}
    return first >= upper or bool(near & nw.SCORE_WORDS)


def compound(toks: list[Tok], core: Core) -> Core:
    """ "eight-year", "19-year-old", "three-set", "one-quarter": a number glued to its unit."""
    j = core.end
    word = tok(toks, j + 1)
    if word is None or word.kind != "word" or not glued(toks[j], word) or not word.text.islower():
        return core
    if word.low in nw.FRACTIONS:
        return Core(core.value * nw.FRACTIONS[word.low], j + 2, core.words, "fraction", "fraction")
    if word.low in RANKED:
        return Core(core.value, j + 2, core.words, "rank", "rank")
    if word.low in ("strong", "odd", "plus"):
        return Core(core.value, j + 2, core.words, core.kind, core.unit, core.needs_noun)
    if word.low in nw.TIME_UNITS and low(toks, j + 2) in DASHES and low(toks, j + 3) in OLD:
        return Core(core.value, j + 4, core.words, "age", nw.TIME_UNITS[word.low])
    if word.low in nw.TIME_UNITS and low(toks, j + 2) in OLD:
        return Core(core.value, j + 3, core.words, "age", nw.TIME_UNITS[word.low])  # "73-year old"
    if word.low in nw.TIME_UNITS:
        return Core(core.value, j + 2, core.words, "count", nw.TIME_UNITS[word.low])
    if core.value == 1:
        return replace(core, end=j + 2, unit=None)  # "one-sided", "one-off": not a count
    return Core(core.value, j + 2, core.words, "count", plural(word.low))


def plural(word: str) -> str:
    return word if word.endswith("s") else word + "s"


def words_at(toks: list[Tok], i: int) -> Core | None:
    """A number written in words at i: "two", "twenty-five", "a dozen", "tens of thousands"."""
    w = toks[i].low
    if w in nw.UNITS or w in nw.TENS:
        return word_number(toks, i)
    if w in ("a", "an"):
        return article_number(toks, i)
    if w == "dozen":
        return Core(12, i + 1, True, needs_noun=True)
    if w in nw.VAGUE and low(toks, i + 1) == "of":
        return vague(toks, i)
    if w == "half":
        return half(toks, i)
    return None


def word_number(toks: list[Tok], i: int) -> Core | None:
    w = toks[i].low
    value = float(nw.UNITS.get(w, nw.TENS.get(w, 0)))
    j = i + 1
    if w in nw.TENS and low(toks, j) in DASHES and nw.UNITS.get(low(toks, j + 1), 99) < 10:
        value += nw.UNITS[low(toks, j + 1)]
        j += 2
    if low(toks, j) in nw.FRACTIONS and low(toks, j + 1) == "of":
        # "three quarters of": a share, not a count
        return Core(value * nw.FRACTIONS[low(toks, j)], j + 1, True, "fraction", "fraction")
    value, k = scaled(toks, j, value)
    core = with_tail(toks, Core(value, k, True, needs_noun=k == j))
    if w == "one" and core.kind == "count" and core.unit is None and k == j:
        # Bare "one" is mostly a pronoun ("one of them", "no one"): only "one year" counts.
        return core if low(toks, k) in nw.TIME_UNITS else None
    return core


def article_number(toks: list[Tok], i: int) -> Core | None:
    """ "a dozen", "a million", "a quarter of", "an hour" (the last one only when qualified)."""
    nxt = low(toks, i + 1)
    if nxt == "dozen":
        return Core(12, i + 2, True, needs_noun=True)
    if nxt in nw.SCALES:
        value, j = scaled(toks, i + 1, 1.0)
        return with_tail(toks, Core(value, j, True))
    if nxt in nw.FRACTIONS and low(toks, i + 2) == "of":
        return Core(nw.FRACTIONS[nxt], i + 2, True, "fraction", "fraction")
    if nxt in nw.TIME_UNITS:
        return Core(float(nw.TIME_UNIT_FACTOR.get(nxt, 1)), i + 1, True)
    return None


def vague(toks: list[Tok], i: int) -> Core:
    """ "hundreds of", "tens of thousands of": the lower bound, and a noun must follow."""
    value = float(nw.VAGUE[toks[i].low])
    j = i + 1  # at "of"
    if low(toks, j + 1) in nw.VAGUE and nw.VAGUE[low(toks, j + 1)] >= 1000:
        value *= nw.VAGUE[low(toks, j + 1)]
        j += 2
    return Core(value, j, True, needs_noun=True)


def half(toks: list[Tok], i: int) -> Core | None:
    prev, nxt = low(toks, i - 1), low(toks, i + 1)
    if prev in ("first", "second", "other", "a", "one") or nxt in DASHES:
        return None  # "first half", "half-time": not a share
    if nxt in ("a", "an") and low(toks, i + 2) in nw.SCALES:
        value, j = scaled(toks, i + 2, 0.5)
        return Core(value, j, True)
    if nxt in ("a", "an") and low(toks, i + 2) in nw.TIME_UNITS:
        return Core(0.5, i + 2, True)
    if nxt in DETERMINERS or nxt == "of":
        return Core(0.5, i + 1, True, "fraction", "fraction")
    return None


# ------------------------------------------------------------------ what is not a quantity


def is_quantity(toks: list[Tok], i: int, core: Core) -> bool:
    """False for dates, clock times, labels, names and list numbers that read as numbers."""
    t = toks[i]
    prev, nxt = tok(toks, i - 1), tok(toks, core.end)
    if t.kind == "word" and t.text[:1].isupper() and i > 0 and t.low not in ("a", "an"):
        return False  # "Six Nations", "the Big Four": a number word inside a name
    if prev is not None and is_name_prefix(toks, i):
        return False
    if is_slashed(toks, i, core.end):
        return False  # "9/11", "24/7", "12/03/2004"
    if t.kind == "word" and prev is not None and prev.low in DASHES and glued(prev, t):
        return False  # "father-of-two": a number inside a compound word
    if is_date(toks, i, core) or is_clock(toks, i, core):
        return False
    if core.kind == "count" and t.kind == "num" and is_list_number(toks, i):
        return False
    label = prev is not None and prev.low in nw.LABEL_WORDS
    if prev is not None and prev.text == "." and low(toks, i - 2) == "no":
        label = True  # "No. 10"
    if label and core.kind not in ("money", "rank"):
        return False
    return not (nxt is not None and glued(toks[core.end - 1], nxt) and nxt.kind == "word")


def is_world_rank(toks: list[Tok], i: int) -> bool:
    """ "world No. 7", "world number 7": a rank, though "No. 10" alone is a label."""
    j = i - 2 if low(toks, i - 1) == "." else i - 1
    return low(toks, j) in ("no", "number") and low(toks, j - 1) in ("world", "world's", "world’s")


def is_slashed(toks: list[Tok], i: int, end: int) -> bool:
    prev, nxt = tok(toks, i - 1), tok(toks, end)
    before = prev is not None and prev.text == "/" and glued(prev, toks[i])
    return before or (nxt is not None and nxt.text == "/" and glued(toks[end - 1], nxt))


def is_name_prefix(toks: list[Tok], i: int) -> bool:
    """ "G7", "Covid-19", "Boeing 747", "Windows 10": letters or a name right before the number."""
    prev = toks[i - 1]
    if prev.kind == "word" and glued(prev, toks[i]):
        return True
    if prev.low in DASHES and glued(prev, toks[i]) and i > 1:
        word = toks[i - 2]
        return word.kind == "word" and glued(word, prev) and word.text != word.low
    if prev.text in ("'", "’") and glued(prev, toks[i]):
        return True  # "'75": a year
    capital = prev.kind == "word" and prev.text[:1].isupper()
    possessive = prev.low.endswith(("'s", "’s"))
    known = prev.low in nw.FUNCTION_WORDS or prev.low in nw.QUALIFIERS
    return capital and not possessive and not known and prev.low not in nw.MONTHS


def is_date(toks: list[Tok], i: int, core: Core) -> bool:
    t = toks[i]
    if t.kind == "num" and core.kind in ("count", "range", "score") and is_year(t):
        return True
    prev, nxt = tok(toks, i - 1), tok(toks, core.end)
    for near in (prev, nxt):
        if near and near.low in nw.MONTHS and near.text[:1].isupper():
            return core.kind != "money"  # "5 May", "March 12"
    # "2014-15": a season or financial year after a year
    return bool(prev and prev.low in DASHES and i > 1 and is_year(toks[i - 2]))


def is_year(t: Tok) -> bool:
    return t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and 1500 <= int(t.text) <= 2100


def is_clock(toks: list[Tok], i: int, core: Core) -> bool:
    nxt = tok(toks, core.end)
    if nxt and nxt.low in nw.CLOCK_WORDS:
        return True
    if nxt and nxt.text == ":" and glued(toks[core.end - 1], nxt):
        return True  # "10:30"
    prev = tok(toks, i - 1)
    return bool(prev and prev.text == ":" and glued(prev, toks[i]))


def is_list_number(toks: list[Tok], i: int) -> bool:
    """ "1." or "2)" opening a sentence, "(3)" in running text: list numbering."""
    nxt = tok(toks, i + 1)
    closes = nxt is not None and nxt.text in (".", ")") and glued(toks[i], nxt)
    prev = tok(toks, i - 1)
    return (i == 0 and closes) or bool(prev and prev.text == "(" and nxt and nxt.text == ")")


# ------------------------------------------------------------------ what it counts


def qualifier_start(toks: list[Tok], i: int) -> int:
    """Index of the first token of the qualifier before i ("an estimated", "more than")."""
    for phrase in QUALIFIERS_BY_LAST_WORD.get(low(toks, i - 1), ()):
        n = len(phrase)
        if i - n < 0:
            continue
        window = toks[i - n : i]
        if all(t.kind == "word" for t in window) and tuple(t.low for t in window) == phrase:
            return i - n
    if (
        i > 0
        and toks[i - 1].low == "no"
        and (low(toks, i + 2) in RANKED or low(toks, i + 1) in DASHES)
    ):
        return i - 1
    if i > 1 and toks[i - 1].text == "." and toks[i - 2].low == "no":
        return i - 2  # "No. 1-ranked"
    if is_world_rank(toks, i):
        return i - 1  # "world number 3"
    return i


def noun_phrase(toks: list[Tok], j: int, core: Core) -> tuple[int, str | None]:
    """End index and head word of the noun phrase that follows a number ("troops")."""
    nxt = tok(toks, j)
    if core.kind in ("percent", "money") and nxt is not None and nxt.text[:1].isupper():
        return j, None  # "a rate of 8% Axa said": a share or sum is not "of" a name
    k, head = noun_words(toks, j)
    is_time = head is not None and (head in nw.TIME_UNITS or head in nw.TIME_UNITS.values())
    if is_time and low(toks, k) == "old":
        return k + 1, head  # "35 years old"
    if head is None and low(toks, j) == "of" and core.kind != "score":
        # "70% of local businesses", "tens of thousands of soldiers", "half of those affected"
        m = j + 1
        while low(toks, m) in DETERMINERS:
            m += 1
        k2, head2 = noun_words(toks, m, after_those=low(toks, m - 1) in ("those", "these"))
        if head2 is not None:
            return k2, head2
    return k, head


def noun_words(toks: list[Tok], j: int, after_those: bool = False) -> tuple[int, str | None]:
    """End index and head word of the words of a noun phrase starting at j (none: head None).

    `after_those` lets a participle stand as the noun ("those affected").
    """
    k = j
    ends: list[tuple[int, str]] = []  # (end index, head word) after each word read
    while k < len(toks) and len(ends) < MAX_NOUN_WORDS:
        t = toks[k]
        if t.kind != "word" or t.low in nw.FUNCTION_WORDS or t.low in nw.CLOCK_WORDS:
            break
        if t.low in nw.MONTHS and t.text[:1].isupper():
            break
        verbal = t.text.islower() and t.low.endswith(VERB_ENDINGS)
        if ends and (verbal or t.low in nw.SCORE_WORDS - {"sets"}):
            break  # "people killed", "titles worldwide": the verb or adverb ends the phrase
        if not ends and verbal and not after_those and not is_noun_word(tok(toks, k + 1)):
            break  # "another 18% felt": a verb, unless a noun follows ("three wounded men")
        if ends and t.text[:1].isupper() and toks[k - 1].text.islower():
            break  # a name after the noun starts the next phrase
        k += 1
        head = t.low.removesuffix("'s").removesuffix("’s")
        # "long-range missiles": a hyphenated word is one word
        if low(toks, k) in DASHES and tok(toks, k + 1) and glued(toks[k - 1], toks[k]):
            nxt = toks[k + 1]
            if nxt.kind == "word" and glued(toks[k], nxt):
                k += 2
                head = nxt.low
        ends.append((k, head))
    if not ends:
        return j, None
    if not is_plural(ends[-1][1]):
        # "53 million people own": a plural noun then a word that is not one reads as a verb;
        # "19 grand slam singles tennis titles" ends on a plural and stays whole.
        for end, head in reversed(ends[:-1]):
            if is_plural(head):
                return end, head
    return ends[-1]


def is_noun_word(t: Tok | None) -> bool:
    return bool(
        t and t.kind == "word" and t.low not in nw.FUNCTION_WORDS and not t.low.endswith("ed")
    )


def is_plural(word: str) -> bool:
    if word in nw.PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def resolve_unit(toks: list[Tok], start: int, core: Core, head: str | None) -> str | None:
    if core.unit is not None:
        return core.unit
    if core.kind == "score":
        return "score"
    if head is not None:
        if head in nw.CURRENCY_WORDS:
            return nw.CURRENCY_WORDS[head]
        return nw.TIME_UNITS.get(head, head)
    if low(toks, start - 1) in ("age", "aged") or is_age_apposition(toks, start, core.end):
        return "years"
    return None


def is_age_apposition(toks: list[Tok], start: int, end: int) -> bool:
    """ "Noah, 31, who ...": a bare number set off by commas after a name is an age."""
    name, comma, after = tok(toks, start - 2), tok(toks, start - 1), tok(toks, end)
    return bool(
        name
        and comma
        and after
        and comma.text == ","
        and after.text in (",", ".")
        and name.kind == "word"
        and name.text[:1].isupper()
    )


def context_of(toks: list[Tok], text: str, first: int, num_end: int, end: int) -> str:
    """What the figure counts, in the article's words: its noun phrase and the clause around."""
    after = end
    while after < len(toks) and in_clause(toks[after]) and after - num_end < CONTEXT_WORDS:
        after += 1
    while after > end and toks[after - 1].low in nw.FUNCTION_WORDS:
        after -= 1  # "... that has killed over": no dangling function word at the end
    before = first
    if after - num_end < 4:
        # Little follows ("killed over 14,000 people."): the words before say what it is.
        if before > 1 and toks[before - 1].text == "," and toks[before - 2].kind == "word":
            before -= 1  # "Noah, 31,": the name before the comma
        while before > 0 and in_clause(toks[before - 1]) and first - before < 5:
            before -= 1
    # The context always holds the figure itself, so the page can show it in its own phrase.
    begin = toks[before].start
    stop = toks[after - 1].end if after > 0 else len(text)
    return text[begin:stop].strip()


def in_clause(t: Tok) -> bool:
    return t.kind == "word" and t.low not in CLAUSE_WORDS


# ------------------------------------------------------------------ ranking


def importance(fig: Figure, in_summary: bool, total: int) -> float:
    """Higher for figures in summary sentences, early in the article, big counts of people or
    money, and figures with a clear noun; small numbers written in words score low."""
    score = 3.0 if in_summary else 0.0
    score += 1.5 / (1.0 + 10.0 * fig.sentence / total)
    value = abs(fig.value or 0.0)
    magnitude = math.log10(value + 1.0)
    unit = fig.unit or ""
    if unit in nw.CURRENCY_SYMBOLS.values() or unit in nw.CURRENCY_WORDS.values():
        score += 1.5 + min(magnitude / 4.0, 2.0)
    elif unit in ("percent", "percentage points", "fraction", "score", "rank"):
        score += 1.5  # shares and results matter whatever their size
    elif unit in nw.PEOPLE:
        score += 1.0 + min(magnitude / 2.0, 2.5)
    else:
        score += min(magnitude / 2.0, 1.5)
    if any(c.isdigit() for c in fig.text) or unit == "fraction":
        score += 1.0  # precise figures; shares are written in words ("one-quarter") by style
    if not fig.unit:
        score -= 1.5
    if value <= 2 and not any(c.isdigit() for c in fig.text):
        score -= 1.0
    return score


def merge_repeats(figs: list[Figure]) -> list[Figure]:
    """Keep the best-scored mention of each (value, unit); a bare repeat joins the full one."""
    best: dict[tuple[float | None, str | None], Figure] = {}
    for f in figs:
        key = (f.value, f.unit)
        if key not in best or f.score > best[key].score:
            best[key] = f
    units = {v for v, u in best if u is not None}
    kept = [f for (v, u), f in best.items() if u is not None or v not in units]
    return sorted(kept, key=lambda f: (-f.score, f.sentence))
