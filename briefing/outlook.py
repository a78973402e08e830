"""Next steps: what will, may or must happen after the events reported.

A sentence holds a next step when its grammar points forward: a future or modal verb ("will",
"is expected to", "should"), a reported future ("said he would"), an intention ("plans to"), an
open call ("urged fans to"), a pending matter ("yet to be decided"), or a time still to come
("next week"). The step shown is the clause around that cue, cut from the sentence with its
attribution ("X said", "he added") trimmed, so it is always a verbatim span of the article.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from briefing.model import Actor, AnnotatedDocument, Document, NextStep, Sentence
from briefing.outlook_words import (
    ASK_VERBS,
    CALL_VERBS,
    DELIBERATE,
    EXPECT_ADJ,
    INTENT_NOUNS,
    INTENT_VERBS,
    MONTHS,
    NOT_NAMES,
    PROCEEDINGS,
    REPORTING,
    START_VERBS,
    TIME_NOUNS,
    WEEKDAYS,
)

MIN_WORDS = 3
MAX_STEPS = 10  # more than a briefing shows; repeats are weeded out among these only
SUMMARY_BONUS = 0.75  # a step in a summary sentence beats one of the same kind elsewhere
SECOND_PENALTY = 0.5  # a second, separate clause of the same sentence
EARLY_BONUS = 1.0  # news puts what matters first; both bonuses stay below a band's step


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


_BE = r"(?:am|is|are|was|were|be|been|being|remains?|looks?|seems?|appears?|'m|'s|'re|’m|’s|’re)"
_ADV = r"(?:(?:not|still|now|also|already|all|\w+ly)\s+)?"
_VERB = r"(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)[a-z]+"
_PAST_BE = re.compile(r"^(?:was|were)\b", re.I)

# Each cue: (kind, base weight, pattern). The kind decides the rank band (see _score).
_CUES: list[tuple[str, float, re.Pattern[str]]] = [
    ("future", 3.0, re.compile(r"\b(?:will|shall|won['’]t|wo\s+n['’]t)\b(?!\s+of\b)", re.I)),
    ("contraction", 3.0, re.compile(r"\w['’]ll\b", re.I)),
    (
        "expected",
        2.0,
        re.compile(rf"\b{_BE}\s+{_ADV}(?:{_alt(EXPECT_ADJ)})\s+to\s+{_VERB}", re.I),
    ),
    ("plan", 2.5, re.compile(rf"\b(?:is|are)\s+(?:\w+ly\s+)?to\s+(?!blame\b){_VERB}", re.I)),
    ("intent", 3.0, re.compile(rf"\b(?:{_alt(INTENT_VERBS)})\s+(?:not\s+)?to\s+{_VERB}", re.I)),
    (
        "noun",
        1.0,
        re.compile(
            rf"\b(?:{_alt(INTENT_NOUNS)})\s+to\s+{_VERB}",
            re.I,
        ),
    ),
    (
        "oblige",
        2.0,
        re.compile(
            r"\b(?:should|must|ought\s+to|needs?\s+to|ha(?:s|ve)\s+(?:got\s+)?to|['’]ve\s+got\s+to)\b",
            re.I,
        ),
    ),
    (
        "plan_noun",
        2.0,
        re.compile(
            r"\b(?:plans?|proposals?|pledges?|promises?)\s+to\s+[a-z]+|\b(?:plans?|proposals?)\s+for\b",
            re.I,
        ),
    ),
    ("would", 3.0, re.compile(r"\bwould\b", re.I)),
    ("maybe", 0.5, re.compile(r"\b(?:could|might|may)\b")),
    ("call", 2.0, re.compile(r"\blet(?:['’]s|\s+us)\b", re.I)),
    (
        "call",
        2.0,
        re.compile(
            rf"\b(?:{_alt(CALL_VERBS)})\s+(?:(?:on|upon)\s+)?[^.;:?!]{{0,60}}?\bto\s+{_VERB}"
            rf"|\b(?:{_alt(CALL_VERBS)})\s+for\b|\b(?:{_alt(ASK_VERBS)})\s+\w+(?:\s+\w+)?\s+to\s+"
            rf"{_VERB}",
            re.I,
        ),
    ),
    (
        "pending",
        2.0,
        re.compile(
            r"\b(?:yet\s+to|remains?\s+to\s+be\s+\w+|still\s+(?:wide\s+)?open"
            r"|(?:is|are|remains?)\s+(?:still\s+)?(?:undecided|unclear|pending|unresolved)"
            r"|not\s+yet\s+(?:been\s+)?[a-z]+ed|to\s+be\s+(?:announced|decided|confirmed|"
            r"determined|named|held|published|released|resolved|settled|cut|raised))\b",
            re.I,
        ),
    ),
    (
        "deliberate",
        2.0,
        re.compile(
            rf"\b{_BE}\s+{_ADV}(?:(?:{_alt(DELIBERATE)})|looking\s+(?:at|into)|in\s+talks)\b",
            re.I,
        ),
    ),
    (
        "proceeding",
        1.0,
        re.compile(
            rf"\b(?:{_alt(START_VERBS)})\s+(?:up\s+)?(?:an?|the|its|their|his|her)\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{_alt(PROCEEDINGS)})\b",
            re.I,
        ),
    ),
    (
        "ahead",
        1.0,
        re.compile(
            r"\bahead(?:\s+of\s+(?:him|her|them|us|me|you|it))?(?=\s*(?:[.,;!\"”']|$))"
            r"|\b(?:days|weeks|months|years|season|road|path|challenges?|tasks?)\s+ahead\b",
            re.I,
        ),
    ),
]

_MONTH = rf"(?:{'|'.join(m.capitalize() for m in MONTHS)})"
_DAY = rf"(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})"
_TNOUN = _alt(TIME_NOUNS)
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?|hours?|minutes?)"
# Time expressions that point forward on their own ("next week", "tomorrow").
_FUTURE_TIME = (
    rf"(?:(?:later|early|late)\s+)?(?:next|this\s+coming|coming)\s+(?:{_TNOUN}|{_DAY})(?:['’]s)?"
    rf"|later\s+(?:this|in\s+the)\s+(?:{_TNOUN})|in\s+the\s+(?:coming|next)\s+(?:few\s+)?{_UNIT}"
    rf"|in\s+{_NUM}\s+{_UNIT}['’]\s+time|tomorrow|in\s+(?:the\s+)?future|from\s+now\s+on"
)
# Clock times, days and dates: future only with a forward-looking verb.
_POINT_TIME = (
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)"
    r"(?:\s+(?:[A-Z]{2,4}\b|local\s+time))?"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
    rf"(?:,?\s+\d{{4}})?|{_DAY}(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|{_MONTH}(?:\s+\d{{4}})?\b|(?i:(?:later\s+)?this\s+(?:{_TNOUN})(?:['’]s)?\b"
    rf"|(?:with)?in\s+{_NUM}\s+{_UNIT}\b|today|tonight|soon|shortly|later)\b"
)
_TIME = re.compile(
    rf"\b(?:(?P<prep>at|on|by|until|till|before|from|in|within|during)\s+)?"
    rf"(?:the\s+end\s+of\s+)?(?:(?P<future>(?i:{_FUTURE_TIME}))|(?P<point>{_POINT_TIME}))",
)
_TIME_HINT = re.compile(
    rf"\d|noon|midnight|next|coming|later|tomorrow|today|tonight|soon|shortly|future|this|"
    rf"{_MONTH}|{_DAY}|(?i:\b(?:in|within)\s+(?:a|an|one|two|three|four|five|six|seven|eight|"
    rf"nine|ten|several|few)\b)"
)
_LAST = re.compile(r"\b(?:last|past|previous|ago|earlier)\s*$", re.I)

_REPORT = re.compile(
    rf"\b(?:{_alt(REPORTING)})\b(?:\s+(?:\w+\s+){{0,3}}?that\b|\s+that\b)?\s*[:,]?\s*", re.I
)
_TAIL = re.compile(
    r"\s*(?:[,;]\s*[\"”]?|[\"”]\s*,?)\s*(?:(?:[\w'’.-]+\s+){0,5}?(?:said|says|added|adds|told|"
    r"stated|specified|stressed|warned|insisted|explained|noted|wrote|tweeted)\b|according\s+to"
    r"|saying\b)"
    r"|,?\s+(?:saying|according\s+to)\b|[;?!]|,\s+(?:although|though|while|whereas|but)\b"
    r"|\s+and\s+(?=(?:[A-Z][\w'’-]*\s+)+[a-z]+ed\b)|\s+(?:-|--|–|—)\s+(?:and|but)\b",
)
_CONDITION = re.compile(
    r"^\W*(?:if|unless|provided|providing|once|when|whenever|until|as\s+long\s+as|should)\b",
    re.I,
)
_HAS_CONDITION = re.compile(r"\b(?:if|unless|provided|providing|as\s+long\s+as)\b", re.I)
_LEADING = re.compile(
    r"(?:[(\s]|(?:and|but|so|or|yet|that|then|although|though|whereas)\b\s*|,\s*)+", re.I
)
_TRAILING = re.compile(r"[\s\"“”'‘’.,;:(\-–—]+$")
_PERFECT = re.compile(
    r"^\s+(?:not\s+)?(?:\w+ly\s+)?have\s+(?:been|had|made|done|got|gone|seen|won|lost|left|put|"
    r"kept|felt|thought|brought|told|said|paid|met|come|become|found|held|led|sent|spent|built|"
    r"caught|hit|let|set|taken|given|known|shown|\w+ed|\w+en)\b",
    re.I,
)
_NOUN_WILL = re.compile(
    r"\b(?:the|a|his|her|their|its|our|my|your|free|political|good|ill|own|popular)\s+$", re.I
)
_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|van|von|al|bin|del|da)\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*"
)
_FIRM = {"future", "plan", "intent", "would"}
_NEGATED = re.compile(r"\b(?:not|never|no|nobody)\b|n['’]t\b", re.I)
_POSSESSIVE = re.compile(r"\b(?:its|their|his|her|our|my|your)\s+(?:new\s+)?$", re.I)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_PAST_AUX = re.compile(r"\b(?:did|didn['’]t|was|wasn['’]t|were|weren['’]t)\s+(?:not\s+)?$", re.I)
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
_HAD = re.compile(r"\b(?:had|'d|’d)\s+(?:\w+ly\s+)?$", re.I)


@dataclass(frozen=True)
class _Cue:
    kind: str
    weight: float
    start: int
    end: int


def find_next_steps(
    annotated: AnnotatedDocument, summary: Collection[int] = (), actors: Collection[Actor] = ()
) -> list[NextStep]:
    """Forward-looking statements of doc, most important first, at most MAX_STEPS.

    `summary` holds the indices of the summary's sentences; their steps rank a little higher.
    With `doc.published` set, relative days in `when` are anchored ("Tuesday (2022-02-22)").
    """
    doc = annotated.document
    published = _parse_date(doc.published)
    names = _Names(doc)
    chosen = set(summary)
    total = max(1, len(doc.sentences))
    steps: list[NextStep] = []
    previous = ""
    for sentence in doc.sentences:
        bonus = SUMMARY_BONUS * (sentence.index in chosen) + EARLY_BONUS * (
            1 - sentence.index / total
        )
        for step in _steps_in(sentence, names, previous, published):
            steps.append(replace(step, score=round(step.score + bonus, 4)))
        previous = sentence.text
    steps.sort(key=lambda s: (-s.score, s.sentence))
    return _without_repeats(steps)


def _without_repeats(steps: list[NextStep]) -> list[NextStep]:
    """Drop a step said again in other words; the fuller statement keeps the better rank."""
    kept: list[tuple[NextStep, set[str]]] = []
    for step in steps:
        if len(kept) == MAX_STEPS:
            break
        words = _content(step.text)
        for i, (other, other_words) in enumerate(kept):
            small, big = sorted((words, other_words), key=len)
            if small and len(small & big) >= 0.8 * len(small):
                if len(words) > len(other_words):
                    kept[i] = (replace(step, score=other.score), words)
                break
        else:
            kept.append((step, words))
    return [step for step, _ in kept]


_CONTRACTION = re.compile(r"\b\w+n['’]t\b", re.I)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", text.lower()) if w not in _FUNCTION_WORDS}


def _steps_in(
    sentence: Sentence, names: _Names, previous: str, published: date | None
) -> list[NextStep]:
    """The best step of a sentence, and a second one when its clause is separate."""
    text = sentence.text
    if text.rstrip(" \"”'’)").endswith("?"):
        return []
    cues = _cues(text)
    found: list[tuple[NextStep, int, int]] = []
    for cue in cues:
        start, end = _clause(text, cue)
        clause = text[start:end]
        if len(clause.split()) < MIN_WORDS or not _content(_CONTRACTION.sub(" ", clause)):
            continue  # "it won't be": says nothing about what will happen
        when_match = _time_in(clause, cue.start - start)
        verb = min((c.start for c in cues if start <= c.start <= cue.start), default=cue.start)
        who = names.actor(text, start, verb, previous)
        # "X said Y would ...": a plan only when Y is X ("he"); about another, a prediction.
        predicted = (
            cue.kind == "would"
            and _reported(text, cue.start)
            and not _PERSONAL.match(text[start:verb].strip())
        )
        score = _band(cue, text, clause, when_match is not None, who is not None and not predicted)
        if score < 1.0:
            continue
        when = None
        if when_match is not None:
            when = _anchor(when_match, published) if published else when_match.group("expr")
        found.append((NextStep(clause, who, when, sentence.index, sentence.doc, score), start, end))
    found.sort(key=lambda f: -f[0].score)
    if not found:
        return []
    best, first, last = found[0]
    other = next((f for f in found if f[2] <= first or f[1] >= last), None)
    if other is None:
        return [best]
    return [best, replace(other[0], score=other[0].score - SECOND_PENALTY)]


def _band(cue: _Cue, text: str, clause: str, timed: bool, named: bool) -> float:
    """Rank band of a step: scheduled, then firm plans of a named actor, then the rest."""
    if cue.kind in _FORWARD and timed:
        band = 4.0
    elif cue.kind in _FIRM and cue.weight >= 2 and named and not _HAS_CONDITION.search(clause):
        band = 3.0
    elif cue.kind == "pending":
        band = 2.5
    elif cue.kind in _FORWARD or (cue.kind == "maybe" and _reported(text, cue.start)):
        band = 2.0
    else:
        band = min(cue.weight, 1.5)
    if _PAST_BE.match(text[cue.start : cue.end]):
        band -= 0.5  # "was expected to": may be over by now
    if cue.kind in {"plan", "intent", "expected", "deliberate"} and _NEGATED.search(
        text, max(0, cue.start - 15), cue.end
    ):
        return 0.0  # "no one is planning to": nothing is to happen, so no step
    return band


def _cues(text: str) -> list[_Cue]:
    """Forward-looking cues of a sentence, with the grammar checks that rule some out."""
    found: list[_Cue] = []
    present = set(_WORD.findall(text.lower()))
    for name, weight, pattern in _CUES:
        kind = "future" if name == "contraction" else name
        needed = _NEEDS.get(name)
        if needed is not None and not needed & present:
            continue  # a quick word test spares most sentences the long alternations
        for m in pattern.finditer(text):
            cue = _checked(kind, weight, m, text)
            if cue is not None:
                found.append(cue)
    for m in _TIME.finditer(text) if _NEEDS["time"] & present else ():
        if m.group("future") and not _LAST.search(text[: m.start()]):
            found.append(_Cue("time", 1.5, m.start(), m.end()))
    return found


def _checked(kind: str, weight: float, m: re.Match[str], text: str) -> _Cue | None:
    """The cue m, reweighed by its context, or None when the grammar says it looks back."""
    after, before = text[m.end() :], text[: m.start()]
    if kind in {"future", "would", "maybe", "oblige"} and _PERFECT.match(after):
        return None  # "would have gone": a past that did not happen
    if _HAD.search(before):
        return None  # "had planned to", "had been expected to": over by now
    if kind == "oblige" and _PAST_AUX.search(before):
        return None  # "did not need to": a past obligation
    if kind == "would" and _PREFERENCE.match(after):
        return None  # "would rather": a preference, not a plan
    if kind == "future" and _NOUN_WILL.search(before):
        return None  # "the will of the people"
    if kind == "maybe" and m.group(0) == "May" and before.strip():
        return None  # the month
    if kind == "would" and not _reported(text, m.start()):
        if not _HAS_CONDITION.search(text):
            return None  # narrative "would": habit or hypothesis in the past
        weight = 2.0
    if kind == "plan_noun" and _POSSESSIVE.search(before):
        kind, weight = "plan", 3.0  # "their plans for": the actor's own plan
    if kind == "intent" and _PERFORMATIVE.search(m.group(0)):
        return None  # "I want to thank": said now, not planned
    if kind == "intent" and _WEAK_INTENT.match(m.group(0)):
        weight = 2.0
    return _Cue(kind, weight, m.start(), m.end())


_WORD = re.compile(r"[a-z]+")
# Words one of which a sentence must hold for a kind of cue to be looked for at all.
_NEEDS: dict[str, frozenset[str]] = {
    "future": frozenset(("will", "shall", "won", "wo")),
    "contraction": frozenset(("ll",)),
    "plan": frozenset(("is", "are")),
    "plan_noun": frozenset(
        ("plan", "plans", "proposal", "proposals", "pledge", "pledges", "promise", "promises")
    ),
    "oblige": frozenset(("should", "must", "ought", "need", "needs", "has", "have", "got")),
    "would": frozenset(("would",)),
    "maybe": frozenset(("could", "might", "may")),
    "time": frozenset(("next", "coming", "later", "tomorrow", "future", "now", "time")),
    "expected": frozenset(EXPECT_ADJ),
    "intent": frozenset(INTENT_VERBS),
    "noun": frozenset(INTENT_NOUNS),
    "call": frozenset((*CALL_VERBS, *ASK_VERBS, "let", "us")),
    "pending": frozenset(
        ("yet", "remain", "remains", "still", "be", "unclear", "undecided", "pending", "unresolved")
    ),
    "deliberate": frozenset((*DELIBERATE, "looking", "talks")),
    "proceeding": frozenset(PROCEEDINGS),
    "ahead": frozenset(("ahead",)),
}


@lru_cache(maxsize=64)
def _reports(text: str) -> tuple[re.Match[str], ...]:
    """Reporting verbs of a sentence ("said", "told reporters that"), found once per sentence."""
    if not _REPORT_WORDS & set(_WORD.findall(text.lower())):
        return ()
    return tuple(_REPORT.finditer(text))


_REPORT_WORDS = frozenset(REPORTING)


def _reported(text: str, position: int) -> bool:
    """Whether a reporting or thinking verb comes before position: "said he would"."""
    return any(
        m.end() <= position and not _INFINITIVE.search(text, 0, m.start())
        for m in _reports(text)
        if m.start() < position
    )


def _clause(text: str, cue: _Cue) -> tuple[int, int]:
    """The span of the clause holding the cue, attribution trimmed."""
    start = _clause_start(text, cue.start)
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
    trail = _TRAILING.search(text, start, end)
    if trail:
        end = trail.start()
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


def _clause_start(text: str, cue: int) -> int:
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
    for m in (m for m in _reports(text) if m.start() >= start and m.end() <= cue):
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


def _time_in(clause: str, cue: int) -> re.Match[str] | None:
    """The first time expression of the clause that can lie ahead.

    A day or date before the cue belongs to the report ("on Monday highlighted plans"), so only
    one after it counts; "next week" and the like count anywhere.
    """
    if not _TIME_HINT.search(clause):
        return None
    for m in _TIME.finditer(clause):
        if _LAST.search(clause[: m.start()]) or (m.group("point") and m.start() < cue):
            continue
        return _EXPR.match(clause, m.start(), m.end())
    return None


# The time expression as shown: "at" and "on" dropped, "by March" and "in future" kept.
_EXPR = re.compile(r"(?:(?:at|on)\s+)?(?P<expr>.+)", re.S)


class _Names:
    """Names of people and organisations as a document writes them.

    A capitalised word that starts a sentence ("Clearly", "Another") is only taken for a name
    when the document also capitalises it inside a sentence.
    """

    def __init__(self, doc: Document) -> None:
        self.inner: set[str] = set()
        for sentence in doc.sentences:
            for m in re.finditer(r"(?<=[\w,;:] )[A-Z][\w'’-]*", sentence.text):
                self.inner.add(_bare(m.group(0)))

    def actor(self, text: str, start: int, verb: int, previous: str) -> str | None:
        """Who acts in the clause text[start:verb]: its named subject, or what a pronoun means."""
        mark = _CLAUSE_MARK.match(text, start, verb)
        if mark and text[mark.end() : verb].strip():
            start = mark.end()
        subject = text[start:verb]
        found = self.find(subject, start == 0)
        if found:
            return found[-1]
        pronoun = _PERSONAL.match(subject)
        if pronoun is None or len(subject.split()) > 2:
            return None
        speaker = self.speaker(text, start)
        if speaker is not None:
            return speaker  # "Zelenskyy said he would": the speaker
        if pronoun.group(1).lower() in {"i", "we"} or self.find(text[:start], True):
            return None  # a quote's "I", or several people it could be
        return self.subject(previous)

    def speaker(self, text: str, start: int) -> str | None:
        """The name right before a reporting verb that ends where the clause starts."""
        for m in (m for m in _reports(text) if m.end() <= start):
            if text[m.end() : start].strip() or _INFINITIVE.search(text, 0, m.start()):
                continue
            head = text[: m.start()].split()[-6:]
            found = self.find(" ".join(head), m.start() == len(" ".join(head)))
            return found[-1] if found else None
        return None

    def subject(self, text: str) -> str | None:
        """The named subject of a sentence (among its first words), for the next one's pronouns."""
        head = " ".join(text.lstrip('"“ ').split()[:6])
        found = self.find(head, True)
        return found[-1] if found else None

    def find(self, span: str, at_start: bool) -> list[str]:
        out = []
        for m in _NAME.finditer(span):
            if _PREPOSITION.search(span, 0, m.start()):
                continue  # "in New Zealand": a place in the subject, not the subject
            words = m.group(0).split()
            first = at_start and not span[: m.start()].strip(" \"“'‘(")
            while words and (
                _bare(words[0]) in NOT_NAMES
                or re.match(r"I['’]", words[0])
                or (first and _bare(words[0]) not in self.inner)
            ):
                words, first = words[1:], False
            words = [w for w in words if _bare(w).lower() not in _CALENDAR]
            if len(words) >= 3 and not {"of", "de", "van", "von"} & set(words):
                words = words[-2:]  # "Ukrainian President Volodymyr Zelenskyy" -> the person
            name = _bare(" ".join(words))
            if name:
                out.append(name)
        return out


def _bare(word: str) -> str:
    return _POSSESSIVE_END.sub("", word.strip(".,;:\"'“”‘’"))


_POSSESSIVE_END = re.compile(r"['’]s?$")


_CALENDAR = set(MONTHS) | set(WEEKDAYS)
_PERSONAL = re.compile(r"^\W*(he|she|they|we|i)\b", re.I)
_PREPOSITION = re.compile(
    r"\b(?:in|at|of|for|from|to|with|on|by|into|over|under|against|about|than)\s+$", re.I
)
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "that",
        "this",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "said",
        "says",
        "say",
    ]
)


# ---------------------------------------------------------------- anchoring relative days


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _anchor(m: re.Match[str], published: date | None) -> str:
    """The time expression, with its date in brackets when published makes it unambiguous."""
    expr = m.group("expr")
    day = _resolve(expr, published) if published else None
    return f"{expr} ({day})" if day else expr


def _resolve(expr: str, published: date) -> str | None:
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
    return _resolve_day(low, published)


def _resolve_day(low: str, published: date) -> str | None:
    if re.search(r"\b(?:next|last|this\s+coming)\b", low):
        return None  # "next Tuesday" is read two ways
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            ahead = (i - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat() if ahead else None
    for i, name in enumerate(MONTHS, start=1):
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
