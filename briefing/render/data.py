"""The briefing as JSON: made here and only here, from the dataclasses."""

from __future__ import annotations

import json
from typing import Any

from briefing.model import Briefing


def to_dict(b: Briefing) -> dict[str, Any]:
    """The briefing as the JSON object documented in briefing/schema.json."""
    return {
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


def to_json(b: Briefing) -> str:
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"
