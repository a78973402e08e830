"""Real web pages: page furniture left out, titles without the site's name, the language of an
input recognised, short inputs kept short and flagged, several stories in one input flagged.

Every page and text here is made up for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import Options, brief_text
from briefing.cli import main
from briefing.compose import make_briefing
from briefing.detect import detect_language
from briefing.model import BriefingError
from briefing.read import document_from_html, page_title, read_document

# A made-up story about a harbour ferry, long enough to be an article.
STORY = [
    "The harbour board of Lindqvist approved a new electric ferry for the island route on "
    "Tuesday, after two years of debate over its cost.",
    "The ferry will carry 300 passengers and 40 cars, and it will replace two diesel boats "
    "that have served the route since 1998.",
    "Board chair Marta Okonjo said the vessel would cut the route's fuel bill by half and "
    "make the crossing quieter for people living near the piers.",
    "Islanders have asked for a cleaner ferry for years, and a petition in spring gathered "
    "more than 2,000 signatures.",
    "The shipyard in Varberg expects to deliver the ferry in the autumn of next year, and "
    "trials on the route will start soon after.",
    "Fares will not change when the new ferry enters service, the board said in a statement.",
]


def page(
    *paragraphs: str,
    title: str = "Harbour board approves electric ferry",
    site: str = "Harbour Times",
    head: str = "",
) -> str:
    """A news page: a title, the site's name in its metadata, an article, navigation."""
    body = "\n".join(f"<p>{p}</p>" if not p.startswith("<") else p for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head>"
        f"<title>{title}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='og:title' content='{title}'>"
        "<meta property='og:url' content='https://www.harbourtimes.example/news/ferry'>"
        f"{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>{title}</h1>\n{body}\n</article>"
        "<footer>Contact us</footer></body></html>"
    )


def article_text(html: str) -> str:
    return document_from_html(html, name="page.html").text


# ---------------------------------------------------------------- furniture, one kind a test
FURNITURE = {
    "caption with a credit": "The new ferry at the shipyard in Varberg. Photo: AP",
    "credit in brackets": "A drawing of the new ferry on the island route (Photo: Lindqvist)",
    "courtesy line": "<p><em>Courtesy of Island News Service</em></p>",
    "read more": "Read more: Island towns fight over the ferry timetable for the summer",
    "related stories": "Related stories: Ferry fares rise again in the north",
    "sign-up line": "Sign up for our free newsletter to get the harbour news in your inbox.",
    "share line": "Share this story",
    "byline": "By Jonas Pettersen",
    "byline with a dateline": "By Jonas Pettersen | May 4, 2021",
    "written by": "<p><em>Written by: Jonas Pettersen</em></p>",
    "greeting": "Good morning!",
    "affiliate note": "This article contains affiliate links: we may earn a commission.",
    "teaser of another story": "Boat builders in the south say orders are up again, and [...]",
    "embedded player code": "player.setav speedmult *x100 {autoplay: true};",
    "template code": "{{ story.status === 'published' ? 'Live' : 'Draft' }}",
    "label": "Advertisement",
    "tags": "Tags: ferry, harbour, islands",
    "call for letters": "Submit your letter to the editor via this form.",
}


@pytest.mark.parametrize("kind", list(FURNITURE), ids=list(FURNITURE))
def test_page_furniture_is_left_out(kind: str) -> None:
    junk = FURNITURE[kind]
    text = article_text(page(STORY[0], junk, *STORY[1:]))
    assert STORY[0] in text and STORY[-1] in text  # the article itself stays
    shown = junk.removeprefix("<p><em>").removesuffix("</em></p>")
    assert shown not in text
    assert not any(word in text for word in ("Photo:", "Read more", "Sign up", "{{", "speedmult"))


def test_a_hover_card_run_into_a_name_is_cut_out_and_the_name_kept() -> None:
    card = (
        "Governor Marta OkonjoMarta Lise OkonjoIsland governor backs ferry plan MORE (I) said the "
        "ferry would be ready next year."
    )
    text = article_text(page(*STORY[:3], card, *STORY[3:]))
    assert "Governor Marta Okonjo (I) said the ferry would be ready next year." in text
    assert "MORE" not in text and "OkonjoMarta" not in text


def test_a_footnote_mark_opening_a_sentence_is_cut_out() -> None:
    text = article_text(page(STORY[0] + "* " + STORY[1], *STORY[2:]))
    assert "Tuesday, after two years of debate over its cost. The ferry will carry" in text


def test_a_dateline_opening_the_story_is_cut_out() -> None:
    first = "LINDQVIST (Reuters) - " + STORY[0]
    text = article_text(page(first, *STORY[1:]))
    assert text.startswith("The harbour board")


def test_a_repeated_pull_quote_is_kept_once() -> None:
    quote = "The vessel would cut the route's fuel bill by half."
    text = article_text(page(*STORY[:3], f"<blockquote>{quote}</blockquote>", *STORY[3:]))
    assert text.count("fuel bill by half") == 1


NEWS_LIKE_FURNITURE = [
    "A photo of the old diesel boat hangs in the harbour office, where the board met.",
    "By Monday, the council had approved the plan for the new piers.",
    "Voters must register by Friday, and the ferry to the polling station is free.",
    "Copyright law will not change the timetable, the harbour board said.",
    "Islanders who subscribe to the ferry service get email alerts about delays.",
    "The affiliate of the shipyard in Varberg builds the ferry's batteries.",
    "Send your letters of support to the island school, the headteacher told parents.",
]


@pytest.mark.parametrize("line", NEWS_LIKE_FURNITURE)
def test_news_that_reads_like_furniture_stays(line: str) -> None:
    assert line in article_text(page(*STORY, line))


def test_furniture_never_reaches_the_bottom_line_or_summary() -> None:
    html = page("Photo: AP", "Read more: Ferry fares rise", *STORY, "Share this story")
    b = make_briefing(document_from_html(html, name="page.html"))
    lines = [b.bottom_line, *(s.text for s in b.summary)]
    assert all("Photo" not in line and "Read more" not in line for line in lines)


# ---------------------------------------------------------------- titles
SITES = frozenset({"harbourtimes", "dwcom", "dw"})


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Ferry approved | Harbour Times", "Ferry approved"),
        ("Ferry approved - Harbour Times", "Ferry approved"),
        ("Harbour Times – Ferry approved", "Ferry approved"),
        ("Ferry approved | DW | 19.01.2020", "Ferry approved"),
        ("Ferry approved: what it means - harbourtimes.example", "Ferry approved: what it means"),
        ("Letters: Ferries | Fares | Piers", "Letters: Ferries | Fares | Piers"),
        ("Harbour Times", "Harbour Times"),  # a title that is only the site's name stays
    ],
)
def test_title_loses_the_site_name_and_date(title: str, clean: str) -> None:
    sites = SITES | {"harbourtimesexample"}
    assert page_title(title, sites) == clean


def test_page_title_without_the_site_name() -> None:
    html = page(*STORY, title="Harbour board approves electric ferry | Harbour Times")
    title = document_from_html(html, name="page.html").title
    assert title == "Harbour board approves electric ferry"


def test_the_site_name_is_found_from_the_host_of_the_page() -> None:
    html = page(*STORY, title="Ferry approved - The Harbour Times Blog", site="")
    html = html.replace("<meta property='og:site_name' content=''>", "")
    html = html.replace("www.harbourtimes.example", "blog.harbourtimes.co.uk")
    assert document_from_html(html, name="page.html").title == "Ferry approved"


def test_a_title_part_that_is_not_the_site_stays() -> None:
    html = page(*STORY, title="Ferry approved - but at what cost?", site="Harbour Times")
    assert document_from_html(html, name="page.html").title == "Ferry approved - but at what cost?"


# ---------------------------------------------------------------- language
GERMAN = (
    "Der Hafenrat hat am Dienstag eine neue elektrische Fähre für die Inselroute genehmigt. "
    "Die Fähre soll 300 Passagiere und 40 Autos tragen und zwei alte Dieselboote ersetzen, "
    "die seit vielen Jahren auf der Strecke fahren. Die Vorsitzende sagte, dass die Kosten "
    "für den Treibstoff um die Hälfte sinken werden und es für die Anwohner ruhiger wird."
)
FRENCH = (
    "Le conseil du port a approuvé mardi un nouveau ferry électrique pour la ligne de l'île. "
    "Le ferry pourra transporter 300 passagers et 40 voitures, et il remplacera deux vieux "
    "bateaux qui sont en service depuis des années. La présidente a dit que le coût du "
    "carburant sera réduit de moitié et que la traversée sera plus calme pour les habitants."
)
ITALIAN = (
    "Il consiglio del porto ha approvato martedì un nuovo traghetto elettrico per la linea "
    "dell'isola. Il traghetto potrà trasportare 300 passeggeri e 40 auto, e sostituirà due "
    "vecchie barche che sono in servizio da molti anni. La presidente ha detto che il costo "
    "del carburante sarà dimezzato e che la traversata sarà più tranquilla per gli abitanti."
)


@pytest.mark.parametrize(
    ("text", "language"), [(GERMAN, "German"), (FRENCH, "French"), (ITALIAN, "Italian")]
)
def test_a_text_in_another_language_is_refused_naming_it(text: str, language: str) -> None:
    with pytest.raises(BriefingError, match=f"in {language}.*--language en"):
        brief_text(text)


def test_detect_language_names_the_language() -> None:
    found = detect_language(GERMAN)
    assert found is not None and found.code == "german" and found.name == "German"
    assert detect_language(" ".join(STORY)) is None  # English: nothing to say


def test_other_scripts_are_named() -> None:
    chinese = "港口委员会周二批准了一艘新的电动渡轮，用于岛屿航线。" * 3
    found = detect_language(chinese + " The ferry (Lindqvist).")
    assert found is not None and found.name == "Chinese"
    greek = "Το συμβούλιο του λιμανιού ενέκρινε ένα νέο ηλεκτρικό πλοίο για τη γραμμή του νησιού."
    found = detect_language(greek * 2)
    assert found is not None and found.name == "Greek"


def test_english_with_many_foreign_names_is_not_refused() -> None:
    text = (
        "Jürgen Müller of Deutsche Bahn met Élodie Dubois of la Société du Grand Paris and "
        "Giancarlo della Rovere in Frankfurt am Main on Monday. They agreed that the Rhein-Main "
        "and Île-de-France networks would share timetables from next year, Müller said. "
        "Dubois said the deal with der Verkehrsverbund would help travellers."
    )
    assert brief_text(text).bottom_line


def test_a_short_foreign_text_is_not_judged() -> None:
    assert detect_language("Der Hafenrat hat die Fähre genehmigt.") is None


def test_language_option_briefs_a_foreign_text_anyway(tmp_path: Path) -> None:
    path = tmp_path / "fähre.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert main([str(path), "-o", str(tmp_path / "out.md")]) == 2
    assert not (tmp_path / "out.md").exists()
    assert main([str(path), "-o", str(tmp_path / "out.md"), "--language", "en"]) == 0
    assert brief_text(GERMAN, Options(detect_language=False)).bottom_line


def test_a_foreign_record_fails_alone_in_a_batch(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [{"id": "de", "text": GERMAN}, {"id": "en", "text": " ".join(STORY)}]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "--output", str(target), "--quiet", "--jobs", "1"]) == 1
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert "German" in out[0]["error"] and "bottom_line" in out[1]


def test_a_german_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seite.html"
    paragraphs = [s.strip() + "." for s in GERMAN.split(". ") if s.strip()]
    path.write_text(page(*paragraphs, title="Neue Fähre"), encoding="utf-8")
    with pytest.raises(BriefingError, match="German"):
        make_briefing(read_document(str(path)))


# ---------------------------------------------------------------- short inputs
def test_a_briefing_is_never_longer_than_a_short_article() -> None:
    text = " ".join(STORY[:3])
    b = brief_text(text)
    assert b.source.briefing_words <= b.source.words
    assert len(b.summary) == 1  # three sentences give one summary line


def test_a_sentence_briefed_alone_keeps_its_figures() -> None:
    # Its title and bottom line alone are longer than it: emptying the sections gains nothing.
    b = brief_text("The ferry will carry 300 passengers and 40 cars from next year.")
    assert {f.value for f in b.figures} >= {300, 40}


def test_a_short_input_gets_a_warning_in_json_and_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "caption.txt"
    path.write_text("The new ferry at the shipyard in Varberg, where it was built.\n", "utf-8")
    assert main([str(path), "-o", "-", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "may not be an article" in json.loads(out)["warnings"][0]
    assert "warning: the input has only 12 words" in err


def test_an_article_gets_no_warning() -> None:
    long_story = " ".join(STORY * 2)
    assert len(long_story.split()) >= 80
    assert brief_text(long_story).warnings == ()


def test_text_with_few_english_function_words_gets_a_warning() -> None:
    # Song lyrics in a romanised language: no language with data is ahead of English, but
    # almost none of the words are English function words.
    lyrics = " ".join(
        ["Wo men zai zhe li deng ni hui lai", "Ni shuo guo hui zai jian mian"] * 6
        + ["Tian kong hen lan feng hen qing", "Wo de xin li zhi you ni"] * 6
    )
    assert any("may not be English prose" in w for w in brief_text(lyrics).warnings)
    assert not any("prose" in w for w in brief_text(" ".join(STORY * 2)).warnings)


# ---------------------------------------------------------------- several stories
TOPICS = [
    ("Anneli Korhonen", "Tampere", "library", "books"),
    ("Bruno Ferreira", "Porto", "stadium", "football"),
    ("Chiara Esposito", "Napoli", "volcano", "ash"),
    ("Dmitri Volkov", "Kazan", "factory", "tractors"),
    ("Esther Mensah", "Kumasi", "market", "cocoa"),
    ("Farid Haddad", "Tripoli", "harbour", "fishermen"),
    ("Greta Lindgren", "Uppsala", "university", "students"),
]


def story(name: str, town: str, place: str, thing: str) -> str:
    last = name.split()[1]
    return " ".join(
        [
            f"{name} opened the new {place} in {town} on Monday.",
            f"{last} said the {place} would bring {thing} to more people in {town}.",
            f"The {place} in {town} cost far more than planned, {last} admitted.",
            f"Critics in {town} said the {thing} could have waited another year.",
            f"{last} answered that {town} had waited long enough for the {place}.",
            f"The {place} will be open every day, and {thing} will be free, {last} said.",
        ]
    )


def test_several_unrelated_stories_are_flagged() -> None:
    text = "\n\n".join(story(*topic) for topic in TOPICS)
    (warning,) = brief_text(text).warnings
    assert "unrelated stories" in warning and "briefing batch" in warning


def test_one_long_story_is_not_flagged() -> None:
    text = "\n\n".join(story(*TOPICS[0]) for _ in TOPICS)
    assert brief_text(text).warnings == ()
