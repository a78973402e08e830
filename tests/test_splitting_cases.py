"""Sentence splitting, case by case: Punkt plus the project's rules (made-up sentences)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text import make_document, split_sentences

CASES: list[tuple[str, list[str]]] = [
    # Quotes that close a sentence and go on with a lower-case attribution.
    ('She turned to him, "This is great." she said.', None),
    (
        '"We are ready." the coach said. The match starts at noon.',
        ['"We are ready." the coach said.', "The match starts at noon."],
    ),
    (
        '"Is anyone there?" she asked. Nobody answered.',
        ['"Is anyone there?" she asked.', "Nobody answered."],
    ),
    ('"Get out!" he shouted at the crowd.', None),
    ("“It is over.” he told reporters on Tuesday.", None),
    ("'Not today.' she replied, and walked away.", None),
    (
        'The mayor said, "We will rebuild." Work began a week later.',
        ['The mayor said, "We will rebuild."', "Work began a week later."],
    ),
    (
        'He wrote: "The river rose fast." His neighbours agreed.',
        ['He wrote: "The river rose fast."', "His neighbours agreed."],
    ),
    # Clock times and honorifics.
    (
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went "
        "to the store.",
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    ("By 7 a.m. Dr. Lane had seen ten patients.", None),
    ("The doors open at 8 a.m. Monday and close at 5 p.m. Friday.", None),
    (
        "The vote ended at 9 p.m. Mrs. Green counted the ballots.",
        ["The vote ended at 9 p.m.", "Mrs. Green counted the ballots."],
    ),
    (
        "The flight lands at 10:30 a.m. The crew then rests.",
        ["The flight lands at 10:30 a.m.", "The crew then rests."],
    ),
    ("Around 11 p.m. Ms. Park called the police.", None),
    ("The shop shuts at 6 p.m. on Sundays.", None),
    ("Mr. Brown and Mrs. Brown met Prof. Adams at noon.", None),
    ("Gov. Hale and Sen. Ortiz visited the flooded town.", None),
    ("Lt. Col. Reyes led the unit into the valley.", None),
    # Exclamation and question marks inside names.
    ("She works at Yahoo! in the accounting department.", None),
    ("The show Jeopardy! is taped in California.", None),
    ("He starred in Oklahoma! on Broadway last year.", None),
    ("Fans of Yahoo! and Google were both surveyed.", None),
    ("What now? nobody in the room could say.", None),
    ("Stop! The police are here.", ["Stop!", "The police are here."]),
    ("Who won? The home side did.", ["Who won?", "The home side did."]),
    # Sentences in parentheses.
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local "
        "University.",
        None,
    ),
    ("The plan (It was first drafted in 2019.) is now law.", None),
    ("The firm grew fast (Sales doubled. Profits tripled.) over two years.", None),
    (
        "She left early (see page 4). Her team stayed.",
        ["She left early (see page 4).", "Her team stayed."],
    ),
    (
        "The bridge opened in May. (It had been delayed twice.) Traffic was light.",
        ["The bridge opened in May.", "(It had been delayed twice.)", "Traffic was light."],
    ),
    ("The index [It tracks 500 firms.] fell sharply.", None),
    # Inline list items.
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    (
        "1) Buy milk 2) Feed the cat 3) Call home",
        ["1) Buy milk", "2) Feed the cat", "3) Call home"],
    ),
    ("a) the red car b) the blue car", ["a) the red car", "b) the blue car"]),
    ("(a) Rent rose. (b) Wages fell.", ["(a) Rent rose.", "(b) Wages fell."]),
    (
        "(i) more buses (ii) cheaper fares (iii) new lanes",
        ["(i) more buses", "(ii) cheaper fares", "(iii) new lanes"],
    ),
    ("(1) Ask first (2) Act second", ["(1) Ask first", "(2) Act second"]),
    ("• Lower taxes • Higher pensions", ["• Lower taxes", "• Higher pensions"]),
    ("1) Prices fell 3) in May", None),  # "3)" does not follow "1)": no new item
    (
        "1. Pack the tent 2. Fill the flask 3. Check the forecast",
        ["1. Pack the tent", "2. Fill the flask", "3. Check the forecast"],
    ),
    ("1. Lock the door 2. Leave", ["1. Lock the door", "2. Leave"]),
    (
        "Inside: (a) Fit the cover. (b) Tighten it.",
        ["Inside: (a) Fit the cover.", "(b) Tighten it."],
    ),
    (  # scores, not a list: no number moves
        "The team scored 1. Then it conceded 2. Fans left.",
        ["The team scored 1.", "Then it conceded 2.", "Fans left."],
    ),
    (
        "Plan: 1. Dig the trench. 2. Lay the pipe.",
        ["Plan: 1. Dig the trench.", "2. Lay the pipe."],
    ),
    (
        "Rules: a) Arrive early. b) Sign in.",
        ["Rules: a) Arrive early.", "b) Sign in."],
    ),
    # List items on their own lines.
    ("The plan:\n- new lanes\n- more buses", ["The plan:", "- new lanes", "- more buses"]),
    (
        "Steps:\n1. Open the box.\n2. Read the manual.",
        ["Steps:", "1. Open the box.", "2. Read the manual."],
    ),
    ("Choices:\na) stay\nb) leave", ["Choices:", "a) stay", "b) leave"]),
    (
        "Terms:\n(i) pay on time\n(ii) keep the receipt",
        ["Terms:", "(i) pay on time", "(ii) keep the receipt"],
    ),
    ("• The first point\n• The second point", ["• The first point", "• The second point"]),
    ("Rules\n1) No running\n2) No shouting", ["Rules", "1) No running", "2) No shouting"]),
    # The pronoun "I" before a full stop versus initials.
    (
        "Nobody worked harder than I. Everyone knew it.",
        ["Nobody worked harder than I.", "Everyone knew it."],
    ),
    (
        "This is the one that I. Nobody else wanted it.",
        ["This is the one that I.", "Nobody else wanted it."],
    ),
    ("She and I. We were the last two.", ["She and I.", "We were the last two."]),
    ("George W. Bush spoke in Texas.", None),
    ("J. K. Rowling signed copies in Leeds.", None),
    ("The author E. B. White wrote about a spider.", None),
    ("John F. Kennedy Airport was busy.", None),
    ("A letter from T.S. Eliot was sold.", None),
    (
        "The crown passed to Elizabeth I. Her reign was long.",
        ["The crown passed to Elizabeth I.", "Her reign was long."],
    ),
    # Numbering signs.
    ("He lives at No. 5 Elm Street.", None),
    ("Nos. 3 and 4 were closed for repairs.", None),
    (
        "She is ranked No. 2 in the world. She hopes to rise.",
        ["She is ranked No. 2 in the world.", "She hopes to rise."],
    ),
    (
        "The song reached #1 in June. It stayed there.",
        ["The song reached #1 in June.", "It stayed there."],
    ),
    ("He said no. Nobody argued with him.", ["He said no.", "Nobody argued with him."]),
    ("Vol. 2 is out. Fig. 3 shows the trend.", ["Vol. 2 is out.", "Fig. 3 shows the trend."]),
    ("Voters backed Prop. 8 by a wide margin.", None),
    ("See Art. 12 of the charter. It is clear.", ["See Art. 12 of the charter.", "It is clear."]),
    (
        "He starts at tighthead prop. 14 players made the squad.",
        ["He starts at tighthead prop.", "14 players made the squad."],
    ),
    ("Room no. 12 was empty.", None),
    # Ellipses inside and at the end of sentences.
    ("He said ... and left the room.", None),
    ("He said... and left the room.", None),
    ("The money went … somewhere else.", None),
    ("She waited... Then the bus came.", ["She waited...", "Then the bus came."]),
    (
        "It ended like this . . . The lights went out.",
        ["It ended like this . . .", "The lights went out."],
    ),
    ("The list went on...", None),
    ("He stopped… “Why?” she asked.", ["He stopped…", "“Why?” she asked."]),
    # Ordinary news sentences.
    (
        "The council met on Monday. It approved the budget.",
        ["The council met on Monday.", "It approved the budget."],
    ),
    ("Shares in Acme Inc. rose 4.5% on Tuesday.", None),
    (
        "The U.S. economy grew. The U.K. economy shrank.",
        ["The U.S. economy grew.", "The U.K. economy shrank."],
    ),
    (
        "Prices rose 2.5 percent in March. Wages lagged behind.",
        ["Prices rose 2.5 percent in March.", "Wages lagged behind."],
    ),
    (
        "The storm hit on Jan. 3 and left on Jan. 5. Damage was light.",
        ["The storm hit on Jan. 3 and left on Jan. 5.", "Damage was light."],
    ),
    (
        "The firm paid $1.2 million. Critics called it too little.",
        ["The firm paid $1.2 million.", "Critics called it too little."],
    ),
    ('"We lost," she said. "We will be back."', ['"We lost," she said.', '"We will be back."']),
    (
        "Police said the man, 34, was arrested. He was later released.",
        ["Police said the man, 34, was arrested.", "He was later released."],
    ),
    ("The team moved to St. Louis in 1995.", None),
    (
        "Officials in Washington, D.C. said little. They will meet again.",
        ["Officials in Washington, D.C. said little.", "They will meet again."],
    ),
    ("The case, e.g. the one in Ohio, was dropped.", None),
    (
        "Talks resumed. Neither side spoke. A deal seems far off.",
        ["Talks resumed.", "Neither side spoke.", "A deal seems far off."],
    ),
    (
        "The minister resigned. Why? Nobody knows.",
        ["The minister resigned.", "Why?", "Nobody knows."],
    ),
    (
        "Gen. Ross arrived at the base. He spoke briefly.",
        ["Gen. Ross arrived at the base.", "He spoke briefly."],
    ),
    ("It cost 3.5 bn euros, i.e. more than planned.", None),
    ("The vote was 52-48. The bill passed.", ["The vote was 52-48.", "The bill passed."]),
    (
        "She scored twice (once in each half). Her team won.",
        ["She scored twice (once in each half).", "Her team won."],
    ),
    ("The report, released Friday, runs to 300 pages.", None),
    ("Rain fell all day! Roads flooded.", ["Rain fell all day!", "Roads flooded."]),
    ("He joined Acme Corp. in 2010 and left in 2015.", None),
    (
        "Sales fell in May. eBay blamed the weather.",
        ["Sales fell in May.", "eBay blamed the weather."],
    ),
    # A new sentence carelessly started in lower case after "!" or "?".
    (
        "What a final! it was the best match of the year.",
        ["What a final!", "it was the best match of the year."],
    ),
    ("Did they win? we never found out.", ["Did they win?", "we never found out."]),
    ("The band played Shout Out! at the end and left.", None),  # a title, then "at"
    (
        "The launch slipped again! iPhone fans were annoyed.",
        ["The launch slipped again!", "iPhone fans were annoyed."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_splitting_case(text: str, expected: list[str] | None) -> None:
    got = [s.text for s in make_document(text).sentences]
    assert got == (expected if expected is not None else [text])


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 80


def non_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


# A markdown heading's "#" marks are dropped on purpose (layout, not text); the only text the
# splitter may leave out, so the property below leaves out headings.
HEADING = re.compile(r"^\s*#{1,6}\s")

PIECES = [
    "Mr.",
    "Dr.",
    "I.",
    "no.",
    "No. 5",
    "a.m.",
    "P.M.",
    "(",
    ")",
    "[",
    "]",
    "1)",
    "2)",
    "a)",
    "b)",
    "(i)",
    "(ii)",
    "•",
    "-",
    "1.",
    "2.",
    "3.",
    ":",
    "it",
    "...",
    "…",
    '"',
    "“",
    "”",
    "?",
    "!",
    "Yahoo!",
    "said",
    "The",
    "he",
    "word",
    ".",
    "#1",
    "J.",
    "K.",
    "At 5",
    "\u00a0",
]


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
        st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")),
    )
)
def test_no_text_is_lost(paragraph: str) -> None:
    if HEADING.match(paragraph):
        return
    got = split_sentences(paragraph)
    assert all(s and s == s.strip() for s in got)
    assert non_space("".join(got)) == non_space(paragraph)
