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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from operator import attrgetter
from typing import Final, NamedTuple

from briefing.lang import Language
from briefing.lang import alternation as _alt  # short: the patterns below use it often
from briefing.model import (
    Actor,
    AnnotatedDocument,
    AnnotatedSentence,
    Mention,
    NextStep,
    Token,
)

MIN_WORDS: Final = 3
HEADING_WORDS: Final = 8  # a line this short without a closing stop is a heading
# An attribution ending a sentence ("..., the minister said on Monday."): at most this many words.
SAID_AFTER_WORDS: Final = 6
MAX_STEPS: Final = 10  # more than a briefing shows; repeats are weeded out among these only
SHOWN_STEPS: Final = 4  # the steps a briefing lists in any case, when the text has them
MOST_STEPS: Final = 10  # and the most it lists, as for actors and figures, when the rest are strong
# A step that states what is to come on its own (band 2 or more, _band) rather than through a
# bonus. Over the 52 gold articles, the best 5 of any strength gave next steps P 0.783 / R
# 0.726; the best 4, then strong ones up to the eighth, P 0.803 / R 0.821 (the same for a
# threshold anywhere from 1.7 to 2.0); the best 8 of any strength, P 0.771 / R 0.829.
STRONG_STEP: Final = 2.0
SUMMARY_BONUS: Final = 0.75  # a step in a summary sentence beats one of the same kind elsewhere
SECOND_PENALTY: Final = 0.5  # a second, separate clause of the same sentence
EARLY_BONUS: Final = 1.0  # news puts what matters first; both bonuses stay below a band's step
HEAD_WORDS: Final = 6  # a speaker or a sentence's subject is named among this many words
# A step inside a quotation: key steps are news, not talk. Taken off a step quoted, not off
# every step of a sentence holding a quote ("calling on \"authorities to investigate\""):
# gold next-step recall 0.795 -> 0.821, precision 0.805 -> 0.803.
QUOTE_PENALTY: Final = 0.5
WINDOW: Final = 80  # characters; longer than anything a context pattern ending at a cue matches


def _first_words(entries: Iterable[str], clitics: Iterable[str]) -> frozenset[str]:
    """The words matches of the entries begin with: each entry's first word, less a clitic the
    tokenizer splits off ("let" of "let's")."""
    out = set()
    for entry in entries:
        first = entry.split()[0]
        for clitic in clitics:
            if first.endswith(clitic) and len(first) > len(clitic):
                first = first[: -len(clitic)]
        out.add(first)
    return frozenset(out)


def _key_words(entries: Iterable[str], function_words: Collection[str]) -> frozenset[str]:
    """A word of each entry, as rare as can be told, to look for it by: its last word that is
    no function word ("talks" of "in talks"), else its longest, the last of equals ("be" of
    "to be"). An entry that begins with another ("not yet been") is found by that one's word.
    """
    split = {tuple(entry.split()) for entry in entries}
    keys = set()
    for words in split:
        if any(other != words and words[: len(other)] == other for other in split):
            continue
        content = [w for w in words if w.lower() not in function_words]
        keys.add(content[-1] if content else max(reversed(words), key=len))
    return frozenset(keys)


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
    words, clitics = lang.words, lang.words("possessives")

    def alt(name: str) -> str:
        return _alt(words(name))

    def first(*names: str) -> frozenset[str]:
        return _first_words(frozenset().union(*map(words, names)), clitics)

    function_words = {w.lower() for w in words("function_words")}

    def keys(entries: Iterable[str]) -> frozenset[str]:
        return _key_words(entries, function_words)

    expect, intent = words("cue_expect_words"), words("cue_intent_verbs")
    nouns, deliberate = words("cue_intent_nouns"), words("cue_deliberation_verbs")
    call, ask = alt("cue_call_verbs"), alt("cue_ask_verbs")
    adverb = rf"(?:(?:{alt('cue_be_adverbs')}|\w+ly)\s+)?"  # "is still expected to"
    be = rf"\b(?:{alt('cue_be_verbs')})\s+{adverb}"
    to = alt("infinitive_markers")
    # a verb: any word but a determiner ("expected to the end")
    a_verb = rf"(?!(?:{_alt(words('determiners') | words('cue_not_verbs'))})\b)[a-z]+"
    to_verb = rf"(?:{to})\s+{a_verb}"
    verb = rf"\s+{to_verb}"
    ahead = alt("cue_ahead")  # "ahead" alone, which "the weeks ahead" ends in
    return [
        _Pattern(
            "future",
            3.0,
            first("cue_future_modals"),
            re.compile(
                rf"\b(?:{alt('cue_future_modals')})\b(?!\s+(?:{alt('cue_future_noun_followers')})\b)",
                re.I,
            ),
        ),
        # "they'll": the cue starts at the apostrophe, so the pronoun stays in the subject
        _Pattern(
            "future",
            3.0,
            words("cue_future_clitics"),
            re.compile(rf"(?<=\w)(?:{alt('cue_future_clitics')})\b", re.I),
        ),
        _Pattern(
            "expected",
            2.0,
            expect,
            re.compile(rf"{be}(?:{_alt(expect)}){verb}", re.I),
            before=2,
        ),
        _Pattern(
            "plan",
            2.5,
            first("cue_plan_be_verbs"),
            re.compile(
                rf"\b(?:{alt('cue_plan_be_verbs')})\s+(?:\w+ly\s+)?(?:{to})\s+"
                rf"(?!(?:{alt('cue_plan_exceptions')})\b){a_verb}",
                re.I,
            ),
        ),
        _Pattern(
            "intent",
            3.0,
            intent,
            re.compile(rf"\b(?:{_alt(intent)})(?:\s+(?:{alt('cue_verb_negation')}))?{verb}", re.I),
        ),
        _Pattern("noun", 1.0, nouns, re.compile(rf"\b(?:{_alt(nouns)}){verb}", re.I)),
        # "promised swift sanctions if it materialized": a threat its condition keeps open
        _Pattern(
            "threat",
            2.0,
            words("cue_threat_verbs"),
            re.compile(
                rf"\b(?:{alt('cue_threat_verbs')})\s+(?!(?:{to})\b)[^.;:?!]{{0,60}}?"
                rf"\b(?:{alt('cue_conditions')})\b",
                re.I,
            ),
        ),
        _Pattern(
            "oblige",
            2.0,
            first("cue_obligation_modals"),
            re.compile(rf"\b(?:{alt('cue_obligation_modals')})\b", re.I),
        ),
        _Pattern(
            "plan_noun",
            2.0,
            first("cue_plan_nouns", "cue_plan_for"),
            re.compile(
                rf"\b(?:{alt('cue_plan_nouns')})\s+(?:{to})\s+[a-z]+"
                rf"|\b(?:{alt('cue_plan_for')})\b",
                re.I,
            ),
        ),
        _Pattern(
            "would",
            3.0,
            first("cue_reported_modals"),
            re.compile(rf"\b(?:{alt('cue_reported_modals')})\b", re.I),
        ),
        _Pattern(
            "maybe",
            0.5,
            first("cue_possibility_modals"),
            re.compile(rf"\b(?:{alt('cue_possibility_modals')})\b"),
        ),
        _Pattern(
            "call",
            2.0,
            first("cue_let_forms"),
            re.compile(rf"\b(?:{alt('cue_let_forms')})\b", re.I),
        ),
        _Pattern(
            "call",
            2.0,
            words("cue_call_verbs") | words("cue_ask_verbs"),
            re.compile(
                rf"\b(?:{call})\s+(?:(?:{alt('cue_call_particles')})\s+)?[^.;:?!]{{0,60}}?\b{to_verb}"
                rf"|\b(?:{call})\s+(?:{alt('cue_call_for')})\b|\b(?:{ask})\s+\w+(?:\s+\w+)?{verb}",
                re.I,
            ),
        ),
        _Pattern(
            "pending",
            2.0,
            keys(words("cue_pending_phrases") | words("cue_pending_frames"))
            | keys(words("cue_pending_negations") | words("cue_pending_infinitives"))
            | words("cue_pending_states"),
            re.compile(
                rf"\b(?:{alt('cue_pending_phrases')}|(?:{alt('cue_pending_frames')})\s+\w+"
                rf"|(?:{alt('cue_pending_be_verbs')})\s+(?:(?:{alt('cue_pending_adverbs')}|\w+ly)\s+)?"
                rf"(?:{alt('cue_pending_states')})|(?:{alt('cue_pending_negations')})\s+[a-z]+ed"
                rf"|(?:{alt('cue_pending_infinitives')})\s+(?:{alt('cue_pending_participles')}))\b",
                re.I,
            ),
            before=2,
        ),
        _Pattern(
            "deliberate",
            2.0,
            keys(deliberate),
            re.compile(rf"{be}(?:{_alt(deliberate)})\b", re.I),
            before=3,
        ),
        _Pattern(
            "proceeding",
            1.0,
            words("cue_start_verbs"),
            re.compile(
                rf"\b(?:{alt('cue_start_verbs')})\s+(?:(?:{alt('cue_start_particles')})\s+)?"
                rf"(?:{alt('cue_proceeding_determiners')})\s+"
                rf"(?:[\w-]+\s+){{0,2}}?(?:{alt('cue_proceedings')})\b",
                re.I,
            ),
        ),
        _Pattern(
            "ahead",
            1.0,
            first("cue_ahead", "cue_ahead_ends", "cue_ahead_nouns"),
            re.compile(
                rf"\b(?:{ahead}|{alt('cue_ahead_ends')})(?=\s*(?:[.,;!\"”']|$))"
                rf"|\b(?:{alt('cue_ahead_nouns')})\s+(?:{ahead})\b",
                re.I,
            ),
        ),
    ]


@dataclass(frozen=True)
class _Grammar:
    """Everything this stage reads a language with, compiled once per language."""

    patterns: tuple[_Pattern, ...]
    starts: dict[str, tuple[int, ...]]  # word -> the patterns a match can begin with it
    report: re.Pattern[str]
    reporting: frozenset[str]  # the words a report begins with
    time: re.Pattern[str]
    time_starts: frozenset[str]  # the words a time expression begins with, but figures
    function_words: frozenset[str]
    weekdays: Mapping[str, int]  # lower-case name -> Monday 0
    months: Mapping[str, int]  # lower-case name -> January 1
    generic_subjects: frozenset[str]  # "you" of "you have to": nobody's step
    relatives: frozenset[str]  # "who" of "businesses who want to"
    past_intents: frozenset[str]  # "decided" of "decided to": over unless timed ahead
    past_verbs: frozenset[str]  # "met", "was": a clause that tells what happened
    participle_guards: frozenset[str]  # "is" of "is scheduled": an "-ed" word not past
    ed_base_verbs: frozenset[str]  # "need": a plain verb ending in "-ed"
    event_verbs: frozenset[str]  # "meet" of "they meet Wales on Saturday"
    event_nouns: frozenset[str]  # "meeting" of "a meeting Saturday with Wisconsin"
    ahead_prepositions: frozenset[str]  # "before" of "before Wednesday's friendly"
    clause_words: frozenset[str]  # "when", "and": where a clause begins
    copulas: frozenset[str]  # "is" of "the final is on Sunday"
    infinitives: frozenset[str]  # "to" of "to call it X"
    reporting_or_announcing: frozenset[str]  # "said", "unveiled": a past that keeps a plan open
    proposals: frozenset[str]  # "bill" of "the bill would require"
    time_words: frozenset[str]  # "weeks", "coming": words of time expressions
    setting_words: frozenset[str]  # event verbs and "before": what sets a day
    copula_day: re.Pattern[str]  # "is on Sunday": a copula before a day
    behind_prepositions: frozenset[str]  # "after" of "after Monday's crash"
    normative: re.Pattern[str]  # "always" after "should": a rule, not a step
    past_be: re.Pattern[str]  # "was" of "was expected to"
    dropped: re.Pattern[str]  # "were never" of "plans to X were never carried out"
    passive_by: re.Pattern[str]  # "affected by " ending a span: a passive's agent follows
    possessive_next: re.Pattern[str]  # "'s" of "Sunday's earthquake"
    tail: re.Pattern[str]  # where a clause ends: an attribution, a "but"
    condition: re.Pattern[str]  # a condition in a clause
    opens_condition: re.Pattern[str]  # a clause that opens with a condition
    personal: re.Pattern[str]  # a subject pronoun opening a clause
    first_person: frozenset[str]
    preposition: _Ending  # before a name that places the events
    last: _Ending  # "last" of "last week"
    infinitive: _Ending  # "to" before a reporting verb: "to say" reports nothing
    past_perfect: _Ending  # "had" of "had planned to"
    past_aux: _Ending  # "did not" of "did not need to"
    noun_will: _Ending  # "the" of "the will of"
    possessive: _Ending  # "their" of "their plans for"
    perfect: re.Pattern[str]  # "have gone" after "would"
    preference: re.Pattern[str]  # "rather" after "would"
    hedge: re.Pattern[str]  # "appear" after "would"
    judgement: re.Pattern[str]  # "be foolish to" after "would": a judgement
    feeling: re.Pattern[str]  # "miss" after "will": a feeling said now
    no_comment: re.Pattern[str]  # "not comment" after "could": an answer given now
    perfect_infinitive: re.Pattern[str]  # "to have misunderstood": a past seen now
    open_state: re.Pattern[str]  # "unclear", a step only with a question after it
    open_question: re.Pattern[str]  # "whether" after "it is unclear"
    let_forms: frozenset[str]  # "let's"
    talk: re.Pattern[str]  # "break that down" after "let's": the talk itself
    aside_verb: re.Pattern[str]  # "admit" after "I'll": said as it is written
    normative_words: frozenset[str]  # "always" of "they always want to": a habit
    past_perfect_verb: re.Pattern[str]  # "had been considering": over by now
    weak_intent: re.Pattern[str]
    performative: re.Pattern[str]  # "to thank" after "want"
    negated: re.Pattern[str]
    contraction: re.Pattern[str]  # "won't": says nothing of what is to happen
    leading: re.Pattern[str]  # what is trimmed off the start of a clause
    clause_mark: re.Pattern[str]  # the last clause opening in a span
    expression: re.Pattern[str]  # a time expression as shown


# In _Grammar.starts, besides the patterns' indices:
TIMED: Final = -1  # a word a time cue needs
DAY: Final = -2  # a day or month: an appointment's time
KEYED: Final = 1000  # KEYED + i: a word pattern i holds within its first words


@cache
def _grammar(lang: Language) -> _Grammar:
    """The language's cue lists, read and compiled once (a Language hashes by identity)."""
    patterns = _patterns(lang)
    reporting = lang.words("cue_reporting_verbs")
    starts: dict[str, list[int]] = {}
    groups = [(i + KEYED * bool(p.before), p.starts) for i, p in enumerate(patterns)]
    # Days and dates are time cues too: with a verb that is not past they are appointments.
    days = (lang.words("weekdays") | lang.words("months")) - lang.words("cue_time_words")
    for i, words in [*groups, (TIMED, lang.words("cue_time_words")), (DAY, days)]:
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
    time = _time_pattern(lang, weekdays, months)
    listed = lang.words
    attributions = _alt(listed("cue_attribution_phrases"))
    conditions = _alt(listed("cue_conditions"))
    negation = f"(?:{_alt(listed('cue_verb_negation'))})"
    clitics = _alt(listed("cue_negation_clitics"))

    def next_word(name: str) -> re.Pattern[str]:  # a word of the list right after the cue
        return re.compile(rf"^\s+(?:{_alt(listed(name))})\b", re.I)

    # a past participle: a listed irregular one, or a word ending as regular ones do
    participle = rf"(?:{_alt(listed('cue_perfect_participles'))}|\w+ed|\w+en)"
    return _Grammar(
        patterns=tuple(patterns),
        starts={word: tuple(found) for word, found in starts.items()},
        report=re.compile(  # "said", "said on Monday", "announced that"
            rf"\b(?:{_alt(reporting)})\b(?:\s+(?:on\s+)?(?:{_alt(weekdays)})\b)?"
            rf"(?:\s+(?:[\w'’-]+\s+){{0,8}}?that\b|\s+that\b)?\s*[:,]?\s*",
            re.I,
        ),
        reporting=frozenset(reporting),
        time=time,
        time_starts=lang.words("cue_time_starts") | lang.words("months") | lang.words("weekdays"),
        tail=re.compile(
            # the lookahead lets the search skip most characters at once
            rf"(?=[\s,;\"”?!])(?:\s*(?:[,;]\s*[\"”]?|[\"”]\s*,?)\s*(?:(?:[\w'’.-]+\s+){{0,5}}?"
            rf"(?:{_alt(listed('cue_attribution_verbs'))})\b|(?:{attributions})\b)"
            rf"|,?\s+(?:{attributions})\b|[;?!]"
            rf"|,\s+(?:{_alt(listed('cue_contrast_conjunctions'))})\b"
            r"|\s+and\s+(?=(?:[A-Z][\w'’-]*\s+)+[a-z]+ed\b)|\s+(?:-|--|–|—)\s+(?:and|but)\b)",
        ),
        condition=re.compile(rf"\b(?:{conditions})\b", re.I),
        opens_condition=re.compile(
            rf"^\W*(?:{_alt(listed('cue_conditions') | listed('cue_condition_openers'))})\b", re.I
        ),
        personal=re.compile(rf"^\W*({_alt(listed('cue_subject_pronouns'))})\b", re.I),
        first_person=listed("cue_first_person"),
        preposition=_ending(listed("cue_place_prepositions")),
        last=_ending(listed("cue_past_markers"), space=r"\s*"),
        infinitive=_ending(listed("infinitive_markers")),
        past_perfect=_ending(listed("cue_past_perfect"), r"(?:\w+ly\s+)?", more=["ly"]),
        past_aux=_ending(listed("cue_past_auxiliaries")),
        noun_will=_ending(listed("cue_will_noun_modifiers")),
        possessive=_ending(  # "their new plans for"
            listed("cue_plan_possessives"),
            rf"(?:(?:{_alt(listed('cue_plan_adjectives'))})\s+)?",
            more=listed("cue_plan_adjectives"),
        ),
        perfect=re.compile(
            rf"^\s+(?:{negation}\s+)?(?:\w+ly\s+)?(?:{_alt(listed('cue_perfect_auxiliaries'))})\s+"
            rf"{participle}\b",
            re.I,
        ),
        preference=next_word("cue_preferences"),
        hedge=next_word("cue_hedges"),
        judgement=re.compile(
            rf"^\s+be\s+(?:(?:{_alt(listed('indefinite_articles'))})\s+)?(?:\w+\s+)?"
            rf"(?:{_alt(listed('cue_judgements'))})\s+(?:{negation}\s+)?(?:to|if)\b",
            re.I,
        ),
        feeling=re.compile(
            rf"^\s+(?:(?:\w+ly|{_alt(listed('cue_normative_adverbs'))})\s+)?(?:be\s+)?"
            rf"(?:{_alt(listed('cue_feeling_verbs'))})\b",
            re.I,
        ),
        no_comment=re.compile(
            rf"^(?:{clitics}|\s+{negation})\s+(?:\w+ly\s+)?(?:{_alt(listed('cue_comment_verbs'))})\b",
            re.I,
        ),
        perfect_infinitive=re.compile(
            rf"\b(?:{_alt(listed('infinitive_markers'))})\s+have\s+{participle}\b", re.I
        ),
        open_state=re.compile(rf"\b(?:{_alt(listed('cue_open_states'))})$", re.I),
        open_question=re.compile(rf"^\s*,?\s+(?:{_alt(listed('cue_open_questions'))})\b", re.I),
        let_forms=_lowered(listed("cue_let_forms")),
        aside_verb=re.compile(rf"^\s+(?:\w+ly\s+)?(?:{_alt(listed('cue_aside_verbs'))})\b", re.I),
        normative_words=_lowered(listed("cue_normative_adverbs")),
        talk=next_word("cue_talk_verbs"),
        past_perfect_verb=re.compile(
            rf"\b(?:{_alt(w for w in listed('cue_past_perfect') if w.isalpha())})\s+"
            rf"(?:(?:{negation}|\w+ly)\s+)?"
            rf"{participle}\b",
            re.I,
        ),
        weak_intent=re.compile(rf"^(?:{_alt(listed('cue_weak_intents'))})", re.I),
        performative=re.compile(
            rf"\b(?:{_alt(listed('infinitive_markers'))})\s+"
            rf"(?:{_alt(listed('cue_performative_verbs'))})\b",
            re.I,
        ),
        negated=re.compile(rf"\b(?:{_alt(listed('cue_negations'))})\b|(?:{clitics})\b", re.I),
        contraction=re.compile(rf"\b\w+(?:{clitics})\b", re.I),
        leading=re.compile(
            rf"(?:[(\s]|(?:{_alt(listed('cue_leading_conjunctions'))})\b\s*|,\s*)+", re.I
        ),
        clause_mark=re.compile(rf".*(?:,|\b(?:{_alt(listed('cue_clause_marks'))})\b)", re.I | re.S),
        expression=re.compile(
            rf"(?:(?:{_alt(listed('cue_dropped_prepositions'))})\s+)?(?P<expr>.+)", re.S
        ),
        past_be=re.compile(rf"^(?:{_alt(lang.words('cue_past_be_verbs'))})\b", re.I),
        dropped=re.compile(
            rf"[^,;:]*?\b(?:{_alt(lang.words('cue_past_be_verbs'))})"
            rf"(?:\s+(?:{_alt(listed('cue_negations'))})\b|(?:{clitics})\b)",
            re.I,
        ),
        passive_by=re.compile(rf"\b{participle}\s+by\s+$", re.I),
        possessive_next=re.compile(rf"(?:{_alt(lang.words('possessives'))})\b"),
        function_words=frozenset(w.lower() for w in lang.words("function_words")),
        weekdays=weekdays,
        generic_subjects=_lowered(listed("cue_generic_subjects")),
        relatives=_lowered(listed("cue_relative_pronouns")),
        past_intents=_lowered(listed("cue_past_intents")),
        past_verbs=_lowered(listed("cue_past_verbs")),
        participle_guards=_lowered(listed("cue_participle_guards")),
        ed_base_verbs=_lowered(listed("cue_ed_base_verbs")),
        event_verbs=_lowered(listed("cue_event_verbs")),
        event_nouns=_lowered(listed("cue_event_nouns")),
        ahead_prepositions=_lowered(listed("cue_ahead_prepositions")),
        clause_words=_lowered(listed("cue_clause_marks")),
        copulas=_lowered(listed("cue_present_copulas")),
        infinitives=_lowered(listed("infinitive_markers")),
        reporting_or_announcing=_lowered(reporting | listed("cue_announce_verbs")),
        proposals=_lowered(listed("cue_proposal_nouns")),
        setting_words=_lowered(
            listed("cue_event_verbs") | listed("cue_event_nouns") | listed("cue_ahead_prepositions")
        ),
        copula_day=re.compile(  # "is on Sunday", "are scheduled for 22 April"
            rf"\b(?:{_alt(listed('cue_present_copulas'))})\s+(?:\w+\s+){{0,2}}"
            rf"(?:{_alt(d.capitalize() for d in weekdays)}|{_alt(m.capitalize() for m in months)}"
            r"|\d)"
        ),
        time_words=_lowered(
            listed("cue_count_units") | listed("cue_time_nouns") | listed("cue_time_words")
        ),
        behind_prepositions=_lowered(listed("cue_behind_prepositions")),
        normative=re.compile(rf"^\s+(?:{_alt(listed('cue_normative_adverbs'))})\b", re.I),
        months=months,
    )


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _time_pattern(
    lang: Language, weekdays: Iterable[str], months: Iterable[str]
) -> re.Pattern[str]:
    """Time expressions: "next week", "by March", "at 3 p.m.", "on Tuesday"."""
    count = rf"(?:{_alt(lang.words('cue_counts'))}|\d+)"
    unit = rf"(?:{_alt(lang.words('cue_count_units'))})"
    prepositions = _alt(lang.words("cue_time_prepositions"))
    month = rf"(?:{_alt(m.capitalize() for m in months)})"
    day = rf"(?:{_alt(d.capitalize() for d in weekdays)})"
    tnoun = _alt(lang.words("cue_time_nouns"))
    ahead = _alt(lang.words("cue_time_ahead"))
    modifier = _alt(lang.words("cue_time_modifiers"))
    ordinal = rf"(?:{_alt(lang.words('ordinal_suffixes'))})"
    possessive = rf"(?:{_alt(lang.words('possessives'))})"  # "next week's"
    # Time expressions that point forward on their own ("next week", "tomorrow").
    future = (
        rf"(?:(?:{modifier})\s+)?(?:{ahead})\s+(?:{tnoun}|{day}){possessive}?(?!\w)"
        rf"|later\s+(?:this|in\s+the)\s+(?:{tnoun})|(?:in\s+)?the\s+[\"“]?(?:coming|next)\s+(?:few\s+|{count}\s+)?{unit}"
        rf"|in\s+{count}\s+{unit}['’]\s+time|{_alt(lang.words('cue_future_times'))}"
    )
    # Clock times, days and dates: future only with a forward-looking verb.
    point = (
        r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)"
        r"(?:\s+(?:[A-Z]{2,4}\b|local\s+time))?"
        rf"|(?:\d{{1,2}}{ordinal}?\s+{month}|{month}\s+\d{{1,2}}{ordinal}?\b)"
        rf"(?:,?\s+\d{{4}})?|{day}(?:\s+(?:{_alt(lang.words('cue_day_parts'))}))?\b"
        rf"|{month}(?:\s+\d{{4}})?\b|(?<=\s)(?:1[89]|2\d)\d\d\b(?![-–/]\d|\s*%)"
        rf"|(?i:(?:later\s+)?this\s+(?:{tnoun}){possessive}?\b"
        rf"|(?:with)?in\s+{count}\s+{unit}\b|{_alt(lang.words('cue_near_times'))})\b"
    )
    return re.compile(
        rf"\b(?:(?P<prep>{prepositions})\s+)?"
        rf"(?:the\s+end\s+of\s+)?(?:(?P<future>(?i:{future}))|(?P<point>{point}))",
    )


class _Ending(NamedTuple):
    """A pattern ending in "$", to match at the end of a span ("had" before "planned to"), and
    the words its match can end in, lower case (with the ’ form of an apostrophe too), with the
    spaces at its end stripped."""

    regex: re.Pattern[str]
    words: tuple[str, ...]
    longest: int  # letters of the longest of the words


def _ending(
    words: Iterable[str], then: str = "", space: str = r"\s+", more: Iterable[str] = ()
) -> _Ending:
    """A span ending in one of the words and `space`, or in what `then` (a regex) matches after
    them, which ends in one of the words or endings `more`."""
    words = list(words)
    ends = {w.split()[-1].lower() for w in words} | set(more)
    forms = ends | {w.replace("'", "’") for w in ends}
    regex = re.compile(rf"\b(?:{_alt(words)}){space}{then}$", re.I)
    return _Ending(regex, tuple(sorted(forms)), max(map(len, forms), default=0))


_TRAILING: Final = "\"“”'‘’.,;:(-–—"  # and white space: trimmed off the end of a clause
_FIRM: Final = {"future", "plan", "intent", "would"}
_FORWARD: Final = {
    "scheduled",
    "threat",
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


_NOTHING: Final = _Read("", (), ())  # before the first sentence


def find_next_steps(
    annotated: AnnotatedDocument,
    summary: Collection[int] = (),
    actors: Collection[Actor] = (),
    bottom: int | None = None,
) -> list[NextStep]:
    """Forward-looking statements of the document, most important first, at most MAX_STEPS.

    `summary` holds the indices of the summary's sentences; their steps rank a little higher.
    `actors` is the ranked actor list: a step's `who` is one of their names when it can be.
    `bottom` is the bottom line's sentence: a step it states, in it or said again in another
    sentence, is left out (the reader has just read it).
    With `published` set, relative days in `when` are anchored ("Tuesday (2022-02-22)").
    """
    grammar = _grammar(annotated.language)
    cast = _Cast.of(actors, grammar)
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
    lead = None if bottom is None else annotated.sentences[bottom]
    return _without_repeats(steps, grammar.function_words, lead)


BOTTOM_REPEAT: Final = 0.7  # share of a step's content words found in the bottom line: said again


def _without_repeats(
    steps: list[NextStep], function_words: frozenset[str], bottom: AnnotatedSentence | None
) -> list[NextStep]:
    """Drop a step said again in other words; the fuller statement keeps the better rank. A
    step the bottom line states goes too: its own, and a lead told again lower down ("... Fund,
    which will invest $1 billion over the next four years")."""
    said = _content(bottom.text, function_words) if bottom is not None else set()
    kept: list[tuple[NextStep, set[str]]] = []
    for step in steps:
        if len(kept) == MAX_STEPS:
            break
        words = _content(step.text, function_words)
        if words and len(words & said) >= BOTTOM_REPEAT * len(words):
            continue  # said in the bottom line already (nothing is without one)
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


def shown_steps(steps: list[NextStep]) -> list[NextStep]:
    """The steps a briefing lists, of those find_next_steps ranked: the best SHOWN_STEPS,
    then strong ones up to MOST_STEPS. A text that looks ahead a lot gets a longer list, and
    weak steps (an aside in a quote, a time named in passing) do not pad a short one."""
    more = [s for s in steps[SHOWN_STEPS:MOST_STEPS] if s.score >= STRONG_STEP]
    return steps[:SHOWN_STEPS] + more


_CONTENT_WORD: Final = re.compile(r"[^\W_]+")


def _says_something(clause: str, grammar: _Grammar) -> bool:
    """Whether the clause holds a content word, not counting a "won't" or "can't"."""
    if "'" in clause or "’" in clause:
        clause = grammar.contraction.sub(" ", clause)
    # Word by word: a content word comes early, and the rest of the clause need not be read.
    function_words = grammar.function_words
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
_ASCII_SPACES: Final = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


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
    cue_starts = sorted(c.start for c in cues)
    for cue in cues:
        if _hopeless(cue, read, grammar):
            continue
        start, end = _clause(text, cue, reports, grammar)
        clause = text[start:end]
        if len(clause.split()) < MIN_WORDS or not _says_something(text[cue.start : end], grammar):
            continue  # "it won't be", "Perhaps it should be": nothing said of what will happen
        if cue.kind in _DATED_OR_PENDING and (
            grammar.past_perfect_verb.search(text, start, cue.start)
            or grammar.condition.search(text, start, cue.start)
        ):
            # "had been considering retirement later in the year": over by now; "if I wake
            # up tomorrow": a condition, not an event (a modal of the sentence still counts)
            continue
        times = [
            at - start
            for at in read.times[bisect_left(read.times, start) : bisect_left(read.times, end)]
        ]
        when_match = None
        if times:
            told = _first_past(read.words, cue.end, end, grammar)
            span = (cue.start - start, len(clause) if told is None else told - start)
            when_match = _time_in(clause, span, times, grammar, published)
        if when_match and _only_time(clause, when_match, grammar):
            continue  # "coming weeks and months": a time and nothing that happens in it
        first = bisect_left(cue_starts, start)  # the clause's first cue: its verb
        verb = min(cue_starts[first], cue.start) if first < len(cue_starts) else cue.start
        who = _who(read, start, verb, previous, cast)
        # "X said Y would ...": a plan only when Y is X ("he"); about another, a prediction.
        predicted = (
            cue.kind == "would"
            and _reported(reports, text, cue.start, grammar)
            and not grammar.personal.match(text[start:verb].strip())
        )
        # A past told with a time after it may still be ahead ("was scheduled to end next
        # week"); with the time before it, the time is the story's ("The next morning I
        # decided to dig into it").
        ahead = when_match is not None and when_match.start() >= cue.start - start
        score = _band(
            cue,
            read,
            clause,
            (when_match is not None, ahead),
            who is not None and not predicted,
            grammar,
        )
        if score < 1.0:
            continue
        if _quoted(text, cue.start):
            score -= QUOTE_PENALTY  # a quote's plans are more often talk than news
        when = None
        if when_match is not None:
            expr = when_match.group("expr").translate(_NO_QUOTES)  # in the "coming weeks"
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


_NO_QUOTES: Final = str.maketrans("", "", '"“”')


def _first_past(words: tuple[Token, ...], lo: int, hi: int, grammar: _Grammar) -> int | None:
    """The offset of the first verb in the past tense between lo and hi, if any."""
    k = bisect_left(words, lo, key=_START)
    while k < len(words) and words[k].start < hi:
        if _past(words, k, grammar):
            return words[k].start
        k += 1
    return None


def _year_before(when: re.Match[str], published: date) -> bool:
    """Whether the time is a year alone ("by 2030"), before the year of publication."""
    year = _YEAR_ALONE.fullmatch(when.group("expr"))
    return year is not None and int(year.group(1)) < published.year


_YEAR_ALONE: Final = re.compile(r"(?:[^\W\d_]+\s+)?(\d{4})")  # "in 2019", "2019"


def _only_time(clause: str, when: re.Match[str], grammar: _Grammar) -> bool:
    """Whether the clause holds nothing but its time ("coming weeks and months")."""
    end = when.end()
    while end < len(clause) and clause[end].isalpha():
        end += 1  # "coming week" read in "coming weeks"
    rest = clause[: when.start()] + " " + clause[end:]
    return _content(rest, grammar.function_words).issubset(grammar.time_words)


def _band(
    cue: _Cue, read: _Read, clause: str, times: tuple[bool, bool], named: bool, grammar: _Grammar
) -> float:
    """Rank band of a step: scheduled, then firm plans of a named actor, then the rest.
    `times` says whether the clause has a time that can lie ahead, and one after the cue."""
    text = read.text
    timed, ahead = times
    past = grammar.past_be.match(text[cue.start : cue.end])
    if cue.kind in _NARRATED and _past_before(read, cue, grammar):
        return 0.0  # "the study interviewed mothers about their plans for": told as past
    told = past or (cue.kind == "intent" and _first_word(text, cue) in grammar.past_intents)
    if told and not ahead and not _reported(read.reports, text, cue.start, grammar):
        return 0.0  # "decided to start", "was scheduled to end": told as what happened
    if cue.kind in _FORWARD and timed:
        band = 4.0
    elif cue.kind in _FIRM and cue.weight >= 2 and named and not grammar.condition.search(clause):
        band = 3.0
    elif cue.kind == "pending":
        band = 2.5
    elif cue.kind in _FORWARD or (cue.kind == "maybe" and _open_maybe(cue, read, grammar)):
        band = 2.0
    else:
        band = min(cue.weight, 1.5)
    if past:
        band -= 0.5  # "was expected to next week": may be over by now
    return band


_DATED: Final = {"time", "scheduled"}  # cues that are only a time: the clause's verb says when
# and what is yet to be done: after "had been fighting for the letters", "to be released" is over
_DATED_OR_PENDING: Final = _DATED | {"pending"}
_NARRATED: Final = {"plan_noun", "plan", "noun", "intent", "oblige", "maybe"}  # told as past: over


def _past_before(read: _Read, cue: _Cue, grammar: _Grammar) -> bool:
    """Whether a verb of the cue's clause before the cue is in the past tense, a reporting
    verb aside ("the study interviewed mothers about their plans for")."""
    # Only the words after the last report: "derided claims they could cut" is reported.
    said = max((m.end() for m in read.reports if m.end() <= cue.start), default=0)
    words = read.words
    k = bisect_left(words, cue.start, key=_START)
    first = k
    while first > 0 and words[first - 1].start >= said:
        t = words[first - 1]
        if t.text in _BOUNDARIES or t.lower in grammar.clause_words:
            break
        first -= 1
    clause = list(words[first : k + 1])  # and the cue's first word, which _past looks at
    past = grammar.past_verbs
    return any(
        (t.lower in past or t.lower.endswith("ed"))  # most words: neither, told at once
        and t.end <= cue.start
        and _past(clause, n, grammar)
        and t.lower not in grammar.reporting_or_announcing
        for n, t in enumerate(clause)
    )


def _first_word(text: str, cue: _Cue) -> str:
    return text[cue.start : cue.end].split(None, 1)[0].lower()


def _open_maybe(cue: _Cue, read: _Read, grammar: _Grammar) -> bool:
    """Whether a "may" or "could" is someone's forecast (reported, before or after) or a
    threat on a condition ("Unless X, they could face ..."), not an aside."""
    text, reports = read.text, read.reports
    if _reported(reports, text, cue.start, grammar):
        return True
    condition = grammar.condition.search(text, 0, cue.start)
    if condition is not None and _opens_clause(text, condition.start()):
        # "Unless X, they could face": a threat; not "if you want to ..., ... might be best"
        return _first_letters(text, condition.end()) not in grammar.generic_subjects
    # "..., it could take months," he said: said after, unless a quote's "I could tell".
    return _said_after(reports, text, cue.end) and _subject(text, cue.start) not in (
        grammar.first_person
    )


def _hopeless(cue: _Cue, read: _Read, grammar: _Grammar) -> bool:
    """Whether the cue ranks below any step whatever its clause: told before the clause is
    cut, which is the slow part."""
    if cue.kind == "maybe":  # "may": band 0.5, unless reported or conditional
        return not _open_maybe(cue, read, grammar)
    if cue.kind in _PLAN_NOUNS and grammar.dropped.match(read.text, cue.end, cue.end + 120):
        return True  # "plans to shore it up were never carried out": a plan that is over
    # "no one is planning to": nothing is to happen, so no step
    negatable = cue.kind in {"plan", "intent", "expected", "deliberate"}
    return (
        negatable and grammar.negated.search(read.text, max(0, cue.start - 15), cue.end) is not None
    )


_PLAN_NOUNS: Final = {"plan_noun", "noun", "intent"}  # "Plans to X were never ...": the noun


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
    if len(sentence.tokens) <= HEADING_WORDS and text.rstrip()[-1:].isalnum():
        return None  # a sub-heading or a related story's headline ("Plans for the future")
    hits.sort()  # by pattern, then offset: the order finditer would find them in
    first, keyed = bisect_left(hits, (0, 0)), bisect_left(hits, (KEYED, 0))
    n_days = bisect_left(hits, (TIMED, 0))  # the DAY hits come first
    # A day is read only when an event verb, "is" or "before" could set something for it.
    days = n_days > 0 and (
        any(t.lower in grammar.setting_words for t in sentence.tokens)
        or grammar.copula_day.search(text) is not None
    )
    timed = first > n_days or days
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
            cue = _checked(pattern.kind, pattern.weight, m, text, reports, grammar)
            if cue is not None:
                found.append(cue)
    if not found and not timed:
        return None
    times = _at(sentence, grammar.time_starts) + [m.start() for m in _NUMBER.finditer(text)]
    times.sort()
    if timed:  # a word a time cue needs
        for m in _matches(grammar.time, text, times):
            if _ends(grammar.last, text, 0, m.start()):
                continue  # "last Monday"
            if m.group("future"):
                if not _told_after(sentence, m, grammar):
                    found.append(_Cue("time", 1.5, m.start(), m.end()))
            elif days and _appointment(sentence, m, grammar):
                found.append(_Cue("scheduled", 2.0, m.start(), m.end()))
    if not found:
        return None
    if reports is None:
        reports = _matches(grammar.report, text, _at(sentence, grammar.reporting))
    return found, _Read(text, mentions, sentence.words, reports, tuple(times))


def _told_after(sentence: AnnotatedSentence, m: re.Match[str], grammar: _Grammar) -> bool:
    """Whether a verb after the time m in its clause is in the past: the time is the story's
    ("The next morning I decided to dig into it"), not one still to come."""
    words = _clause_words(sentence.tokens, m.start(), m.end(), grammar)
    return any(t.start >= m.end() and _past(words, k, grammar) for k, t in enumerate(words))


def _appointment(sentence: AnnotatedSentence, m: re.Match[str], grammar: _Grammar) -> bool:
    """Whether the day or date m is set for an event still to come: "they meet Wales on
    Saturday", "the vote is scheduled for 22 April", "worries before Wednesday's friendly".
    It names a day (not a month alone, not a year), a present event verb comes before it in
    its clause, or "before" and the day's event, and no verb of the clause is in the past."""
    point = m.group("point")
    named = point.split()[0].lower() in grammar.weekdays
    if not (named or any(c.isdigit() for c in point)) or _YEAR.search(point):
        return False
    ahead = (m.group("prep") or "").lower() in grammar.ahead_prepositions and named
    words = _clause_words(sentence.tokens, m.start(), m.end(), grammar)
    before = [t.lower for t in words if t.end <= m.start()]
    if before and before[-1] in grammar.behind_prepositions:
        return False  # "after Monday's crash"
    copula = bool(before) and before[-1] in grammar.copulas  # "the final is on Sunday"
    if not (ahead or copula or _event_set(before, m, grammar)):
        return False
    past = grammar.past_verbs
    return not any(
        (t.lower in past or t.lower.endswith("ed")) and _past(words, k, grammar)
        for k, t in enumerate(words)
    )


def _event_set(before: list[str], m: re.Match[str], grammar: _Grammar) -> bool:
    """Whether an event verb of the clause, or an event noun right before the day ("a meeting
    Saturday"), sets the day m; not one that "during" or "after" puts behind."""
    if not grammar.event_verbs.isdisjoint(before):
        return True
    noun = bool(before) and before[-1] in grammar.event_nouns and not m.group("prep")
    return noun and grammar.behind_prepositions.isdisjoint(before)


_YEAR: Final = re.compile(r"\b\d{4}\b")


def _agent(clause: str, m: re.Match[str], grammar: _Grammar) -> bool:
    """Whether the day m, after a passive's "by", is the day of what did it, not a deadline:
    "affected by Sunday's earthquake" ("ready by Sunday's meeting" is one)."""
    if not m.group("prep") or not grammar.possessive_next.match(clause, m.end()):
        return False
    span = clause[max(0, m.start() - WINDOW) : m.end("prep") + 1]
    return grammar.passive_by.search(span) is not None


_BOUNDARIES: Final = frozenset(",;:-–—()")


def _clause_words(tokens: tuple[Token, ...], lo: int, hi: int, grammar: _Grammar) -> list[Token]:
    """The tokens of the clause around text[lo:hi]: from the last comma, dash or clause word
    ("when", "and") before it to the next one after it."""
    words = grammar.clause_words
    k = bisect_left(tokens, lo, key=_START)
    first = k
    while first > 0 and tokens[first - 1].text not in _BOUNDARIES:
        if tokens[first - 1].lower in words:
            break
        first -= 1
    last = k
    while last < len(tokens):
        t = tokens[last]
        if t.start >= hi and (t.text in _BOUNDARIES or t.lower in words):
            break
        last += 1
    return list(tokens[first:last])


def _past(words: Sequence[Token], k: int, grammar: _Grammar) -> bool:
    """Whether words[k] is a verb in the past tense ("met", "announced"), not a participle
    ("is scheduled", "has opened", "the injured", "controlled by")."""
    word = words[k].lower
    if word in grammar.past_verbs:
        return True
    if not (word.endswith("ed") and words[k].text.islower() and len(word) > 3):
        return False
    if word in grammar.ed_base_verbs:
        return False  # "will need", "could exceed"
    before = words[k - 1].lower if k else ""
    after = words[k + 1].lower if k + 1 < len(words) else ""
    return before not in grammar.participle_guards and after != "by"


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
    return [t.start for t in sentence.tokens if t.lower in words]


def _starts(
    tokens: tuple[Token, ...], text: str, starts: dict[str, tuple[int, ...]]
) -> list[tuple[int, int]]:
    """(code, offset) for every word of the sentence in `starts`, in the codes it has there.

    A token with an inner apostrophe counts by its parts too: the word before the first
    ("could" of "could've"), and each after one, with and without it ("'ve" and "ve").
    """
    hits = [(i, t.start) for t in tokens if t.lower in starts for i in starts[t.lower]]
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


def _quoted(text: str, at: int) -> bool:
    """Whether text[at] lies inside a quotation: a quote mark before it that closes after
    it, or one after it that closes a quotation opened in an earlier sentence."""
    if text.count('"', 0, at) % 2 or text.count('"', at) % 2:
        return True
    opened = text.count("“", 0, at) > text.count("”", 0, at)
    return opened or text.count("”", at) > text.count("“", at)


_START: Final = attrgetter("start")
# An apostrophe inside a word (after a letter), as the tokenizer keeps it: not that of a
# possessive "'s". No lookbehind: the search can then skip to apostrophes at once.
_INNER_APOSTROPHE: Final = re.compile(r"['’](?!s\b)([^\W\d_]+)")


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
    kind: str,
    weight: float,
    m: re.Match[str],
    text: str,
    reports: tuple[re.Match[str], ...],
    grammar: _Grammar,
) -> _Cue | None:
    """The cue m, reweighed by its context, or None when the grammar says it looks back or
    is said of anyone."""
    after, start = text[m.end() :], m.start()
    subject = _subject(text, start)
    if _looks_back(kind, text, start, after, grammar) or _generic(kind, subject, after, grammar):
        return None
    if kind == "would" and not _reported(reports, text, m.start(), grammar):
        if not _open_would(subject, m, text, reports, grammar):
            return None  # narrative "would": habit or hypothesis in the past
        weight = 2.0
    if kind == "plan_noun" and _ends(grammar.possessive, text, 0, start):
        kind, weight = "plan", 3.0  # "their plans for": the actor's own plan
    if kind == "intent" and grammar.performative.search(m.group(0)):
        return None  # "I want to thank": said now, not planned
    if kind == "intent" and grammar.weak_intent.match(m.group(0)):
        weight = 2.0
    return _Cue(kind, weight, m.start(), m.end())


def _looks_back(kind: str, text: str, start: int, after: str, grammar: _Grammar) -> bool:
    """Whether the cue at start tells of the past, or of now in a modal's words."""
    if kind in {"future", "would", "maybe", "oblige"} and grammar.perfect.match(after):
        return True  # "would have gone": a past that did not happen
    if _ends(grammar.past_perfect, text, 0, start):
        return True  # "had planned to", "had been expected to": over by now
    if kind == "oblige" and _ends(grammar.past_aux, text, 0, start):
        return True  # "did not need to": a past obligation
    if kind == "would" and (grammar.preference.match(after) or grammar.hedge.match(after)):
        return True  # "would rather", "it would appear that": a preference or a hedge
    if kind == "maybe" and _NOW.match(after):
        return True  # "the groups may be going underground": a guess about now
    if kind == "call" and _NAMING.match(text, start):
        return True  # "a forum called “XDA Developers” in posts relating to": a name
    if kind == "call" and grammar.perfect_infinitive.search(text, start, start + WINDOW):
        return True  # "calling the singer a name, appearing to have misunderstood"
    if kind in {"future", "would", "maybe"} and (
        grammar.judgement.match(after) or grammar.no_comment.match(after)
    ):
        return True  # "would be foolish to", "could not comment": said of now
    cue = text[start : len(text) - len(after)]
    if (
        kind == "pending"
        and grammar.open_state.search(cue)
        and not grammar.open_question.match(after)
    ):
        return True  # "the benefit is unclear": no question is left open
    if kind == "call" and cue.lower() in grammar.let_forms and grammar.talk.match(after):
        return True  # "let's break that down": the talk itself
    if kind == "future" and grammar.feeling.match(after):
        return True  # "I will miss him": a feeling, not a step
    # "the will of", "the need to": a noun, not a modal
    return kind in {"future", "oblige"} and _ends(grammar.noun_will, text, 0, start)


def _generic(kind: str, subject: str, after: str, grammar: _Grammar) -> bool:
    """Whether the cue, by its subject or the word after it, is said of anyone or always."""
    if subject in grammar.generic_subjects and kind in _GENERIC_KINDS:
        return True  # "you have to be able to", "you will find": said of anyone
    if subject == "i" and kind == "oblige":
        return True  # "I have to", "I need to": a feeling, not a plan
    if subject == "i" and kind == "future" and grammar.aside_verb.match(after):
        return True  # "I'll admit that": said as it is written, not a step
    if kind == "intent" and subject in grammar.normative_words:
        return True  # "universities always want to": a habit, not a plan
    if subject in grammar.relatives and kind in {"intent", "expected", "call", "maybe"}:
        return True  # "businesses who want to", "ways that are likely to": a description
    if kind == "call" and subject in grammar.infinitives:
        return True  # "planned to call their programme X": to name, not to call on
    if kind in {"oblige", "future", "maybe"} and grammar.normative.match(after):
        return True  # "we should always": a rule for all times
    return kind == "oblige" and _DETERMINED.match(after) is not None  # "got to the point"


def _open_would(
    subject: str,
    m: re.Match[str],
    text: str,
    reports: tuple[re.Match[str], ...],
    grammar: _Grammar,
) -> bool:
    """Whether a "would" nobody is reported before says what is to come: said after it ("...
    would rise, analysts said"), on a condition, or of a proposal ("the bill would")."""
    aside = subject in grammar.first_person or subject in grammar.relatives
    if not aside and _said_after(reports, text, m.end()):
        return True  # not "'we would be foolish to think ...,' he said": a quote's aside
    return bool(grammar.condition.search(text)) or _proposed(text, m.start(), grammar)


_NAMING: Final = re.compile(r"\w+\s+[\"“‘]")  # a call verb before a quoted name: naming it
_NOW: Final = re.compile(r"\s+be\s+(?:\w+ing|due\s+to)\b", re.I)
_GENERIC_KINDS: Final = {"future", "oblige", "intent", "maybe", "would", "plan", "expected", "call"}
_DETERMINED: Final = re.compile(r"\s+(?:the|a|an|this|that|these|those)\b", re.I)
_ADVERBS: Final = frozenset(("actually", "absolutely", "also", "just", "really", "still", "only"))


def _subject(text: str, start: int) -> str:
    """The word right before a cue, lower case, an adverb skipped ("we absolutely have to")."""
    words = text[max(0, start - 24) : start].split()[-2:]
    last = _letters(words[-1]) if words else ""
    if len(words) == 2 and (last in _ADVERBS or last.endswith("ly")):
        return _letters(words[0])
    return last


def _opens_clause(text: str, at: int) -> bool:
    """Whether text[at:] starts the sentence or a clause after a comma or a quote mark."""
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] in ',;:"“(—–-'


def _first_letters(text: str, start: int) -> str:
    """The first word after start, lower case."""
    words = text[start : start + 40].split()[:1]
    return _letters(words[0]) if words else ""


def _letters(word: str) -> str:
    """The last run of letters of a written word, lower case ("(we" -> "we", "it's" -> "s")."""
    if word.isalpha():
        return word.lower()
    m = _LAST_LETTERS.search(word)
    return m.group(0).lower() if m else ""


_LAST_LETTERS: Final = re.compile(r"[^\W\d_]+(?=[^\w]*$)")


def _ends(ending: _Ending, text: str, start: int, end: int) -> bool:
    """Whether the ending's pattern matches text[start:end] at its end. Only the last
    WINDOW characters are searched: a search from the start of a long sentence costs more
    than all the rest of the stage. Even so a search costs microseconds, and most spans end
    in none of the ending's words: telling that from the span's last letters is cheaper.
    Only ASCII letters are told so: under re.I, "ſ" or "İ" match letters they do not lower to.
    """
    start = max(start, end - WINDOW)
    last = text[start:end].rstrip()[-ending.longest :]
    if last.isascii() and not last.lower().endswith(ending.words):
        return False
    return ending.regex.search(text, start, end) is not None


def _said_after(reports: tuple[re.Match[str], ...], text: str, position: int) -> bool:
    """Whether a reporting verb ends the sentence after position ("..., he said.")."""
    return any(
        m.start() > position and len(text[m.end() :].split()) <= SAID_AFTER_WORDS for m in reports
    )


def _proposed(text: str, start: int, grammar: _Grammar) -> bool:
    """Whether a proposal ("the bill", "any tax") is named in the words before start."""
    words = _lower_words(text[max(0, start - WINDOW) : start])[-HEAD_WORDS * 2 :]
    return not grammar.proposals.isdisjoint(words)


def _reported(
    reports: tuple[re.Match[str], ...], text: str, position: int, grammar: _Grammar
) -> bool:
    """Whether a reporting or thinking verb comes before position: "said he would"."""
    return any(
        m.end() <= position and not _ends(grammar.infinitive, text, 0, m.start())
        for m in reports
        if m.start() < position
    )


def _clause(
    text: str, cue: _Cue, reports: tuple[re.Match[str], ...], grammar: _Grammar
) -> tuple[int, int]:
    """The span of the clause holding the cue, attribution trimmed."""
    start = max(_clause_start(text, cue.start, reports, grammar), _word_before(text, cue.start))
    # A clause ends within CLAUSE_CHARS: a search to the end of a sentence of a megabyte (a
    # text without full stops) for every cue in it would take minutes.
    limit = _word_after(text, cue.end)
    tail = grammar.tail.search(text, cue.end, limit)
    end = tail.start() if tail else limit
    end = min(end, _closing_quote(text, cue.end))
    while True:  # conjunctions, commas, and quote marks that close outside the clause
        lead = grammar.leading.match(text, start, end)
        if lead:
            start = lead.end()
        if start < end and text[start] in "\"“”'‘’" and _unpaired(text[start:end], text[start]):
            start += 1
            continue
        break
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return start, max(start, _balanced_end(text, start, end))


_QUOTE_CLOSE: Final = re.compile(r"[,.;:!?]?[\"”]")
CLAUSE_CHARS: Final = 1000  # the longest clause read on either side of a cue (about 170 words)


def _word_after(text: str, position: int) -> int:
    """The end of the text, or the last space within CLAUSE_CHARS after position."""
    limit = position + CLAUSE_CHARS
    if limit >= len(text):
        return len(text)
    space = text.rfind(" ", position, limit)
    return space if space > position else limit


def _word_before(text: str, position: int) -> int:
    """The start of the text, or the first word within CLAUSE_CHARS before position."""
    limit = position - CLAUSE_CHARS
    if limit <= 0:
        return 0
    space = text.find(" ", limit, position)
    return space + 1 if space >= 0 else limit


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


def _clause_start(
    text: str, cue: int, reports: tuple[re.Match[str], ...], grammar: _Grammar
) -> int:
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
    if (
        comma >= 0
        and not grammar.opens_condition.match(text[start:comma])
        and text[comma + 2 : cue].strip()
    ):
        start = comma + 2
    return start


def _closing_quote(text: str, position: int) -> int:
    """Where the quotation open at position closes, or the end of the text."""
    curly = text.find("”", position)
    straight = text.find('"', position) if text.count('"', 0, position) % 2 == 1 else -1
    ends = [i for i in (curly, straight) if i >= 0]
    return min(ends) if ends else len(text)


_NUMBER: Final = re.compile(r"\d+")


def _time_in(
    clause: str,
    span: tuple[int, int],
    times: list[int],
    grammar: _Grammar,
    published: date | None,
) -> re.Match[str] | None:
    """The first time expression of the clause that can lie ahead.

    A day or date before the cue belongs to the report ("on Monday highlighted plans"), and
    one after a past verb that follows the cue to that verb ("appealed for blood, and queues
    formed on Saturday"), so only one in `span` (the cue to that verb) counts; "next week" and
    the like count anywhere. A year before the year of publication is the past ("losses made in
    2019", in a story of 2020).
    """
    cue, told = span
    for m in _matches(grammar.time, clause, times):
        if _ends(grammar.last, clause, 0, m.start()):
            continue
        point = m.group("point")
        if point and not cue <= m.start() < told:
            continue
        if point and point.isdigit() and not m.group("prep"):
            continue  # "will hire 2000 workers": a year needs its "in", "by", "until"
        if _agent(clause, m, grammar):
            continue
        expression = grammar.expression.match(clause, m.start(), m.end())
        if expression is not None and published and _year_before(expression, published):
            continue
        return expression
    return None


# ---------------------------------------------------------------- who acts


@dataclass(frozen=True)
class _Cast:
    """The actors by every form the article writes them in, for naming who acts."""

    names: Mapping[str, str]  # name, alias or a person's surname -> the actor's name
    grammar: _Grammar

    @classmethod
    def of(cls, actors: Iterable[Actor], grammar: _Grammar) -> _Cast:
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
        return cls(names, grammar)

    def name(self, mention: Mention) -> str:
        """The actor's name for a mention; else the country a demonym names, or the mention."""
        words = list(mention.words)
        while len(words) > 1 and words[0].lower() in self.grammar.function_words:
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
    mark = cast.grammar.clause_mark.match(text, start, verb)
    if mark and text[mark.end() : verb].strip():
        start = mark.end()
    subject = _named(read, start, verb, cast)
    if subject is not None:
        return subject
    pronoun = cast.grammar.personal.match(text[start:verb])
    if pronoun is None or len(text[start:verb].split()) > 2:
        return None
    speaker = _speaker(read, start, cast)
    if speaker is not None:
        return speaker  # "Zelenskyy said he would": the speaker
    if pronoun.group(1).lower() in cast.grammar.first_person or _named(read, 0, start, cast):
        return None  # a quote's "I", or several people it could be
    lead = len(previous.text) - len(previous.text.lstrip('"“ '))
    return _named(previous, lead, _words_end(previous.text, lead), cast)


def _speaker(read: _Read, start: int, cast: _Cast) -> str | None:
    """The name right before a reporting verb that ends where the clause starts."""
    text = read.text
    for m in (m for m in read.reports if m.end() <= start):
        if text[m.end() : start].strip() or _ends(cast.grammar.infinitive, text, 0, m.start()):
            continue
        return _named(read, _words_start(text, m.start()), m.start(), cast)
    return None


def _named(read: _Read, lo: int, hi: int, cast: _Cast) -> str | None:
    """The last name in text[lo:hi], as the actor list names it.

    A name after a preposition ("in New Zealand") places the events and is passed over.
    """
    text = read.text
    inside = [m for m in read.mentions if lo <= m.start and m.end <= hi]
    found = [m for m in inside if not _ends(cast.grammar.preposition, text, lo, m.start)]
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
        if not _ends(cast.grammar.preposition, text, lo, word.start):
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


_NON_SPACE: Final = re.compile(r"\S+")
_POSSESSIVE_END: Final = re.compile(r"['’]s?$")


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
            # The publication's own weekday is that day: wire copy names the day of the week
            # rather than writing "today", and a week ahead would be "next Thursday" or dated.
            ahead = (i - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat()
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
