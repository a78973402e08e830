"""A language is a folder of files: a made-up one in tmp_path reaches every stage, by the API,
`briefing --language` and `briefing batch --language`; the package ships the folders."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from fnmatch import fnmatch
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import Options, brief_file, brief_text
from briefing.cli import main
from briefing.detect import WORD, _weights, listed_counts
from briefing.lang import load_language
from briefing.read import document_from_text

ROOT = Path(__file__).parent.parent
# "Zork." is an abbreviation only in Testish: there it cannot end a sentence.
TEXT = "Zork. Blim went home to Flurb. The Flurb council will vote on the plan next week."


@pytest.fixture
def testish(tmp_path: Path) -> Path:
    folder = tmp_path / "testish"
    folder.mkdir()
    (folder / "meta.map").write_text("name: Testish\n", encoding="utf-8")  # and no stemmer
    (folder / "abbreviations.txt").write_text("# made up\nzork\n", encoding="utf-8")
    (folder / "function_words.txt").write_text("the\non\nto\nwill\n", encoding="utf-8")
    return folder


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def sentences(text: str, language: str) -> list[str]:
    return [s.text for s in document_from_text(text, language=language).sentences]


def test_the_folder_is_read_as_a_language(testish: Path) -> None:
    language = load_language(str(testish))
    assert (language.name, language.stemmer) == ("Testish", None)
    assert language.words("abbreviations") == {"zork"}
    assert language.words("honorifics") == frozenset()  # a list left out is empty


def test_its_abbreviation_keeps_punkt_from_splitting(testish: Path) -> None:
    assert sentences("Zork. Blim went home.", str(testish)) == ["Zork. Blim went home."]
    assert sentences("Zork. Blim went home.", "en") == ["Zork.", "Blim went home."]


def test_the_splitter_rules_read_the_language_files(testish: Path) -> None:
    # Testish writes its pronoun "Ek", numbers with "nr." and clock times with "u.":
    # Punkt reads each full stop as an abbreviation's unless the language says otherwise.
    text = "Nobody ran as fast as ek. Blim said nr. Flurb left at 6 u. Mr. Zim stayed."
    expected = [
        "Nobody ran as fast as ek.",
        "Blim said nr.",
        "Flurb left at 6 u.",
        "Mr. Zim stayed.",
    ]
    (testish / "abbreviations.txt").write_text("nr\nu\nek\nmr\n", encoding="utf-8")
    assert len(sentences(text, str(testish))) == 1
    (testish / "final_pronouns.txt").write_text("ek\n", encoding="utf-8")
    (testish / "numbering_words.txt").write_text("nr\n", encoding="utf-8")
    (testish / "clock_words.txt").write_text("u.\n", encoding="utf-8")
    (testish / "honorifics.txt").write_text("Mr\n", encoding="utf-8")
    load_language.cache_clear()
    assert sentences(text, str(testish)) == expected


def test_the_api_reads_and_briefs_in_the_language(testish: Path, article: Path) -> None:
    options = Options(language=str(testish), sentences=3)  # every sentence of the article
    for briefing in (brief_text(TEXT, options), brief_file(str(article), options)):
        assert briefing.summary[0].text == "Zork. Blim went home to Flurb."
    english = brief_text(TEXT, Options(sentences=3))
    assert english.summary[0].text == "Zork."


def test_cli_language_folder_end_to_end(
    testish: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    argv = [str(article), "-o", str(out), "-f", "json", "-n", "3", "--language", str(testish)]
    assert main(argv) == 0, capsys.readouterr().err
    summary = [line["text"] for line in json.loads(out.read_text(encoding="utf-8"))["summary"]]
    assert summary[0] == "Zork. Blim went home to Flurb."


def test_batch_language_folder_end_to_end(
    testish: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    argv = ["batch", str(source), "--output", str(out), "-j", "1", "-n", "3", "-q"]
    assert main([*argv, "--language", str(testish)]) == 0, capsys.readouterr().err
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["summary"][0]["text"] == "Zork. Blim went home to Flurb."


@pytest.mark.parametrize(
    "command",
    [
        ["ARTICLE", "--output", "OUT"],
        ["batch", "ARTICLE", "--output", "OUT"],
        ["send", "ARTICLE", "--to", "a@b.org", "--smtp", "localhost:25"],
    ],
)
def test_unknown_language_is_a_one_line_error_and_no_output(
    command: list[str], article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.md"
    argv = [str(article) if a == "ARTICLE" else str(out) if a == "OUT" else a for a in command]
    code = main([*argv, "--language", "xx"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("briefing: error: --language: unknown language 'xx'")
    assert err.count("\n") == 1
    assert not out.exists()


def test_help_documents_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["batch", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        assert "--language" in capsys.readouterr().out


def test_one_article_needs_no_scipy() -> None:
    # scipy takes half a second to import and is no dependency. nltk's package imports it
    # whenever it is installed (an optional import in nltk.metrics), so "scipy" in sys.modules
    # says nothing about briefing: instead scipy is blocked, as in an install without it.
    code = (
        "import sys\n"
        "sys.modules['scipy'] = None  # from here on, importing scipy raises ImportError\n"
        "import briefing\n"
        "b = briefing.brief_file('samples/earthquake.txt')\n"
        "print(bool(briefing.render(b, 'md')), sys.modules['scipy'] is None,"
        " 'pycountry' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    # Country and region names are language files: pycountry's database cost 0.1 s a process.
    assert done.stdout.split() == ["True", "True", "False"]


def test_every_package_and_language_file_is_packaged() -> None:
    # A non-editable install ships only what pyproject.toml names.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    packages = config["setuptools"]["packages"]
    data = config["setuptools"]["package-data"]
    found = sorted(
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "briefing").rglob("__init__.py")
    )
    assert sorted(packages) == found
    for path in (ROOT / "briefing").rglob("*"):
        # Compiled modules (setup.py) are the build's own products, not package data.
        built = path.name.endswith(tuple(EXTENSION_SUFFIXES))
        if path.is_file() and path.suffix not in (".py", ".pyc") and not built:
            package = ".".join(path.parent.relative_to(ROOT).parts)
            while package not in packages:
                package = package.rpartition(".")[0]
            inside = path.relative_to(ROOT.joinpath(*package.split("."))).as_posix()
            assert any(fnmatch(inside, pattern) for pattern in data.get(package, [])), path


def test_no_dependency_brings_scipy() -> None:
    # What a fresh install holds: briefing's requirements and theirs, none of them scipy, so a
    # briefing never pays for importing it (nltk imports it whenever it is installed).
    from importlib.metadata import PackageNotFoundError, requires

    seen: set[str] = set()
    todo = ["briefing"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            wanted = requires(name) or []
        except PackageNotFoundError:
            continue  # an optional requirement that is not installed
        for spec in wanted:
            if "extra ==" not in spec:
                todo.append(re.split(r"[\s<>=!~;\[(]", spec, maxsplit=1)[0].lower())
    assert "briefing" in seen and "nltk" in seen
    assert "scipy" not in seen


WORDS = ["a", "de", "the", "l", "y", "don't", "o'brien's", "'tis", "x'y'z", "x'y", "é", "1", "_"]


@given(st.lists(st.sampled_from(WORDS), max_size=12), st.lists(st.sampled_from(" '.-,")))
@settings(max_examples=300, deadline=None)
def test_words_of_the_language_check_are_those_of_its_pattern(
    words: list[str], gaps: list[str]
) -> None:
    # The split that stands in for the pattern on ASCII text finds the same words, and of
    # them the listed ones are counted.
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    every = Counter(WORD.findall(text))
    assert listed_counts(text) == (
        {w: n for w, n in every.items() if w in _weights()},
        every.total(),
    )
