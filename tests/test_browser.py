"""The HTML in a real browser: headless Chromium at 600 and 375 px, and printed to PDF.

Skipped when no Chromium is on PATH (.ci/run installs Debian's chromium with apt).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from briefing.model import Briefing
from tests.briefings import full, minimal, with_text


def load_checker() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bench" / "browser_check.py"
    spec = importlib.util.spec_from_file_location("browser_check", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


CHECKER = load_checker()
EXE = CHECKER.find_chromium()
pytestmark = pytest.mark.skipif(EXE is None, reason="no chromium on PATH")

# Long unbreakable words and a URL: the usual cause of horizontal scrolling on phones.
LONG_WORDS = (
    "https://example.org/a/very/long/path/that/does/not/break/anywhere/at/all/index.html "
    "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
)


@pytest.mark.parametrize(
    ("name", "briefing"),
    [("full", full()), ("minimal", minimal()), ("long-words", with_text(LONG_WORDS))],
)
def test_one_page_and_no_horizontal_overflow(name: str, briefing: Briefing, tmp_path: Path) -> None:
    assert CHECKER.check(EXE, name, briefing, tmp_path) == []
    for width in CHECKER.WIDTHS:
        assert (tmp_path / f"{name}-{width}.png").stat().st_size > 1000


def test_the_check_sees_overflow(tmp_path: Path) -> None:
    """A page wider than the phone must be reported, or the test above proves nothing."""
    wide = '<!DOCTYPE html><html><body><div style="width: 900px">wide</div></body></html>'
    layout = CHECKER.measure(EXE, wide, 375, tmp_path)
    assert layout.scroll_width > 375


def test_the_check_counts_pages(tmp_path: Path) -> None:
    page = tmp_path / "long.html"
    page.write_text("<!DOCTYPE html><p>x</p>" + "<p>line</p>" * 200, encoding="utf-8")
    assert CHECKER.print_pdf(EXE, page, tmp_path / "long.pdf") > 1
