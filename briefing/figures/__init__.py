"""Numbers and what they count, ranked.

Each sentence's tokens (made once by `annotate.py`) are read left to right: a number core
("150,000", "$11.1bn", "tens of thousands", "eight-year"), the qualifier before it ("an
estimated"), and the noun phrase after it ("troops"). Things that look like numbers but are not
quantities (dates, clock times, labels, names, phone numbers) are skipped. The figure's `text`
is always a slice of its sentence, so it occurs there verbatim. Every word the rules look up
comes from the document's language files, through `numbers.number_words`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from typing import Final, NamedTuple

from briefing.annotate import CONNECTORS
from briefing.figures.numbers import NumberWords, number_words
from briefing.model import AnnotatedDocument, AnnotatedSentence, Figure, Token

# "+44 20 7946 0958", "(555) 123-4567", "0800 123 456": digit groups with separators.
PHONE: Final = re.compile(
    r"(?<![\w.,])\+?(?:\(\d{2,5}\)\s?)?\d{2,5}(?:[ .-]\d{2,5}){2,4}(?![\w.,]\d)"
)
# What every phone number above holds: a cheap test before the slow pattern.
PHONE_HINT: Final = re.compile(r"\d\d[ .-]\d\d")
# "1,5", "1,5000": not a thousands separator.
ODD_DIGITS: Final = re.compile(r",\d{1,2}(?!\d)|,\d{4}")
DASHES: Final = frozenset("-–—")
# "(CNN)One person died": a capitalised number word opening a clause.
OPENERS: Final = frozenset(")]:")
WORD_SHAPES: Final = frozenset(("word", "capitalised", "upper"))
MAX_NOUN_WORDS: Final = 5
ORDINAL_WEIGHT: Final = -1.5  # added to the importance of an ordinal that is not a rank
CONTEXT_WORDS: Final = 10


class Scan(NamedTuple):
    """One sentence being read: its tokens and the language's number words."""

    toks: tuple[Token, ...]
    w: NumberWords


class Core(NamedTuple):
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
    w = number_words(doc.language)
    picked = set(summary)
    total = max(1, len(doc.sentences))
    found: list[Figure] = []
    for sentence in doc.sentences:
        if not may_hold_number(sentence, w):
            continue  # most sentences of a long document: no need to read them
        for fig in figures_in(sentence, w):
            score = importance(fig, fig.sentence in picked, total, w)
            found.append(
                Figure(fig.text, fig.value, fig.unit, fig.context, fig.sentence, fig.doc, score)
            )
    return merge_repeats(found)


def may_hold_number(sentence: AnnotatedSentence, w: NumberWords) -> bool:
    # Most sentences hold neither digits nor number words.
    return any(t.shape == "number" or t.lower in w.signals for t in sentence.tokens)


def figures_in(sentence: AnnotatedSentence, w: NumberWords) -> list[Figure]:
    """Every figure in one sentence, in reading order, unscored."""
    s = Scan(sentence.tokens, w)
    masked = phone_spans(sentence.text)
    out: list[Figure] = []
    i = 0
    for k in starts(s):
        if k < i or (masked and any(a <= s.toks[k].start < b for a, b in masked)):
            continue  # inside the figure read last, or a phone number
        found = read_figure(s, k, sentence)
        if found is not None:
            fig, i = found
            out.append(fig)
    return out


def starts(s: Scan) -> list[int]:
    """Indices of the tokens a figure may start at: digits, a currency sign, a number word."""
    toks, w = s.toks, s.w
    found = []
    for i, t in enumerate(toks):
        if t.shape == "number" or t.lower in w.starts:
            if t.lower in w.articles and low(s, i + 1) not in w.after_article:
                continue  # "a" and "an" start a number only as in "a dozen", "an hour"
            found.append(i)
    return found


def phone_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not PHONE_HINT.search(text):
        return spans
    for m in PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 7:
            spans.append(m.span())
    return spans


def glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def tok(s: Scan, i: int) -> Token | None:
    return s.toks[i] if 0 <= i < len(s.toks) else None


def low(s: Scan, i: int) -> str:
    return s.toks[i].lower if 0 <= i < len(s.toks) else ""


def is_word(t: Token | None) -> bool:
    return t is not None and t.shape in WORD_SHAPES


def after_possessive(s: Scan, end: int) -> int:
    """`end`, or past a possessive ending glued to the word before it ("the 28-year-old's")."""
    t = tok(s, end)
    if t is not None and end > 0 and t.lower in s.w.possessives:
        return end + 1 if glued(s.toks[end - 1], t) else end
    return end


# ------------------------------------------------------------------ reading one figure


def read_figure(s: Scan, i: int, sentence: AnnotatedSentence) -> tuple[Figure, int] | None:
    """The figure starting at token i (after any qualifier) and the index to read on from."""
    start, core = number_start(s, i)
    if core is None or core.kind == "name":
        return None
    world_rank = is_world_rank(s, start)
    if core.kind in ("count", "ordinal") and (world_rank or is_chart_place(s, start)):
        core = core._replace(kind="rank", unit="rank", needs_noun=False)
    if dashed_on(s, core.end - 1):
        return None  # "978-1-5090-2455-1", "555-123-4567": a code, not a range or a score
    if core.kind != "score" and not is_quantity(s, start, core):
        return None
    if core.lower_end and low(s, start - 1) in s.w.change_from:
        # "from 10 to 15" is a change: two figures, not a range
        if core.kind == "range":
            core = Core(core.value, core.lower_end, core.words, needs_noun=core.words)
        else:
            core = core._replace(end=core.lower_end, lower_end=0)
    first = qualifier_start(s, start)
    if first == start and is_article(s, start) and low(s, start + 1) in s.w.time_units:
        return None  # "a decade", "an hour" count only when qualified ("for about an hour")
    # "the 29-year-old left", "world No. 7 plans": the next word is as often a verb as a noun
    bare = core.kind == "age" or world_rank
    noun_end, head = (core.end, None) if bare else noun_phrase(s, core.end, core)
    if core.needs_noun and head is None and core.unit is None:
        if not is_group_count(s, start):
            return None
        first, head = start - 2, s.toks[start - 2].lower  # "a family of four"
    unit = resolve_unit(s, start, core, head)
    end = max(noun_end, core.end)
    text = sentence.text[s.toks[first].start : s.toks[end - 1].end]
    context = context_of(s, sentence.text, first, core.end, end)
    if (head is None and context == text) or (unit is None and after_name(s, start)):
        return None  # "(S. 207)", "not hundreds", "Sharp's 902": says nothing, or a model's name
    # A place in a series ("13th birthday") is no quantity: it ranks below the counts.
    weight = ORDINAL_WEIGHT if core.kind == "ordinal" else 0.0
    return Figure(text, core.value, unit, context, sentence.index, sentence.doc, weight), end


def is_group_count(s: Scan, start: int) -> bool:
    return low(s, start - 1) in s.w.of_words and low(s, start - 2) in s.w.group_nouns


def after_name(s: Scan, start: int) -> bool:
    """A bare number after a name's possessive ("Sharp's 902") names a model."""
    name = tok(s, start - 2)
    return (
        low(s, start - 1) in s.w.possessives
        and name is not None
        and is_word(name)
        and name.text[:1].isupper()
    )


def is_chart_place(s: Scan, start: int) -> bool:
    """ "at number two", "No 3 in the charts": a place, though "No 10" alone is a label."""
    before = low(s, start - 1)
    if before != "." and before not in s.w.number_signs:
        return False  # most numbers: no "No" or "number" before them
    j = start - 2 if before == "." else start - 1
    if low(s, j) not in s.w.number_signs or low(s, j - 1) not in s.w.chart_prepositions:
        return False
    after = tok(s, start + 1)
    return after is None or not (is_word(after) and after.text[:1].isupper())


def is_article(s: Scan, i: int) -> bool:
    return low(s, i) in s.w.articles


def number_start(s: Scan, i: int) -> tuple[int, Core | None]:
    """(first token of the number, its reading) when a number starts at i, else (i, None)."""
    t = s.toks[i]
    code = s.w.currency_symbols.get(t.text)
    if code is not None and (nxt := tok(s, i + 1)) and nxt.shape == "number":
        core = digits_at(s, i + 1)
        if core is None:
            return i, None
        before = tok(s, i - 1)
        # "US$5bn" keeps "US"; a word glued to "$" otherwise is not ours
        keep = before is not None and is_word(before) and glued(before, t) and before.text.isupper()
        money = Core(core.value, core.end, kind="money", unit=code, lower_end=core.lower_end)
        return (i - 1 if keep else i), money
    if t.shape == "number":
        return i, digits_at(s, i)
    if is_word(t):
        return i, words_at(s, i)
    return i, None


def digits_at(s: Scan, i: int) -> Core | None:
    t, w = s.toks[i], s.w
    if t.text.count(".") > 1 or ODD_DIGITS.search(t.text):
        return None  # version numbers ("1.2.3") and odd groupings are not quantities
    value = digits_value(t)
    if value < 0:
        return None  # "²": a digit to str.isdigit, not a number
    j = i + 1
    nxt = tok(s, j)
    if nxt and glued(t, nxt) and is_word(nxt):
        if nxt.lower in w.metres and low(s, j + 1) in w.dimensions:
            return Core(value, j + 1, unit="metres")  # "2.5m high": metres, not millions
        if nxt.lower in w.glued_scales:
            return with_tail(s, Core(value * w.glued_scales[nxt.lower], j + 1))
        if nxt.lower in w.glued_measures:
            return Core(value, j + 1, unit=nxt.lower)
        if nxt.text in w.minor_currencies:  # "79p", "50c"; "50C" is a temperature
            return Core(value, j + 1, kind="money", unit=w.minor_currencies[nxt.text])
        if nxt.lower in w.ordinal_suffixes:
            return ranked(s, i, value, j + 1)
        return None  # "4G", "3D", "1990s", "4pm": names, decades, clock times
    j += and_a_half(s, j)
    if j > i + 1:
        value += 0.5
    value, j = scaled(s, j, value)
    return with_tail(s, Core(value, j))


def and_a_half(s: Scan, j: int) -> int:
    """How many tokens at j spell "and a half" or "-and-a-half" (0 for none)."""
    w, first = s.w, low(s, j)
    if first in w.range_and:
        return 3 if low(s, j + 1) in w.articles and low(s, j + 2) in w.half_words else 0
    if first not in DASHES or low(s, j + 1) not in w.range_and:
        return 0  # most numbers: neither "and" nor "-and" after them
    dashed = low(s, j + 2) in DASHES and low(s, j + 4) in DASHES
    if dashed and low(s, j + 3) in w.articles and low(s, j + 5) in w.half_words:
        return 6
    return 0


def ranked(s: Scan, i: int, value: float, j: int, words: bool = False) -> Core | None:
    """An ordinal at i (ending before j) as a rank ("68th-ranked", "finished third") or a place
    in a series ("his 50th cap", "in third place"); "the 5th", "at first" are not figures.
    An ordinal word needs a word before it that makes it a place ("their third year")."""
    w = s.w
    if low(s, j) in DASHES and low(s, j + 1) in w.rank_words:
        return Core(value, j + 2, words, kind="rank", unit="rank")
    if low(s, j) in w.rank_words:
        return Core(value, j + 1, words, kind="rank", unit="rank")
    nxt, word = tok(s, j), tok(s, j + 1)
    compound = nxt is not None and word is not None and nxt.lower in DASHES and glued(nxt, word)
    if compound and is_word(word):
        j += 2  # "a second-round match": the compound's first part is read with the number
        nxt = word
    noun = is_word(nxt) and low(s, j) not in w.stops and low(s, j) not in w.ordinal_stops
    if not noun and nxt is not None and nxt.lower not in DASHES and after_rank_verb(s, i):
        return Core(value, j, words, kind="rank", unit="rank")
    if noun and (not words or low(s, i - 1) in w.ordinal_openers):
        return Core(value, j, words, kind="ordinal", needs_noun=True)
    return None


def after_rank_verb(s: Scan, i: int) -> bool:
    """ "finished third", "ranked the UK third": a ranking verb a few words before."""
    return any(
        low(s, k) in s.w.rank_verbs and low(s, k - 1) not in DASHES  # not "68th-ranked"
        for k in range(max(0, i - 4), i)
    )


def scaled(s: Scan, j: int, value: float) -> tuple[float, int]:
    """Apply scale words after a number: "2.5 million", "five hundred thousand", "two dozen"."""
    w = s.w
    while (word := low(s, j)) in w.scales or word in w.counting_nouns:
        value *= w.scales.get(word) or w.counting_nouns[word]
        j += 1
    return value, j


def percent_at(s: Scan, j: int) -> tuple[int, str] | None:
    """(end, unit) of a percent phrase at j: "%", "per cent", "percentage points"."""
    for words, unit in s.w.percent.get(low(s, j), ()):
        if all(low(s, j + k) == word for k, word in enumerate(words)):
            return j + len(words), unit
    return None


def with_tail(s: Scan, core: Core) -> Core:
    """Read what may follow a number: a percent sign, a range, a score, a hyphenated unit."""
    j = core.end
    share = percent_at(s, j)
    if share is not None:
        return Core(core.value, share[0], core.words, "percent", share[1])
    nxt = low(s, j)
    if nxt in DASHES or nxt in s.w.range_words or (nxt in s.w.range_and and after_between(s, j)):
        joined = range_or_score(s, core)
        if joined is not None:
            return joined
    if nxt in DASHES and glued(s.toks[j - 1], s.toks[j]):
        return compound(s, core)
    return core


def after_between(s: Scan, j: int) -> bool:
    """Whether "between" opens the few tokens before j ("between £5m and ...")."""
    return any(low(s, k) in s.w.between_words for k in range(max(0, j - 4), j))


def range_or_score(s: Scan, core: Core) -> Core | None:
    """ "10 to 15", "10-15" (a range: lower bound) or "3-2", "7-5, 7-5" (a score)."""
    j, w = core.end, s.w
    if low(s, j + 1) in w.currency_symbols and tok(s, j + 2) is not None:
        j += 1  # "£10m to £15m": the sign said again
    second = tok(s, j + 1)
    if second is None or (second.shape == "number") == core.words:
        return None
    if second.shape == "number":
        upper = digits_value(second)
    else:
        upper = w.units.get(second.lower, w.tens.get(second.lower, -1.0))
    if upper < 0:
        return None
    dash = s.toks[j].lower in DASHES
    twins = dash and second.shape == "number" and upper == core.value >= 10
    if twins and not near_score_word(s, j):
        return Core(core.value, j + 2, kind="name")  # "a 30-30 rifle": a model's name
    if dash and second.shape == "number" and looks_like_score(s, core, upper):
        end = j + 2
        # "7-5, 7-5": set scores listed one after another are one result.
        while low(s, end) == "," and is_score_at(s, end + 1):
            end += 4
        return Core(core.value, end, kind="score", unit="score")
    end = j + 2
    glue = tok(s, end)
    if glue is not None and glued(second, glue) and glue.lower in w.glued_scales:
        upper, end = upper * w.glued_scales[glue.lower], end + 1  # "15m"
    value, end = scaled(s, end, upper)
    last = low(s, core.end - 1)  # "£10m to £15m" is scaled, "10 to 15 million" is not
    lower_scaled = last in w.scales or last in w.glued_scales
    scale = 1.0 if lower_scaled or not upper else value / upper
    if value <= core.value * scale and not dash:
        return None
    ranged = Core(core.value * scale, end, core.words, "range", None, core.words, core.end)
    return with_unit(s, ranged)


def with_unit(s: Scan, core: Core) -> Core:
    """A range may end in a percent sign or a scale like any number."""
    after = with_tail(s, Core(core.value, core.end, core.words))
    if after.kind == "percent":
        return after
    return core


def digits_value(t: Token) -> float:
    try:
        return float(t.text.replace(",", ""))
    except ValueError:
        return -1.0


def is_score_at(s: Scan, j: int) -> bool:
    a, d, b = tok(s, j), tok(s, j + 1), tok(s, j + 2)
    return bool(a and d and b and a.shape == "number" and d.lower in DASHES and b.shape == "number")


def looks_like_score(s: Scan, core: Core, upper: float) -> bool:
    """ "3-2 loss", "lost 2-3": small whole numbers joined by a dash near a result word."""
    first = core.value
    if not (first.is_integer() and upper.is_integer() and first < 1000 and upper < 1000):
        return False
    return first >= upper or near_score_word(s, core.end)


def near_score_word(s: Scan, j: int) -> bool:
    return not s.w.score_words.isdisjoint(low(s, k) for k in range(j - 4, j + 5))


def compound(s: Scan, core: Core) -> Core:
    """ "eight-year", "19-year-old", "three-set", "one-quarter": a number glued to its unit."""
    j, w = core.end, s.w
    word = tok(s, j + 1)
    if word is None or not is_word(word) or not glued(s.toks[j], word) or not word.text.islower():
        return core
    lw = word.lower
    if lw in w.articles and low(s, j + 2) in DASHES and low(s, j + 3) in w.time_units:
        return core._replace(end=j + 4)  # "$6.99-a-month": a rate
    if lw in w.fractions:
        return Core(core.value * w.fractions[lw], j + 2, core.words, "fraction", "fraction")
    if lw in w.rank_words:
        return Core(core.value, j + 2, core.words, "rank", "rank")
    if lw in w.number_tails:
        return core._replace(end=j + 2)
    if lw in w.time_units:
        unit = w.time_units[lw]
        if low(s, j + 2) in DASHES and low(s, j + 3) in w.old_words:
            return Core(core.value, after_possessive(s, j + 4), core.words, "age", unit)
        if low(s, j + 2) in w.old_words:  # "73-year old"
            return Core(core.value, after_possessive(s, j + 3), core.words, "age", unit)
        return Core(core.value, j + 2, core.words, "count", unit)
    if core.value == 1:
        return core._replace(end=j + 2, unit=None)  # "one-sided", "one-off": not a count
    return Core(core.value, j + 2, core.words, "count", plural(lw, w))


def plural(word: str, w: NumberWords) -> str:
    if not w.plural_endings or word.endswith(w.plural_endings):
        return word
    return word + w.plural_endings[0]


def words_at(s: Scan, i: int) -> Core | None:
    """A number written in words at i: "two", "twenty-five", "a dozen", "tens of thousands"."""
    word, w = s.toks[i].lower, s.w
    if word in w.units or word in w.tens:
        return word_number(s, i)
    if word in w.articles:
        return article_number(s, i)
    if word in w.counting_nouns:
        return Core(w.counting_nouns[word], i + 1, True, needs_noun=True)
    if word in w.vague and low(s, i + 1) in w.of_words:
        return vague(s, i)
    if w.vague.get(word, 0) >= 100 and stands_alone(s, i):
        return Core(w.vague[word], i + 1, True, unit="people")  # "spurred thousands to rally"
    if word in w.half_words:
        return half(s, i)
    if word in w.ordinals:
        return ranked(s, i, w.ordinals[word], i + 1, words=True)
    if word in w.multiples:  # "scored twice"
        return Core(w.multiples[word], i + 1, True, unit="times")
    return None


def word_number(s: Scan, i: int) -> Core | None:
    word, w = s.toks[i].lower, s.w
    value = w.units.get(word, w.tens.get(word, 0.0))
    j = i + 1
    if word in w.tens and low(s, j) in DASHES and w.units.get(low(s, j + 1), 99) < 10:
        value += w.units[low(s, j + 1)]
        j += 2
    halves = and_a_half(s, j)  # "two and a half years", "five-and-a-half years"
    if halves:
        return Core(value + 0.5, j + halves, True, needs_noun=True)
    if low(s, j) in w.fractions and low(s, j + 1) in w.of_words:
        # "three quarters of": a share, not a count
        return Core(value * w.fractions[low(s, j)], j + 1, True, "fraction", "fraction")
    value, k = scaled(s, j, value)
    core = with_tail(s, Core(value, k, True, needs_noun=k == j))
    if w.units.get(word) == 1 and core.kind == "count" and core.unit is None and k == j:
        # Bare "one" is mostly a pronoun ("one of them", "no one"): "one year", "one person" count.
        return core if low(s, k) in w.time_units or low(s, k) in w.people else None
    return core


def article_number(s: Scan, i: int) -> Core | None:
    """ "a dozen", "a million", "a quarter of", "an hour" (the last one only when qualified)."""
    nxt, w = low(s, i + 1), s.w
    if nxt in w.counting_nouns:
        return Core(w.counting_nouns[nxt], i + 2, True, needs_noun=True)
    if nxt in w.scales:
        value, j = scaled(s, i + 1, 1.0)
        return with_tail(s, Core(value, j, True))
    if nxt in w.fractions and low(s, i + 2) in w.of_words:
        return Core(w.fractions[nxt], i + 2, True, "fraction", "fraction")
    if nxt in w.time_units:
        return Core(w.time_factors.get(nxt, 1.0), i + 1, True)
    return None


def stands_alone(s: Scan, i: int) -> bool:
    """ "thousands" as a noun of its own: no noun after it, no determiner before ("their")."""
    nxt, w = tok(s, i + 1), s.w
    before = low(s, i - 1)
    if before in w.determiners or before in w.possessives or before in w.articles:
        return False
    return nxt is None or not is_word(nxt) or nxt.lower in w.stops


def vague(s: Scan, i: int) -> Core:
    """ "hundreds of", "tens of thousands of": the lower bound, and a noun must follow."""
    w = s.w
    value = w.vague[s.toks[i].lower]
    j = i + 1  # at "of"
    if w.vague.get(low(s, j + 1), 0) >= 1000:
        value *= w.vague[low(s, j + 1)]
        j += 2
    return Core(value, j, True, needs_noun=True)


def half(s: Scan, i: int) -> Core | None:
    prev, nxt, w = low(s, i - 1), low(s, i + 1), s.w
    dashed = nxt in DASHES and low(s, i + 2) in w.articles and low(s, i + 3) in DASHES
    if dashed and prev not in w.half_parts and low(s, i + 4) in w.scales:  # "half-a-million"
        value, j = scaled(s, i + 4, 0.5)
        return with_tail(s, Core(value, j, True))
    if prev in w.half_parts or nxt in DASHES:
        return None  # "first half", "half-time": not a share
    if nxt in w.articles and low(s, i + 2) in w.scales:
        value, j = scaled(s, i + 2, 0.5)
        return Core(value, j, True)
    if nxt in w.articles and low(s, i + 2) in w.time_units:
        return Core(0.5, i + 2, True)
    if nxt in w.determiners or nxt in w.of_words:
        return Core(0.5, i + 1, True, "fraction", "fraction")
    return None


# ------------------------------------------------------------------ what is not a quantity


def is_quantity(s: Scan, i: int, core: Core) -> bool:
    """False for dates, clock times, labels, names and list numbers that read as numbers."""
    t, w = s.toks[i], s.w
    prev, nxt = tok(s, i - 1), tok(s, core.end)
    if is_word(t) and t.text[:1].isupper() and not opens_clause(s, i, prev):
        return False  # "Six Nations", "the Big Four": a number word inside a name
    if prev is not None and (t.shape == "number" or t.text[:1].isupper()) and is_name_prefix(s, i):
        return False  # "Boeing 747"; a word after a name is no part of it ("ranked the UK third")
    if is_slashed(s, i, core.end):
        return False  # "9/11", "24/7", "12/03/2004"
    if t.text in w.number_names and is_word(nxt) and not is_plural(low(s, core.end), w):
        return False  # "a 911 call"
    after_dash = prev is not None and prev.lower in DASHES and glued(prev, t) and i > 1
    if after_dash and s.toks[i - 2].shape == "number":
        return False  # "30-30 rifle": the second of two numbers a dash joins
    if is_word(t) and prev is not None and prev.lower in DASHES and glued(prev, t):
        return False  # "father-of-two": a number inside a compound word
    if is_date(s, i, core) or is_clock(s, i, core):
        return False
    if core.kind == "count" and t.shape == "number" and is_list_number(s, i):
        return False
    label = prev is not None and prev.lower in w.label_words
    if prev is not None and prev.text == "." and low(s, i - 2) in w.number_signs:
        label = True  # "No. 10"
    if label and core.kind not in ("money", "rank"):
        return False
    return not (nxt is not None and glued(s.toks[core.end - 1], nxt) and is_word(nxt))


def dashed_on(s: Scan, k: int) -> bool:
    """Whether number token k is followed by a dash and another number, all glued."""
    dash, nxt = tok(s, k + 1), tok(s, k + 2)
    return (
        s.toks[k].shape == "number"
        and dash is not None
        and nxt is not None
        and dash.lower in DASHES
        and nxt.shape == "number"
        and glued(s.toks[k], dash)
        and glued(dash, nxt)
    )


def opens_clause(s: Scan, i: int, prev: Token | None) -> bool:
    """Whether token i starts the sentence or a clause ("(CNN)One person died")."""
    return i == 0 or is_article(s, i) or (prev is not None and prev.text in OPENERS)


def is_world_rank(s: Scan, i: int) -> bool:
    """ "world No. 7", "world number 7": a rank, though "No. 10" alone is a label."""
    w = s.w
    j = i - 2 if low(s, i - 1) == "." else i - 1
    if low(s, j) not in w.number_signs:
        return False
    if low(s, j - 1) in w.possessives:
        j -= 1  # "the world's No. 1"
    return low(s, j - 1) in w.world_words


def is_slashed(s: Scan, i: int, end: int) -> bool:
    prev, nxt = tok(s, i - 1), tok(s, end)
    before = prev is not None and prev.text == "/" and glued(prev, s.toks[i])
    return before or (nxt is not None and nxt.text == "/" and glued(s.toks[end - 1], nxt))


def is_name_prefix(s: Scan, i: int) -> bool:
    """ "G7", "Covid-19", "Boeing 747", "Windows 10": letters or a name right before the number."""
    prev, w = s.toks[i - 1], s.w
    if prev.text == "." and i > 1 and glued(s.toks[i - 2], prev):
        prev = s.toks[i - 2]  # "Prop. 13", "Vol. 3": an abbreviated name and its full stop
    if is_word(prev) and glued(prev, s.toks[i]):
        return True
    if prev.lower in DASHES and glued(prev, s.toks[i]) and i > 1:
        word = s.toks[i - 2]
        return is_word(word) and glued(word, prev) and word.text != word.lower
    if prev.text in ("'", "’") and glued(prev, s.toks[i]):
        return True  # "'75": a year
    # A possessive ("Russia's 300 troops") is a punctuation token here, never a name.
    capital = is_word(prev) and prev.text[:1].isupper()
    known = prev.lower in w.stops or prev.lower in w.qualifiers or prev.lower in w.months
    return capital and not known


def is_date(s: Scan, i: int, core: Core) -> bool:
    t = s.toks[i]
    if t.shape == "number" and core.kind in ("count", "range", "score") and is_year(t):
        return True
    prev, nxt = tok(s, i - 1), tok(s, core.end)
    if prev and prev.text == "." and i > 1 and glued(s.toks[i - 2], prev):
        prev = s.toks[i - 2]  # "Feb. 9": the month is read through its full stop
    for near in (prev, nxt):
        if near and near.lower in s.w.months and near.text[:1].isupper():
            return core.kind != "money"  # "5 May", "March 12"
    if prev and prev.lower in s.w.weekdays and prev.text[:1].isupper():
        return core.kind != "money"  # "Tuesday 21"
    # "2014-15": a season or financial year after a year
    return bool(prev and prev.lower in DASHES and i > 1 and is_year(s.toks[i - 2]))


def is_year(t: Token) -> bool:
    return (
        t.shape == "number"
        and len(t.text) == 4
        and t.text.isdigit()
        and 1500 <= int(t.text) <= 2100
    )


def is_clock(s: Scan, i: int, core: Core) -> bool:
    nxt = tok(s, core.end)
    if nxt and nxt.lower in s.w.clock_words:
        return True
    if nxt and nxt.text == ":" and glued(s.toks[core.end - 1], nxt):
        return True  # "10:30"
    prev = tok(s, i - 1)
    return bool(prev and prev.text == ":" and glued(prev, s.toks[i]))


def is_list_number(s: Scan, i: int) -> bool:
    """ "1." or "2)" opening a sentence, "(3)" in running text: list numbering."""
    nxt = tok(s, i + 1)
    closes = nxt is not None and nxt.text in (".", ")") and glued(s.toks[i], nxt)
    prev = tok(s, i - 1)
    return (i == 0 and closes) or bool(prev and prev.text == "(" and nxt and nxt.text == ")")


# ------------------------------------------------------------------ what it counts


def qualifier_start(s: Scan, i: int) -> int:
    """Index of the first token of the qualifier before i ("an estimated", "more than")."""
    w = s.w
    for phrase in w.qualifiers_by_last_word.get(low(s, i - 1), ()):
        n = len(phrase)
        if i - n < 0:
            continue
        window = s.toks[i - n : i]
        if all(is_word(t) for t in window) and tuple(t.lower for t in window) == phrase:
            return i - n
    signs = w.number_signs
    if low(s, i - 1) in signs and (low(s, i + 2) in w.rank_words or low(s, i + 1) in DASHES):
        return i - 1
    if i > 1 and s.toks[i - 1].text == "." and s.toks[i - 2].lower in signs:
        return i - 2  # "No. 1-ranked"
    if is_world_rank(s, i) or is_chart_place(s, i):
        return i - 2 if low(s, i - 1) == "." else i - 1  # "world number 3", "at No. 3"
    return i


def noun_phrase(s: Scan, j: int, core: Core) -> tuple[int, str | None]:
    """End index and head word of the noun phrase that follows a number ("troops")."""
    nxt, w = tok(s, j), s.w
    if core.kind in ("percent", "money") and nxt is not None and nxt.text[:1].isupper():
        return j, None  # "a rate of 8% Axa said": a share or sum is not "of" a name
    k, head = noun_words(s, j)
    is_time = head is not None and (head in w.time_units or head in w.time_units.values())
    if is_time and low(s, k) in w.old_words:
        return k + 1, head  # "35 years old"
    if head is None and core.kind == "fraction" and low(s, j) in w.determiners:
        k2, head2 = noun_words(s, j + 1)  # "half the vote"
        if head2 is not None:
            return k2, head2
    if head is None and low(s, j) in w.of_words and core.kind != "score":
        # "70% of local businesses", "tens of thousands of soldiers", "half of those affected"
        m = j + 1
        while low(s, m) in w.determiners:
            m += 1
        k2, head2 = noun_words(s, m, after_those=low(s, m - 1) in w.demonstratives)
        if head2 is not None:
            return k2, head2
    return k, head


def noun_words(s: Scan, j: int, after_those: bool = False) -> tuple[int, str | None]:
    """End index and head word of the words of a noun phrase starting at j (none: head None).

    `after_those` lets a participle stand as the noun ("those affected").
    """
    toks, w = s.toks, s.w
    k = j
    ends: list[tuple[int, str]] = []  # (end index, head word) after each word read
    while k < len(toks) and len(ends) < MAX_NOUN_WORDS:
        t = toks[k]
        if k == j and t.lower in w.modifiers and is_noun_word(tok(s, k + 1), w):
            k += 1  # "four more foster homes": the count's noun comes after
            continue
        if not is_word(t) or t.lower in w.stops or t.lower in w.clock_words:
            break
        if t.lower in w.months and t.text[:1].isupper():
            break
        verbal = t.text.islower() and t.lower.endswith(w.verb_endings)
        if ends and (verbal or (t.lower in w.score_words and t.lower not in w.score_nouns)):
            break  # "people killed", "titles worldwide": the verb or adverb ends the phrase
        if not ends and verbal and not after_those and not is_noun_word(tok(s, k + 1), w):
            break  # "another 18% felt": a verb, unless a noun follows ("three wounded men")
        if ends and t.text[:1].isupper() and toks[k - 1].text.islower():
            break  # a name after the noun starts the next phrase
        k = after_possessive(s, k + 1)
        head = t.lower
        # "long-range missiles": a hyphenated word is one word
        if low(s, k) in DASHES and tok(s, k + 1) and glued(toks[k - 1], toks[k]):
            nxt = toks[k + 1]
            if is_word(nxt) and glued(toks[k], nxt):
                k += 2
                head = nxt.lower
        ends.append((k, head))
    if not ends:
        return j, None
    if not is_plural(ends[-1][1], w):
        # "53 million people own": a plural noun then a word that is not one reads as a verb;
        # "19 grand slam singles tennis titles" ends on a plural and stays whole.
        for end, head in reversed(ends[:-1]):
            if is_plural(head, w):
                return end, head
    return ends[-1]


def is_noun_word(t: Token | None, w: NumberWords) -> bool:
    return (
        t is not None
        and is_word(t)
        and t.lower not in w.stops
        and not t.lower.endswith(w.past_endings)
    )


def is_plural(word: str, w: NumberWords) -> bool:
    if word in w.irregular_plurals:
        return True
    return word.endswith(w.plural_endings) and not word.endswith(w.not_plural_endings)


def resolve_unit(s: Scan, start: int, core: Core, head: str | None) -> str | None:
    w = s.w
    if core.unit is not None:
        return core.unit
    if core.kind == "score":
        return "score"
    if head is not None:
        if head in w.currency_words:
            return w.currency_words[head]
        return w.time_units.get(head, head)
    if low(s, start - 1) in w.age_words or is_age_apposition(s, start, core.end):
        return "years"
    return None


def is_age_apposition(s: Scan, start: int, end: int) -> bool:
    """ "Noah, 31, who ...": a bare number set off by commas after a name is an age."""
    name, comma, after = tok(s, start - 2), tok(s, start - 1), tok(s, end)
    return bool(
        name
        and comma
        and after
        and comma.text == ","
        and after.text in (",", ".")
        and is_word(name)
        and name.text[:1].isupper()
    )


def context_of(s: Scan, text: str, first: int, num_end: int, end: int) -> str:
    """What the figure counts, in the article's words: its noun phrase and the clause around."""
    toks = s.toks
    after, read = end, words_in(s, num_end, end)
    while after < len(toks) and in_clause(s, after):
        if read >= CONTEXT_WORDS and not joined(s, after):
            break
        read += not joined(s, after)
        after += 1
    after = word_end(s, after)  # "equal line-ups", not "equal line"
    while after > end and toks[after - 1].lower in s.w.stops and not mid_word(s, after - 1):
        after -= 1  # "... that has killed over": no dangling function word at the end
    before = first
    if words_in(s, num_end, after) < 4:
        # Little follows ("killed over 14,000 people."): the words before say what it is.
        if before > 1 and toks[before - 1].text == "," and is_word(toks[before - 2]):
            before -= 1  # "Noah, 31,": the name before the comma
        taken = first - before
        while before > 0 and in_clause(s, before - 1) and taken < 5:
            before -= 1
            taken += not joined(s, before)
        while before < first and mid_word(s, before):
            before += 1  # "That's 300", "$5m from 12": not from the ending of a word left out
    # The context always holds the figure itself, so the page can show it in its own phrase.
    begin = toks[before].start
    stop = toks[after - 1].end if after > 0 else len(text)
    return text[begin:stop].strip()


def word_end(s: Scan, k: int) -> int:
    """Index after the written word that token k - 1 ends or goes on with: "line" of
    "line-ups" goes on to "ups"; a glued full stop or comma is no part of it."""
    toks = s.toks
    while 0 < k < len(toks) and toks[k - 1].end == toks[k].start:
        t = toks[k]
        if t.shape != "punct":
            k += 1
        elif t.text in CONNECTORS and k + 1 < len(toks) and glued_word(t, toks[k + 1]):
            k += 2
        else:
            break
    return k


def glued_word(t: Token, nxt: Token) -> bool:
    return glued(t, nxt) and nxt.shape != "punct"


def mid_word(s: Scan, k: int) -> bool:
    """Token k continues the written word of the tokens before it: "m" of "$5m", "'s", "up"
    of "start-up"."""
    toks = s.toks
    if k == 0 or toks[k - 1].end != toks[k].start:
        return False
    prev = toks[k - 1]
    if prev.shape != "punct":
        return True
    return prev.text in CONNECTORS and k > 1 and mid_word(s, k - 1)


def words_in(s: Scan, a: int, b: int) -> int:
    return sum(not joined(s, k) for k in range(a, b))


def joined(s: Scan, k: int) -> bool:
    """Token k belongs to the written word before it: a possessive ending ("Russia's") or a
    part of a dotted name ("Change.org")."""
    toks = s.toks
    if k == 0 or toks[k - 1].end != toks[k].start:
        return False  # most tokens: a space before them
    t, prev = toks[k], toks[k - 1]
    if t.lower in s.w.possessives:
        return True
    if t.text == ".":
        nxt = tok(s, k + 1)
        return nxt is not None and is_word(prev) and is_word(nxt) and glued(t, nxt)
    return (
        prev.text == "."
        and is_word(t)
        and k > 1
        and is_word(toks[k - 2])
        and glued(toks[k - 2], prev)
    )


def in_clause(s: Scan, k: int) -> bool:
    t = s.toks[k]
    return (is_word(t) and t.lower not in s.w.clause_words) or joined(s, k)


# ------------------------------------------------------------------ ranking


def importance(fig: Figure, in_summary: bool, total: int, w: NumberWords) -> float:
    """Higher for figures in summary sentences, early in the article, big counts of people or
    money, and figures with a clear noun; small numbers written in words score low."""
    score = fig.score + (3.0 if in_summary else 0.0)  # fig.score: the weight of its kind
    score += 1.5 / (1.0 + 10.0 * fig.sentence / total)
    value = abs(fig.value or 0.0)
    magnitude = math.log10(value + 1.0)
    unit = fig.unit or ""
    if unit in w.currency_codes:
        score += 1.5 + min(magnitude / 4.0, 2.0)
    elif unit in ("percent", "percentage points", "fraction", "score", "rank"):
        score += 1.5  # shares and results matter whatever their size
    elif unit in w.people:
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
