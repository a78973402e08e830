"""The name finder: every name mention of an annotated document, with its kind and role words.

No trained model: names are runs of capitalized words that sentence position does not explain,
split from the titles before them ("Deputy Foreign Minister | Andrei Rudenko"), typed by their
words (organisation heads, countries, places) and by what surrounds them (a role, "Mr", "in").
Hashtags, capitalised parts of compounds ("non-NATO") and lower-case institutions ("the
standards committee") are mentions too. It reads the annotated sentences' words and the word
lists of the document's language; every mention carries its character offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Final, NamedTuple

from briefing.actors.forms import (
    first_word,
    hyphen_names,
    is_acronym,
    is_capital,
    is_modifier,
    is_name_word,
    is_number,
    word_at,
)
from briefing.actors.lexicon import Lexicon, load_lexicon
from briefing.actors.roles import (
    MAX_MODIFIERS,
    appositive,
    is_role_noun,
    is_title,
    lower_role,
    of_affiliation,
    singular,
    title_role,
)
from briefing.model import AnnotatedDocument, AnnotatedSentence, Mention, MentionKind, Token

CAPITALISED: Final = ("capitalised", "upper")
# A longer run of capitals is a name list or a table row, not a heading.
MAX_HEADING_WORDS: Final = 12
MIN_TITLE_CASE_WORDS: Final = 4  # a shorter headline in capitals may be a name ("Chatham Islands")
HEADING_BREAKERS: Final = frozenset(',;:()-–.?!"“”')  # marks of a sentence, a list or a table
CLAUSE_MARKS: Final = frozenset(",.!?")
CLOSING_MARKS: Final = "\"”’')]"  # after a sentence's full stop
STRETCH_MARKS: Final = frozenset(',;:()[]/–—?!"“”0123456789')  # bound a stretch of a heading
GREETING_ENDS: Final = frozenset(",:!")  # "Dear Katherine:"
APOSTROPHES: Final = frozenset("'’")  # "Veterans' Affairs": a plural's possessive, written apart
MAX_HASHTAGS: Final = 3  # a sentence with this many is a line of tags
MIN_ADJECTIVE_LETTERS: Final = 6  # "Federal", "Celtic"; not a short name ("Jamal", "Opal")
MAX_CLOSING_WORDS: Final = 6  # "Love and faithful feelings,": a letter's closing line is short
MAX_SIGNATURE_WORDS: Final = 3  # "Anna", "Anna Berg": a signature after the closing line
CAPITAL_MAJORITY: Final = 10  # a one-word name capitalised this many times as often as not
Span = tuple[int, int]  # (start, end) word indices
Kind = tuple[MentionKind, str | None, bool]  # (kind, country, link_only)


def find_mentions(doc: AnnotatedDocument) -> list[Mention]:
    """Every name mention of the document, sentence by sentence."""
    lx = load_lexicon(doc.language)
    sentences = doc.sentences
    capitals = [capital_words(lx, s.words, s.text) for s in sentences]
    seen, expected = case_evidence(lx, sentences, capitals)
    # Most documents name no lower-case body ("the standards committee"): one test for all.
    bodies = not lx.body_nouns.isdisjoint(seen.words)
    mentions: list[Mention] = []
    works: set[tuple[str, ...]] = set()  # names a work or product noun goes with somewhere
    closing: str | None = None  # the signer's role after a letter's closing line
    for k, (s, flags, initial) in enumerate(zip(sentences, capitals, expected, strict=True)):
        if True in flags and credits(lx, s.text):
            continue  # "Ann Lee contributed to this report": the article's journalists
        # A closing line and the signature under it are each a paragraph of their own.
        signer = None
        if closing and True in flags and ends_paragraph(sentences, k):
            signer = signature(lx, s, flags, closing)
        closing = closing_role(lx, s.words)
        if closing and not ends_paragraph(sentences, k):
            closing = None
        if signer is not None:
            mentions.append(signer)
        elif True in flags:  # a sentence without capitals holds only mentions by form
            flags = name_flags(lx, s.words, flags, initial, seen)
            mentions.extend(sentence_mentions(lx, s, flags, bodies, seen, works))
        elif bodies or "#" in s.text or "-" in s.text:  # see form_candidates
            mentions.extend(other_mentions(lx, s, s.text, bodies))
    if works:  # "the series Northam Nights": a work's title wherever it is named
        mentions = [m for m in mentions if m.words not in works]
    headline = title_case_headline(lx, doc.title)
    if headline:
        mentions = confirmed_in_body(sentences, mentions, headline)
    terms = defined_terms(lx, sentences, seen) if "(" in seen.words else frozenset()
    if terms:
        mentions = [m for m in mentions if m.text not in terms]
    return outside_heading_words(lx, sentences, mentions)


def outside_heading_words(
    lx: Lexicon, sentences: Sequence[AnnotatedSentence], mentions: list[Mention]
) -> list[Mention]:
    """The mentions without those a heading capitalises as it capitalises every word: a name
    that stands in its stretch of the heading with capitalised words of no name ("Things
    You'll Need", "Basic Vanilla Cupcakes", "LINK TO LEARNING") says nothing; one that fills
    its stretch ("By Ann Lee", "Lattice Lab, CNRS, France"), a person's or a country's,
    stays (GUM P(real) 0.742 -> 0.746)."""
    headings = {s.index for k, s in enumerate(sentences) if heading_line(lx, sentences, k)}
    if not headings:
        return mentions
    named: dict[int, list[Mention]] = {}  # the names of each heading
    for m in mentions:
        if m.sentence in headings:
            named.setdefault(m.sentence, []).append(m)
    return [
        m
        for m in mentions
        if m.sentence not in headings
        or m.kind in ("person", "country")
        or fills_stretch(lx, m, sentences[m.sentence].text, named.get(m.sentence, []))
    ]


def heading_line(lx: Lexicon, sentences: Sequence[AnnotatedSentence], k: int) -> bool:
    """Is sentence `k` a heading: a paragraph of its own, of no more than MAX_HEADING_WORDS
    words, with no full stop, every content word capitalised ("Things You'll Need",
    "LEARNING OBJECTIVES", "Part 1 of 2: Flirting Dos")?"""
    s = sentences[k]
    if (k > 0 and sentences[k - 1].paragraph == s.paragraph) or not ends_paragraph(sentences, k):
        return False
    if s.text.rstrip().rstrip(CLOSING_MARKS)[-1:] in ".!?" or len(s.words) > MAX_HEADING_WORDS:
        return False
    content = [t.text for t in s.words if t.text[:1].isalpha() and not is_function_word(lx, t.text)]
    return bool(content) and all(w[:1].isupper() for w in content)


def fills_stretch(lx: Lexicon, m: Mention, text: str, others: list[Mention]) -> bool:
    """Does the mention fill its stretch of a heading (between marks or numbers): no other
    capitalised word there but function words, titles, head words of bodies and places, and
    words of other names ("N Lee and R Diaz", "Union of Soviet Republics")?"""
    start = m.start
    while start > 0 and text[start - 1] not in STRETCH_MARKS and text[start - 2 : start] != " -":
        start -= 1
    end = m.end
    while end < len(text) and text[end] not in STRETCH_MARKS and text[end : end + 2] != " -":
        end += 1
    rest = (text[start : m.start] + " " + text[m.end : end]).split()
    names = {w for other in others if other is not m for w in other.words}
    return all(
        not w[:1].isalpha()
        or is_function_word(lx, w)
        or w in names
        or w in lx.titles
        or w in lx.org_heads
        or w in lx.place_words
        or w in lx.interjections
        for w in rest
    )


def closing_role(lx: Lexicon, toks: Sequence[Token]) -> str | None:
    """The role of the name signed after this line if it closes a letter ("Best wishes,",
    "Love ya."): a short line opening with a closing word; else None."""
    if not toks or len(toks) > MAX_CLOSING_WORDS:
        return None
    i = first_word(toks)
    return lx.closings.get(toks[i].lower) if i >= 0 else None


def ends_paragraph(sentences: Sequence[AnnotatedSentence], i: int) -> bool:
    return i + 1 >= len(sentences) or sentences[i + 1].paragraph != sentences[i].paragraph


def signature(lx: Lexicon, s: AnnotatedSentence, flags: list[bool], role: str) -> Mention | None:
    """The writer of a letter signing after its closing line: a line of one to
    MAX_SIGNATURE_WORDS capitalised words ("Best wishes,\n\nAnna"), with `role`; else None."""
    toks = s.words
    at = [i for i, t in enumerate(toks) if t.shape != "punct"]
    if not 0 < len(at) <= MAX_SIGNATURE_WORDS or not all(flags[i] for i in at):
        return None
    start = at[0]
    if toks[start].lower in lx.closings:
        return None  # "Cheers!\n\nCheers!": a closing said twice
    parts = read_words(lx, tuple(map(TEXT, toks[start : at[-1] + 1])))
    if parts is None:
        return None
    parts = parts._replace(kind="person", country=None, link_only=False)
    span = (start + parts.start, start + parts.end, start + parts.name_start)
    m = span_mention(lx, s, s.text, span, parts)
    return replace(m, role=role, affiliation=None, person=True)


def title_case_headline(lx: Lexicon, title: str | None) -> str:
    """The headline, without a number that labels it ("10: How to ..."), if it is written in
    title case ("Making the Case for Frozen Produce"), else ""."""
    words = (title or "").split()
    if words and words[0].rstrip(".:")[:1].isdigit():
        words = words[1:]
    if len(words) < MIN_TITLE_CASE_WORDS:
        return ""  # a name as a title ("Chatham Islands", "Patrick Gordon")
    content = [w for w in words if w[:1].isalpha() and not is_function_word(lx, w)]
    if len(content) < 2 or not all(w[:1].isupper() for w in content):
        return ""
    return " ".join(words)


def confirmed_in_body(
    sentences: Sequence[AnnotatedSentence], mentions: list[Mention], headline: str
) -> list[Mention]:
    """The mentions without those inside the headline, wherever the text repeats it, that the
    rest of the text never names: in a title-case headline a capital says nothing ("the Case
    for Frozen Produce") (GUM P(real) 0.704 -> 0.708)."""
    spans = {
        s.index: (at, at + len(headline)) for s in sentences if (at := s.text.find(headline)) >= 0
    }
    if not spans:
        return mentions

    def in_headline(m: Mention) -> bool:
        span = spans.get(m.sentence)
        return span is not None and span[0] <= m.start and m.end <= span[1]

    body = {w.lower() for m in mentions if not in_headline(m) for w in m.words}
    return [m for m in mentions if not in_headline(m) or m.words[-1].lower() in body]


def credits(lx: Lexicon, text: str) -> bool:
    """Does the sentence credit the article's journalists? The guidelines leave them out (gold:
    one credited journalist fewer, the next actor takes the place: P unchanged)."""
    return any(phrase in text for phrase in lx.credit_phrases)


def defined_terms(
    lx: Lexicon, sentences: Sequence[AnnotatedSentence], seen: CaseEvidence
) -> frozenset[str]:
    """Acronyms the document defines by lower-case words ("ground reaction force (GRF)"), or
    by capitalised common words it also writes in lower case ("Compact Fluorescent Light
    (CFL)"): terms, not actors, wherever they are used (GUM: two false actors fewer)."""
    out: set[str] = set()
    for s in sentences:
        toks = s.words
        for i in range(2, len(toks) - 1):
            bracketed = toks[i - 1].text == "(" and toks[i + 1].text == ")"
            if not bracketed or not is_acronym_like(toks[i]):
                continue
            if spelled_in_lower_case(lx, toks, i):
                out.update((toks[i].text, toks[i].text.removesuffix("s")))  # "SIs", "SI"
            else:
                phrase = spelled_in_common_words(lx, toks, i, seen)
                if phrase:
                    out.update((toks[i].text, toks[i].text.removesuffix("s"), phrase))
    return frozenset(out)


def spelled_in_common_words(lx: Lexicon, toks: Sequence[Token], at: int, seen: CaseEvidence) -> str:
    """The capitalised words before the bracket of the acronym at `at` that give its letters,
    if the text writes every one of them in lower case too and none heads a body or a place
    ("Compact Fluorescent Light (CFL)", "System Under Test (SUT)": a function word may give
    a letter; not "World Health Organization (WHO)"); else ""."""
    letters = [c.lower() for c in toks[at].text if c.isupper()]
    k = at - 1
    capitals = 0
    while k > 0 and capitals < len(letters):
        t = toks[k - 1]
        if t.lower in lx.function_words and k < at - 1:
            k -= 1
            continue
        if t.shape != "capitalised" or not seen.seen_in_lower_case(t.text):
            return ""
        if t.text in lx.org_heads or t.text in lx.place_words or lx.country_of(t.text):
            return ""
        capitals += 1
        k -= 1
        if spells(lx, letters, toks[k : at - 1]):
            return " ".join(t.text for t in toks[k : at - 1])
    return ""


def spells(lx: Lexicon, letters: list[str], words: Sequence[Token]) -> bool:
    """Do the first letters of `words` give `letters`, each function word's letter or none?
    Read word by word, keeping how many letters can be given so far: trying both readings of
    every function word in turn would double the work with each one."""
    given = {0}
    for w in words:
        skip = given if w.lower in lx.function_words else set()
        given = skip | {n + 1 for n in given if n < len(letters) and w.lower[:1] == letters[n]}
        if not given:
            return False
    return len(letters) in given


def is_acronym_like(t: Token) -> bool:
    """ "GRF", "CoM", "L2", "SIs", "F-E": two to six letters, digits or hyphens, the first a
    capital, then another capital or a digit."""
    w = t.text
    more = sum(map(str.isupper, w)) > 1 or any(map(str.isdigit, w))
    return 2 <= len(w) <= 6 and w.replace("-", "").isalnum() and w[0].isupper() and more


def spelled_in_lower_case(lx: Lexicon, toks: Sequence[Token], at: int) -> bool:
    """Do the lower-case words before the bracket of the acronym at `at` give its letters?"""
    letters = [c.lower() for c in toks[at].text if c.isupper()]  # "CoM": c, m; "SIs": s, i
    initials: list[str] = []
    for t in reversed(toks[: at - 1]):
        if len(initials) >= len(letters):
            break
        if t.shape != "word":
            return False  # a capital, number or mark before all the letters are found
        if t.lower in lx.function_words:
            continue  # "soil moisture and ocean salinity (SMOS)"
        initials[:0] = [part[0] for part in t.lower.split("-") if part]
    return initials[-len(letters) :] == letters if initials else False


TEXT: Final = attrgetter("text")


def capital_words(lx: Lexicon, words: Sequence[Token], text: str) -> list[bool]:
    """Which words are capitalised (in every hyphen part): the stuff of names."""
    flags = [t.shape in CAPITALISED for t in words]
    if "-" in text:  # "Kremlin-backed" starts with a capital but is no name word
        for i, t in enumerate(words):
            if "-" in t.text:
                flags[i] = is_capital(t.text) or particle_name(lx, t.text)
    return flags


def particle_name(lx: Lexicon, word: str) -> bool:
    """ "al-Aqsa", "el-Sisi": a particle glued to a capitalised name is a name word
    (CoNLL recall@8 0.660 -> 0.663, GUM recall 0.715 -> 0.718)."""
    head, _, rest = word.partition("-")
    return head in lx.particles and is_capital(rest)


# ---------------------------------------------------------------- case evidence
@dataclass(frozen=True)
class CaseEvidence:
    """What the whole document says about a word's case, to read sentence-initial words."""

    words: frozenset[str]  # every written word of the document, as written
    capital_inside: frozenset[str]  # capitalized words seen away from a sentence start
    counts: Counter[str]  # how often each word is written, as written

    def seen_in_lower_case(self, word: str) -> bool:
        """Was `word` written in lower case somewhere in the document?"""
        lower = word.lower()
        # A word in lower case is one whose first letter is not a capital (its "word" shape).
        return lower in self.words and lower[:1].isalpha() and not lower[:1].isupper()


def case_evidence(
    lx: Lexicon, sentences: Sequence[AnnotatedSentence], capitals: Iterable[list[bool]]
) -> tuple[CaseEvidence, list[list[int]]]:
    """The document's case evidence, and for each sentence its capitals where a capital is
    expected: at the sentence start, after a quote or colon."""
    written: list[str] = []
    inside: set[str] = set()
    expected: list[list[int]] = []
    marks, function_words = lx.opening_marks, lx.function_words
    for s, flags in zip(sentences, capitals, strict=True):
        toks = s.words
        written.extend([t.text for t in toks])  # counted at the end, in C
        if is_heading(lx, toks, flags):
            # "Things You'll Need", "SMALL BEER PRESS": every capital is expected, none is evidence
            expected.append(list(compress(range(len(toks)), flags)))
            continue
        first = first_word(toks)
        initial = []
        for i in compress(range(len(toks)), flags):
            if i == first or (i and toks[i - 1].text in marks) or numbered(toks, first, i):
                initial.append(i)  # a capital is expected here: no evidence
            elif not (i and flags[i - 1] and toks[i - 1].lower not in function_words):
                # "Jakarta Stock Exchange" says nothing about "Stock" standing alone.
                inside.add(toks[i].text)
        expected.append(initial)
    words = Counter(written)  # each word's case is read when asked
    return CaseEvidence(frozenset(words), frozenset(inside), words), expected


def numbered(toks: Sequence[Token], first: int, i: int) -> bool:
    """Does the word at i open a numbered line's text ("2 Keep the soil damp")?"""
    return i == first + 1 and toks[first].shape == "number"


def is_heading(lx: Lexicon, toks: Sequence[Token], flags: list[bool]) -> bool:
    """A heading or a line in capitals: capitals and function words only, no lower-case word."""
    if len(toks) > MAX_HEADING_WORDS or True not in flags:
        return False  # most sentences are longer than a heading
    for t in toks:
        if t.shape == "number" or t.text in HEADING_BREAKERS:
            return False  # a table row or a list of names ("Romania - Contra (31st)")
        if t.shape == "word" and t.lower not in lx.function_words:
            return False
    return True


def name_flags(
    lx: Lexicon, toks: Sequence[Token], capitals: list[bool], initial: list[int], seen: CaseEvidence
) -> list[bool]:
    """Which words may be part of a name. A capital where one is expected (`initial`: a
    sentence's first word, after a quote or colon, every word of a heading) only with other
    evidence."""
    flags = list(capitals)
    for i in initial:
        flags[i] = initial_is_name(lx, toks, i, flags, seen) or continues_name(
            lx, toks, i, flags, seen
        )
    return flags


def continues_name(
    lx: Lexicon, toks: Sequence[Token], i: int, flags: list[bool], seen: CaseEvidence
) -> bool:
    """A byline or heading ("Maggie McNeil"): a capital never seen in lower case goes on the
    name the word before opened (CoNLL type agreement 0.888 -> 0.894)."""
    if not i or not flags[i - 1] or toks[i - 1].text.rstrip(".") in lx.honorifics:
        return False
    word = toks[i].text
    if is_function_word(lx, word) or word in lx.not_actors:
        return False
    return not seen.seen_in_lower_case(word)


def initial_is_name(
    lx: Lexicon, toks: Sequence[Token], i: int, flags: list[bool], seen: CaseEvidence
) -> bool:
    word = toks[i].text
    # "Tony Blair said", not "Things You Need": a function word opens no name's second part
    followed = i + 1 < len(toks) and flags[i + 1] and not is_function_word(lx, toks[i + 1].text)
    if word.rstrip(".") in lx.honorifics:
        return followed  # "Mr Blair said": the honorific opens a name, though a stop word
    if toks[i].lower in lx.function_words or word in lx.not_actors:
        return False
    if word in seen.capital_inside or lx.country_of(word) or word in lx.capitals:
        return True
    if is_acronym(word) or (toks[i].shape == "upper" and len(word) > 2):
        return True  # "NATO", and a dateline or table row in capitals ("BUCHAREST 1996-08-30")
    if word in lx.titles:
        return followed  # "President Obama said", but not "Opposition leader X"
    if i + 1 < len(toks) and toks[i + 1].shape == "number" and table_row(toks):
        return True  # "Stoke 4 3 1 0 7 4 10", "Pohang 3 Ulsan 2": a team or player's row
    if word in lx.place_words:
        return followed  # "Fort Lee is a city": "fort" is a word too (GUM recall +1 key place)
    if seen.seen_in_lower_case(word):
        return False
    # "Tony Blair has said": two capitalized words in a row, the first never seen in lower case;
    # "Sony will enter ...", "Sony's console": one, as the subject or an owner (not a plural:
    # "Critics say").
    after = word_after_aside(toks, i + 1)
    subject = (after in lx.subject_verbs or after in lx.possessives) and word[-1:] != "s"
    subject = subject and not word.endswith(lx.gerund_endings)  # "Stretching is important"
    return followed or subject


def table_row(toks: Sequence[Token]) -> bool:
    """A row of a results table or standings: capitals and two numbers or more, lower-case
    words only in brackets ("Hajduk 2 Proleter (Z) 0", "Pohang 3 Ulsan 2 (halftime 1-0)"); not
    a label ("Method 2", "Extract 1")."""
    depth = numbers = 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif t.shape == "number":
            numbers += 1
        elif t.shape == "word" and not depth:
            return False
    return numbers > 1


def word_after_aside(toks: Sequence[Token], k: int) -> str:
    """The word at k, or the one after a bracketed aside there ("Łódź (pronounced Wootch) is")
    (GUM recall +1 key place)."""
    if k < len(toks) and toks[k].text == "(":
        close = next((j for j in range(k + 1, len(toks)) if toks[j].text == ")"), len(toks))
        k = close + 1
    return toks[k].text if k < len(toks) else ""


# ---------------------------------------------------------------- mentions in one sentence
def sentence_mentions(
    lx: Lexicon,
    s: AnnotatedSentence,
    flags: list[bool],
    bodies: bool,
    seen: CaseEvidence,
    works: set[tuple[str, ...]] | None = None,
) -> list[Mention]:
    """The sentence's mentions; the names of works or products it holds are added to `works`."""
    text = s.text  # a property: read once
    out: list[Mention] = []
    heading = title_line(lx, s.words)
    for run in runs(lx, s.words, flags):
        mention = read_run(lx, s, text, run, seen, works)
        if mention is not None and not (heading and phrase_in_heading(mention, seen)):
            out.append(mention)
    if len(out) > 1:
        out = share_plural_roles(lx, text, out)
        out = share_locative(lx, text, out)
    out = [m for m in out if not common_phrase(lx, s.words, m, seen)]
    if len(out) > 1:
        out = [m for k, m in enumerate(out) if not (k and persons_work(lx, text, out[k - 1], m))]
    titled = [title_employer(lx, s, m, seen) for m in out if m.role and m.affiliation]
    employers = [e for e in titled if e is not None]
    if not (bodies or "#" in text or "-" in text):
        return out + employers  # most sentences: no mention by form (see form_candidates)
    return out + employers + other_mentions(lx, s, text, bodies)


def common_phrase(lx: Lexicon, toks: Sequence[Token], m: Mention, seen: CaseEvidence) -> bool:
    """Is the untyped name of two words or more headed by a word the text also writes in lower
    case ("Dynamic Equivalence", "Best Actor"), with nothing that makes it an actor: no role or
    title, no possessive after it ("Naughty Boy, the producer" and "Wait A Little's guests" are
    names)?"""
    if m.kind != "" or m.role or len(m.words) < 2 or m.words[-1].lower() not in seen.words:
        return False
    at = word_at(toks, m.end)
    return not (at < len(toks) and toks[at].text in lx.possessives)


def persons_work(lx: Lexicon, text: str, owner: Mention, m: Mention) -> bool:
    """Is the name m, with no title, right after a person's possessive ("Ann Lee's Quiet
    Harbour") a work or thing of that person, not an actor?"""
    if owner.kind != "person" or m.kind not in ("", "person") or m.person or m.role:
        return False
    gap = text[owner.end : m.start].replace("’", "'")
    return gap.strip() in lx.possessives and gap.endswith(" ")


def title_line(lx: Lexicon, toks: Sequence[Token]) -> bool:
    """A heading or title line ("Method 1 of 3: Using Luminol"): capitals, numbers, marks
    and function words only, at most MAX_HEADING_WORDS words."""
    words = [t for t in toks if t.shape != "punct"]
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    return all(t.shape != "word" or t.lower in lx.function_words for t in words)


def phrase_in_heading(m: Mention, seen: CaseEvidence) -> bool:
    """In a heading every word is capitalised: a run holding a word the text also writes in
    lower case ("Starting Seeds", "Learning Objectives") is a phrase, not a name (GUM P(real)
    0.652 -> 0.667; gold and CoNLL unchanged)."""
    capitals = [w for w in m.words if w[:1].isupper()]
    return m.country is None and any(seen.seen_in_lower_case(w) for w in capitals)


def runs(lx: Lexicon, toks: Sequence[Token], capital: list[bool]) -> list[Span]:
    """(start, end) word ranges of capitalized runs, joined over "of", "and", "del" ..."""
    out: list[Span] = []
    n = len(toks)
    for i in compress(range(n), capital):  # only capitals can start or extend a run
        if out and out[-1][1] > i:
            continue  # inside the run before
        j = i + 1
        while j < n:
            if capital[j]:
                j += 1
            elif j + 1 < n and capital[j + 1] and joins(lx, toks, capital, i, j):
                j += 2
            elif j + 2 < n and capital[j + 2] and particles(lx, toks, j, 2):
                j += 3  # "Joost van der Westhuizen", "Maria de la Cruz" (CoNLL: +1 key name)
            elif j + 2 < n and capital[j + 2] and body_of_the(lx, toks, j):
                j += 3  # "the National Guard Association of the United States"
            elif j + 1 < n and epithet(lx, toks[j].lower, toks[j + 1].text):
                j += 2  # "Peter the Great" (GUM recall 0.725 -> 0.729)
            else:
                break
        out.append((i, j))
    return out


def epithet(lx: Lexicon, article: str, word: str) -> bool:
    """Are the two words the epithet of a name ("the Great" of "Peter the Great")?"""
    return article in lx.definite_articles and word in lx.epithets


def body_of_the(lx: Lexicon, toks: Sequence[Token], j: int) -> bool:
    """Do "of the", "for the" at j go on the name of a body ending before j?"""
    link = toks[j].text in lx.name_links and toks[j].text not in lx.list_links
    head = toks[j - 1].text
    # Not after a company's legal form: "Dow Chemical Co of the United States" is where it is.
    body = head in lx.org_heads and head.rstrip(".").lower() not in lx.legal_suffixes
    return link and body and toks[j + 1].lower in lx.definite_articles


def joins(lx: Lexicon, toks: Sequence[Token], capital: list[bool], start: int, j: int) -> bool:
    """May the lower-case word at j sit inside the name that began at start?"""
    link = toks[j].text
    if link in lx.particles:
        return True
    plural = toks[j - 1].text.endswith("s") and toks[j].start == toks[j - 1].end
    owner = link in lx.possessives or (link in APOSTROPHES and plural)
    if not owner and link not in lx.name_links:
        return False
    right = j + 1
    while right < len(toks) and capital[right]:
        right += 1
    right_words = [t.text for t in toks[j + 1 : right]]
    left_words = [t.text for t in toks[start:j]]
    if owner:
        return possessive_in_name(lx, toks[start:j], right_words)
    if link in lx.list_links and titled_person(lx, left_words):
        return False  # "Minister Ana Ruiz and Harbour United": a person, then another name
    if link in lx.affiliation_links and person_like(lx, toks[start:j]):
        return False  # "Keith Brand of Norwich City": a person, his club (CoNLL: +2 names)
    if any(w in lx.org_heads for w in right_words):
        return True  # "Natural Hazards Research and Applications Information Center"
    left = toks[j - 1].text
    if link not in lx.list_links:
        # "Bank of England", "European Organization for Nuclear Research" (issue 13; the
        # three measures unchanged); "Supreme Court of the State of Hawaii"
        after_the = not lx.definite_articles.isdisjoint(left_words)
        return left in lx.org_heads or after_the or one_word_of(lx, left_words, right_words, link)
    # "British and Irish Lions": a demonym joined to a name of two words or more.
    return (
        link in lx.list_links and j - 1 == start and left in lx.demonyms and len(right_words) >= 2
    )


def one_word_of(lx: Lexicon, left: list[str], right: list[str], link: str) -> bool:
    """ "Game of Thrones", "Veterans of Foreign Wars": one capitalised word, "of", a name."""
    if link not in lx.affiliation_links or len(left) != 1:
        return False
    w = left[0]
    if w in lx.titles or w in lx.honorifics or w in lx.demonyms or lx.country_of(w):
        return False
    name = " ".join(right)
    return not (lx.country_of(name) or name in lx.capitals or name in lx.regions)


def possessive_in_name(lx: Lexicon, left: Sequence[Token], right: list[str]) -> bool:
    """ "Senate Veterans' Affairs Committee", "the Women's Institute": people owning a body
    (an organisation's head after the possessive) are part of its name; a named owner is not
    ("Britain's Labour Party", "Berkeley's Department of Linguistics")."""
    if not any(w in lx.org_heads for w in right):
        return False
    owner = left[-1].lower
    return owner in lx.people_nouns or singular(owner) in lx.role_nouns


def titled_person(lx: Lexicon, words: list[str]) -> bool:
    """A title and no organisation's head word: "Minister Ana Ruiz", not "Department of Health"
    (where "Health" is the title of a health minister)."""
    return any(w in lx.titles for w in words) and not any(w in lx.org_heads for w in words)


def particles(lx: Lexicon, toks: Sequence[Token], j: int, count: int) -> bool:
    """Are the `count` words from j all name particles ("van der", "de la")?"""
    return all(t.text in lx.particles for t in toks[j : j + count])


def person_like(lx: Lexicon, toks: Sequence[Token]) -> bool:
    """Do these capitalised words, two or more, read as a person's name by their words alone?"""
    words = tuple(t.text for t in toks)
    return len(words) > 1 and classify(lx, words, person=False)[0] == "person"


class NameParts(NamedTuple):
    """What the words of a capitalised run say by themselves; offsets are word indices
    relative to the run."""

    start: int  # the run without function words at its edges
    end: int
    name_start: int  # where the name starts after its titles
    words: tuple[str, ...]  # the name's words
    kind: MentionKind
    country: str | None
    link_only: bool


@lru_cache(maxsize=16384)  # names repeat within and across texts: read their words once
def read_words(lx: Lexicon, words: tuple[str, ...]) -> NameParts | None:
    """The name in a capitalised run, read from its words alone, or None."""
    start, end = trim(lx, words)
    inner = list(words[start:end])
    if not inner or is_outlet(lx, inner) or names_a_document(lx, inner):
        return None  # "the Global Trade Study": no "Study" after a title "Trade"
    head = split_title(lx, inner)
    name = tuple(inner[head:])
    if not name or not acceptable(lx, list(name)):
        return None
    if head and is_function_word(lx, name[0]):
        return None  # "The Old Lady Who Walked": a title's words, no titled person
    kind, country, link_only = classify(lx, name, person=head > 0)
    return NameParts(start, end, start + head, name, kind, country, link_only)


def read_run(
    lx: Lexicon,
    s: AnnotatedSentence,
    text: str,
    run: Span,
    seen: CaseEvidence,
    works: set[tuple[str, ...]] | None = None,
) -> Mention | None:
    """The mention a capitalized run makes, with role and affiliation, or None."""
    toks = s.words
    if run[1] - run[0] > 1 and toks[run[1] - 1].text in lx.weekdays and dated(lx, toks, run[1]):
        run = (run[0], run[1] - 1)  # "Hugh McGuire Sunday, May 28": a date after a name
    if run[1] - run[0] > 1 and (dated_name(lx, toks, run[0]) or dated_era(lx, toks, run[0])):
        run = (run[0] + 1, run[1])  # "the August Chicago NAPM report" (CoNLL: +1 name)
    addressee = greeted(lx, toks, run)
    if addressee:
        run = (run[0] + 1, run[1])  # "Dear Katherine:": the greeting is no part of the name
    parts = read_words(lx, tuple(map(TEXT, toks[run[0] : run[1]])))
    if parts is None:
        return None
    if run[0] + parts.start == first_word(toks) and role_before_person(lx, parts):
        parts = parts._replace(  # "Defenders Danny Gabbidon and ...": a role, then the name
            name_start=parts.start + 1, words=parts.words[1:], kind="person", link_only=False
        )
    if addressee:
        start, end, name_start = run[0] + parts.start, run[0] + parts.end, run[0] + parts.name_start
        parts = parts._replace(kind="person", country=None, link_only=False)
        m = span_mention(lx, s, text, (start, end, name_start), parts)
        return replace(m, role=addressee, affiliation=None, person=True)
    if parts.kind in ("", "person") and parts.name_start == parts.start:
        parts = by_common_words(lx, parts, seen)  # nothing but capitals says "name"
        if parts is None:
            return None
    start, end, name_start = run[0] + parts.start, run[0] + parts.end, run[0] + parts.name_start
    if start and names_a_work(lx, toks, start, end):
        if works is not None and not noun_after_product(lx, toks, end):
            works.add(parts.words)
        return None
    if start and excluded_by_context(lx, toks, start, end):
        return None
    if end - start == 1 and labels_number(lx, toks, start):
        return None  # "Figure 1", "Terminal 2", "Rule 37": a label, not an actor
    if quoted(lx, toks, run[0], end):
        return None  # a name in quotes is a title or slogan ("Race Together"), not an actor
    if parts.kind != "country":
        parts = by_context(lx, s, (start, end, name_start), parts)
    return span_mention(lx, s, text, (start, end, name_start), parts)


def greeted(lx: Lexicon, toks: Sequence[Token], run: Span) -> str | None:
    """The role of the person a letter greets ("Dear Katherine:", "Dear Friends,"): a greeting
    opening the line, a name, then a comma, colon or the line's end; else None."""
    start, end = run
    if end - start < 2 or start != first_word(toks) or end < len(toks) - 1:
        return None
    if end < len(toks) and toks[end].text not in GREETING_ENDS:
        return None
    return lx.salutations.get(toks[start].text)


def role_before_person(lx: Lexicon, parts: NameParts) -> bool:
    """Does a role noun, capitalised as the sentence's first word, stand before a person's
    name of two words or more ("Defenders Danny Gabbidon", "Striker Ola Brandt")?"""
    words = parts.words
    if parts.name_start != parts.start or len(words) < 3 or not is_name_word(words[1]):
        return False
    if singular(words[0].lower()) not in lx.role_nouns:
        return False
    return classify(lx, words[1:], person=False)[0] == "person"


def by_context(
    lx: Lexicon, s: AnnotatedSentence, span: tuple[int, int, int], parts: NameParts
) -> NameParts:
    """The kind the words around a name give it: a dateline ("BELGRADE 1996-08-30"), "X said",
    "Jackson, Mississippi", "the city of Haifa"; "an Atlanta hotel" only counts for a name
    used elsewhere."""
    toks = s.words
    start, end, name_start = span
    before = toks[start - 1].lower if start else ""
    after = toks[end].text if end < len(toks) else ""
    kind = parts.kind
    if not start:
        if not name_start and dateline(lx, s, end, parts):
            # "LONDON 1996-08-30": where the story was filed, a place of its own, not its
            # country (CoNLL recall@8 0.634 -> 0.643 -> 0.658)
            return parts._replace(kind="place", country=None, link_only=False)
    elif (
        before in lx.indefinite_articles and kind != "person" and modifier_use(lx, toks, start, end)
    ):
        # "a US TV network", of several words too (gold actors P 365/415 -> 365/414)
        parts = parts._replace(link_only=True)
    elif before in lx.possessives and kind != "person" and time_owned(lx, toks, start):
        parts = parts._replace(link_only=True)  # "Sunday's Six Nations encounter"
    elif kind in ("", "person") and owned(lx, toks, start, end):
        parts = parts._replace(link_only=True)
    elif one_of_kind(lx, toks, start, end) and (
        kind == "" or (kind == "person" and name_start == start) or end - start == 1
    ):
        # "a Fizzo", "a Zap Pack": a thing, or an organisation's name of one word (GUM: two
        # false actors fewer; of several words: two more)
        parts = parts._replace(link_only=True)
    elif kind in ("", "organization") and adjective_use(lx, toks, start, end):
        parts = parts._replace(link_only=True)  # "the Hegelian definition"
    if kind == "" and after in lx.speech_verbs and not is_acronym(parts.words[0]):
        return parts._replace(kind="person")  # "Mitchell said"
    if kind == "person" and name_start == start and plural_after_the(lx, toks, start, parts):
        return parts._replace(kind="organization")  # "the Rolling Stones": a team or band
    if kind == "place" and (before in lx.contest_verbs or after in lx.contest_verbs):
        return parts._replace(kind="organization")  # "Essex beat Kent": teams (CoNLL types)
    if kind == "place" and end < len(toks) and toks[end].shape == "number" and table_row(toks):
        return parts._replace(kind="organization")  # "Barnsley 3 3 0 0 8 2 9": a team's row
    if kind not in ("", "person"):
        return parts
    if (after == "," and (in_region(lx, toks, end) or place_appositive(lx, toks, end))) or (
        before in lx.affiliation_links and place_of(lx, toks, start)
    ):
        return parts._replace(kind="place")
    return parts


def plural_after_the(lx: Lexicon, toks: Sequence[Token], start: int, parts: NameParts) -> bool:
    """Is the name of two words or more a plural after "the" ("the Chicago Bulls")?"""
    last = parts.words[-1]
    plural = len(parts.words) > 1 and last.endswith("s") and not last.endswith("ss")
    return plural and start > 0 and toks[start - 1].lower in lx.definite_articles


def span_mention(
    lx: Lexicon,
    s: AnnotatedSentence,
    text: str,
    span: tuple[int, int, int],
    parts: NameParts,
    known: bool = False,
) -> Mention:
    """The mention of the words start:end of s (the name from name_start on, after its
    titles), with the role and affiliation around it. `known`: the kind is given by a
    recognizer, not guessed from the words."""
    toks = s.words
    start, end, name_start = span
    role, affiliation = None, None
    person = name_start > start  # a title or honorific before the name
    if person:
        titles = list(map(TEXT, toks[start:name_start]))
        role, affiliation = title_role(lx, text, toks, start, name_start, titles)
        if role and start >= 2:
            role, affiliation = body_before_title(lx, text, toks, start, role, affiliation)
    kind = parts.kind
    if not role and kind in ("person", ""):
        # "Lions coach Sir Clive Woodward": a role before the honorific
        role, affiliation = lower_role(lx, text, toks, start, end)
        person = person or bool(role) or (known and kind == "person")
        kind = "person" if person else kind
    elif not role and kind == "organization" and end < len(toks) and toks[end].text == ",":
        role, affiliation = appositive(lx, text, toks, end, for_org=True)  # ", the company"
    if kind in ("", "person") and not person and end < len(toks) and is_place_noun(lx, toks[end]):
        kind = "place"  # "the Donetsk region", "the High Atlas mountains"
    if kind == "person" and not affiliation:
        affiliation = of_affiliation(lx, text, toks, end)
    first, last = toks[name_start].start, toks[end - 1].end
    # By position, in the order of Mention's fields: keywords make the call twice as slow.
    return Mention(
        text[first:last],  # text
        parts.words,  # words
        s.index,  # sentence
        kind,
        first,  # start
        last,  # end
        role,
        affiliation,
        parts.country,
        parts.link_only,
        person and kind == "person",  # person
        located(lx, toks, start, kind),  # locative
        name_start,  # position
    )


def located(lx: Lexicon, toks: Sequence[Token], start: int, kind: MentionKind) -> bool:
    """Does a place preposition before the name make it a location ("in Santa Barbara")? Not
    one that takes people too before a name read as a person's ("from Tony Adams")."""
    before = toks[start - 1].lower if start else ""
    if before in lx.definite_articles and start > 1:
        before = toks[start - 2].lower  # "in the UK" (gold actors P 0.823 -> 0.828)
    if kind == "person" and before in lx.person_prepositions:
        return False
    return before in lx.locative or places_listed(lx, toks, start)


def places_listed(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """Does the name open a list of examples of a place noun ("towns such as Leeds")?"""
    for n in (1, 2):
        marker = " ".join(t.lower for t in toks[max(0, start - n) : start])
        if start > n and marker in lx.example_markers:
            return is_place_noun(lx, toks[start - n - 1])
    return False


def body_before_title(
    lx: Lexicon, text: str, toks: Sequence[Token], start: int, role: str, affiliation: str | None
) -> tuple[str, str | None]:
    """ "Mississippi NAACP chapter President X": a body and a lower-case word before the title
    belong to the role; the body is the affiliation."""
    if not is_modifier(lx, toks[start - 1].text) or toks[start - 2].shape not in CAPITALISED:
        return role, affiliation
    k = start - 2
    while k > 0 and toks[k - 1].shape in CAPITALISED and toks[k - 1].lower not in lx.function_words:
        k -= 1
    body = text[toks[k].start : toks[start - 2].end]
    return text[toks[k].start : toks[start - 1].end] + " " + role, affiliation or body


def place_of(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """ "the northern city of Haifa": a place noun and "of" before the name."""
    return (
        start >= 2
        and toks[start - 1].text in lx.affiliation_links
        and is_place_noun(lx, toks[start - 2])
    )


def modifier_use(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """ "an Atlanta hotel": a name between "a"/"an" and a lower-case noun describes a thing;
    it counts for an actor named elsewhere, never makes one."""
    if not start or end >= len(toks) or toks[start - 1].lower not in lx.indefinite_articles:
        return False
    return toks[end].shape == "word" and toks[end].lower not in lx.function_words


def time_owned(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """ "Sunday's Six Nations encounter", "this year's Essentials": a name owned by a time
    names what happened then, an edition or an event; it counts for an actor named elsewhere,
    never makes one ("Norway's Labour Party" is the party's name)."""
    if start < 2:
        return False
    owner = toks[start - 2].text
    return owner in lx.weekdays or owner in lx.months or owner.lower() in lx.time_units


def adjective_use(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Is the one word at start an adjective by its ending before a lower-case word that is
    no verb or function word ("the Hegelian definition", "Paralympic sport")?"""
    word = toks[start].lower
    if end - start != 1 or end >= len(toks) or len(word) < MIN_ADJECTIVE_LETTERS:
        return False
    after = toks[end]
    if not word.endswith(lx.adjective_endings):
        return False
    return after.shape == "word" and not (
        after.lower in lx.function_words or after.lower in lx.subject_verbs
    )


def one_of_kind(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """ "I drank a Fizzo", "buy a Zap Pack and": a name after "a"/"an" that ends the phrase
    names a kind of thing, one of many, not an actor."""
    if toks[start - 1].lower not in lx.indefinite_articles:
        return False
    return end >= len(toks) or toks[end].shape == "punct" or toks[end].lower in lx.function_words


def owned(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Is the name after "his", "her", "their" a thing owned ("on his Instagram", "her Oscar"),
    not the modifier of one ("his WBO title", "his party's platform", "his World Boxing
    Council (WBC) title")?"""
    if toks[start - 1].text not in lx.possessive_pronouns:
        return False  # "His Royal Highness Prince Henry" is no "his"
    if end >= len(toks):
        return True
    after = toks[end]
    if after.text in lx.possessives or after.text == "(":
        return False
    return after.shape != "word" or after.lower in lx.function_words


def dateline(lx: Lexicon, s: AnnotatedSentence, end: int, parts: NameParts) -> bool:
    """Is the name opening the sentence a dateline: a name in capitals (or the article's
    first word) before a date, a comma or a bracket?"""
    toks = s.words
    after = toks[end] if end < len(toks) else None
    # A date ("1996-08-30"), not a score in a table's row ("LG 2 OB 0")
    dated = after is not None and after.shape == "number" and len(after.text) >= 4
    if after is None or not (dated or after.text in ",("):
        return False
    if all(t.shape == "upper" for t in toks[:end] if t.text[:1].isalpha()):
        return True
    return s.index == 0 and parts.kind == ""


def place_appositive(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Is the name ending at `end` followed by ", the state capital", ", a small town" (not
    ", the state prosecutor", ", the city committee")?"""
    i = end + 2
    if i >= len(toks) or toks[i - 1].lower not in lx.determiners:
        return False
    k = i
    while k < len(toks) and k - i <= MAX_MODIFIERS and is_modifier(lx, toks[k].text):
        k += 1
    phrase = toks[i:k]
    if not phrase or is_role_noun(lx, phrase[-1].text):
        return False
    head = phrase[-1].text
    if head in lx.org_nouns or head in lx.body_nouns:
        return False  # "the city committee": a body
    return any(is_place_noun(lx, t) for t in phrase)


def in_region(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Is the name ending at `end` followed by ", <state or country>"?"""
    if end + 1 >= len(toks) or toks[end].text != ",":
        return False
    for n in (1, 2, 3):
        words = [t.text for t in toks[end + 1 : end + 1 + n]]
        if len(words) < n or not is_capital(words[-1]):
            return False
        name = " ".join(words)
        if name in lx.countries or name in lx.subdivisions or name in lx.regions:
            return end + 1 + n == len(toks) or not is_capital(toks[end + 1 + n].text)
    return False


def dated_name(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """Does the run at `start` open with a month after "the" or "in" ("in June Comelf")?"""
    before = toks[start - 1].lower if start else ""
    in_time = before in lx.determiners or before in lx.locative
    return in_time and toks[start].text in lx.months


def dated_era(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """ "17th Century Zurbarán paintings": an ordinal and a time unit before the name
    (GUM recall 0.718 -> 0.722)."""
    before = toks[start - 1].text if start else ""
    ordinal = before[:1].isdigit() and before.lower().endswith(lx.ordinal_suffixes)
    return ordinal and toks[start].lower in lx.time_units


def dated(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Does a date follow the weekday ending at `end` (", May 28", " 12 March")?"""
    k = end + (end < len(toks) and toks[end].text == ",")
    return k < len(toks) and (toks[k].text in lx.months or toks[k].shape == "number")


def by_common_words(lx: Lexicon, parts: NameParts, seen: CaseEvidence) -> NameParts | None:
    """A capitalised run whose words the document also writes in lower case is a title,
    product or event ("Fear Factor", "Choice Cards", "Market"), not a person: None when all
    its words are such, else its kind left to the other mentions."""
    # A word's lower-case form among the words as written: it was written in lower case.
    lowers = [w.lower() for w in parts.words]
    if seen.words.isdisjoint(lowers) and lx.count_words.isdisjoint(lowers):
        return parts  # most names: a test in C
    common = [w for w in lowers if w in seen.words or w in lx.count_words]
    if len(common) == len(parts.words) and not mostly_capitalised(seen, parts.words):
        return None
    return parts._replace(kind="") if parts.kind == "person" else parts


def mostly_capitalised(seen: CaseEvidence, words: tuple[str, ...]) -> bool:
    """Is the one-word name written capitalised CAPITAL_MAJORITY times as often as in lower
    case, and at least that often ("Lodz" throughout a guide, "the word lodz means boat" once)?"""
    if len(words) != 1:
        return False
    capital, lower = seen.counts[words[0]], seen.counts[words[0].lower()]
    return capital >= CAPITAL_MAJORITY * max(1, lower)


def is_place_noun(lx: Lexicon, t: Token) -> bool:
    return t.text in lx.place_nouns


def trim(lx: Lexicon, words: tuple[str, ...]) -> Span:
    """Drop function words and links at the edges ("The Guardian" -> "Guardian")."""
    start, end = 0, len(words)
    while start < end and (
        is_function_word(lx, words[start])
        or words[start] in lx.particles
        or words[start] in lx.weekdays
        or words[start] in lx.interjections  # "Oh Dad", "Honestly I"
        or counted_people(lx, words, start)  # "Three Russian soldiers"
    ):
        start += 1
    if start + 1 < end and words[start] in lx.title_modifiers:
        rest = " ".join(words[start + 1 : end])
        if lx.country_of(rest) and not lx.country_of(" ".join(words[start:end])):
            start += 1  # "Former England captain": a role's first word, not "New Zealand"
    if end - start > 2 and weekday_after_name(lx, words[start:end]):
        end -= 1  # "Jose Miguel Insulza Monday": a day after a name
    while end > start and (
        words[end - 1] in lx.name_links
        or words[end - 1] in lx.particles
        or is_function_word(lx, words[end - 1])  # "Cause I", "Emma and I"
        or (words[end - 1] in lx.honours and end - start > 2)  # "Zaha Hadid DBE" (GUM +1)
    ):
        end -= 1
    return start, end


def weekday_after_name(lx: Lexicon, words: tuple[str, ...]) -> bool:
    """Does a weekday end the run after two name words or more ("Ola Anne Brandt Monday"),
    not a surname after a given name ("Coach Mike Friday")?"""
    if words[-1] not in lx.weekdays:
        return False
    return sum(not is_title(lx, w) for w in words[:-1]) >= 2


def counted_people(lx: Lexicon, words: tuple[str, ...], start: int) -> bool:
    """ "Three Russian soldiers": a number word before a demonym counts people, names none."""
    rest = words[start + 1 : start + 2]
    return words[start].lower() in lx.count_words and bool(rest) and rest[0] in lx.demonyms


def is_function_word(lx: Lexicon, word: str) -> bool:
    """A function word, also contracted ("I'm", "We'll", "Don't")."""
    lower = word.lower()
    if lower in lx.function_words:
        return True
    head, mark, _ = lower.replace("’", "'").partition("'")
    return bool(mark) and head in lx.function_words


def is_outlet(lx: Lexicon, words: list[str]) -> bool:
    """A news outlet ("CNN", "Associated Press") is credited, never an actor."""
    return any(w in lx.outlets for w in words) or " ".join(words) in lx.outlets


def excluded_by_context(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Is the name at start:end (not the sentence's first word) credited, quoted or counted?
    (A work's or product's name is read apart, by `names_a_work`.)"""
    before = toks[start - 1]
    if before.lower in lx.count_words or (is_number(before.text) and counts(lx, toks, start, end)):
        return True  # "six U.S. Opens": things counted, not actors
    if before.text == "@" and before.end == toks[start].start:
        return True  # "@NaughtyBoyMusic": an account's handle, not a name as the text gives it
    if eponym(lx, toks, end):
        return True  # "Lou Gehrig's disease" (gold actors P 0.837 -> 0.839)
    # An outlet's affiliate or journalist: "CNN affiliate KGO", "CNN's Jane Doe".
    return start >= 2 and toks[start - 2].text in lx.outlets and before.text in lx.outlet_links


YEAR: Final = re.compile(r"1[0-9]{3}|20[0-9]{2}")


def counts(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Does the number before the name at start:end count it ("won 20 U.S. Opens", "bought 20
    Boeing jets", "costs 25 CUC")? Not a year ("In 1996 Tony Blair said"), nor a score or rank
    before a name in the singular, opening a row or after a name ("62 Nolan Henke", "Pohang
    3 Ulsan 2", "Hajduk 2 Proleter (Z) 0"; not "1. Introduction", "Extract 2 Siwu")."""
    last = toks[end - 1].text
    if last.endswith("s") and not last.endswith("ss"):
        return True  # "20 U.S. Opens"
    before = toks[start - 2] if start > 1 else None
    if YEAR.fullmatch(toks[start - 1].text) and (
        before is None or is_function_word(lx, before.text)
    ):
        return False
    after = toks[end] if end < len(toks) else None
    if after is not None and after.shape == "word":
        return True  # a name used as a modifier: "20 Boeing jets"
    if end - start < 2 and not (
        after is not None and (after.shape == "number" or after.text == "(")
    ):
        return True  # one word, not a team's before its score: "1. Introduction", "25 CUC"
    if before is None or before.text == ")":
        return False  # "62 Nolan Henke", "Jesper Parnevik (Sweden) 66 Neal Lancaster"
    name = before.shape in CAPITALISED and not is_function_word(lx, before.text)
    return not name or before.lower in lx.label_words


def names_a_work(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Is the name at start:end (not the sentence's first word) a product's or a work's?"""
    if product_named(lx, toks, end):
        return True  # "its GameBoy console", "the Xbox game": a product (gold P 0.834 -> 0.837)
    return titled_work(lx, toks, start)  # "the film Still Alice" (gold: one false actor fewer)


def noun_after_product(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Does a lower-case noun follow the product noun after the name ending at `end` ("the
    Bafta games awards": the name modifies the awards, not the games)?"""
    k = end + (end < len(toks) and toks[end].shape == "number") + 1
    if not product_named(lx, toks, end) or k >= len(toks):
        return False
    return toks[k].shape == "word" and toks[k].lower not in lx.function_words


def labels_number(lx: Lexicon, toks: Sequence[Token], at: int) -> bool:
    """Is the word at `at` a label word before a number ("Figure 1", "Rule 37")?"""
    after = toks[at + 1] if at + 1 < len(toks) else None
    return after is not None and after.shape == "number" and toks[at].lower in lx.label_words


def quoted(lx: Lexicon, toks: Sequence[Token], start: int, end: int) -> bool:
    """Is the run start:end, with the words trimmed off it, all a quotation ('"Still Alice"',
    '"I Won't Mind,"', '"Debbie Died Because"')? (gold actors P 0.830 -> 0.834, GUM recall
    0.704 -> 0.708, then 0.722 -> 0.725 with the words after the run)"""
    # '"Still Alice"': a capitalised function word left out of the run, and '"Debbie Died
    # Because"' after it; '"Once Upon A Time in Hollywood"': the small words of a title too
    while start and title_word(lx, toks, start - 1, start - 2):
        start -= 1
    while end < len(toks) and title_word(lx, toks, end, end + 1):
        end += 1
    if not start or toks[start - 1].text not in lx.quotes:
        return False
    if end < len(toks) and toks[end].text in CLAUSE_MARKS:
        end += 1  # the comma or full stop inside the closing quote
    return end < len(toks) and toks[end].text in lx.quotes


def title_word(lx: Lexicon, toks: Sequence[Token], k: int, beyond: int) -> bool:
    """Is token k a word of a title: capitalised, or a small word ("in", "of") with a
    capitalised word beyond it (token `beyond`, one further from the name)?"""
    if toks[k].shape in CAPITALISED:
        return True
    inner = 0 <= beyond < len(toks) and toks[beyond].shape in CAPITALISED
    return inner and toks[k].lower in lx.function_words


def eponym(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Is the name ending at `end` an owner of an eponym noun ("X's disease")?"""
    owner = end + 1 < len(toks) and toks[end].text in lx.possessives
    return owner and toks[end + 1].text in lx.eponym_nouns


def product_named(lx: Lexicon, toks: Sequence[Token], end: int) -> bool:
    """Does a product noun follow the name ending at `end`, a model number between?"""
    if end < len(toks) and toks[end].shape == "number":
        end += 1  # "PlayStation 2 game"
    return end < len(toks) and toks[end].text in lx.product_nouns


def titled_work(lx: Lexicon, toks: Sequence[Token], start: int) -> bool:
    """Does a work noun come before the name at `start` ("the drama The Good Wife")?"""
    k = start - 1
    if k > 0 and toks[k].lower in lx.definite_articles:
        k -= 1  # the run's own "The"
    return toks[k].text in lx.work_nouns


def split_title(lx: Lexicon, words: list[str]) -> int:
    """Index where the name starts after leading titles ("Deputy Foreign Minister | Andrei ...")."""
    titled = [i for i, w in enumerate(words) if is_title(lx, w) or w.rstrip(".") in lx.honorifics]
    last = titled[-1] if titled else -1
    if last > 0 and last == len(words) - 1 and last - 1 not in titled:
        before = words[last - 1]
        if is_name_word(before) and not (
            is_function_word(lx, before) or before.lower() in lx.role_nouns
        ):
            # "John Major", "Prime Minister John Major": a title word after a name is a surname
            last = titled[-2] if len(titled) > 1 else -1
    if 0 <= last < len(words) - 1 and words[last] in lx.title_qualifiers:
        last = -1  # "Veterans of Foreign Wars": "Foreign" is a title only before "Minister"
    if last == -1:
        return 1 if nationality_before_person(lx, words) else 0
    if any(w in lx.org_heads for w in words[last:]):
        return 0  # "Premier League", "Supreme Court": a title word inside an organisation
    if last == len(words) - 1:
        # A bare title ("President", "Foreign Minister") is no actor; a lone modifier
        # ("Treasury") is an institution.
        bare = words[-1].rstrip(".")
        return len(words) if bare in lx.title_heads or bare in lx.honorifics else 0
    return last + 1


def nationality_before_person(lx: Lexicon, words: list[str]) -> bool:
    """ "American Tom Johnson": a demonym before two or more name words that say nothing of
    an organisation or place describes the person (CoNLL type agreement 0.844 -> 0.849)."""
    if len(words) < 3 or words[0] not in lx.demonyms:
        return False
    return classify(lx, tuple(words[1:]), person=False)[0] == "person"


ROMAN_NUMERAL: Final = re.compile(r"[IVXLC]+")


def names_a_document(lx: Lexicon, words: Sequence[str]) -> bool:
    """Does the name end in a document's or event's head ("Varberg Agreement", "World Cup"),
    also before a numeral ("World War II")?"""
    if len(words) > 2 and ROMAN_NUMERAL.fullmatch(words[-1]):
        words = words[:-1]
    return len(words) > 1 and words[-1] in lx.document_heads


def acceptable(lx: Lexicon, words: list[str]) -> bool:
    if len(words) == 1:
        w = words[0]
        if w in lx.not_actors or w in lx.place_words or len(w.rstrip(".")) < 2:
            return False
        if (w in lx.org_heads or w in lx.titles) and w not in lx.institutions:
            return False  # "Church", "Union", "Opposition" alone
        if w in lx.title_modifiers:
            return False  # "New" cut off "New York-based" (CoNLL recall@8 +1 name)
        if w.endswith("s") and is_acronym(w.rstrip("s")) and not is_acronym(w):
            return False  # "MPs", "MSPs": plural titles
    if names_a_document(lx, words):
        return False  # "the Artificial Intelligence Act", "the World Cup": no participant
    if all(w in lx.group_adjectives for w in words) or words[-1] in lx.group_adjectives:
        return False  # "Roman Catholic", "Southeast Asian": a description (GUM: one fewer)
    if all(len(w) == 1 for w in words):
        return False  # "W D L G": a table's column heads
    if len(words) > 2 and any(len(w) == 1 for w in words) and all(w.isupper() for w in words):
        return False  # "W L PCT GB": a table's column heads too
    if all(w.rstrip(".").lower() in lx.legal_suffixes for w in words):
        return False  # "Inc." cut off "Amazon.com Inc.": a company's suffix alone
    # "Friday", and "AUGUST" in a table's heading (CoNLL recall@8 0.658 -> 0.660)
    return not all(w.title() in lx.weekdays or w.title() in lx.months for w in words)


def classify(lx: Lexicon, words: tuple[str, ...], person: bool) -> Kind:
    """(kind, country, link_only) from the words of a name alone."""
    name = " ".join(words)
    if (
        name.isupper()
        and len(name) > 4
        and (name.title() in lx.countries or name.title() in lx.capitals)
    ):
        name = name.title()  # "ROMANIA", "HONG KONG" in a dateline or a table
    if name in lx.countries:
        return "country", lx.countries[name], False
    if name in lx.capitals:
        return "place", lx.capitals[name], True
    if name in lx.demonyms:
        return "country", lx.demonyms[name], True
    if name in lx.regions:
        return "place", None, False
    if name[-1:] == "s" and name[:-1] in lx.demonyms:
        return "country", lx.demonyms[name[:-1]], True  # "Italians": the people of a country
    if person or (len(words) > 2 and epithet(lx, words[-2], words[-1])):
        return "person", None, False  # a title before it, or "Peter the Great"
    if len(words) > 1 and words[-1] in lx.place_words and words[-1] not in lx.org_heads:
        return "place", None, False  # "Times Square", "Parliament Square": the last word heads it
    if any(w.rstrip(".") in lx.org_heads for w in words) or name in lx.institutions:
        return "organization", None, False
    if words[-1] in lx.place_words or words[0] in lx.place_words or name in lx.subdivisions:
        return "place", None, False
    if any(is_acronym(w) for w in words):
        return "organization", None, False  # "NATO", "MSCI World"
    if len(words) == 1:
        return "", None, False
    if any(lx.country_of(w) for w in words) or country_inside(lx, words):
        return "organization", None, False  # "Scottish Conservative", "USA Today"
    if words[-1] in lx.capitals:
        # "Dynamo Moscow", "Real Madrid": a club of a city, unless a role says a person
        # ("Anna Paris, a lawyer"); a name of no kind is an organisation (CoNLL types +4, -1)
        return "", None, False
    return "person", None, False


def country_inside(lx: Lexicon, words: tuple[str, ...]) -> bool:
    """Does a country's name of two words stand inside the name ("Hong Kong Standard")?"""
    return any(lx.country_of(" ".join(words[i : i + 2])) for i in range(len(words) - 1))


def share_plural_roles(lx: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "World Cup winners A, B and C": a plural role covers the names listed after it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role
            and m.role is None
            and prev.role.endswith("s")
            and m.kind in ("person", "")
            and listed_after(lx, text[prev.end : m.start])
        ):
            m = replace(m, role=prev.role, affiliation=prev.affiliation, kind="person", person=True)
        out.append(m)
    return out


def share_locative(lx: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "in London, Leeds and Glasgow": a place preposition covers the names listed after it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        listed = prev is not None and prev.locative and not m.locative and not m.person
        if listed and prev is not None and listed_after(lx, text[prev.end : m.start]):
            m = replace(m, locative=True)
        out.append(m)
    return out


def listed_after(lx: Lexicon, gap: str) -> bool:
    """Is `gap` what separates two items of a list (", " or " and ")?"""
    if not gap[:1].isspace() and not gap.lstrip().startswith(","):
        return False
    parts = gap.replace(",", " , ").split()
    if parts and parts[-1] in lx.list_links:
        return parts[:-1] in ([], [","]) and gap[-1:].isspace()
    return parts == [","]


def title_employer(
    lx: Lexicon, s: AnnotatedSentence, person: Mention, seen: CaseEvidence
) -> Mention | None:
    """ "Labour MSP X", "Starbucks CEO X": the organisation in a title is mentioned too."""
    org = person.affiliation
    if not org or not person.role or not person.role.startswith(org) or lx.country_of(org):
        return None
    words = tuple(org.split())
    # "Market leader X", "Music producer X": a capital the sentence start explains, before a
    # lower-case role ("Labour MSP X" has a title: Labour is a name)
    opening = s.text.lstrip().startswith(org) and person.role[len(org) + 1 : len(org) + 2].islower()
    if opening and len(words) == 1 and not (words[0] in seen.capital_inside or is_acronym(org)):
        return None
    if not all(is_name_word(w) for w in words) or any(w in lx.titles for w in words):
        return None
    if not acceptable(lx, list(words)):
        return None  # "Council leader X": a head word alone names no particular body
    start = s.text.rfind(person.role, 0, person.start)
    if start < 0:
        return None
    kind, country, link_only = classify(lx, words, person=False)
    return Mention(
        org,
        words,
        s.index,
        kind or "organization",
        start=start,
        end=start + len(org),
        country=country,
        link_only=link_only,
        position=word_at(s.words, start),
    )


# ---------------------------------------------------------------- mentions by form
def other_mentions(lx: Lexicon, s: AnnotatedSentence, text: str, bodies: bool) -> list[Mention]:
    """Hashtags, names inside compounds, lower-case institutions and industries. `bodies`:
    does the document hold a body noun at all?"""
    out: list[Mention] = []
    # A line of tags ("#argument #analysis #advice") labels the text: no movement in it
    # (GUM P(real) 0.674 -> 0.676).
    tags = text.count("#") < MAX_HASHTAGS
    for i in form_candidates(lx, s, text, bodies):
        t = s.words[i]
        word = t.text
        if word[:1] == "#":
            if tags and len(word) > 2 and word[1:2].isalpha():
                out.append(Mention(word, (word,), s.index, "group", t.start, t.end, position=i))
        elif "-" in word:
            out.extend(compound_names(lx, s, i))
        else:
            body = lower_institution(lx, s, i)
            if body is not None:
                out.append(body)
    return out


def form_candidates(lx: Lexicon, s: AnnotatedSentence, text: str, bodies: bool) -> list[int]:
    """Indices of hashtags, hyphenated words and lower-case body nouns."""
    # Most sentences have none: a test on the text is cheaper than one per word.
    if "#" in text or "-" in text:
        nouns = lx.body_nouns if bodies else frozenset()
        return [
            i
            for i, t in enumerate(s.words)
            if "-" in t.text or t.text[:1] == "#" or t.text in nouns
        ]
    if not bodies:
        return []
    return [i for i, t in enumerate(s.words) if t.text in lx.body_nouns]


def compound_names(lx: Lexicon, s: AnnotatedSentence, i: int) -> list[Mention]:
    """ "non-NATO", "Kremlin-backed": the name part counts for an actor named elsewhere,
    never makes one by itself."""
    t = s.words[i]
    out = []
    for at, part in hyphen_names(t.text):
        kind, country, _ = classify(lx, (part,), person=False)
        start = t.start + at
        out.append(
            Mention(
                part,
                (part,),
                s.index,
                kind,
                start,
                start + len(part),
                country=country,
                link_only=True,
                position=i,
            )
        )
    return out


def lower_institution(lx: Lexicon, s: AnnotatedSentence, head: int) -> Mention | None:
    """ "the standards committee", "the US movie industry": a named body in lower case."""
    toks = s.words
    i = head - 1
    while i >= 0 and head - i <= MAX_MODIFIERS and toks[i].lower not in lx.determiners:
        w = toks[i].text
        if w in lx.possessives:
            i -= 1
            continue
        if w.lower() in lx.generic_modifiers or not (is_modifier(lx, w) or is_acronym(w)):
            return None
        i -= 1
    if i < 0 or i == head - 1 or toks[i].lower not in lx.definite_articles:
        return None
    industry = toks[head].text in lx.industry_nouns
    if industry and not is_acronym(toks[i + 1].text):
        return None  # "the music industry" is no actor; "the US movie industry" is one
    start, end = toks[i + 1].start, toks[head].end
    phrase = s.text[start:end]
    kind: MentionKind = "group" if industry else "organization"
    return Mention(phrase, tuple(phrase.split()), s.index, kind, start, end, position=i + 1)
