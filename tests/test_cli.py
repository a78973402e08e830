"""The command line: formats, outputs, errors and the one-page budget.

Starting Python with NLTK takes about two seconds, so the process-level behaviour (the entry
points, stdin, NLTK_DATA, no traceback, a whole output through a pipe) is tested in subprocesses
and the rest in-process through `briefing.cli.main`, which is what the `briefing` script runs.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.compose import PAGE_WORDS
from briefing.model import count_words
from tests.schema_check import errors, load_schema

SAMPLES = sorted(
    p for p in (Path(__file__).parent.parent / "samples").iterdir() if p.suffix in (".txt", ".md")
)
ARTICLE = (
    "Council approves new bridge\n"
    "The city council approved a new bridge on Monday. It will cost $12m, Mayor Ana Ruiz said. "
    "Work is due to start in March. The bridge will open in 2027 if funding arrives. "
    "Residents welcomed the plan."
)
HEADINGS = ["## Summary", "## Key actors", "## Key figures", "## Next steps"]


def run(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the CLI in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_one_line_error(code: int, stderr: str) -> None:
    assert code == 2
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def assert_sections_in_order(md: str) -> None:
    assert md.startswith("# ")
    marks = ["**Bottom line:**", *(h for h in HEADINGS if h in md), "*Source:"]
    positions = [md.index(m) for m in marks]
    assert positions == sorted(positions), marks
    assert "## Summary" in md


# --- processes: entry points, stdin, offline ---------------------------------------------------
# The processes start together (each spends seconds importing NLTK) and are checked apart.


@pytest.fixture(scope="module")
def processes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("proc")
    article = tmp / "bridge.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    empty = tmp / "nltk_data"
    empty.mkdir()
    script = Path(sys.executable).with_name("briefing")
    many = tmp / "many.jsonl"
    lines = (json.dumps({"id": f"r{n}", "text": f"Story {n}. {ARTICLE}"}) for n in range(150))
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    offline = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp)}
    commands = {
        "module": ([sys.executable, "-m", "briefing", str(article)], b"", None),
        "script": ([str(script), "-", "--format", "json"], ARTICLE.encode(), None),
        "offline": (
            [sys.executable, "-m", "briefing", str(article), "-o", "-", "-a", "lexrank"],
            b"",
            offline,
        ),
        "error": ([sys.executable, "-m", "briefing", str(tmp / "missing.txt")], b"", None),
        "batch": ([str(script), "batch", str(many), "--output", "-"], b"", None),
    }
    started = {
        name: (
            subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            ),
            data,
        )
        for name, (argv, data, env) in commands.items()
    }
    results: dict[str, Any] = {"article": article, "nltk_data": empty}
    for name, (proc, data) in started.items():
        out, err = proc.communicate(data, timeout=120)
        results[name] = (proc.returncode, out.decode(), err.decode())
    return results


def test_python_dash_m_writes_the_briefing_next_to_the_input(processes: dict[str, Any]) -> None:
    code, out, err = processes["module"]
    assert code == 0, err
    written = processes["article"].with_name("bridge.briefing.md").read_text(encoding="utf-8")
    assert written.startswith("# Council approves new bridge")
    assert out == ""


def test_script_reads_stdin_and_writes_json_to_stdout(processes: dict[str, Any]) -> None:
    code, out, err = processes["script"]
    assert code == 0, err
    assert json.loads(out)["title"] == "Council approves new bridge"


def test_whole_cli_runs_with_empty_nltk_data(processes: dict[str, Any]) -> None:
    code, out, err = processes["offline"]
    assert code == 0, err
    assert "**Bottom line:**" in out
    assert list(processes["nltk_data"].iterdir()) == []


def test_a_batch_through_a_pipe_arrives_whole(processes: dict[str, Any]) -> None:
    # Far more than a pipe holds: the process must not end before its output is out.
    code, out, err = processes["batch"]
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [f"r{n}" for n in range(150)]
    assert len(out) > 100_000
    assert "150 done" in err


def test_error_in_a_process_is_one_line_without_traceback(processes: dict[str, Any]) -> None:
    code, _, err = processes["error"]
    assert_one_line_error(code, err)
    assert "missing.txt" in err


# --- outputs and formats ------------------------------------------------------------------------


def test_output_option_writes_the_given_path(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "b.md"
    target.parent.mkdir()
    code, out, _ = run(str(article), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert not article.with_name("bridge.briefing.md").exists()


def test_output_dash_writes_stdout_and_no_file(article: Path) -> None:
    code, out, _ = run(str(article), "-o", "-")
    assert code == 0 and out.startswith("# Council approves new bridge")
    assert sorted(p.name for p in article.parent.iterdir()) == ["bridge.txt"]


@pytest.mark.parametrize(("fmt", "suffix"), [("md", ".md"), ("json", ".json"), ("txt", ".txt")])
def test_format_chooses_the_default_file_name(article: Path, fmt: str, suffix: str) -> None:
    code, _, _ = run(str(article), "--format", fmt)
    assert code == 0
    text = article.with_name(f"bridge.briefing{suffix}").read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["title"] == "Council approves new bridge"
    elif fmt == "txt":
        assert text.startswith("COUNCIL APPROVES NEW BRIDGE\n")
        assert "**" not in text
    else:
        assert text.startswith("# Council approves new bridge\n")


def test_stdin_goes_to_stdout_by_default() -> None:
    code, out, _ = run("-", stdin=ARTICLE.encode())
    assert code == 0 and out.startswith("# Council approves new bridge")


def summary_indices(*args: str) -> list[int]:
    code, out, err = run(*args, "-o", "-", "--format", "json")
    assert code == 0, err
    return [s["sentence"] for s in json.loads(out)["summary"]]


def test_sentences_sets_the_summary_length(article: Path) -> None:
    assert summary_indices(str(article), "--sentences", "2", "-a", "lead") == [0, 1]
    assert summary_indices(str(article), "--sentences", "4", "-a", "lead") == [0, 1, 2, 3]


def test_words_sets_a_word_budget(article: Path) -> None:
    # Sentence 0 has 9 words, sentence 1 has 8: a budget of 17 takes both, 10 only the first.
    assert summary_indices(str(article), "--words", "17", "-a", "lead") == [0, 1]
    assert summary_indices(str(article), "--words", "10", "-a", "lead") == [0]


@pytest.mark.parametrize("algorithm", ["lead", "lexrank", "luhn"])
def test_algorithm_picks_the_ranker(article: Path, algorithm: str) -> None:
    picked = summary_indices(str(article), "--sentences", "2", "--algorithm", algorithm)
    assert len(picked) == 2 and picked == sorted(picked)


def test_json_output_has_the_documented_keys_and_types(article: Path) -> None:
    code, out, _ = run(str(article), "-o", "-", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert errors(data, load_schema()) == []
    assert data["source"]["name"] == "bridge.txt"
    assert data["bottom_line"] in {s["text"] for s in data["summary"]}


# --- errors -------------------------------------------------------------------------------------


def error_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "blank": b"  \n\t\r\n  \n",
        "binary": bytes(range(256)) * 8,
        "nosentence": b"123 456\n\n--- *** 7.5%\n",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_bytes(data)
    paths["missing"] = tmp_path / "missing.txt"
    (tmp_path / "folder").mkdir()
    paths["folder"] = tmp_path / "folder"
    return paths


@pytest.mark.parametrize("case", ["empty", "blank", "binary", "nosentence", "missing", "folder"])
def test_bad_input_is_one_line_exit_2_and_no_file(tmp_path: Path, case: str) -> None:
    path = error_inputs(tmp_path)[case]
    before = sorted(tmp_path.rglob("*"))
    code, out, err = run(str(path))
    assert_one_line_error(code, err)
    assert out == ""
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("data", [b"", b"   \n\n "])
def test_empty_stdin_is_an_error(data: bytes) -> None:
    code, out, err = run("-", stdin=data)
    assert_one_line_error(code, err)
    assert out == ""


def test_existing_output_is_not_clobbered_on_error(tmp_path: Path) -> None:
    source = error_inputs(tmp_path)["empty"]
    target = source.with_name("empty.briefing.md")
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(str(source))
    assert_one_line_error(code, err)
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("option", [["--sentences", "0"], ["--words", "0"], ["--words", "-5"]])
def test_bad_length_values_are_one_line_errors(article: Path, option: list[str]) -> None:
    code, out, err = run(str(article), *option)
    assert_one_line_error(code, err)
    assert err == f"briefing: error: {option[0]} must be at least 1\n"  # the CLI names its flag
    assert out == ""
    assert not article.with_name("bridge.briefing.md").exists()


@pytest.mark.parametrize(
    "option", [["--sentences", "abc"], ["--format", "pdf"], ["--algorithm", "nope"]]
)
def test_bad_option_syntax_is_a_one_line_error(article: Path, option: list[str]) -> None:
    code, _, err = run(str(article), *option)
    assert_one_line_error(code, err)


def test_bad_option_syntax_exits_2_and_writes_nothing(article: Path) -> None:
    code, _, err = run(str(article), "--sentences", "abc")
    assert code == 2 and "Traceback" not in err and "--sentences" in err
    assert not article.with_name("bridge.briefing.md").exists()


def test_missing_output_folder_is_an_error(article: Path, tmp_path: Path) -> None:
    code, out, err = run(str(article), "-o", str(tmp_path / "nowhere" / "b.md"))
    assert_one_line_error(code, err)
    assert "does not exist" in err and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.txt"]


# --- output faults: one line, exit 2, the article untouched, no output and no temporary file ---


def assert_only_the_article(article: Path) -> None:
    assert sorted(p.name for p in article.parent.iterdir()) == ["bridge.txt"]  # nor any .tmp
    assert article.read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("name", ["same", "relative", "symlink", "hardlink"])
def test_output_over_the_input_is_refused(
    article: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(article.parent)
    if name == "symlink":
        (article.parent / "link.txt").symlink_to(article)
    elif name == "hardlink":
        os.link(article, article.parent / "link.txt")
    target = {"same": str(article), "relative": "./bridge.txt"}.get(name, "link.txt")
    code, out, err = run(str(article), "-o", target)
    assert_one_line_error(code, err)
    assert "is the input too" in err and str(Path(target)) in err and out == ""
    assert article.read_text(encoding="utf-8") == ARTICLE
    names = sorted(p.name for p in article.parent.iterdir())
    assert names == (["bridge.txt", "link.txt"] if name.endswith("link") else ["bridge.txt"])


@pytest.mark.parametrize(
    ("function", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "no space left on device"),
        ("replace", errno.EACCES, "permission denied"),
        ("replace", errno.EROFS, "read-only file system"),
    ],
)
def test_write_faults_are_one_line_errors(
    article: Path, monkeypatch: pytest.MonkeyPatch, function: str, code: int, reason: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, function, fail)
    target = article.with_name("out.md")
    status, out, err = run(str(article), "-o", str(target))
    assert_one_line_error(status, err)
    assert err == f"briefing: error: {target}: {reason}\n" and out == ""
    assert_only_the_article(article)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_output_folder_is_a_one_line_error(article: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, out, err = run(str(article), "-o", str(folder / "b.md"))
        assert_one_line_error(code, err)
        assert "permission denied" in err and out == ""
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_output_naming_a_directory_is_a_one_line_error(article: Path) -> None:
    folder = article.with_name("briefings")
    folder.mkdir()
    code, out, err = run(str(article), "-o", str(folder))
    assert_one_line_error(code, err)
    assert "is a directory" in err and out == ""
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in article.parent.iterdir()) == ["bridge.txt", "briefings"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_output_file_follows_the_umask(article: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        code, _, err = run(str(article))
    finally:
        os.umask(old)
    assert code == 0, err
    written = article.with_name("bridge.briefing.md")
    assert stat.S_IMODE(written.stat().st_mode) == mode


# --- eml addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("addresses", "missing"),
    [
        ([], ["sender (--from)", "recipient (--to)"]),
        (["--from", "me@example.org"], ["recipient (--to)"]),
        (["--to", "you@example.org"], ["sender (--from)"]),
        (["--from", "me@example.org", "--to", "you@example.org"], []),
    ],
)
def test_eml_without_addresses_warns_on_one_line(
    article: Path, addresses: list[str], missing: list[str]
) -> None:
    code, out, err = run(str(article), "-o", "-", "--format", "eml", *addresses)
    assert code == 0, err
    assert "Subject:" in out
    # The article is short, so a warning that it may not be an article comes too.
    warnings = [line for line in err.splitlines() if line.startswith("warning: the e-mail")]
    if not missing:
        assert warnings == []
    else:
        assert len(warnings) == 1, err
        assert all(what in warnings[0] for what in missing)
        assert "error" not in err


def test_other_formats_do_not_warn_about_addresses(article: Path) -> None:
    code, _, err = run(str(article), "-o", "-", "--format", "md")
    assert code == 0 and "--from" not in err


# --- the one-page budget ------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_briefing_fits_one_page_with_sections_in_order(sample: Path) -> None:
    code, md, err = run(str(sample), "-o", "-")
    assert code == 0, err
    assert count_words(md) <= PAGE_WORDS  # as a reader counts them: list dashes are no words
    assert_sections_in_order(md)
    assert not re.search(r"^- \\?#", md, re.M)  # no Markdown heading leaks into the summary


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_json_follows_the_schema(sample: Path) -> None:
    code, out, err = run(str(sample), "-o", "-", "--format", "json")
    assert code == 0, err
    assert errors(json.loads(out), load_schema()) == []


def test_very_long_input_still_fits_one_page(tmp_path: Path) -> None:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([body] * 20), encoding="utf-8")
    code, md, err = run(str(path), "-o", "-")
    assert code == 0, err
    assert count_words(md) <= PAGE_WORDS  # as a reader counts them: list dashes are no words
    assert_sections_in_order(md)
