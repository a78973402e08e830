"""Write the country and subdivision names the actor rules read, from pycountry's ISO 3166 data.

    python tools/make_place_lists.py   # needs pycountry (pip install pycountry)

Writes `briefing/lang/en/country_forms.map` (every name of a country -> its short name) and
`briefing/lang/en/subdivisions.txt` (names of states, provinces and regions). They are files so
that a briefing reads them in a few milliseconds: loading pycountry's database took a tenth of a
second of every process. Run by hand when pycountry's data should be taken in again.
"""

from __future__ import annotations

from pathlib import Path

import pycountry

FOLDER = Path(__file__).resolve().parents[1] / "briefing" / "lang" / "en"
SOURCE = (
    "ISO 3166 names as pycountry gives them (Debian iso-codes); made by tools/make_place_lists.py"
)


def usable(name: str | None) -> bool:
    """A name the rules can look up: not inverted ("Korea, Republic of"), nothing the file
    format reads as a separator or a comment."""
    return bool(name) and not any(mark in str(name) for mark in ",:#")


def country_forms() -> list[str]:
    lines = []
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if usable(form):
                lines.append(f"{form}: {short}")
    return lines


def subdivisions() -> list[str]:
    return sorted({s.name for s in pycountry.subdivisions if usable(s.name)})


def main() -> None:
    header = [
        f"# {SOURCE}.",
        "# Every name of a country -> its short name; country_preferred.map renames a short name",
        "# news writing does not use, country_names.map adds the short names of news writing.",
    ]
    (FOLDER / "country_forms.map").write_text(
        "\n".join(header + country_forms()) + "\n", encoding="utf-8"
    )
    header = [f"# {SOURCE}.", "# Names of states, provinces and regions: places, not people."]
    (FOLDER / "subdivisions.txt").write_text(
        "\n".join(header + subdivisions()) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
