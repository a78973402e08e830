"""Junk a reader notices at once in the briefings of saved web pages, counted page by page.

    python bench/pages_junk.py [FOLDER] [--show]

FOLDER (default ../shared/eval/dev/pages) holds .html pages. Each page is briefed with the
default options, in process, and each briefing is checked for:

- title-site:   the title keeps the site's name (a `|`, ` - `, ` – ` part that matches the
                site name or host of the page's own metadata, or a date part);
- furniture:    page furniture in the bottom line or the summary (captions, credits, "read
                more", sign-up and share lines, bylines, code, glued hover-card text);
- fragment:     a bottom line or summary line of fewer than 4 words;
- common-actor: an actor that is a common word (a stop word of any of sumy's languages, or a
                word the article also writes in lower case);
- cut-figure:   a figure whose text or context ends on a function word or opens a bracket it
                does not close;
- step-repeat:  a next step that repeats the bottom line;
- too-long:     a briefing with more words than its article (its text and its own headline,
                which the briefing shows as its title: counted on both sides);
- wrong-lang:   a page that declares a language other than English and is briefed, although
                its text is not English either (under ENGLISH_SHARE of its words are common
                English function words). A page that declares German but holds an English
                text is rightly briefed; it is counted apart, as "declared-other".

It prints the share of briefings with any of these, the count of each, and the pages refused
(with their message). The checks are the script's own, independent of the rules in
briefing/read.py, so that fixing the pipeline cannot also loosen the count.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from briefing.compose import Options, article_words, make_briefing
from briefing.model import Briefing, BriefingError
from briefing.read import read_document

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "pages"
FRAGMENT_WORDS = 4
MIN_VOTES = 10  # function words a page's visible text needs for its language to be voted
REPEAT_OVERLAP = 0.7  # share of a next step's words found in the bottom line

FURNITURE = [
    r"\bread (?:more|also|next)\b",
    r"\b(?:see|related|more) (?:also|stories|articles|coverage)\b",
    r"^(?:related|more|see also|watch|listen|advertisement|anzeige|werbung)\s*:",
    r"\b(?:photo|image|picture|video|foto|bild|credit|source|quelle|caption)s?\s*:",
    r"\bcourtesy of\b",
    r"\((?:ap|afp|reuters|dpa|getty)(?: images| photo)?\)",
    r"\bgetty images\b|\bshutterstock\b|\bistock\b",
    r"^good (?:morning|afternoon|evening)\b",
    r"\b(?:sign up|subscribe|newsletter|follow us|share (?:this|on)|click here|tap here)\b",
    r"\b(?:affiliate|commission)\b.*\blinks?\b|\blinks?\b.*\b(?:affiliate|commission)\b",
    r"\ball rights reserved\b|©",
    r"^(?:published|updated|last updated|posted|veröffentlicht|aktualisiert)\b.{0,60}$",
    r"^\W*\(?(?:ap|afp|reuters|dpa|upi|cnn)\)?\s*[-–—]",
    r"^[A-Z][\w/ .,'-]{0,40}\((?:ap|afp|reuters|dpa|upi|cnn)\)\s*[-–—]",
    r"[{};]\s*$|\b\w+\s*\(\s*\)\s*[;{]|\w+\.\w+\s*=|\bfunction\s*\(|\bvar\s+\w+\s*=",
    r"\*x\d|\bspeedmult\b",
    r"\bfrom\s+[\w.]+\s+import\b|\bimport\s+[\w.]+\s+from\b|\b(?:def|class)\s+\w+\(|\w\(\w*\)\s*[:;{]",
    r"</?(?:sup|sub|u|b|i|em|strong|span|div|a)\b[^>]*>",
    r"\(@\w+\)|\bpic\.twitter\.com/",
    r"\bMORE\s*\(\s*[RDI]\b",
    r"\bcookies?\b.*\b(?:accept|consent|settings)\b",
    r"\b(?:comments?|kommentare?)\s*\(\s*\d+\s*\)",
    r"^\s*(?:tags?|schlagworte|filed under|categories)\s*:",
    r"^\W*(?:https?://|www\.)\S+\W*$",
]
FURNITURE_RE = [re.compile(p, re.IGNORECASE) for p in FURNITURE]
# A byline: "By Jane Doe", "Von Max Muster", alone or before a dateline (case matters here).
BYLINE = re.compile(
    r"^(?:By|BY|Von|Par|Posted by|Written by)\s+"
    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:$|[,|•·])"
)
GLUED = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")
TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|»|/)\s+|\s*\|\s*")
DATE_PART = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
LANG_ATTR = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


@dataclass
class Result:
    name: str
    problems: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    error: str | None = None
    lang: str | None = None  # declared by the page, else voted from its visible text
    declared_other: bool = False  # declares another language, but its text is English

    def flag(self, kind: str, example: str) -> None:
        self.problems.append(kind)
        self.examples.append(f"{kind}: {example[:140]}")


@cache
def stop_words() -> frozenset[str]:
    """Stop words of every language sumy ships a list for."""
    import sumy

    folder = Path(sumy.__file__).parent / "data" / "stopwords"
    words: set[str] = set()
    for path in folder.glob("*.txt"):
        words.update(w.strip().lower() for w in path.read_text(encoding="utf-8").split())
    return frozenset(words)


def page_meta(html: str) -> tuple[str | None, set[str]]:
    """The page's declared language and the names of its site (site name, host labels)."""
    from trafilatura.metadata import extract_metadata

    found = LANG_ATTR.search(html[:5000])
    lang = found.group(1).lower() if found else visible_language(html)
    meta = extract_metadata(html)
    names: set[str] = set()
    for value in (meta.sitename, meta.hostname):
        if value:
            names.add(squash(value))
            host = value.lower().removeprefix("www.")
            if "." in host:
                names.add(squash(host.rsplit(".", 1)[0]))
    return lang, {n for n in names if len(n) >= 2}


# The commonest function words of a few languages: a vote over the page's visible text names
# the language of a page that does not declare one (independent of briefing.detect).
VOTERS = {
    "en": [
        "the",
        "and",
        "of",
        "to",
        "is",
        "in",
        "that",
        "it",
        "was",
        "for",
        "with",
        "on",
        "as",
        "are",
        "this",
    ],
    "de": [
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "mit",
        "sich",
        "auf",
        "für",
        "ein",
        "eine",
        "dem",
        "den",
        "auch",
    ],
    "fr": [
        "le",
        "la",
        "les",
        "et",
        "des",
        "est",
        "une",
        "dans",
        "pour",
        "que",
        "qui",
        "pas",
        "du",
        "sur",
        "au",
    ],
    "it": ["il", "di", "che", "per", "una", "non", "sono", "della", "con", "gli", "del", "le"],
    "es": ["el", "los", "las", "que", "y", "en", "por", "una", "para", "con", "del", "se"],
    "nl": ["het", "een", "en", "van", "niet", "op", "dat", "zijn", "voor", "met", "ook"],
}


class VisibleText(HTMLParser):
    """The text a reader sees on a page: no scripts, styles or templates."""

    HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in self.HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_language(html: str) -> str | None:
    parser = VisibleText()
    parser.feed(html)
    words = Counter(w.lower() for w in WORD.findall(" ".join(parser.parts)))
    votes = {code: sum(words[w] for w in voters) for code, voters in VOTERS.items()}
    best = max(votes, key=lambda code: votes[code])
    return best if votes[best] >= MIN_VOTES else None


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def title_keeps_site(title: str, sites: set[str]) -> bool:
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return False
    for part in (parts[0], parts[-1]):
        key = squash(part)
        if DATE_PART.match(part.strip()) or (key and any(key in s or s in key for s in sites)):
            return True
    return False


def is_furniture(line: str) -> bool:
    if BYLINE.search(line) or any(p.search(line) for p in FURNITURE_RE):
        return True
    words = set(line.split())
    return any(a in words or b in words for a, b in GLUED.findall(line))


def common_word(name: str, article: str) -> bool:
    """A one-word actor that is a common word: a contraction, a stop word written in lower
    case elsewhere, or a word the article writes in lower case as often as capitalised."""
    if " " in name or "-" in name:
        return False
    if "'" in name or "’" in name:
        return True
    lower = name.lower()
    if lower in stop_words() and not name.isupper():
        return True

    # Whole words only: not in a web address, an e-mail address or a file name.
    def count(word: str) -> int:
        return len(re.findall(rf"(?<![\w./@#-]){re.escape(word)}(?![\w/@-]|\.\w)", article))

    if name.isupper() and len(name) <= 3:
        return False  # an acronym ("US", "EU") is not the pronoun or word it spells
    written = count(name)
    return written > 0 and count(lower) >= written


def check(
    b: Briefing, article: str, length: int, lang: str | None, sites: set[str], r: Result
) -> None:
    if title_keeps_site(b.title, sites):
        r.flag("title-site", b.title)
    for line in (b.bottom_line, *(s.text for s in b.summary)):
        if len(WORD.findall(line)) < FRAGMENT_WORDS:
            r.flag("fragment", line)
        elif is_furniture(line):
            r.flag("furniture", line)
    for a in b.actors:
        if common_word(a.name, article):
            r.flag("common-actor", a.name)
    for f in b.figures:
        if cut_short(f.text) or cut_short(f.context):
            r.flag("cut-figure", f"{f.text} | {f.context}")
    bottom = set(WORD.findall(b.bottom_line.lower()))
    for s in b.next_steps:
        words = set(WORD.findall(s.text.lower()))
        if words and len(words & bottom) / len(words) >= REPEAT_OVERLAP:
            r.flag("step-repeat", s.text)
    if b.source.briefing_words > length:
        r.flag("too-long", f"{b.source.briefing_words} > {length} words")
    if lang and lang != "en":
        share = english_share(article)
        if share < ENGLISH_SHARE:
            r.flag("wrong-lang", f"declared {lang}, briefed ({share:.0%} English words)")
        else:
            r.declared_other = True


# English prose has 20-30% of its words in this list; German and French pages under 1%.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "is",
        "that",
        "for",
        "with",
        "was",
        "are",
        "this",
        "from",
        "have",
        "has",
        "were",
        "what",
        "which",
        "be",
        "by",
        "it",
        "you",
        "they",
        "will",
        "would",
    ]
)
ENGLISH_SHARE = 0.1


def english_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(w in ENGLISH_WORDS for w in words) / len(words) if words else 0.0


def cut_short(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    opened = text.count("(") > text.count(")")
    return opened or words[-1].lower() in DANGLING


# Words a phrase does not end on: articles, prepositions, conjunctions, auxiliaries (English,
# German, French), and the "x" of a dimension ("240 x").
DANGLING = frozenset(
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
        "into",
        "onto",
        "about",
        "over",
        "under",
        "per",
        "than",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "that",
        "which",
        "who",
        "whose",
        "whom",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "not",
        "some",
        "any",
        "each",
        "every",
        "no",
        "very",
        "so",
        "such",
        "x",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "und",
        "oder",
        "aber",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "bis",
        "für",
        "mit",
        "nach",
        "pro",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "über",
        "unter",
        "um",
        "als",
        "wie",
        "ist",
        "sind",
        "war",
        "wird",
        "werden",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "ou",
        "au",
        "aux",
        "en",
        "par",
        "pour",
        "sur",
        "dans",
        "avec",
        "que",
        "qui",
        "est",
        "sont",
    ]
)


def brief_page(path: Path) -> Result:
    r = Result(path.name)
    html = path.read_text(encoding="utf-8", errors="replace")
    lang, sites = page_meta(html)
    r.lang = lang
    try:
        doc = read_document(str(path))
        b = make_briefing(doc, Options())
    except BriefingError as err:
        r.error = str(err)
        return r
    check(b, doc.text, article_words(doc), lang, sites, r)
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", nargs="?", default=str(PAGES))
    parser.add_argument("--show", action="store_true", help="print every problem found")
    args = parser.parse_args()
    pages = sorted(Path(args.folder).glob("*.htm*"))
    if not pages:
        print(f"no .html pages in {args.folder}", file=sys.stderr)
        return 2
    results = [brief_page(p) for p in pages]
    briefed = [r for r in results if r.error is None]
    junk = [r for r in briefed if r.problems]
    kinds = Counter(k for r in briefed for k in set(r.problems))
    for r in results:
        if r.error is not None:
            print(f"refused  {r.name}: {r.error}")
        elif args.show and r.problems:
            print(f"junk     {r.name}")
            for example in r.examples:
                print(f"           {example}")
    share = len(junk) / len(briefed) if briefed else 0.0
    refused = len(results) - len(briefed)
    print(f"\npages: {len(results)}, briefed: {len(briefed)}, refused: {refused}")
    for kind, n in sorted(kinds.items()):
        print(f"  {kind:<13} {n:3d} briefings")
    english = [r for r in results if r.lang == "en"]
    english_junk = [r for r in english if r.error is None and r.problems]
    english_refused = [r for r in english if r.error is not None]
    print(
        f"pages in English: {len(english)}, refused: {len(english_refused)}, "
        f"briefings with junk: {len(english_junk)}"
    )
    other = [r.name for r in briefed if r.declared_other]
    print(f"declared another language, text in English, briefed: {len(other)} {other}")
    print(f"briefings with junk: {len(junk)} of {len(briefed)} = {100 * share:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
