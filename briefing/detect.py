"""What kind of text an input is: which language it is written in (from the stop-word lists
sumy ships and the script of its letters), and whether it holds several unrelated stories.

Function words are the most frequent words of every language and differ between languages, so
the share of a text's words found in each language's stop-word list names its language once the
text has a few dozen words. A word several lists share ("a", "die", "de") counts for each of them
in part. Scripts that are not Latin name their language (or family) at once: stop words of
Chinese, Japanese or Thai cannot be counted by splitting at spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from briefing.annotate import sumy_stop_words
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.lang import Language
    from briefing.model import AnnotatedDocument

SAMPLE_CHARS: Final = 20_000  # the opening of a long text says which language it is in
MIN_WORDS: Final = 20  # fewer words than this do not say which language a text is in
MIN_SHARE: Final = 0.12  # a language's stop words make at least this share of its text's words
MARGIN: Final = 1.5  # the best language beats the reference by this factor before it is named
SCRIPT_SHARE: Final = 0.3  # share of words in one non-Latin script that names its language
# Below this share of the reference language's stop words a text is not its prose: 1,040 CNN
# and BBC articles have at least 0.16, English web pages at least 0.26, GUM's documents at
# least 0.29; lyrics in pinyin 0.055, and 14 of CoNLL's 216 documents, tables of results.
PROSE_SHARE: Final = 0.08

WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
LETTERS: Final = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: each letter counts as a word.
IDEOGRAPHIC: Final = frozenset({"CJK", "HIRAGANA", "KATAKANA"})
# The first word of a letter's Unicode name, for the scripts that name their language.
SCRIPT_LANGUAGES: Final = {
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "THAI": "Thai",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "CYRILLIC": "Cyrillic-script",
    "DEVANAGARI": "Devanagari-script",
}
# sumy's lists for languages written in the Latin script, whose words are counted.
LATIN_LISTS: Final = (
    "czech",
    "english",
    "french",
    "german",
    "italian",
    "polish",
    "portuguese",
    "slovak",
    "spanish",
    "swedish",
)


@dataclass(frozen=True)
class Detected:
    """A text's language (sumy's list name, such as "german") and its display name."""

    code: str
    name: str


@dataclass(frozen=True)
class Reading:
    """What the stop words of a text say: its language when another one than the reference
    is clearly ahead, and the share of its words that are the reference's stop words (None
    for a text too short to tell, or written in a script that names its language)."""

    detected: Detected | None
    reference_share: float | None

    @property
    def prose(self) -> bool:
        """Whether the text reads as prose of the reference language, as far as it tells."""
        return self.reference_share is None or self.reference_share >= PROSE_SHARE


def read_language(text: str, reference: str = "english") -> Reading:
    """The language `text` is written in, when it can tell (not for a short text, nor with
    no language clearly ahead of `reference`). Only a clear lead names another language: a
    text in `reference` with many foreign names must not be taken for a foreign one."""
    sample = text[:SAMPLE_CHARS]
    script = _script_language(sample)
    if script is not None:
        return Reading(Detected(script.lower(), script), None)
    counts, total = listed_counts(sample.lower().replace("’", "'"))
    if total < MIN_WORDS:
        return Reading(None, None)
    shares = _shares(counts, total)
    own = shares.get(reference, 0.0)
    best = max(shares, key=lambda code: shares[code])
    if best == reference or shares[best] < MIN_SHARE or shares[best] < MARGIN * own:
        return Reading(None, own)
    return Reading(Detected(best, best.capitalize()), own)


# Every ASCII character but a letter and the apostrophe, to a space: in ASCII text, WORD's
# words are then the runs a split finds, but for those holding an apostrophe.
_ASCII_SPACES: Final = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalpha() or chr(c) == "'")}
)


def listed_counts(text: str) -> tuple[dict[str, int], int]:
    """(how often each word of a stop list stands in `text`, how many words it holds), words as
    WORD reads them. Only listed words are kept: the shares read no other. An ASCII text is
    split in C (three times faster than the pattern), and only its runs with an apostrophe, a
    handful, are read by the pattern."""
    weights = _weights()
    ascii_text = text.isascii()
    words: list[str] = text.translate(_ASCII_SPACES).split() if ascii_text else WORD.findall(text)
    counts: dict[str, int] = {}
    held: dict[str, int] = {}  # ASCII runs with an apostrophe, read by the pattern at the end
    total = 0
    for word in words:
        if ascii_text and "'" in word:
            held[word] = held.get(word, 0) + 1
            continue
        total += 1
        if word in weights:
            counts[word] = counts.get(word, 0) + 1
    for run, n in held.items():
        for word in WORD.findall(run):  # "o'brien's" -> "o'brien", "s"; "'tis" -> "tis"
            total += n
            if word in weights:
                counts[word] = counts.get(word, 0) + n
    return counts, total


def detect_language(text: str, reference: str = "english") -> Detected | None:
    """The language `text` is written in, or None when it cannot tell (read_language)."""
    return read_language(text, reference).detected


def _script_language(sample: str) -> str | None:
    """The language a non-Latin script names when it writes SCRIPT_SHARE of the words.

    Chinese and Japanese are not written with spaces: each of their characters counts as a
    word (a Latin word is about four or five letters, a Chinese word one or two characters)."""
    if sample.isascii() or not any(
        _script(c) in SCRIPT_LANGUAGES for c in set(sample) if c.isalpha()
    ):
        return None  # most texts: no letter of a script that names a language, nothing to count
    scripts: Counter[str] = Counter()
    for word in LETTERS.findall(sample):
        script = _script(word[0])
        if script in IDEOGRAPHIC:
            scripts[script] += len(word)
        else:
            scripts[script] += 1
    total = sum(scripts.values())
    if not total:
        return None
    if scripts["HIRAGANA"] + scripts["KATAKANA"]:  # kana mixed with Chinese characters
        scripts["HIRAGANA"] += scripts.pop("CJK", 0) + scripts.pop("KATAKANA", 0)
    script, count = max(scripts.items(), key=lambda item: item[1])
    if script in SCRIPT_LANGUAGES and count >= SCRIPT_SHARE * total:
        return SCRIPT_LANGUAGES[script]
    return None


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _shares(counts: dict[str, int], total: int) -> dict[str, float]:
    """Each language's weighted share of stop words among `total` words, given the counts of
    the listed words among them."""
    weights = _weights()
    totals = [0.0] * len(LATIN_LISTS)
    for word, n in counts.items():
        for i, weight in weights[word]:
            totals[i] += weight * n
    return {code: t / total for code, t in zip(LATIN_LISTS, totals, strict=True)}


@cache
def _weights() -> dict[str, tuple[tuple[int, float], ...]]:
    """word -> (index in LATIN_LISTS, weight) of each list holding it: a word in k lists
    counts 1/k for each."""
    owners: dict[str, list[int]] = {}
    for i, code in enumerate(LATIN_LISTS):
        # A line of sumy's lists may hold several words ("o, quando" in Portuguese).
        for word in {w.replace("’", "'") for line in sumy_stop_words(code) for w in line.split()}:
            owners.setdefault(word, []).append(i)
    return {word: tuple((i, 1 / len(found)) for i in found) for word, found in owners.items()}


def check_language(text: str, name: str, language: Language) -> Reading:
    """BriefingError when `text` is clearly in a language other than `language`, whose data
    would then misread it (every German noun taken for a name, say); else what was read."""
    reference = language.stemmer or "english"
    reading = read_language(text, reference)
    found = reading.detected
    if found is None or found.code == reference:
        return reading
    raise BriefingError(
        f"{name}: the text is in {found.name}, and briefing has language data for "
        f"{language.name} only (--language {language.code} briefs it anyway)"
    )


# ---------------------------------------------------------------- several stories
LINK_REACH: Final = 10  # sentences apart that a shared name or rare words still tie together
RARE_LINK_WORDS: Final = 2  # rare words two sentences share to be tied
PART_MIN_SENTENCES: Final = 5  # a stretch shorter than this is an aside, not a story
SEVERAL_STORIES: Final = 5  # this many untied stretches make a text of several stories
RARE_SHARE: Final = 20  # a word is rare when it is in at most 1/RARE_SHARE of the sentences (or 3)


def story_parts(doc: AnnotatedDocument) -> int:
    """How many stretches of PART_MIN_SENTENCES sentences or more the text falls into when it
    is cut wherever no name and no pair of rare words ties a sentence before the cut to one
    shortly after it. One story keeps naming its people and things, so its stretches stay
    tied; unrelated stories one after another share neither.

    Measured on the development texts (CNN, BBC, GUM): one article gives at most 2 parts in
    1,125 of 1,197 and 5 or more in 6; five CNN articles joined give 5 or more in 17 of 20
    samples, thirty give 24 to 38."""
    n = len(doc.sentences)
    names: list[set[str]] = [set() for _ in range(n)]
    for mention in doc.mentions:
        if mention.words:
            names[mention.sentence].add(mention.words[-1].lower())
    terms = [set(t) for t in doc.terms]
    counts = Counter(t for sentence in terms for t in sentence)
    limit = max(3, n // RARE_SHARE)
    rare = [{t for t in sentence if counts[t] <= limit} for sentence in terms]
    parts, start, furthest = 0, 0, -1
    for i in range(n):
        # Only a tie beyond the furthest one so far matters: look from the far end back.
        for j in range(min(n - 1, i + LINK_REACH), max(i, furthest), -1):
            if names[i] & names[j] or len(rare[i] & rare[j]) >= RARE_LINK_WORDS:
                furthest = j
                break
        if furthest <= i:  # nothing before the cut after sentence i reaches past it
            parts += i + 1 - start >= PART_MIN_SENTENCES
            start = i + 1
    return parts


def several_stories(doc: AnnotatedDocument) -> int | None:
    """The number of unrelated stories the text seems to hold, or None for one story."""
    if len(doc.sentences) < SEVERAL_STORIES * PART_MIN_SENTENCES:
        return None  # too short to hold that many stretches of a story's length
    parts = story_parts(doc)
    return parts if parts >= SEVERAL_STORIES else None
