"""Next steps: what will, may or must happen after the events reported.

A sentence holds a next step when its grammar points forward: a future or modal verb ("will",
"is expected to", "should"), a reported future ("said he would"), an intention ("plans to"), an
open call ("urged fans to"), a pending matter ("yet to be decided"), or a time still to come
("next week"). The step shown is the clause around that cue, cut from the sentence with its
attribution ("X said", "he added") trimmed, so it is always a verbatim span of the article.

Who acts is read from the name finder's mentions and given as the actor's name in the actor
list ("Vladimir Putin" for "Putin"). The word lists are the language's `cue_*` files; the
patterns built from them are compiled once per language.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from briefing.lang import Language
from briefing.model import (
    Actor,
    AnnotatedDocument,
    AnnotatedSentence,
    Mention,
    NextStep,
    Token,
)

MIN_WORDS = 3
MAX_STEPS = 10  # more than a briefing shows; repeats are weeded out among these only
SUMMARY_BONUS = 0.75  # a step in a summary sentence beats one of the same kind elsewhere
SECOND_PENALTY = 0.5  # a second, separate clause of the same sentence
EARLY_BONUS = 1.0  # news puts what matters first; both bonuses stay below a band's step
HEAD_WORDS = 6  # a speaker or a sentence's subject is named among this many words
WINDOW = 80  # characters; longer than anything a context pattern ending at a cue matches


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first; an apostrophe matches either form.
    No words (a language without the list) match nothing, not the empty string."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("'", "['’]") for w in ordered) or "(?!)"


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Grammar words written into the patterns below; but for _BE ("is", "'re"), each set is also
# the words a match of its pattern begins with.
_BE = _split(
    "am is are was were be been being remain remains look looks seem seems appear appears 'm 's 're"
)
_FUTURE = _split("will shall won't wo")
_OBLIGE = _split("should must ought need needs has have 've")
_PLAN_NOUNS = _split("plan plans proposal proposals pledge pledges promise promises")
_AHEAD = _split("ahead days weeks months years season road path challenge challenges task tasks")
# A time cue ("next week", "in the coming days") needs one of these words; see _time_pattern.
_TIME_WORDS = _split("next coming later tomorrow future now time")
# The words a time expression can begin with, besides a figure, a month or a weekday.
_TIME_STARTS = _split(
    "at on by until till before from in within during the later early late next this coming "
    "tomorrow noon midnight today tonight soon shortly"
)

_ADV = r"(?:(?:not|still|now|also|already|all|\w+ly)\s+)?"
_VERB = r"(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)[a-z]+"
_PAST_BE = re.compile(r"^(?:was|were)\b", re.I)
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?|hours?|minutes?)"


@dataclass(frozen=True)
class _Pattern:
    """One kind of cue: its rank band's kind, base weight, the words a match starts with.

    With `before` set, `starts` are words a match holds within its first `before` + 1 words
    ("expected" of "is widely expected to"): the match is tried at them and the words before
    them, so that the commonest words ("is", "'s", "to") need not be looked for.
    """

    kind: str
    weight: float
    starts: frozenset[str]
    regex: re.Pattern[str]
    before: int = 0


def _patterns(lang: Language) -> list[_Pattern]:
    """The cues, in the order their matches are weighed. The kind decides the band (_band)."""
    expect, intent = lang.words("cue_expect_words"), lang.words("cue_intent_verbs")
    nouns, deliberate = lang.words("cue_intent_nouns"), lang.words("cue_deliberation_verbs")
    call, ask = lang.words("cue_call_verbs"), lang.words("cue_ask_verbs")
    start, proceedings = lang.words("cue_start_verbs"), lang.words("cue_proceedings")
    be = rf"\b(?:{_alt(_BE)})\s+{_ADV}"
    return [
        _Pattern(
            "future",
            3.0,
            _FUTURE,
            re.compile(r"\b(?:will|shall|won['’]t|wo\s+n['’]t)\b(?!\s+of\b)", re.I),
        ),
        # "they'll": the cue starts at the apostrophe, so the pronoun stays in the subject
        _Pattern("future", 3.0, _split("'ll"), re.compile(r"(?<=\w)['’]ll\b", re.I)),
        _Pattern(
            "expected",
            2.0,
            expect,
            re.compile(rf"{be}(?:{_alt(expect)})\s+to\s+{_VERB}", re.I),
            before=2,
        ),
        _Pattern(
            "plan",
            2.5,
            _split("is are"),
            re.compile(rf"\b(?:is|are)\s+(?:\w+ly\s+)?to\s+(?!blame\b){_VERB}", re.I),
        ),
        _Pattern(
            "intent",
            3.0,
            intent,
            re.compile(rf"\b(?:{_alt(intent)})\s+(?:not\s+)?to\s+{_VERB}", re.I),
        ),
        _Pattern("noun", 1.0, nouns, re.compile(rf"\b(?:{_alt(nouns)})\s+to\s+{_VERB}", re.I)),
        _Pattern(
            "oblige",
            2.0,
            _OBLIGE,
            re.compile(
                r"\b(?:should|must|ought\s+to|needs?\s+to|ha(?:s|ve)\s+(?:got\s+)?to|['’]ve\s+got\s+to)\b",
                re.I,
            ),
        ),
        _Pattern(
            "plan_noun",
            2.0,
            _PLAN_NOUNS,
            re.compile(
                rf"\b(?:{_alt(_PLAN_NOUNS)})\s+to\s+[a-z]+|\b(?:plans?|proposals?)\s+for\b", re.I
            ),
        ),
        _Pattern("would", 3.0, _split("would"), re.compile(r"\bwould\b", re.I)),
        _Pattern("maybe", 0.5, _split("could might may"), re.compile(r"\b(?:could|might|may)\b")),
        _Pattern("call", 2.0, _split("let"), re.compile(r"\blet(?:['’]s|\s+us)\b", re.I)),
        _Pattern(
            "call",
            2.0,
            call | ask,
            re.compile(
                rf"\b(?:{_alt(call)})\s+(?:(?:on|upon)\s+)?[^.;:?!]{{0,60}}?\bto\s+{_VERB}"
                rf"|\b(?:{_alt(call)})\s+for\b|\b(?:{_alt(ask)})\s+\w+(?:\s+\w+)?\s+to\s+{_VERB}",
                re.I,
            ),
        ),
        _Pattern(
            "pending",
            2.0,
            _split("yet be open undecided unclear pending unresolved"),
            re.compile(
                r"\b(?:yet\s+to|remains?\s+to\s+be\s+\w+|still\s+(?:wide\s+)?open"
                r"|(?:is|are|remains?)\s+(?:still\s+)?(?:undecided|unclear|pending|unresolved)"
                r"|not\s+yet\s+(?:been\s+)?[a-z]+ed|to\s+be\s+(?:announced|decided|confirmed|"
                r"determined|named|held|published|released|resolved|settled|cut|raised))\b",
                re.I,
            ),
            before=2,
        ),
        _Pattern(
            "deliberate",
            2.0,
            deliberate | _split("looking talks"),
            re.compile(rf"{be}(?:(?:{_alt(deliberate)})|looking\s+(?:at|into)|in\s+talks)\b", re.I),
            before=3,
        ),
        _Pattern(
            "proceeding",
            1.0,
            start,
            re.compile(
                rf"\b(?:{_alt(start)})\s+(?:up\s+)?(?:an?|the|its|their|his|her)\s+"
                rf"(?:[\w-]+\s+){{0,2}}?(?:{_alt(proceedings)})\b",
                re.I,
            ),
        ),
        _Pattern(
            "ahead",
            1.0,
            _AHEAD,
            re.compile(
                r"\bahead(?:\s+of\s+(?:him|her|them|us|me|you|it))?(?=\s*(?:[.,;!\"”']|$))"
                rf"|\b(?:{_alt(_AHEAD - {'ahead'})})\s+ahead\b",
                re.I,
            ),
        ),
    ]


@dataclass(frozen=True)
class _Grammar:
    """Everything this stage reads a language with, compiled once per language."""

    patterns: tuple[_Pattern, ...]
    starts: Mapping[str, tuple[int, ...]]  # word -> the patterns a match can begin with it
    report: re.Pattern[str]
    reporting: frozenset[str]  # the words a report begins with
    time: re.Pattern[str]
    time_starts: frozenset[str]  # the words a time expression begins with, but figures
    function_words: frozenset[str]
    weekdays: Mapping[str, int]  # lower-case name -> Monday 0
    months: Mapping[str, int]  # lower-case name -> January 1


# In _Grammar.starts, besides the patterns' indices:
TIMED = -1  # a word a time cue needs
KEYED = 1000  # KEYED + i: a word pattern i holds within its first words


@cache
def _grammar(lang: Language) -> _Grammar:
    """The language's cue lists, read and compiled once (a Language hashes by identity)."""
    patterns = _patterns(lang)
    reporting = lang.words("cue_reporting_verbs")
    starts: dict[str, list[int]] = {}
    groups = [(i + KEYED * bool(p.before), p.starts) for i, p in enumerate(patterns)]
    for i, words in [*groups, (TIMED, _TIME_WORDS)]:
        for word in words:
            for form in {word, word.replace("'", "’")}:
                starts.setdefault(form, []).append(i)
    # The calendar module knows the order; the language's lists say which names are read.
    weekdays = {
        d.lower(): i for i, d in enumerate(calendar.day_name) if d.lower() in lang.words("weekdays")
    }
    months = {
        m.lower(): i for i, m in enumerate(calendar.month_name) if m.lower() in lang.words("months")
    }
    time = _time_pattern(lang.words("cue_time_nouns"), weekdays, months)
    return _Grammar(
        patterns=tuple(patterns),
        starts={word: tuple(found) for word, found in starts.items()},
        report=re.compile(
            rf"\b(?:{_alt(reporting)})\b(?:\s+(?:\w+\s+){{0,3}}?that\b|\s+that\b)?\s*[:,]?\s*",
            re.I,
        ),
        reporting=frozenset(reporting),
        time=time,
        time_starts=_TIME_STARTS | lang.words("months") | lang.words("weekdays"),
        function_words=frozenset(w.lower() for w in lang.words("function_words")),
        weekdays=weekdays,
        months=months,
    )


def _time_pattern(
    nouns: Iterable[str], weekdays: Iterable[str], months: Iterable[str]
) -> re.Pattern[str]:
    """Time expressions: "next week", "by March", "at 3 p.m.", "on Tuesday"."""
    month = rf"(?:{_alt(m.capitalize() for m in months)})"
    day = rf"(?:{_alt(d.capitalize() for d in weekdays)})"
    tnoun = _alt(nouns)
    # Time expressions that point forward on their own ("next week", "tomorrow").
    future = (
        rf"(?:(?:later|early|late)\s+)?(?:next|this\s+coming|coming)\s+(?:{tnoun}|{day})(?:['’]s)?"
        rf"|later\s+(?:this|in\s+the)\s+(?:{tnoun})|in\s+the\s+(?:coming|next)\s+(?:few\s+)?{_UNIT}"
        rf"|in\s+{_NUM}\s+{_UNIT}['’]\s+time|tomorrow|in\s+(?:the\s+)?future|from\s+now\s+on"
    )
    # Clock times, days and dates: future only with a forward-looking verb.
    point = (
        r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)"
        r"(?:\s+(?:[A-Z]{2,4}\b|local\s+time))?"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
        rf"(?:,?\s+\d{{4}})?|{day}(?:\s+(?:morning|afternoon|evening|night))?\b"
        rf"|{month}(?:\s+\d{{4}})?\b|(?i:(?:later\s+)?this\s+(?:{tnoun})(?:['’]s)?\b"
        rf"|(?:with)?in\s+{_NUM}\s+{_UNIT}\b|today|tonight|soon|shortly|later)\b"
    )
    return re.compile(
        rf"\b(?:(?P<prep>at|on|by|until|till|before|from|in|within|during)\s+)?"
        rf"(?:the\s+end\s+of\s+)?(?:(?P<future>(?i:{future}))|(?P<point>{point}))",
    )


class _Ending(NamedTuple):
    """A pattern ending in "$", to match at the end of a span ("had" before "planned to"), and
    the words its match can end in, lower case, with the spaces at its end stripped."""

    regex: re.Pattern[str]
    words: tuple[str, ...]


def _ending(regex: str, words: str) -> _Ending:
    return _Ending(re.compile(regex, re.I), tuple(words.split()))


_LAST = _ending(r"\b(?:last|past|previous|ago|earlier)\s*$", "last past previous ago earlier")

_TAIL = re.compile(  # the lookahead lets the search skip most characters at once
    r"(?=[\s,;\"”?!])(?:\s*(?:[,;]\s*[\"”]?|[\"”]\s*,?)\s*(?:(?:[\w'’.-]+\s+){0,5}?(?:said|says|added|adds|told|"
    r"stated|specified|stressed|warned|insisted|explained|noted|wrote|tweeted)\b|according\s+to"
    r"|saying\b)"
    r"|,?\s+(?:saying|according\s+to)\b|[;?!]|,\s+(?:although|though|while|whereas|but)\b"
    r"|\s+and\s+(?=(?:[A-Z][\w'’-]*\s+)+[a-z]+ed\b)|\s+(?:-|--|–|—)\s+(?:and|but)\b)",
)
_CONDITION = re.compile(
    r"^\W*(?:if|unless|provided|providing|once|when|whenever|until|as\s+long\s+as|should)\b",
    re.I,
)
_HAS_CONDITION = re.compile(r"\b(?:if|unless|provided|providing|as\s+long\s+as)\b", re.I)
_LEADING = re.compile(
    r"(?:[(\s]|(?:and|but|so|or|yet|that|then|although|though|whereas)\b\s*|,\s*)+", re.I
)
_TRAILING = "\"“”'‘’.,;:(-–—"  # and white space: trimmed off the end of a clause
_PERFECT = re.compile(
    r"^\s+(?:not\s+)?(?:\w+ly\s+)?have\s+(?:been|had|made|done|got|gone|seen|won|lost|left|put|"
    r"kept|felt|thought|brought|told|said|paid|met|come|become|found|held|led|sent|spent|built|"
    r"caught|hit|let|set|taken|given|known|shown|\w+ed|\w+en)\b",
    re.I,
)
_NOUN_WILL = _ending(
    r"\b(?:the|a|his|her|their|its|our|my|your|free|political|good|ill|own|popular)\s+$",
    "the a his her their its our my your free political good ill own popular",
)
_FIRM = {"future", "plan", "intent", "would"}
_NEGATED = re.compile(r"\b(?:not|never|no|nobody)\b|n['’]t\b", re.I)
_POSSESSIVE = _ending(
    r"\b(?:its|their|his|her|our|my|your)\s+(?:new\s+)?$", "its their his her our my your new"
)
_INFINITIVE = _ending(r"\bto\s+$", "to")
_PAST_AUX = _ending(
    r"\b(?:did|didn['’]t|was|wasn['’]t|were|weren['’]t)\s+(?:not\s+)?$", "did was were n't not"
)
_PREFERENCE = re.compile(r"^\s+(?:rather|sooner)\b", re.I)
_CLAUSE_MARK = re.compile(
    r".*(?:,|\b(?:and|but|so|that|because|while|as|when|if|then|which|who|whom)\b)", re.I | re.S
)
_FORWARD = {
    "plan_noun",
    "intent",
    "future",
    "plan",
    "expected",
    "would",
    "call",
    "pending",
    "deliberate",
    "oblige",
}
_WEAK_INTENT = re.compile(
    r"^(?:vowed|pledged|promised|threatened|decided|agreed|proposed|expect|want|wish|hope|mean)",
    re.I,
)
_PERFORMATIVE = re.compile(
    r"\bto\s+(?:thank|say|apologi[sz]e|stress|emphasi[sz]e|congratulate|express|add|reiterate|"
    r"assure|welcome|remind|point|make\s+clear|acknowledge)\b",
    re.I,
)
_HAD = _ending(r"\b(?:had|'d|’d)\s+(?:\w+ly\s+)?$", "had 'd ly")


class _Cue(NamedTuple):  # a tuple: made for every cue, and a frozen dataclass is slow to make
    kind: str
    weight: float
    start: int
    end: int


class _Read(NamedTuple):
    """A sentence as this stage reads it: its text, name mentions and reporting verbs."""

    text: str
    mentions: tuple[Mention, ...]
    words: tuple[Token, ...]
    reports: tuple[re.Match[str], ...] = ()
    times: tuple[int, ...] = ()  # where a time expression can begin


_NOTHING = _Read("", (), ())  # before the first sentence


def find_next_steps(
    annotated: AnnotatedDocument, summary: Collection[int] = (), actors: Collection[Actor] = ()
) -> list[NextStep]:
    """Forward-looking statements of the document, most important first, at most MAX_STEPS.

    `summary` holds the indices of the summary's sentences; their steps rank a little higher.
    `actors` is the ranked actor list: a step's `who` is one of their names when it can be.
    With `published` set, relative days in `when` are anchored ("Tuesday (2022-02-22)").
    """
    grammar = _grammar(annotated.language)
    cast = _Cast.of(actors, grammar.function_words)
    published = _parse_date(annotated.document.published)
    chosen = set(summary)
    total = max(1, len(annotated.sentences))
    steps: list[NextStep] = []
    before: tuple[AnnotatedSentence, tuple[Mention, ...]] | None = None
    for sentence, mentions in zip(annotated.sentences, annotated.mentions_by_sentence, strict=True):
        found = _cues(sentence, mentions, grammar)
        if found is not None:
            cues, read = found
            bonus = SUMMARY_BONUS * (sentence.index in chosen) + EARLY_BONUS * (
                1 - sentence.index / total
            )
            previous = _Read(before[0].text, before[1], before[0].words) if before else _NOTHING
            steps += _steps_in(sentence, cues, read, previous, grammar, cast, published, bonus)
        before = sentence, mentions
    steps.sort(key=lambda s: (-s.score, s.sentence))
    return _without_repeats(steps, grammar.function_words)


def _without_repeats(steps: list[NextStep], function_words: frozenset[str]) -> list[NextStep]:
    """Drop a step said again in other words; the fuller statement keeps the better rank."""
    kept: list[tuple[NextStep, set[str]]] = []
    for step in steps:
        if len(kept) == MAX_STEPS:
            break
        words = _content(step.text, function_words)
        for i, (other, other_words) in enumerate(kept):
            small, big = (words, other_words)
            if len(other_words) < len(words):
                small, big = other_words, words
            if small and len(small & big) >= 0.8 * len(small):
                if len(words) > len(other_words):
                    kept[i] = (replace(step, score=other.score), words)
                break
        else:
            kept.append((step, words))
    return [step for step, _ in kept]


_CONTRACTION = re.compile(r"\b\w+n['’]t\b", re.I)
_CONTENT_WORD = re.compile(r"[^\W_]+")


def _says_something(clause: str, function_words: frozenset[str]) -> bool:
    """Whether the clause holds a content word, not counting a "won't" or "can't"."""
    if "'" in clause or "’" in clause:
        clause = _CONTRACTION.sub(" ", clause)
    # Word by word: a content word comes early, and the rest of the clause need not be read.
    return any(m[0] not in function_words for m in _CONTENT_WORD.finditer(clause.lower()))


def _content(text: str, function_words: frozenset[str]) -> set[str]:
    return set(_lower_words(text)).difference(function_words)


def _lower_words(text: str) -> list[str]:
    """The words _CONTENT_WORD finds in text, lower case. In ASCII, where they are runs of
    letters and digits, a translation and a split find them several times faster."""
    low = text.lower()
    if low.isascii():
        return low.translate(_ASCII_SPACES).split()
    return _CONTENT_WORD.findall(low)


# Every ASCII character but letters and digits to a space.
_ASCII_SPACES = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _steps_in(
    sentence: AnnotatedSentence,
    cues: list[_Cue],
    read: _Read,
    previous: _Read,
    grammar: _Grammar,
    cast: _Cast,
    published: date | None,
    bonus: float,
) -> list[NextStep]:
    """The best step of a sentence, and a second one when its clause is separate; `bonus` is
    added to their scores once they are ranked within the sentence."""
    text, reports = sentence.text, read.reports
    found: list[tuple[NextStep, int, int]] = []
    for cue in cues:
        if _hopeless(cue, read):
            continue
        start, end = _clause(text, cue, reports)
        clause = text[start:end]
        if len(clause.split()) < MIN_WORDS or not _says_something(clause, grammar.function_words):
            continue  # "it won't be": says nothing about what will happen
        times = [at - start for at in read.times if start <= at < end]
        when_match = _time_in(clause, cue.start - start, times, grammar) if times else None
        verb = min((c.start for c in cues if start <= c.start <= cue.start), default=cue.start)
        who = _who(read, start, verb, previous, cast)
        # "X said Y would ...": a plan only when Y is X ("he"); about another, a prediction.
        predicted = (
            cue.kind == "would"
            and _reported(reports, text, cue.start)
            and not _PERSONAL.match(text[start:verb].strip())
        )
        score = _band(cue, read, clause, when_match is not None, who is not None and not predicted)
        if score < 1.0:
            continue
        when = None
        if when_match is not None:
            expr = when_match.group("expr")
            when = _anchor(expr, published, grammar) if published else expr
        found.append((NextStep(clause, who, when, sentence.index, sentence.doc, score), start, end))
    found.sort(key=lambda f: -f[0].score)
    if not found:
        return []
    best, first, last = found[0]
    chosen = [(best, best.score)]
    other = next((f[0] for f in found if f[2] <= first or f[1] >= last), None)
    if other is not None:
        chosen.append((other, other.score - SECOND_PENALTY))
    # A new NextStep rather than dataclasses.replace, which costs five times as much.
    return [
        NextStep(s.text, s.who, s.when, s.sentence, s.doc, round(score + bonus, 4))
        for s, score in chosen
    ]


def _band(cue: _Cue, read: _Read, clause: str, timed: bool, named: bool) -> float:
    """Rank band of a step: scheduled, then firm plans of a named actor, then the rest."""
    text = read.text
    if cue.kind in _FORWARD and timed:
        band = 4.0
    elif cue.kind in _FIRM and cue.weight >= 2 and named and not _HAS_CONDITION.search(clause):
        band = 3.0
    elif cue.kind == "pending":
        band = 2.5
    elif cue.kind in _FORWARD or (cue.kind == "maybe" and _reported(read.reports, text, cue.start)):
        band = 2.0
    else:
        band = min(cue.weight, 1.5)
    if _PAST_BE.match(text[cue.start : cue.end]):
        band -= 0.5  # "was expected to": may be over by now
    return band


def _hopeless(cue: _Cue, read: _Read) -> bool:
    """Whether the cue ranks below any step whatever its clause: told before the clause is
    cut, which is the slow part."""
    if cue.kind == "maybe":
        return not _reported(read.reports, read.text, cue.start)  # "may": band 0.5
    # "no one is planning to": nothing is to happen, so no step
    negatable = cue.kind in {"plan", "intent", "expected", "deliberate"}
    return negatable and _NEGATED.search(read.text, max(0, cue.start - 15), cue.end) is not None


def _cues(
    sentence: AnnotatedSentence, mentions: tuple[Mention, ...], grammar: _Grammar
) -> tuple[list[_Cue], _Read] | None:
    """Forward-looking cues of a sentence, and the sentence as read for them; None for none.

    A pattern is only tried where one of the words it begins with stands: the sentence's
    tokens say where, so no long alternation is run along the whole sentence.
    """
    text = sentence.text
    hits = _starts(sentence.tokens, text, grammar.starts)
    if not hits or text.rstrip(" \"”'’)").endswith("?"):
        return None  # a question plans nothing
    hits.sort()  # by pattern, then offset: the order finditer would find them in
    first, keyed = bisect_left(hits, (0, 0)), bisect_left(hits, (KEYED, 0))
    tried = hits[first:keyed]
    if keyed < len(hits):
        tried = sorted(tried + _before(sentence, hits[keyed:], grammar.patterns))
    reports: tuple[re.Match[str], ...] | None = None  # found once a cue needs them
    found: list[_Cue] = []
    last, end = -1, 0
    for i, at in tried:
        pattern = grammar.patterns[i]
        if i == last and at < end:
            continue  # inside the pattern's last match
        m = pattern.regex.match(text, at)
        if m is not None:
            last, end = i, m.end()
            if reports is None:
                reports = _matches(grammar.report, text, _at(sentence, grammar.reporting))
            cue = _checked(pattern.kind, pattern.weight, m, text, reports)
            if cue is not None:
                found.append(cue)
    if not found and first == 0:
        return None
    times = _at(sentence, grammar.time_starts) + [m.start() for m in _NUMBER.finditer(text)]
    times.sort()
    if first:  # a word a time cue needs
        for m in _matches(grammar.time, text, times):
            if m.group("future") and not _ends(_LAST, text, 0, m.start()):
                found.append(_Cue("time", 1.5, m.start(), m.end()))
    if not found:
        return None
    if reports is None:
        reports = _matches(grammar.report, text, _at(sentence, grammar.reporting))
    return found, _Read(text, mentions, sentence.words, reports, tuple(times))


def _before(
    sentence: AnnotatedSentence, keyed: list[tuple[int, int]], patterns: tuple[_Pattern, ...]
) -> list[tuple[int, int]]:
    """(pattern, offset) for the words a keyed pattern's match may begin with: its key word and
    the few tokens before, and any apostrophe inside them ("'re" of "they're")."""
    tokens = sentence.tokens
    out: list[tuple[int, int]] = []
    for code, at in keyed:
        i = code - KEYED
        k = bisect_left(tokens, at, key=_START)
        for token in tokens[max(0, k - patterns[i].before) : k + 1]:
            out.append((i, token.start))
            if "'" in token.text or "’" in token.text:
                out += [(i, token.start + j) for j, c in enumerate(token.text) if c in "'’" and j]
    return out


def _at(sentence: AnnotatedSentence, words: frozenset[str]) -> list[int]:
    """Offsets of the sentence's tokens that are among words."""
    tokens = sentence.tokens
    return list(map(_START, compress(tokens, map(words.__contains__, map(_LOWER, tokens)))))


def _starts(
    tokens: tuple[Token, ...], text: str, starts: Mapping[str, tuple[int, ...]]
) -> list[tuple[int, int]]:
    """(code, offset) for every word of the sentence in `starts`, in the codes it has there.

    A token with an inner apostrophe counts by its parts too: the word before the first
    ("could" of "could've"), and each after one, with and without it ("'ve" and "ve").
    Tokens are looked up by map() and compress(), which run in C: this runs for every sentence.
    """
    listed = compress(tokens, map(starts.__contains__, map(_LOWER, tokens)))
    hits = [(i, token[2]) for token in listed for i in starts[token[1]]]
    if "'" in text or "’" in text:
        for m in _INNER_APOSTROPHE.finditer(text):
            at = m.start()
            if not (at and text[at - 1].isalpha()):
                continue
            while at and text[at - 1].isalpha():
                at -= 1
            if not (at and text[at - 1] in "'’"):  # the first apostrophe: the word before it
                hits += [(i, at) for i in starts.get(text[at : m.start()].lower(), ())]
            piece = m.group(1).lower()
            hits += [(i, m.start()) for i in starts.get(m.group(0)[0] + piece, ())]
            hits += [(i, m.start(1)) for i in starts.get(piece, ())]
    return hits


_LOWER = itemgetter(1)  # Token.lower
_START = itemgetter(2)  # Token.start
# An apostrophe inside a word (after a letter), as the tokenizer keeps it: not that of a
# possessive "'s". No lookbehind: the search can then skip to apostrophes at once.
_INNER_APOSTROPHE = re.compile(r"['’](?!s\b)([^\W\d_]+)")


def _matches(
    regex: re.Pattern[str], text: str, offsets: Iterable[int]
) -> tuple[re.Match[str], ...]:
    """Matches of regex starting at offsets (in order), none inside another, as finditer."""
    found: list[re.Match[str]] = []
    end = 0
    for at in offsets:
        m = regex.match(text, at) if at >= end else None
        if m is not None:
            found.append(m)
            end = m.end()
    return tuple(found)


def _checked(
    kind: str, weight: float, m: re.Match[str], text: str, reports: tuple[re.Match[str], ...]
) -> _Cue | None:
    """The cue m, reweighed by its context, or None when the grammar says it looks back."""
    after, start = text[m.end() :], m.start()
    if kind in {"future", "would", "maybe", "oblige"} and _PERFECT.match(after):
        return None  # "would have gone": a past that did not happen
    if _ends(_HAD, text, 0, start):
        return None  # "had planned to", "had been expected to": over by now
    if kind == "oblige" and _ends(_PAST_AUX, text, 0, start):
        return None  # "did not need to": a past obligation
    if kind == "would" and _PREFERENCE.match(after):
        return None  # "would rather": a preference, not a plan
    if kind == "future" and _ends(_NOUN_WILL, text, 0, start):
        return None  # "the will of the people"
    if kind == "would" and not _reported(reports, text, m.start()):
        if not _HAS_CONDITION.search(text):
            return None  # narrative "would": habit or hypothesis in the past
        weight = 2.0
    if kind == "plan_noun" and _ends(_POSSESSIVE, text, 0, start):
        kind, weight = "plan", 3.0  # "their plans for": the actor's own plan
    if kind == "intent" and _PERFORMATIVE.search(m.group(0)):
        return None  # "I want to thank": said now, not planned
    if kind == "intent" and _WEAK_INTENT.match(m.group(0)):
        weight = 2.0
    return _Cue(kind, weight, m.start(), m.end())


def _ends(ending: _Ending, text: str, start: int, end: int) -> bool:
    """Whether the ending's pattern matches text[start:end] at its end. Only the last
    WINDOW characters are searched: a search from the start of a long sentence costs more
    than all the rest of the stage. Even so a search costs microseconds, and most spans end
    in none of the ending's words: telling that from the span's last letters is cheaper.
    Only ASCII letters are told so: under re.I, "ſ" or "İ" match letters they do not lower to.
    """
    start = max(start, end - WINDOW)
    last = text[start:end].rstrip()[-_LONGEST:]
    if last.isascii() and not last.lower().endswith(ending.words):
        return False
    return ending.regex.search(text, start, end) is not None


_LONGEST = 12  # letters; more than the longest of the endings' words


def _reported(reports: tuple[re.Match[str], ...], text: str, position: int) -> bool:
    """Whether a reporting or thinking verb comes before position: "said he would"."""
    return any(
        m.end() <= position and not _ends(_INFINITIVE, text, 0, m.start())
        for m in reports
        if m.start() < position
    )


def _clause(text: str, cue: _Cue, reports: tuple[re.Match[str], ...]) -> tuple[int, int]:
    """The span of the clause holding the cue, attribution trimmed."""
    start = _clause_start(text, cue.start, reports)
    tail = _TAIL.search(text, cue.end)
    end = tail.start() if tail else len(text)
    end = min(end, _closing_quote(text, cue.end))
    while True:  # conjunctions, commas, and quote marks that close outside the clause
        lead = _LEADING.match(text, start, end)
        if lead:
            start = lead.end()
        if start < end and text[start] in "\"“”'‘’" and _unpaired(text[start:end], text[start]):
            start += 1
            continue
        break
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return start, max(start, _balanced_end(text, start, end))


_QUOTE_CLOSE = re.compile(r"[,.;:!?]?[\"”]")


def _unpaired(span: str, quote: str) -> bool:
    """Is the quote mark opening span left without its partner inside span?"""
    if quote in "\"'":
        return span.count(quote) % 2 == 1
    partner = {"“": "”", "‘": "’"}.get(quote)
    return partner is None or partner not in span[1:]


def _balanced_end(text: str, start: int, end: int) -> int:
    """Keep a quotation the clause opens whole: 'of a "threat,"' rather than 'of a "threat'."""
    span = text[start:end]
    if span.count('"') % 2 == 0 and span.count("“") <= span.count("”"):
        return end
    close = _QUOTE_CLOSE.match(text, end)
    return close.end() if close else end


def _clause_start(text: str, cue: int, reports: tuple[re.Match[str], ...]) -> int:
    start = 0
    opening = text.rfind("“", 0, cue)
    if text.count('"', 0, cue) % 2 == 1:
        opening = max(opening, text.rfind('"', 0, cue))
    if opening >= 0:
        start = opening + 1
    for mark in (": ", "; ", " -- ", " – ", " — "):
        at = text.rfind(mark, start, cue)
        if at >= 0:
            start = at + len(mark)
    for m in (m for m in reports if m.start() >= start and m.end() <= cue):
        if m.group(0).lower().startswith("according"):
            comma = text.find(",", m.end(), cue)
            if comma >= 0:
                start = comma + 1
        else:
            start = m.end()
    comma = text.rfind(", ", start, cue)
    if comma >= 0 and not _CONDITION.match(text[start:comma]) and text[comma + 2 : cue].strip():
        start = comma + 2
    return start


def _closing_quote(text: str, position: int) -> int:
    """Where the quotation open at position closes, or the end of the text."""
    curly = text.find("”", position)
    straight = text.find('"', position) if text.count('"', 0, position) % 2 == 1 else -1
    ends = [i for i in (curly, straight) if i >= 0]
    return min(ends) if ends else len(text)


_NUMBER = re.compile(r"\d+")


def _time_in(clause: str, cue: int, times: list[int], grammar: _Grammar) -> re.Match[str] | None:
    """The first time expression of the clause that can lie ahead.

    A day or date before the cue belongs to the report ("on Monday highlighted plans"), so only
    one after it counts; "next week" and the like count anywhere.
    """
    for m in _matches(grammar.time, clause, times):
        if _ends(_LAST, clause, 0, m.start()) or (m.group("point") and m.start() < cue):
            continue
        return _EXPR.match(clause, m.start(), m.end())
    return None


# The time expression as shown: "at" and "on" dropped, "by March" and "in future" kept.
_EXPR = re.compile(r"(?:(?:at|on)\s+)?(?P<expr>.+)", re.S)


# ---------------------------------------------------------------- who acts


@dataclass(frozen=True)
class _Cast:
    """The actors by every form the article writes them in, for naming who acts."""

    names: Mapping[str, str]  # name, alias or a person's surname -> the actor's name
    function_words: frozenset[str]

    @classmethod
    def of(cls, actors: Iterable[Actor], function_words: frozenset[str]) -> _Cast:
        """A higher-ranked actor keeps a form two share; a person's surname alone counts
        last, for a sentence the name finder could not read it in ("Park will ...")."""
        names: dict[str, str] = {}
        ranked = list(actors)
        for actor in ranked:
            for form in (actor.name, *actor.aliases):
                names.setdefault(form, actor.name)
        for actor in ranked:
            if actor.kind == "person" and " " in actor.name:
                names.setdefault(actor.name.rsplit(" ", 1)[1], actor.name)
        return cls(names, function_words)

    def name(self, mention: Mention) -> str:
        """The actor's name for a mention; else the country a demonym names, or the mention."""
        words = list(mention.words)
        while len(words) > 1 and words[0].lower() in self.function_words:
            del words[0]  # "Whether Teixeira": a word the name finder took in at a start
        shorter = " ".join(words)
        for form in (mention.text, _bare(mention.text), shorter, _bare(shorter), mention.country):
            if form and form in self.names:
                return self.names[form]
        if mention.link_only and mention.country:
            return mention.country
        return _bare(mention.text)


def _who(read: _Read, start: int, verb: int, previous: _Read, cast: _Cast) -> str | None:
    """Who acts in the clause text[start:verb]: its named subject, or what a pronoun means."""
    text = read.text
    mark = _CLAUSE_MARK.match(text, start, verb)
    if mark and text[mark.end() : verb].strip():
        start = mark.end()
    subject = _named(read, start, verb, cast)
    if subject is not None:
        return subject
    pronoun = _PERSONAL.match(text[start:verb])
    if pronoun is None or len(text[start:verb].split()) > 2:
        return None
    speaker = _speaker(read, start, cast)
    if speaker is not None:
        return speaker  # "Zelenskyy said he would": the speaker
    if pronoun.group(1).lower() in {"i", "we"} or _named(read, 0, start, cast):
        return None  # a quote's "I", or several people it could be
    lead = len(previous.text) - len(previous.text.lstrip('"“ '))
    return _named(previous, lead, _words_end(previous.text, lead), cast)


def _speaker(read: _Read, start: int, cast: _Cast) -> str | None:
    """The name right before a reporting verb that ends where the clause starts."""
    text = read.text
    for m in (m for m in read.reports if m.end() <= start):
        if text[m.end() : start].strip() or _ends(_INFINITIVE, text, 0, m.start()):
            continue
        return _named(read, _words_start(text, m.start()), m.start(), cast)
    return None


def _named(read: _Read, lo: int, hi: int, cast: _Cast) -> str | None:
    """The last name in text[lo:hi], as the actor list names it.

    A name after a preposition ("in New Zealand") places the events and is passed over.
    """
    text = read.text
    inside = [m for m in read.mentions if lo <= m.start and m.end <= hi]
    found = [m for m in inside if not _ends(_PREPOSITION, text, lo, m.start)]
    if found:
        return cast.name(max(found, key=lambda m: m.start))
    return _known(read, lo, hi, cast, inside)


def _known(read: _Read, lo: int, hi: int, cast: _Cast, mentions: list[Mention]) -> str | None:
    """The last actor written in text[lo:hi] as a single capitalised word the actor list
    knows, outside the mentions: a name the name finder left out ("Park" opening a sentence)."""
    text, words = read.text, read.words
    # Words are in order: only those starting before hi can end by it.
    for word in reversed(words[: bisect_left(words, hi, key=_START)]):
        if word.start < lo:
            break
        if word.end > hi or word.shape != "capitalised":
            continue
        if word.text not in cast.names or any(m.start <= word.start < m.end for m in mentions):
            continue
        if not _ends(_PREPOSITION, text, lo, word.start):
            return cast.names[word.text]
    return None


def _words_start(text: str, end: int) -> int:
    """Where the last HEAD_WORDS words before end begin."""
    starts = [m.start() for m in _NON_SPACE.finditer(text, 0, end)]
    return starts[-HEAD_WORDS] if len(starts) >= HEAD_WORDS else 0


def _words_end(text: str, start: int) -> int:
    """Where the first HEAD_WORDS words from start end."""
    end = start
    for n, m in enumerate(_NON_SPACE.finditer(text, start), start=1):
        end = m.end()
        if n == HEAD_WORDS:
            break
    return end


def _bare(word: str) -> str:
    return _POSSESSIVE_END.sub("", word.strip(".,;:\"'“”‘’"))


_NON_SPACE = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PERSONAL = re.compile(r"^\W*(he|she|they|we|i)\b", re.I)
_PREPOSITION = _ending(
    r"\b(?:in|at|of|for|from|to|with|on|by|into|over|under|against|about|than)\s+$",
    "in at of for from to with on by into over under against about than",
)


# ---------------------------------------------------------------- anchoring relative days


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _anchor(expr: str, published: date, grammar: _Grammar) -> str:
    """The time expression, with its date in brackets when published makes it unambiguous."""
    day = _resolve(expr, published, grammar)
    return f"{expr} ({day})" if day else expr


def _resolve(expr: str, published: date, grammar: _Grammar) -> str | None:
    low = expr.lower()
    if re.search(r"\btomorrow\b", low):
        return (published + timedelta(days=1)).isoformat()
    if re.search(r"\b(?:today|tonight)\b", low):
        return published.isoformat()
    week_start = published - timedelta(days=published.weekday())
    if re.search(r"\bnext\s+week\b", low):
        first = week_start + timedelta(days=7)
        return f"{first.isoformat()} to {(first + timedelta(days=6)).isoformat()}"
    if re.search(r"\bthis\s+week\b", low) and published.weekday() < 6:
        first = published + timedelta(days=1)
        return f"{first.isoformat()} to {(week_start + timedelta(days=6)).isoformat()}"
    if re.search(r"\bnext\s+month\b", low):
        year, month = divmod(published.year * 12 + published.month, 12)
        return f"{year:04d}-{month + 1:02d}"
    if re.search(r"\bnext\s+year\b", low):
        return str(published.year + 1)
    return _resolve_day(low, published, grammar)


def _resolve_day(low: str, published: date, grammar: _Grammar) -> str | None:
    if re.search(r"\b(?:next|last|this\s+coming)\b", low):
        return None  # "next Tuesday" is read two ways
    for name, i in grammar.weekdays.items():
        if re.search(rf"\b{name}\b", low):
            ahead = (i - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat() if ahead else None
    for name, i in grammar.months.items():
        m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{name}\b|\b{name}\s+(\d{{1,2}})\b", low)
        if m is None or re.search(r"\d{4}", low):
            continue
        try:
            day = date(published.year, i, int(m.group(1) or m.group(2)))
            if day < published:
                day = date(published.year + 1, i, day.day)
        except ValueError:
            return None
        return day.isoformat()
    return None
