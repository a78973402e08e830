"""Language data as files: one folder per language, loaded once into a frozen `Language`.

A folder `briefing/lang/<code>/` holds plain UTF-8 files:

- `<name>.txt`: a word list, one entry per line (case as written; `#` starts a comment);
- `<name>.map`: a table, one `key: value` pair per line;
- `meta.map`: `name` (the language's English name) and `stemmer` (a Snowball stemmer name,
  which is also the name of sumy's stop-word list; empty for none).

English (`en`) is the reference: it names every list the pipeline reads. Another language
may leave files out; a missing list is empty. Adding a language is adding a folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from briefing.errors import BriefingError

HERE = Path(__file__).resolve().parent
REFERENCE = "en"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per language
class Language:
    """Every word list and table of one language, read once."""

    code: str
    name: str
    stemmer: str | None
    lists: Mapping[str, frozenset[str]]
    tables: Mapping[str, Mapping[str, str]]

    def words(self, name: str) -> frozenset[str]:
        """The word list `name` (empty when this language has none)."""
        if name not in _reference_names()[0]:
            raise KeyError(f"no word list {name!r} in the reference language")
        return self.lists.get(name, frozenset())

    def table(self, name: str) -> Mapping[str, str]:
        """The table `name` (empty when this language has none)."""
        if name not in _reference_names()[1]:
            raise KeyError(f"no table {name!r} in the reference language")
        return self.tables.get(name, MappingProxyType({}))


def _entries(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            out.append(entry)
    return out


def _pairs(path: Path) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for entry in _entries(path):
        key, sep, value = entry.partition(":")
        if not sep:
            raise BriefingError(f"{path}: expected 'key: value', got {entry!r}")
        table[key.strip()] = value.strip()
    return MappingProxyType(table)


def read_language(folder: Path) -> Language:
    """The language whose files are in `folder`."""
    if not folder.is_dir():
        raise BriefingError(f"no language data in {folder}")
    lists = {p.stem: frozenset(_entries(p)) for p in sorted(folder.glob("*.txt"))}
    tables = {p.stem: _pairs(p) for p in sorted(folder.glob("*.map")) if p.stem != "meta"}
    meta_path = folder / "meta.map"
    meta = _pairs(meta_path) if meta_path.exists() else MappingProxyType({})
    return Language(
        code=folder.name,
        name=meta.get("name", folder.name),
        stemmer=meta.get("stemmer") or None,
        lists=MappingProxyType(lists),
        tables=MappingProxyType(tables),
    )


def available() -> tuple[str, ...]:
    """Codes of the languages shipped with the package."""
    return tuple(sorted(p.parent.name for p in HERE.glob("*/meta.map")))


@cache
def load_language(code: str = REFERENCE) -> Language:
    """The language `code` shipped with the package, or the one in the folder `code` names."""
    folder = HERE / code
    if not (code.isalpha() and folder.is_dir()):
        folder = Path(code)
        if not folder.is_dir():
            raise BriefingError(
                f"unknown language {code!r}; available: {', '.join(available())} "
                "(or a folder of language files)"
            )
    return read_language(folder)


@cache
def _reference_names() -> tuple[frozenset[str], frozenset[str]]:
    folder = HERE / REFERENCE
    return (
        frozenset(p.stem for p in folder.glob("*.txt")),
        frozenset(p.stem for p in folder.glob("*.map")),
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of a language's words, longest first; an apostrophe matches either
    form, and the space between the words of an entry ("ought to") any white space. No words
    (a language without the list) match nothing, not the empty string."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    escaped = (re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in ordered)
    return "|".join(escaped) or "(?!)"
