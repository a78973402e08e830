"""Briefing objects built by hand for the rendering and mail tests.

They do not go through the extraction stages, so these tests only depend on rendering.
"""

from __future__ import annotations

from briefing.model import Actor, Briefing, Figure, NextStep, Source, SummaryLine


def full() -> Briefing:
    """A briefing as long as compose allows (4 summary lines, 8 actors, 8 figures, 5 steps),
    with non-ASCII text, long words and long lines."""
    summary = (
        "The Zürich city council voted 31–14 on Monday to approve a €1.2 billion plan to rebuild "
        "the Hardbrücke viaduct, ending two years of debate over the city’s busiest crossing.",
        "Mayor Corine Mauch said the first lane closures would begin in March and that trams "
        "would keep running throughout the works.",
        "Opponents, led by the cantonal Automobile Club, called the budget “reckless” and said "
        "they would collect signatures for a referendum.",
        "Engineers found corrosion in 40 per cent of the steel supports during an inspection "
        "last autumn, according to the city’s building department.",
    )
    return Briefing(
        title="Zürich approves €1.2 billion rebuild of the Hardbrücke viaduct",
        bottom_line=summary[0],
        summary=tuple(SummaryLine(t, i) for i, t in enumerate(summary)),
        actors=(
            Actor("Corine Mauch", "person", "Mayor", "Zürich"),
            Actor("Zürich city council", "organization"),
            Actor("Automobile Club", "organization", affiliation="Canton of Zürich"),
            Actor("Building department", "organization", affiliation="City of Zürich"),
            Actor("Federal Roads Office", "organization", "Regulator", "Switzerland"),
            Actor("Hans-Peter Müller-Lüdenscheid", "person", "Chief engineer", "Tiefbauamt"),
            Actor("Swiss Federal Railways", "organization"),
            Actor("Verkehrsbetriebe Zürich", "organization", "Tram operator"),
        ),
        figures=(
            Figure("€1.2 billion", 1.2e9, "EUR", "cost of the rebuild", 0),
            Figure("31–14", None, None, "council vote in favour", 0),
            Figure("40 per cent", 40, "%", "steel supports with corrosion", 3),
            Figure("two years", 2, "years", "of debate", 0),
            Figure("65,000 vehicles", 65000, "vehicles", "cross the viaduct each day", 1),
            Figure("1,250 metres", 1250, "m", "length of the viaduct", 1),
            Figure("1972", 1972, None, "year the viaduct opened", 1),
            Figure("CHF 300 million", 3e8, "CHF", "federal share of the cost", 2),
        ),
        next_steps=(
            NextStep("First lane closures begin", "City of Zürich", "March", 1),
            NextStep("Automobile Club collects signatures for a referendum", None, None, 2),
            NextStep("Federal Roads Office reviews the funding request", None, "next week", 2),
            NextStep("Tender for the steelwork opens", "Tiefbauamt", "in the summer", 3),
            NextStep("Council publishes the traffic plan", None, "before the closures", 1),
        ),
        source=Source(
            "zurich-viaduct.txt", 1480, 420, author="Anna Keller", published="2024-03-04"
        ),
    )


def minimal() -> Briefing:
    """Only a title and a bottom line: every optional section is empty."""
    line = "The library will close for renovation on Friday."
    return Briefing(
        title="Library closes for renovation",
        bottom_line=line,
        summary=(SummaryLine(line, 0),),
        source=Source("library.txt", 120),
    )


def with_text(text: str) -> Briefing:
    """`text` in every field that comes from the article."""
    return Briefing(
        title=text,
        bottom_line=text,
        summary=(SummaryLine(text, 0), SummaryLine(text + " again", 1)),
        actors=(Actor(text, "person", text, text), Actor(text, "organization")),
        figures=(Figure(text, None, None, text, 0), Figure(text, 1.0, None, "", 0)),
        next_steps=(NextStep(text, text, text, 0), NextStep(text, None, None, 1)),
        source=Source(text, 100, author=text, published=text),
    )
