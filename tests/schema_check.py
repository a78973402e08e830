"""A tiny validator for the subset of JSON Schema used by briefing/schema.json.

jsonschema is not a dependency; this checks type, enum, minimum, required, properties,
additionalProperties: false and items, which is all the schema uses.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
KEYWORDS = {
    "$schema",
    "$id",
    "title",
    "description",
    "type",
    "enum",
    "minimum",
    "required",
    "properties",
    "additionalProperties",
    "items",
}


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resources.files("briefing").joinpath("schema.json").read_text(encoding="utf-8")
    )
    return schema


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, TYPES[name])


def errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Every way `value` breaks `schema`, as 'path: problem' lines (empty when valid)."""
    unknown = set(schema) - KEYWORDS
    if unknown:
        return [f"{path}: schema uses keywords this checker does not know: {sorted(unknown)}"]
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, n) for n in names):
            return [f"{path}: {type(value).__name__} is not {'/'.join(names)}"]
    out: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} not in {schema['enum']}")
    if "minimum" in schema and isinstance(value, int | float) and value < schema["minimum"]:
        out.append(f"{path}: {value} < {schema['minimum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{path}: missing {k!r}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            out += [f"{path}: unexpected {k!r}" for k in value if k not in props]
        for k, sub in props.items():
            if k in value:
                out += errors(value[k], sub, f"{path}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += errors(item, schema["items"], f"{path}[{i}]")
    return out
