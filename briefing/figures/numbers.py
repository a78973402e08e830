"""The words the figures stage reads numbers with, for one language: number words, scales,
units, currencies, and the words that make a number a date, a label or a score.

All of it is read from the language's files (`briefing/lang/<code>/`), once per language;
`figures.py` holds the rules that use it. Every word is lower case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from briefing.lang import Language

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class NumberWords:
    """Everything `figures.py` looks words up in, for one language."""

    units: Mapping[str, float]  # "two": 2
    tens: Mapping[str, float]  # "twenty": 20
    scales: Mapping[str, float]  # "million": 1e6
    glued_scales: Mapping[str, float]  # "bn" in "$11.1bn"
    vague: Mapping[str, float]  # "tens" in "tens of thousands": 10
    fractions: Mapping[str, float]  # "quarter": 0.25
    counting_nouns: Mapping[str, float]  # "dozen": 12
    currency_symbols: Mapping[str, str]  # "$": "USD"
    currency_words: Mapping[str, str]  # "euros": "EUR"
    currency_codes: frozenset[str]  # "USD", "EUR": the units of sums of money
    percent: Mapping[str, tuple[tuple[Phrase, str], ...]]  # by first word, longest first
    time_units: Mapping[str, str]  # "decade": "years"
    time_factors: Mapping[str, float]  # "decade": 10
    qualifiers_by_last_word: Mapping[str, tuple[Phrase, ...]]  # longest first
    qualifiers: frozenset[str]
    glued_measures: frozenset[str]
    clock_words: frozenset[str]
    label_words: frozenset[str]
    score_words: frozenset[str]
    people: frozenset[str]
    irregular_plurals: frozenset[str]
    stops: frozenset[str]  # where a counted noun phrase stops
    months: frozenset[str]
    determiners: frozenset[str]
    clause_words: frozenset[str]
    dimensions: frozenset[str]
    ordinal_suffixes: frozenset[str]
    rank_words: frozenset[str]
    ordinals: Mapping[str, float]  # "third": 3
    ordinal_openers: frozenset[str]  # "their" of "their third year"
    ordinal_stops: frozenset[str]  # "century" of "21st century"
    rank_verbs: frozenset[str]  # "finished" of "finished third"
    multiples: Mapping[str, float]  # "twice": 2
    minor_currencies: Mapping[str, str]  # "p" of "79p": "pence"
    modifiers: frozenset[str]  # "more" of "four more homes"
    group_nouns: frozenset[str]  # "family" of "a family of four"
    number_names: frozenset[str]  # "911" of "a 911 call"
    weekdays: frozenset[str]
    # figure_roles.map: the words that do each job
    age_words: frozenset[str]
    articles: frozenset[str]
    change_from: frozenset[str]
    demonstratives: frozenset[str]
    half_words: frozenset[str]
    half_parts: frozenset[str]
    metres: frozenset[str]
    number_signs: frozenset[str]
    number_tails: frozenset[str]
    of_words: frozenset[str]
    old_words: frozenset[str]
    possessives: frozenset[str]
    range_words: frozenset[str]
    between_words: frozenset[str]
    chart_prepositions: frozenset[str]
    range_and: frozenset[str]
    score_nouns: frozenset[str]
    world_words: frozenset[str]
    verb_endings: tuple[str, ...]
    past_endings: tuple[str, ...]
    plural_endings: tuple[str, ...]  # the first makes a plural: "three-set" counts "sets"
    not_plural_endings: tuple[str, ...]
    starts: frozenset[str]  # words a number written in words can start with
    after_article: frozenset[str]  # "a" or "an" starts a number only before one ("a dozen")
    signals: frozenset[str]  # words without which a sentence holds no number in words


def number(text: str) -> float:
    """A value as the files write it: "12", "1e6", "0.5" or "1/3"."""
    return float(Fraction(text)) if "/" in text else float(text)


def values(table: Mapping[str, str]) -> dict[str, float]:
    return {key.lower(): number(value) for key, value in table.items()}


def lowered(table: Mapping[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in table.items()}


def by_first_word(table: Mapping[str, str]) -> dict[str, tuple[tuple[Phrase, str], ...]]:
    """Multiword keys grouped by their first word, longest first: one look-up per token."""
    found: dict[str, list[tuple[Phrase, str]]] = {}
    for key, value in sorted(table.items(), key=lambda kv: -len(kv[0].split())):
        words = tuple(key.lower().split())
        found.setdefault(words[0], []).append((words, value))
    return {first: tuple(entries) for first, entries in found.items()}


def by_last_word(phrases: Iterable[str]) -> dict[str, tuple[Phrase, ...]]:
    found: dict[str, list[Phrase]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        words = tuple(phrase.lower().split())
        found.setdefault(words[-1], []).append(words)
    return {last: tuple(entries) for last, entries in found.items()}


@cache
def number_words(lang: Language) -> NumberWords:
    """The number words of the language `lang`, read once."""

    def words(*names: str) -> frozenset[str]:
        return frozenset(w.lower() for name in names for w in lang.words(name))

    roles = lang.table("figure_roles")

    def ordered(name: str) -> tuple[str, ...]:  # the words of a role, in the file's order
        return tuple(roles.get(name, "").lower().split())

    def role(name: str) -> frozenset[str]:
        return frozenset(ordered(name))

    units, tens = values(lang.table("number_units")), values(lang.table("number_tens"))
    vague, fractions = values(lang.table("vague_numbers")), values(lang.table("fractions"))
    scales, counting = values(lang.table("number_scales")), values(lang.table("counting_nouns"))
    time_units = lowered(lang.table("time_units"))
    qualifiers = lang.words("qualifier_phrases")
    symbols, currency_words = lang.table("currency_symbols"), lowered(lang.table("currency_words"))
    in_words = units.keys() | tens.keys() | vague.keys() | counting.keys()
    ordinals, multiples = values(lang.table("ordinal_words")), values(lang.table("multiples"))
    starts = in_words | role("half") | role("articles") | ordinals.keys() | multiples.keys()
    after_article = counting.keys() | scales.keys() | fractions.keys() | time_units.keys()
    return NumberWords(
        units=units,
        tens=tens,
        scales=scales,
        glued_scales=values(lang.table("glued_scales")),
        vague=vague,
        fractions=fractions,
        counting_nouns=counting,
        currency_symbols=dict(symbols),
        currency_words=currency_words,
        currency_codes=frozenset([*symbols.values(), *currency_words.values()]),
        percent=by_first_word(lang.table("percent_words")),
        time_units=time_units,
        time_factors=values(lang.table("time_unit_factors")),
        qualifiers_by_last_word=by_last_word(qualifiers),
        # Every word of a qualifier phrase: none of them makes a name ("About 300", "Boeing 747").
        qualifiers=frozenset(w for phrase in qualifiers for w in phrase.lower().split()),
        glued_measures=words("glued_measures"),
        clock_words=words("clock_words"),
        label_words=words("label_words"),
        score_words=words("score_words"),
        people=words("people_nouns"),
        irregular_plurals=words("irregular_plurals"),
        stops=words("function_words", "phrase_stops", "weekdays"),
        months=words("months", "month_abbreviations"),
        determiners=words("figure_determiners"),
        clause_words=words("clause_words"),
        dimensions=words("dimensions"),
        ordinal_suffixes=words("ordinal_suffixes"),
        rank_words=words("rank_words"),
        ordinals=ordinals,
        ordinal_openers=words("ordinal_openers"),
        ordinal_stops=words("ordinal_stops"),
        rank_verbs=words("rank_verbs"),
        multiples=multiples,
        minor_currencies=lowered(lang.table("minor_currencies")),
        modifiers=words("figure_modifiers"),
        group_nouns=words("group_nouns"),
        number_names=words("number_names"),
        weekdays=words("weekdays"),
        age_words=role("age"),
        articles=role("articles"),
        change_from=role("change_from"),
        demonstratives=role("demonstratives"),
        half_words=role("half"),
        half_parts=role("half_parts"),
        metres=role("metres"),
        number_signs=role("number_signs"),
        number_tails=role("number_tails"),
        of_words=role("of"),
        old_words=role("old"),
        possessives=role("possessives"),
        range_words=role("range"),
        between_words=role("between"),
        chart_prepositions=role("chart"),
        range_and=role("range_and"),
        score_nouns=role("score_nouns"),
        world_words=role("world"),
        verb_endings=ordered("verb_endings"),
        past_endings=ordered("past_endings"),
        plural_endings=ordered("plural_endings"),
        not_plural_endings=ordered("not_plural_endings"),
        starts=frozenset(starts | symbols.keys()),
        after_article=frozenset(after_article),
        signals=frozenset(starts - role("articles") | after_article),
    )
