"""Offline sentence and word tokenization.

NLTK's Punkt algorithm runs here with parameters the project supplies, so no downloaded NLTK
data (punkt_tab) is ever needed and results are the same on every machine.
"""

from __future__ import annotations

import re
from functools import cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.model import Document, Sentence

# Lower-case, without the final full stop, as Punkt stores them.
ABBREVIATIONS = (
    "mr mrs ms dr prof gen col maj capt lt sgt cpl adm cmdr gov sen rep rev hon st sr jr "
    "pres supt insp det const amb sec dept govt univ assn bros inc ltd co corp plc llc "
    "u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e etc vs approx est fig no nos vol pp ft mt "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn tex va vt wash wis wyo"
).split()

# "(CNN)The ..." or "LONDON, England (Reuters) -- The ...": a dateline glued to the first sentence.
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .,'-]{0,60}?\s*)?\((?:CNN|AP|Reuters|AFP|BBC)[^)]{0,20}\)\s*(?:--|—|-)?\s*"
)
SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)])\s+")
WORD = re.compile(r"^[^\W\d_](?:[^\W_]|['’-])*$")


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types.update(ABBREVIATIONS)
    # Initials ("J. K. Rowling") are single letters before a full stop: Punkt treats a known
    # abbreviation as never ending a sentence, so every single letter is one.
    params.abbrev_types.update("abcdefghijklmnopqrstuvwxyz")
    return PunktSentenceTokenizer(params)


@cache
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def strip_dateline(text: str) -> str:
    """Remove a news-agency dateline such as "(CNN)" from the start of an article."""
    return DATELINE.sub("", text, count=1)


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs.

    A blank line always ends a paragraph. A single line break ends one too when the line reads
    as complete (ends a sentence, or is a headline or bullet), but hard-wrapped lines whose
    next line continues in lower case are joined back together.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        current = ""
        for line in (ln.strip() for ln in block.split("\n")):
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _continues(previous: str, line: str) -> bool:
    if SENTENCE_END.search(previous) or BULLET.match(line):
        return False
    return line[:1].islower() or previous.endswith((",", ";", "-", "–"))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order. A bullet or headline line is one sentence."""
    paragraph = BULLET.sub("", paragraph).strip()
    return [s.strip() for s in _punkt().tokenize(paragraph) if s.strip()]


def words(sentence: str) -> list[str]:
    """Word tokens of a sentence (punctuation and numbers dropped)."""
    return [w for w in _word_tokenizer().tokenize(sentence) if WORD.match(w)]


def tokens(sentence: str) -> list[str]:
    """All tokens of a sentence, punctuation included, as NLTK's word tokenizer gives them."""
    return list(_word_tokenizer().tokenize(sentence))


def make_document(
    text: str,
    *,
    id: str = "",
    title: str | None = None,
    source: str | None = None,
    author: str | None = None,
    published: str | None = None,
) -> Document:
    """Split raw article text into a Document of numbered sentences."""
    text = strip_dateline(text)
    sentences: list[Sentence] = []
    for p, para in enumerate(paragraphs(text)):
        for s in split_sentences(para):
            sentences.append(Sentence(text=s, index=len(sentences), paragraph=p, doc=id))
    return Document(
        text=text,
        sentences=tuple(sentences),
        id=id,
        title=title,
        source=source,
        author=author,
        published=published,
    )


class SumyTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), built on this module."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
