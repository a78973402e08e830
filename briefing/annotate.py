"""The annotated document every later stage reads: sentences, tokens, words and name mentions.

The text is tokenized ONCE here, by one regular expression, into small tokens (a number apart
from the letters glued to it, a hyphen apart from the words it joins), from which the written
words are built by joining what is glued together ("Jean-Michel", "12th", "AT&T", "Det.").
Figures read the tokens; names, roles and ranking read the words. Nothing after this module
tokenizes again.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nltk.stem.snowball import SnowballStemmer

from briefing.lang import Language, load_language
from briefing.model import (
    AnnotatedDocument,
    AnnotatedSentence,
    Document,
    Shape,
    Token,
)

TOKEN = re.compile(
    r"#(?=\w*[^\W\d_])\w+"  # a hashtag ("#1" is a sign and a number)
    r"|(?:[^\W\d_]\.){2,}"  # dotted initials: "U.S.", "a.m.", "e.g."
    r"|\d+(?:[.,]\d+)*"  # a number: "150,000", "3.5"
    r"|[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*"  # a word, inner apostrophes kept: "O'Brien", "don't"
    r"|['’]s\b"  # a possessive
    r"|\S"  # any other character
)
# Glued between two word or number tokens, these join them into one written word.
CONNECTORS = frozenset("-'’&")


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


@lru_cache(maxsize=1 << 18)
def _describe(text: str) -> tuple[str, Shape]:
    # A text repeats its words: lower case and shape are worked out once per distinct token.
    return text.lower(), shape_of(text)


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a sentence with their offsets, so spans are verbatim slices of the text."""
    out: list[Token] = []
    new = tuple.__new__  # a NamedTuple's own constructor is a Python call: too slow here
    for m in TOKEN.finditer(text):
        word = m.group()
        lower, shape = _describe(word)
        start = m.start()
        out.append(new(Token, (word, lower, start, start + len(word), shape)))
    return tuple(out)


JOINABLE: frozenset[str] = frozenset({"word", "capitalised", "upper", "number"})


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
    return j


def _owns_full_stop(t: Token, nxt: Token, abbreviations: frozenset[str]) -> bool:
    glued_stop = nxt.text == "." and nxt.start == t.end
    return glued_stop and t.shape != "word" and t.lower in abbreviations


def written_words(
    text: str, tokens: tuple[Token, ...], abbreviations: frozenset[str] = frozenset()
) -> tuple[Token, ...]:
    """Tokens joined where glued: word and number runs with inner hyphens, apostrophes or "&"
    ("Jean-Michel", "Covid-19", "12th", "AT&T"); a known abbreviation keeps its full stop."""
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
            lower, shape = _describe(word)
            out.append(Token(word, lower, t.start, end, shape))
        i = j
    return tuple(out)


def annotate_sentence(sentence_text: str, language: Language) -> tuple[tuple[Token, ...], ...]:
    """(tokens, words) of one sentence."""
    tokens = tokenize(sentence_text)
    return tokens, written_words(sentence_text, tokens, _abbreviations(language))


@cache
def _abbreviations(language: Language) -> frozenset[str]:
    return language.words("abbreviations") | {w.lower() for w in language.words("honorifics")}


def annotate(doc: Document, language: Language | None = None) -> AnnotatedDocument:
    """Read a split document once: tokens and words of every sentence, then name mentions."""
    from briefing.actors.names import find_mentions

    language = language or load_language()
    sentences = []
    for s in doc.sentences:
        tokens, words = annotate_sentence(s.text, language)
        sentences.append(AnnotatedSentence(s, tokens, words))
    plain = AnnotatedDocument(doc, language, tuple(sentences))
    return AnnotatedDocument(doc, language, plain.sentences, tuple(find_mentions(plain)))


# ---------------------------------------------------------------- what the rankers compare
def plain_words(text: str) -> list[str]:
    """The words of a text that start with a letter, as sumy's algorithms are given them."""
    tokens = tokenize(text)
    return [w.text for w in written_words(text, tokens) if w.text[:1].isalpha()]


@cache
def _stemmer(name: str | None) -> SnowballStemmer | None:
    return SnowballStemmer(name) if name else None


@cache
def _stem(word: str, stemmer: str | None) -> str:
    # Stemming is the slow part; a text repeats its words, so cache per word.
    found = _stemmer(stemmer)
    return str(found.stem(word)) if found else word


@cache
def ranking_stop_words(language: Language) -> frozenset[str]:
    """Stop words of the rankers: sumy's list for the language when it has one, so the
    project's LexRank and TextRank see what sumy's see; else the language's function words."""
    if language.stemmer:
        from sumy.utils import get_stop_words

        try:
            return frozenset(w.lower() for w in get_stop_words(language.stemmer))
        except LookupError:
            pass
    return frozenset(w.lower() for w in language.words("function_words"))


@lru_cache(maxsize=1 << 18)
def _term(word: str, language: Language) -> str | None:
    """The ranking term a lower-case written word gives, or None for a stop word or number."""
    if word[:1].isdecimal() and "-" in word:
        word = word.split("-", 1)[1]  # "15-year-old": the words after the number count
    if not word[:1].isalpha() or word in ranking_stop_words(language):
        return None
    return _stem(word, language.stemmer)


def sentence_terms(sentence: AnnotatedSentence, language: Language) -> tuple[str, ...]:
    """The stemmed content words of a sentence."""
    found = (_term(w.lower, language) for w in sentence.words)
    return tuple(t for t in found if t is not None)
