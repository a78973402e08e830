"""Offline sentence and word tokenization.

NLTK's Punkt algorithm runs here with parameters the project supplies, so no downloaded NLTK
data (punkt_tab) is ever needed and results are the same on every machine.
"""

from __future__ import annotations

import re
from functools import cache

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.dates import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS
from briefing.model import Document, Sentence


def _wordlist(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Lower-case, without the final full stop, as Punkt stores them.
ABBREVIATIONS = (
    *_wordlist(
        "mr mrs ms dr prof gen col maj capt lt sgt cpl adm cmdr gov sen rep rev hon st sr jr "
        "pres supt insp det const amb sec dept govt univ assn bros inc ltd co corp plc llc "
        "u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e etc vs approx est fig no nos vol pp ft mt "
        "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
        "neb nev okla ore pa tenn tex va vt wash wis wyo"
    ),
    *MONTH_ABBREVIATIONS,
    *WEEKDAY_ABBREVIATIONS,
)

# "(CNN)The ..." or "LONDON, England (Reuters) -- The ...": a dateline glued to the first sentence.
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .,'-]{0,60}?\s*)?\((?:CNN|AP|Reuters|AFP|BBC)[^)]{0,20}\)"
    r"\s*(?:--|—|-)?\s*"
)
# Capitalised words that, after an abbreviation ("... Ltd. The firm ..."), start a new sentence:
# function words, which no name or abbreviated title is followed by.
SENTENCE_STARTERS = _wordlist(
    "the a an he she it they we i you this that these those there here his her its their our "
    "my but and yet so then meanwhile however after before as when while if in on at for by "
    "from with some many most all no one what who why how mr mrs ms dr"
)
SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)])\s+")
HEADING = re.compile(r"^\s*#{1,6}\s+")
# An ellipsis ("...", ". . ." or "…") ends a sentence only when a capital letter follows.
ELLIPSIS = re.compile(r"(?:\.\s?){2,}\.|…")
STARTS_SENTENCE = re.compile(r"""\s+["'“‘(\[]*[A-Z0-9]""")
# Line ends that cannot end a headline: a hard-wrapped line stopped in mid-sentence.
DANGLING = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|his|her|its|"
    r"their|our|is|was|were|are|be|been|has|have|had|will|would|can|could|said|than|into|"
    r"about|after|before|over|under|between|during|while|when|where|if|not|no)$"
)
# A word starts with a letter (not inside another token: "12th" is no word), and hyphenated
# words stay whole; an apostrophe ends a word ("Russia's" gives "Russia" and "s", a stop word).
WORD_PATTERN = r"(?<![^\W_])[^\W\d_][^\W_]*(?:-[^\W_]+)*"


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types.update(ABBREVIATIONS)
    # Initials ("J. K. Rowling") are single letters before a full stop: Punkt treats a known
    # abbreviation as never ending a sentence, so every single letter is one.
    letters = "abcdefghijklmnopqrstuvwxyz"
    params.abbrev_types.update(letters)
    # ... and initials written without spaces ("J.K. Rowling").
    params.abbrev_types.update(f"{a}.{b}" for a in letters for b in letters)
    params.sent_starters.update(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


@cache
def _word_tokenizer() -> RegexpTokenizer:
    return RegexpTokenizer(WORD_PATTERN)


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
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        width = max((len(ln) for ln in lines), default=0)
        current = ""
        for n, line in enumerate(lines):
            # Lines of a hard-wrapped paragraph are nearly as long as its longest line; the
            # first line is left out, as it may be a headline above the text.
            wrapped = n > 1 and len(lines[n - 1]) >= max(40, 0.8 * width)
            if current and (_continues(current, line) or (wrapped and not _ends(current, line))):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _ends(previous: str, line: str) -> bool:
    """Whether `previous` is complete: it ends a sentence, is a heading, or a list item follows."""
    ends = SENTENCE_END.search(previous) or HEADING.match(previous)
    return bool(ends or BULLET.match(line) or HEADING.match(line))


def _continues(previous: str, line: str) -> bool:
    if _ends(previous, line):
        return False
    return (
        line[:1].islower()
        or previous.endswith((",", ";", "-", "–"))
        or bool(DANGLING.search(previous))
    )


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order. A bullet or headline line is one sentence."""
    paragraph = HEADING.sub("", BULLET.sub("", paragraph)).strip()
    spans = _punkt().span_tokenize(_mask_ellipses(paragraph))
    out: list[str] = []
    for start, end in spans:
        sentence = paragraph[start:end].strip()
        if out and not re.search(r"\w", sentence):
            out[-1] = f"{out[-1]} {sentence}"  # stray punctuation belongs to the sentence before
        elif sentence:
            out.append(sentence)
    return out


def _mask_ellipses(text: str) -> str:
    """Text of the same length in which each ellipsis reads to Punkt as what it means here:
    a full stop when a capitalised word follows, otherwise no stop at all."""

    def mask(m: re.Match[str]) -> str:
        ends = STARTS_SENTENCE.match(text, m.end()) is not None or m.end() == len(text)
        return "_" * (len(m.group()) - 1) + ("." if ends else "_")

    return ELLIPSIS.sub(mask, text)


def words(sentence: str) -> list[str]:
    """Word tokens of a sentence, punctuation and numbers dropped.

    NLTK's regular-expression tokenizer rather than its Treebank one: ranking a long report
    splits every sentence, and this is thirty times faster for the same words.
    """
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
