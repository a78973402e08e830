"""The word lists the actor rules reason with, read from a language's files once.

`load_lexicon(language)` gathers the lists of `briefing/lang/<code>/` that the name finder and the
actor rules use into one frozen object, built once per language, so the rules follow whatever
language the document was annotated with. Country and subdivision names are the language's
files too (`country_forms.map` and `subdivisions.txt`, written from ISO 3166 by
`tools/make_place_lists.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from briefing.lang import Language


@dataclass(frozen=True, eq=False)  # hashed by identity: one per language, a cache key
class Lexicon:
    """Every word list and table of one language that the actor rules read."""

    titles: frozenset[str]  # "President", "Det": before a name, they make a person
    honorifics: frozenset[str]  # "Mr", "Dr": a person, but no role
    title_heads: frozenset[str]  # titles that alone name no one ("President")
    title_modifiers: frozenset[str]  # "Former", "Acting": part of a role, name no body
    title_qualifiers: frozenset[str]  # "Foreign", "Deputy": a title only before a post
    institutions: frozenset[str]  # one-word bodies ("Parliament", "Treasury")
    role_nouns: frozenset[str]  # lower-case heads of roles ("leader", "spokesperson")
    role_suffixes: tuple[str, ...]  # "bassist", "comedian": role nouns by their ending
    relatives: frozenset[str]  # "father", "wife": a relation to another person
    mutual_relatives: frozenset[str]  # "cousin": a relation that holds both ways
    copulas: frozenset[str]  # "X is the new chief": a role after a verb
    subject_verbs: frozenset[str]  # "Sony will ...": the word before is a subject
    role_clause_verbs: Mapping[str, str]  # "X, who heads Y" -> "head" (of Y)
    copula_adverbs: frozenset[str]  # "X is now a ..."
    present_copulas: frozenset[str]  # "is", "are": "Elmford is a town in ...", a definition
    thing_pronouns: frozenset[str]  # "it": "It is situated in ...", about a thing named before
    possessive_pronouns: frozenset[str]  # "her father": the relation is to someone named
    org_nouns: frozenset[str]  # role nouns of organisations ("company")
    role_verbs: frozenset[str]  # verbs that end a role phrase ("said", "wrote")
    speech_verbs: frozenset[str]  # "... the minister said"
    contest_verbs: frozenset[str]  # "Leicestershire beat Somerset": teams
    example_markers: frozenset[str]  # "such as": a list of examples of the noun before
    people_nouns: frozenset[str]  # "women", "workers": people, owners in "Workers' Party"
    numbering_words: frozenset[str]  # "No. 1": a rank in a role
    personal_pronouns: frozenset[str]  # "he", "she": a sentence about the person named before
    label_words: frozenset[str]  # "Figure 1", "Rule 37": a label before a number
    place_nouns: frozenset[str]  # "the Donetsk region"
    place_words: frozenset[str]  # "Elm Park", "Santa Barbara Airport"
    regions: frozenset[str]  # "Europe", "Middle East": places
    institution_nouns: frozenset[str]  # "the standards committee"
    industry_nouns: frozenset[str]  # "the US movie industry"
    body_nouns: frozenset[str]  # institution and industry nouns: a lower-case body's head
    generic_modifiers: frozenset[str]  # "the new committee" names no particular body
    org_heads: frozenset[str]  # "Bank", "Party", "University"
    legal_suffixes: frozenset[str]  # "inc", "ltd" (lower case)
    name_abbreviations: frozenset[str]  # "jr", "bros": keep their full stop in a name
    document_heads: frozenset[str]  # "Act", "Report", "Cup": a text or event, not a participant
    months: frozenset[str]  # capitalised, abbreviations included
    weekdays: frozenset[str]
    weekday_names: frozenset[str]  # "Monday", written out: no "Sun" or "Wed"
    not_actors: frozenset[str]  # months, weekdays and other capitalised non-names
    group_adjectives: frozenset[str]  # "Asian", "Christian": describe, never act
    interjections: frozenset[str]  # "Oh", "Honestly": open a spoken sentence, never a name
    outlets: frozenset[str]  # news outlets credited as sources
    outlet_links: frozenset[str]  # "CNN affiliate X"
    credit_phrases: tuple[str, ...]  # "contributed to this report": names credited
    function_words: frozenset[str]  # lower case
    particles: frozenset[str]  # "del", "van": inside a name
    honours: frozenset[str]  # "OBE", "FRS": after a name, no part of it
    epithets: frozenset[str]  # "Peter the Great": the end of a name
    locative: frozenset[str]  # "in", "at": a place follows
    person_prepositions: frozenset[str]  # "from", "to": a place or a person follows
    determiners: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]  # "an Atlanta hotel": a name as a modifier
    name_links: frozenset[str]  # "of", "and": may join a name's parts
    list_links: frozenset[str]  # "and", "or": join the items of a list
    affiliation_links: frozenset[str]  # "of": "X of the Green Party"
    possessives: frozenset[str]  # "'s"
    opening_marks: frozenset[str]  # after these a capital says nothing
    quotes: frozenset[str]
    count_words: frozenset[str]  # "six U.S. Opens": things counted
    time_units: frozenset[str]  # "century", "year": "17th Century X" is a date, then a name
    work_nouns: frozenset[str]  # "the film Still Alice": a title, not an actor
    salutations: Mapping[str, str]  # "Dear" -> "addressee": a letter's greeting, its role
    closings: Mapping[str, str]  # "sincerely" -> "writer": a letter's closing, the signer's role
    bylines: Mapping[str, str]  # "by" -> "author": a byline's first word, the named one's role
    product_nouns: frozenset[str]  # "its GameBoy console": a product, not an actor
    eponym_nouns: frozenset[str]  # "Lou Gehrig's disease": a thing named after someone
    role_ends: frozenset[str]  # end a role phrase after a name
    role_continuations: frozenset[str]  # "The premier of ...": the description goes on
    infinitive_markers: frozenset[str]  # "to prevent rapper X"
    ordinal_suffixes: tuple[str, ...]  # "th" of "17th Century X"
    adjective_endings: tuple[str, ...]  # "Hegelian": "the Hegelian definition" describes
    gerund_endings: tuple[str, ...]  # "Stretching is important": a subject, no name
    non_modifier_endings: tuple[str, ...]  # "hoped", "saying": no modifier of a role
    verb_endings: tuple[str, ...]  # "wants": a clause, not a role
    demonyms: Mapping[str, str]  # "Russian" -> "Russia"
    capitals: Mapping[str, str]  # "Moscow" -> "Russia"
    countries: Mapping[str, str]  # every name of a country -> its short name
    subdivisions: frozenset[str]  # states, provinces and regions ("Bavaria"): places

    def country_of(self, name: str) -> str | None:
        """The country a name or demonym stands for ("Russian" -> "Russia"), if any."""
        return self.countries.get(name) or self.demonyms.get(name)


@cache
def load_lexicon(language: Language) -> Lexicon:
    """The lexicon of `language`, built once."""
    w = language.words
    months = w("months") | w("month_abbreviations")
    weekdays = w("weekdays") | w("weekday_abbreviations")
    months_cap = frozenset(m.capitalize() for m in months)
    weekdays_cap = frozenset(d.capitalize() for d in weekdays)
    return Lexicon(
        titles=w("titles"),
        honorifics=w("honorifics"),
        title_heads=w("title_heads"),
        title_modifiers=w("title_modifiers"),
        title_qualifiers=w("title_qualifiers"),
        institutions=w("institutions"),
        role_nouns=w("role_nouns"),
        role_suffixes=tuple(sorted(w("role_suffixes"))),
        relatives=w("relatives"),
        mutual_relatives=w("mutual_relatives"),
        copulas=w("copulas"),
        subject_verbs=w("subject_verbs"),
        role_clause_verbs=language.table("role_clause_verbs"),
        copula_adverbs=w("copula_adverbs"),
        present_copulas=w("cue_present_copulas"),
        thing_pronouns=w("thing_pronouns"),
        possessive_pronouns=w("possessive_pronouns"),
        org_nouns=w("org_nouns"),
        role_verbs=w("role_verbs"),
        speech_verbs=w("speech_verbs"),
        contest_verbs=w("contest_verbs"),
        example_markers=w("example_markers"),
        people_nouns=w("people_nouns"),
        numbering_words=w("numbering_words"),
        personal_pronouns=w("personal_pronouns"),
        label_words=w("label_words"),
        place_nouns=w("place_nouns"),
        place_words=w("place_words"),
        regions=w("regions") | w("state_abbreviations"),
        institution_nouns=w("institution_nouns"),
        industry_nouns=w("industry_nouns"),
        body_nouns=w("institution_nouns") | w("industry_nouns"),
        generic_modifiers=w("generic_modifiers"),
        org_heads=w("org_heads"),
        legal_suffixes=w("legal_suffixes"),
        name_abbreviations=w("legal_suffixes") | w("name_abbreviations"),
        document_heads=w("document_heads") | w("event_heads"),
        months=months_cap,
        weekdays=weekdays_cap,
        weekday_names=frozenset(d.capitalize() for d in w("weekdays")),
        not_actors=months_cap | weekdays_cap | w("not_actors") | w("group_adjectives"),
        group_adjectives=w("group_adjectives"),
        interjections=w("interjections"),
        outlets=w("outlets"),
        outlet_links=w("outlet_links"),
        credit_phrases=tuple(sorted(w("credit_phrases"))),
        function_words=w("function_words"),
        particles=w("particles"),
        honours=w("honours"),
        epithets=w("epithets"),
        locative=w("locative"),
        person_prepositions=w("person_prepositions"),
        determiners=w("determiners"),
        definite_articles=w("definite_articles"),
        indefinite_articles=w("indefinite_articles"),
        name_links=w("name_links"),
        list_links=w("list_links"),
        affiliation_links=w("affiliation_links"),
        possessives=w("possessives"),
        opening_marks=w("opening_marks"),
        quotes=w("quotes"),
        count_words=w("count_words"),
        time_units=frozenset(language.table("time_units")),
        work_nouns=w("work_nouns"),
        salutations=language.table("salutations"),
        closings=language.table("closings"),
        bylines=language.table("bylines"),
        product_nouns=w("product_nouns"),
        eponym_nouns=w("eponym_nouns"),
        role_ends=w("role_ends"),
        role_continuations=w("role_continuations"),
        infinitive_markers=w("infinitive_markers"),
        ordinal_suffixes=tuple(sorted(w("ordinal_suffixes"))),
        adjective_endings=tuple(sorted(w("adjective_endings"))),
        gerund_endings=tuple(sorted(w("gerund_endings"))),
        non_modifier_endings=tuple(sorted(w("non_modifier_endings"))),
        verb_endings=tuple(sorted(w("verb_endings"))),
        demonyms=language.table("demonyms"),
        capitals=language.table("capitals"),
        countries=country_names(language),
        subdivisions=w("subdivisions"),
    )


def country_names(language: Language) -> Mapping[str, str]:
    """Every name of a country (ISO 3166's and the language's short ones) -> its short name."""
    preferred = language.table("country_preferred")
    out = {
        form: preferred.get(short, short) for form, short in language.table("country_forms").items()
    }
    out.update(language.table("country_names"))
    return MappingProxyType(out)
