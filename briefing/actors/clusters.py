"""Mentions of one actor merged: surnames, acronyms, capitals and demonyms of a country."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache

from briefing.actors.forms import is_acronym
from briefing.actors.lexicon import Lexicon
from briefing.model import ActorKind, Mention


@dataclass
class Cluster:
    """Mentions of one actor while merging (internal)."""

    mentions: list[Mention] = field(default_factory=list)
    role_hint: str | None = None  # from a later "The premier said ..." sentence
    kind: ActorKind = "organization"  # kept up to date by merging (see cluster_kind)

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def merge(lx: Lexicon, mentions: list[Mention]) -> list[Cluster]:
    """Group mentions that name one actor; a person is never merged into a place."""
    clusters: dict[str, Cluster] = {}
    named_countries = {m.country for m in mentions if m.country and not m.link_only}
    compounds = []
    for m in mentions:
        if m.link_only and m.locative and m.kind == "place":
            # "in London" is a place of its own, still a sign of its country's part in the
            # story (CoNLL recall@8 0.629 -> 0.634)
            if m.country in named_countries:
                compounds.append(m)
            m = replace(m, country=None, link_only=False)
        elif m.link_only and m.country not in named_countries:
            if m.kind != "place":
                compounds.append(m)  # a demonym or "non-NATO": only counts for a named actor
                continue
            m = replace(m, country=None, link_only=False)  # a capital, as a place
        key = full_key(lx, m)
        if key in clusters:
            clusters[key].mentions.append(m)
        else:
            clusters[key] = Cluster([m])  # no Cluster built to be thrown away
    for m in compounds:
        key = full_key(lx, m)
        if key in clusters:
            clusters[key].mentions.append(m)
    for c in clusters.values():
        c.kind = cluster_kind(c)
    fold_short_names(lx, clusters)
    fold_acronyms(clusters)
    return sorted(clusters.values(), key=first_sentence)


def first_sentence(c: Cluster) -> int:
    return c.mentions[0].sentence


def full_key(lx: Lexicon, m: Mention) -> str:
    if m.country:
        return "country:" + m.country
    return name_key(lx, m.words)


@lru_cache(maxsize=16384)  # names repeat within and across texts
def name_key(lx: Lexicon, words: tuple[str, ...]) -> str:
    return " ".join(without_suffix(lx, words)).lower()


def without_suffix(lx: Lexicon, words: tuple[str, ...]) -> tuple[str, ...]:
    """ "Harbour Foods Inc." -> "Harbour Foods": a legal suffix does not make another actor."""
    if len(words) > 1 and words[-1].rstrip(".").lower() in lx.legal_suffixes:
        return words[:-1]
    return words


def fold_short_names(lx: Lexicon, clusters: dict[str, Cluster]) -> None:
    """ "Putin", "Mr Putin" -> "Vladimir Putin"; "Serena" -> "Serena Williams";
    "Hijo del Perro" -> "Hijo del Perro Aguayo"; "Lions" -> "British and Irish Lions"."""
    fold_inner_names(clusters)
    names = {k: longest(c) for k, c in clusters.items()}  # read once for the two uses
    owners = name_owners(lx, clusters, names)
    for key in [k for k, words in names.items() if len(words) == 1]:
        if key not in owners:
            continue  # most short names: no longer name holds the word
        c = clusters[key]
        is_person = any(m.person for m in c.mentions)
        if c.kind in ("country", "place") and not is_person:
            continue
        found = [k for k in owners.get(key, []) if k in clusters and k != key]
        if is_person:  # "Mr X" can only be a person called X
            found = [k for k in found if clusters[k].kind == "person"]
        found = [k for k in found if not named_after(clusters, found, k)]
        if len({clusters[k].kind for k in found}) > 1 or (
            len(found) > 1 and all(clusters[k].kind != "person" for k in found)
        ):
            continue  # the short name could be either of two actors
        if found:
            best = max(
                found, key=lambda k: (surname_of(clusters[k], key), len(clusters[k].mentions))
            )
            join(clusters, best, key)


def named_after(clusters: dict[str, Cluster], found: list[str], key: str) -> bool:
    """Is the body `key` named after a person among `found` ("Lena Holm Fonds" after "Lena
    Holm")? A word of the person's name then stands for the person, not the body (gold actors
    P 0.855 -> 0.858)."""
    if clusters[key].kind == "person":
        return False
    words = [w.lower() for w in longest(clusters[key])]
    for k in found:
        person = [w.lower() for w in longest(clusters[k])]
        n = len(person)
        if k == key or clusters[k].kind != "person" or n >= len(words):
            continue
        if any(words[i : i + n] == person for i in range(len(words) - n + 1)):
            return True
    return False


def name_owners(
    lx: Lexicon, clusters: dict[str, Cluster], names: dict[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """Word -> keys of the longer names a short name made of that word may stand for.
    `names` holds the longest name of each cluster."""
    owners: dict[str, list[str]] = {}
    for key, c in clusters.items():
        words = names[key]
        if len(words) < 2:
            continue
        if c.kind == "person":
            owners.setdefault(words[-1].lower(), []).append(key)
            owners.setdefault(words[0].lower(), []).append(key)
        elif c.kind in ("organization", "group"):
            # "Lions" -> "British and Irish Lions", "Labour" -> "Scottish Labour Party"
            for w in words:
                if w not in lx.org_heads and w not in lx.demonyms and w[:1].isupper():
                    owners.setdefault(w.lower(), []).append(key)
    return owners


def fold_inner_names(clusters: dict[str, Cluster]) -> None:
    """A person's name inside a longer person's name is the same person."""
    people = sorted(
        (k for k, c in clusters.items() if c.kind == "person" and len(longest(c)) > 1),
        key=lambda k: -len(longest(clusters[k])),
    )
    full: dict[str, str] = {}  # every inner word sequence of a long name -> its key
    for key in people:
        words = " ".join(longest(clusters[key])).lower()
        if words in full:
            join(clusters, full[words], key)
            continue
        parts = words.split()
        for i in range(len(parts)):
            for j in range(i + 2, len(parts) + 1):
                full.setdefault(" ".join(parts[i:j]), key)


def join(clusters: dict[str, Cluster], into: str, key: str) -> None:
    clusters[into].mentions.extend(clusters.pop(key).mentions)
    clusters[into].mentions.sort(key=lambda m: m.sentence)
    clusters[into].kind = cluster_kind(clusters[into])


def longest(c: Cluster) -> tuple[str, ...]:
    if len(c.mentions) == 1:
        return c.mentions[0].words  # most actors are named once
    return max((m.words for m in c.mentions if not m.link_only), key=len, default=c.first.words)


def surname_of(c: Cluster, word: str) -> bool:
    return longest(c)[-1].lower() == word


def fold_acronyms(clusters: dict[str, Cluster]) -> None:
    """ "NATO" and "North Atlantic Treaty Organization" are one actor."""
    by_initials: dict[str, str] = {}
    for key, c in clusters.items():
        for letters in initials(c.mentions[0].words):
            by_initials.setdefault(letters, key)
    for key in [k for k, c in clusters.items() if len(c.first.words) == 1]:
        word = clusters[key].first.words[0].replace(".", "")
        target = by_initials.get(word) if is_acronym(word) else None
        if target and target in clusters and target != key:
            join(clusters, target, key)


@lru_cache(maxsize=16384)  # names repeat across texts
def initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """The acronyms a name of two capitalised words or more may go by."""
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2:
        return ()
    # "UK Independence Party" -> "UKIP": a word in capitals gives all its letters
    return "".join(w[0] for w in caps), "".join(w if w.isupper() else w[0] for w in caps)


def people_in_order(clusters: list[Cluster], *, by_char: bool) -> list[tuple[int, int, int]]:
    """(sentence, place, cluster index) of every mention of a person, in text order; the place
    is the mention's character offset (by_char) or its word position in the sentence."""
    return sorted(
        (m.sentence, m.start if by_char else m.position, i)
        for i, c in enumerate(clusters)
        if c.kind == "person"
        for m in c.mentions
    )


def add_described_roles(
    clusters: list[Cluster], described: list[tuple[int, int, str]], about: Collection[int] = ()
) -> None:
    """Give "The premier ..." to the person named last before it, in this sentence or the one
    before, or two before if the one between goes on about the person ("He said ..."; its
    index in `about`), if no role is known."""
    people = people_in_order(clusters, by_char=False)
    places = [(s, p) for s, p, _ in people]
    for sentence, position, role in described:
        k = bisect_left(places, (sentence, position)) - 1
        gap = sentence - people[k][0] if k >= 0 else 3
        if gap <= 1 or (gap == 2 and sentence - 1 in about):
            c = clusters[people[k][2]]
            if c.role_hint is None and not any(m.role for m in c.mentions):
                c.role_hint = role


def cluster_kind(c: Cluster) -> ActorKind:
    if len(c.mentions) == 1:
        return mention_kind(c.first)  # most actors are named once
    if any(m.person for m in c.mentions):
        return "person"
    kinds = {m.kind for m in c.mentions}
    if "country" in kinds or any(m.country for m in c.mentions):
        return "country"
    if "group" in kinds:
        return "group"
    if "organization" in kinds:
        return "organization"
    # Mostly "in X" / "at X" and nothing says it is a person: a place ("in Santa Barbara").
    # An adjective ("an Atlanta hotel") says nothing of where: only direct mentions count.
    direct = [m for m in c.mentions if not m.link_only]
    if "place" in kinds or 2 * sum(m.locative for m in direct) > len(direct):
        return "place"
    if "person" in kinds:
        return "person"
    return "organization"


def mention_kind(m: Mention) -> ActorKind:
    """`cluster_kind` of a cluster of one mention."""
    if m.person:
        return "person"
    if m.kind == "country" or m.country:
        return "country"
    if m.kind == "person" or m.kind == "":
        if m.locative:
            return "place"
        return "person" if m.kind == "person" else "organization"
    return m.kind  # "group", "organization" or "place"
