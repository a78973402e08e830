"""The briefing as JSON: made here and only here, from the dataclasses."""

from __future__ import annotations

import json
from typing import Any

from briefing.model import Briefing


def to_dict(b: Briefing) -> dict[str, Any]:
    """The briefing as the JSON object documented in briefing/schema.json."""
    data: dict[str, Any] = {
        "title": b.title,
        "bottom_line": b.bottom_line,
        "summary": [{"text": s.text, "sentence": s.sentence, "doc": s.doc} for s in b.summary],
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "affiliation": a.affiliation,
                "mentions": a.mentions,
                "aliases": list(a.aliases),
            }
            for a in b.actors
        ],
        "figures": [
            {
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "context": f.context,
                "sentence": f.sentence,
            }
            for f in b.figures
        ],
        "next_steps": [
            {"text": s.text, "who": s.who, "when": s.when, "sentence": s.sentence}
            for s in b.next_steps
        ],
        "source": {
            "name": b.source.name,
            "words": b.source.words,
            "briefing_words": b.source.briefing_words,
            "minutes_saved": b.source.minutes_saved,
            "author": b.source.author,
            "published": b.source.published,
        },
    }
    if b.warnings:  # only when there is one: most briefings have none
        data["warnings"] = list(b.warnings)
    if b.recognizer != "rules":  # the default name finder goes unsaid
        data["recognizer"] = b.recognizer
    if b.sources:  # a briefing of several documents (briefing.story)
        add_story(data, b)
    return data


def add_story(data: dict[str, Any], b: Briefing) -> None:
    """What a briefing of several documents adds: the documents that report each summary line,
    the document of each figure and next step, the differences and the list of sources."""
    for item, line in zip(data["summary"], b.summary, strict=True):
        item["sources"] = list(line.sources or (line.doc,))
    for item, fig in zip(data["figures"], b.figures, strict=True):
        item["doc"] = fig.doc
    for item, step in zip(data["next_steps"], b.next_steps, strict=True):
        item["doc"] = step.doc
    data["differences"] = [
        {
            "what": d.what,
            "values": [{"text": v.text, "doc": v.doc, "sentence": v.sentence} for v in d.values],
        }
        for d in b.differences
    ]
    data["sources"] = [
        {
            "id": s.id,
            "name": s.name,
            "title": s.title,
            "url": s.url,
            "published": s.published,
            "words": s.words,
        }
        for s in b.sources
    ]


def to_json(b: Briefing) -> str:
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"
