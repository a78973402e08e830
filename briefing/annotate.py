"""The annotated document every later stage reads: sentences, tokens, words and name mentions.

The text is tokenized ONCE here, by one regular expression, into small tokens (a number apart
from the letters glued to it, a hyphen apart from the words it joins), from which the written
words are built by joining what is glued together ("Jean-Michel", "12th", "AT&T", "Det.").
Figures read the tokens; names, roles and ranking read the words. Nothing after this module
tokenizes again.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Final

from briefing.lang import Language, load_language
from briefing.model import (
    AnnotatedDocument,
    AnnotatedSentence,
    Document,
    Mention,
    Shape,
    Token,
)

# The alternatives in order of how often they match in news text: one token is tried against
# them in turn, and this order takes a fifth off the matching time (same tokens: measured on
# the CNN dev texts).
TOKEN: Final = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted initials: "U.S.", "a.m.", "e.g."
    r"|[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*"  # a word, inner apostrophes kept: "O'Brien", "don't"
    r"|\d+(?:[.,]\d+)*"  # a number: "150,000", "3.5"
    r"|#(?=\w*[^\W\d_])\w+"  # a hashtag ("#1" is a sign and a number)
    r"|['’]s\b"  # a possessive
    r"|\S"  # any other character
)
# Marks that are tokens of their own, one character each, before or after a word: no
# alternative of TOKEN but the last starts with one of them.
OPENING: Final = frozenset('("“[')
CLOSING: Final = frozenset('.,;:!?)"”]')
# Glued between two word or number tokens, these join them into one written word.
CONNECTORS: Final = frozenset("-'’&")


def shape_of(text: str) -> Shape:
    first = text[:1]
    if first.isdecimal():  # what the pattern's \d matches ("²" is a digit but no number)
        return "number"
    if not (first.isalpha() or (first == "#" and len(text) > 1)):
        return "punct"
    if first.isupper():
        letters = [c for c in text if c.isalpha()]
        return "upper" if len(letters) > 1 and all(c.isupper() for c in letters) else "capitalised"
    return "word"


Description = tuple[str, str, Shape, tuple[str, ...]]  # text, lower case, shape, ranking terms
MAX_DESCRIPTIONS: Final = 1 << 18  # distinct tokens kept; a batch of a whole archive starts afresh


class Descriptions:
    """text -> (text, lower case, shape, ranking terms) for a language, worked out once per
    distinct token: a text repeats its words, and stemming is the slow part. A plain table
    (not lru_cache): the lookup is the hot path of tokenizing."""

    def __init__(self, language: Language) -> None:
        self.stop = ranking_stop_words(language)
        self.stem = stemmer(language) if language.stemmer else None
        self.table: dict[str, Description] = {}
        # The runs of non-space met so far that are letters alone, a token each (five runs in
        # six): one lookup tells such a run, without asking again whether it is letters alone.
        self.words: dict[str, Description] = {}

    def get(self, text: str) -> Description:
        found = self.table.get(text)
        return found if found is not None else self.add(text)

    def word(self, run: str) -> Description:
        """The description of a run of letters alone, kept among the words."""
        found = self.get(run)
        self.words[run] = found
        return found

    def add(self, text: str) -> Description:
        if len(self.table) >= MAX_DESCRIPTIONS:
            self.table.clear()
            self.words.clear()
        lower = text.lower()
        # The text itself is handed back too: tokens of one word then share one string, which
        # keeps a long document's tokens small.
        found = (text, lower, shape_of(text), _terms(lower, self.stop, self.stem))
        self.table[text] = found
        return found


@cache
def describer(language: Language) -> Descriptions:
    return Descriptions(language)


# The ranking parts of a written word, as sumy reads words: an apostrophe, a full stop or "&"
# separates them ("o'brien" -> "o", "brien"; "u.s." -> "u", "s"), a hyphen joins them, and a
# part glued after a digit is none ("12th"; but "15-year-old" gives "year-old").
WORD_PARTS: Final = re.compile(r"(?<![^\W_])[^\W\d_][^\W_]*(?:-[^\W_]+)*")


def _terms(lower: str, stop: frozenset[str], stem: Callable[[str], str] | None) -> tuple[str, ...]:
    """The ranking terms of a word: the stems of its parts that are not stop words."""
    if lower.isalpha():  # most words: one part, the word itself
        if lower in stop:
            return ()
        return (stem(lower),) if stem else (lower,)
    parts = [p for p in WORD_PARTS.findall(lower) if p not in stop]
    return tuple(map(stem, parts)) if stem else tuple(parts)


@cache
def stemmer(language: Language) -> Callable[[str], str]:
    """The language's Snowball stemmer, one for every ranker (sumy's too): PyStemmer's compiled
    Snowball, four times NLTK's speed (stemming was a tenth of a batch's time), or NLTK's where
    PyStemmer lacks the language. Words are left as they are when the language names none."""
    name = language.stemmer
    if not name:
        return str
    import Stemmer

    if name in Stemmer.algorithms():
        stem: Callable[[str], str] = Stemmer.Stemmer(name).stemWord
        return stem
    from nltk.stem.snowball import SnowballStemmer

    nltk_stem: Callable[[str], str] = SnowballStemmer(name).stem
    return nltk_stem


def tokenize(text: str, language: Language | None = None) -> tuple[Token, ...]:
    """The tokens of a sentence with their offsets, so spans are verbatim slices of the text.

    No token spans a space, so the pattern is run on each run of non-space apart, and a run of
    letters alone (most words), or one between marks, is read without it: the same tokens, with
    the pattern matched on one run in twenty."""
    describe = describer(language or load_language())
    words = describe.words
    out: list[Token] = []
    end = 0
    for chunk in text.split():
        start = text.find(chunk, end)
        end = start + len(chunk)
        found = words.get(chunk)
        if found is None and chunk.isalpha():
            found = describe.word(chunk)
        if found is not None:
            out.append(_token(found, start, end))
            continue
        # A word between an opening mark and closing ones ('"Yes,', "(CNN)", "said."), the
        # next most common run, is split without the pattern too: each mark is a token.
        lo = 1 if chunk[0] in OPENING else 0
        hi = len(chunk)
        while hi > lo and chunk[hi - 1] in CLOSING:
            hi -= 1
        if (lo or hi < len(chunk)) and chunk[lo:hi].isalpha():
            if lo:
                out.append(_token(describe.get(chunk[0]), start, start + 1))
            out.append(_token(describe.get(chunk[lo:hi]), start + lo, start + hi))
            for k in range(start + hi, end):
                out.append(_token(describe.get(text[k]), k, k + 1))
            continue
        for m in TOKEN.finditer(text, start, end):
            a, b = m.span()
            out.append(_token(describe.get(m.group()), a, b))
    return tuple(out)


def _token(d: Description, start: int, end: int) -> Token:
    return Token(d[0], d[1], d[2], d[3], start, end)


JOINABLE: Final[frozenset[str]] = frozenset({"word", "capitalised", "upper", "number"})


def _joinable(t: Token) -> bool:
    return t.shape in JOINABLE and t.text[0] not in "#'’"


def _joined_end(tokens: tuple[Token, ...], i: int, abbreviations: frozenset[str]) -> int:
    """Index after the last token glued into the written word that starts at token i."""
    n = len(tokens)
    j = i + 1
    while j < n and tokens[j].start == tokens[j - 1].end:
        nxt = tokens[j]
        if _joinable(nxt):
            j += 1
        elif (
            nxt.text in CONNECTORS
            and j + 1 < n
            and tokens[j + 1].start == nxt.end
            and _joinable(tokens[j + 1])
        ):
            j += 2
        else:
            break
    if j == i + 1 and j < n and _owns_full_stop(tokens[i], tokens[j], abbreviations):
        j += 1  # "Det.", "Inc.": the full stop belongs to the word
    elif j == i + 1 and j + 1 < n and _is_initial(tokens[i], tokens[j], tokens[j + 1]):
        j += 1  # "Charles J. Fillmore": a middle initial, not a sentence's end
    return j


def _owns_full_stop(t: Token, nxt: Token, abbreviations: frozenset[str]) -> bool:
    glued_stop = nxt.text == "." and nxt.start == t.end
    return glued_stop and t.shape != "word" and t.lower in abbreviations


def _is_initial(t: Token, stop: Token, nxt: Token) -> bool:
    """A capital letter with its full stop before a capitalised word ("J. Fillmore")."""
    glued_stop = stop.text == "." and stop.start == t.end and nxt.start > stop.end
    return glued_stop and len(t.text) == 1 and t.shape == "capitalised" and nxt.shape != "word"


def written_words(
    text: str,
    tokens: tuple[Token, ...],
    abbreviations: frozenset[str] = frozenset(),
    language: Language | None = None,
) -> tuple[Token, ...]:
    """Tokens joined where glued: word and number runs with inner hyphens, apostrophes or "&"
    ("Jean-Michel", "Covid-19", "12th", "AT&T"); a known abbreviation keeps its full stop."""
    describe = describer(language or load_language())
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        glued = i + 1 < n and tokens[i + 1].start == t.end
        j = _joined_end(tokens, i, abbreviations) if glued and _joinable(t) else i + 1
        if j == i + 1:
            out.append(t)
        else:
            end = tokens[j - 1].end
            word = text[t.start : end]
            out.append(_token(describe.get(word), t.start, end))
        i = j
    return tuple(out)


def annotate_sentence(
    sentence_text: str, language: Language
) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    """(tokens, words) of one sentence."""
    tokens = tokenize(sentence_text, language)
    return tokens, written_words(sentence_text, tokens, _abbreviations(language), language)


@cache
def _abbreviations(language: Language) -> frozenset[str]:
    return language.words("abbreviations") | {w.lower() for w in language.words("honorifics")}


def annotate(
    doc: Document,
    language: Language | None = None,
    find_names: Callable[[AnnotatedDocument], list[Mention]] | None = None,
) -> AnnotatedDocument:
    """Read a split document once: tokens and words of every sentence, then name mentions
    (by the rules' name finder, or by `find_names`: a recognizer such as spaCy's)."""
    from briefing.actors.names import find_mentions

    language = language or load_language()
    sentences = []
    for s in doc.sentences:
        tokens, words = annotate_sentence(s.text, language)
        sentences.append(AnnotatedSentence(s, tokens, words))
    plain = AnnotatedDocument(doc, language, tuple(sentences))
    return replace(plain, mentions=tuple((find_names or find_mentions)(plain)))


# ---------------------------------------------------------------- what the rankers compare
def plain_words(text: str) -> list[str]:
    """The words of a text as sumy's algorithms are given them: the same parts the ranking
    terms are made of, so that sumy and the project's rankers read a text alike."""
    words = written_words(text, tokenize(text))
    return [part for w in words for part in WORD_PARTS.findall(w.text)]


@cache
def ranking_stop_words(language: Language) -> frozenset[str]:
    """Stop words of the rankers: sumy's list for the language when it has one, so the
    project's LexRank and TextRank see what sumy's see; else the language's function words."""
    if language.stemmer and (listed := sumy_stop_words(language.stemmer)):
        return listed
    return frozenset(w.lower() for w in language.words("function_words"))


@cache
def sumy_stop_words(name: str) -> frozenset[str]:
    """sumy's stop-word list `name` ("english", "german" ...) in lower case; empty when sumy
    has none. Read as sumy.utils.get_stop_words reads it, without importing sumy.utils (it
    imports `requests`: a tenth of a second per process)."""
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{name}.txt")
    except OSError:
        data = None
    if not data:
        return frozenset()
    return frozenset(w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip())


def sentence_terms(sentence: AnnotatedSentence) -> tuple[str, ...]:
    """The stemmed content words of a sentence."""
    return tuple(term for w in sentence.words for term in w.terms)


def text_terms(text: str, language: Language) -> frozenset[str]:
    """The stemmed content words of any text (a title), read as a sentence's are."""
    _, words = annotate_sentence(text, language)
    return frozenset(term for w in words for term in w.terms)
