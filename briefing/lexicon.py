"""Word lists the actor finder reasons with: titles, role nouns, organisation heads, countries.

The lists themselves are data files of the language folder (`briefing/lang/en/`); this module
gives them the names the actor rules use. Nothing here is taken from any particular article.
"""

from __future__ import annotations

from functools import cache

import pycountry

from briefing.lang import load_language

_EN = load_language("en")
_w = _EN.words

TITLES = _w("titles")
HONORIFICS = _w("honorifics")
TITLE_HEADS = _w("title_heads")
INSTITUTIONS = _w("institutions")
ROLE_NOUNS = _w("role_nouns")
ORG_NOUNS = _w("org_nouns")
VERBS = _w("role_verbs")
PLACE_NOUNS = _w("place_nouns")
INSTITUTION_NOUNS = _w("institution_nouns")
GENERIC_MODIFIERS = _w("generic_modifiers")
ORG_HEADS = _w("org_heads")
TITLE_MODIFIERS = _w("title_modifiers")
LEGAL_SUFFIXES = _w("legal_suffixes")
DOCUMENT_HEADS = _w("document_heads")
PLACE_WORDS = _w("place_words")
MONTHS = frozenset(w.capitalize() for w in _w("months") | _w("month_abbreviations"))
WEEKDAYS = frozenset(w.capitalize() for w in _w("weekdays") | _w("weekday_abbreviations"))
NOT_ACTORS = MONTHS | WEEKDAYS | _w("not_actors")
OUTLETS = _w("outlets")
STOP = _w("function_words")
PARTICLES = _w("particles")
LOCATIVE = _w("locative")
DEMONYMS = dict(_EN.table("demonyms"))
CAPITALS = dict(_EN.table("capitals"))
_PREFERRED = _EN.table("country_preferred")
_SHORT_NAMES = _EN.table("country_names")


@cache
def country_names() -> dict[str, str]:
    """Every name of a country (pycountry's and common short ones) -> its short name."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        short = _PREFERRED.get(short, short)
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form and "," not in form:
                out[form] = short
    out.update(_SHORT_NAMES)
    return out


def country_of(name: str) -> str | None:
    """The country a name or demonym stands for ("Russian" -> "Russia"), if any."""
    return country_names().get(name) or DEMONYMS.get(name)


@cache
def subdivisions() -> frozenset[str]:
    """Names of states, provinces and regions (pycountry): places, not people."""
    return frozenset(s.name for s in pycountry.subdivisions if "," not in s.name)
