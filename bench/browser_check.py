"""Render HTML briefings in headless Chromium: PNGs at 600 and 375 px, a PDF, and two checks.

The briefing must print on one page and nothing may overflow horizontally at either width.

    python bench/browser_check.py [ARTICLE ...] [--out DIR]

Without articles it uses samples/*.txt, or when there is no samples/ folder the hand-made
briefings of tests/briefings.py. Next to the PNGs and the PDF it writes the .html, .txt and .eml
of each briefing. Exit status 1 when a check fails, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from briefing import Briefing, brief_file
from briefing.render import to_text
from briefing.render.eml import to_eml
from briefing.render.html import to_html

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (600, 375)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
# A wrapper page used only by this checker (the e-mail itself never holds a script): the
# briefing in an iframe exactly `width` px wide, since a headless window is at least 500 px wide.
# On load it writes the measurements into the title, which --dump-dom prints.
WRAPPER = """<!DOCTYPE html><html><head><title>probe</title></head><body style="margin:0">
<iframe id="briefing" style="border:0;width:{width}px;height:1000px" srcdoc="{srcdoc}"></iframe>
<script>
addEventListener("load", () => {{
  const d = document.getElementById("briefing").contentDocument;
  const right = Math.max(...[...d.body.querySelectorAll("*")]
    .map(e => e.getBoundingClientRect().right));
  document.title = JSON.stringify({{width: d.defaultView.innerWidth,
    scroll: d.documentElement.scrollWidth, right: right, height: d.body.scrollHeight}});
}});
</script></body></html>"""


@dataclass(frozen=True)
class Layout:
    width: int  # the viewport
    scroll_width: int  # wider than the viewport: something overflows
    widest_right: float  # right edge of the element reaching farthest
    height: int


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


def run_chromium(exe: str, *args: str) -> str:
    """Run Chromium once with a throw-away profile; its stdout."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [exe, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


def measure(exe: str, html: str, width: int, folder: Path) -> Layout:
    probe = folder / f"probe-{width}.html"
    probe.write_text(WRAPPER.format(width=width, srcdoc=escape(html)), encoding="utf-8")
    dom = run_chromium(exe, "--window-size=800,1000", "--dump-dom", probe.as_uri())
    found = re.search(r"<title>(.*?)</title>", dom, re.S)
    if not found:
        raise RuntimeError(f"no measurements in the page at {width} px")
    data = json.loads(unescape(found.group(1)))
    if data["width"] != width:
        raise RuntimeError(f"the probe is {data['width']} px wide, not {width} px")
    return Layout(data["width"], data["scroll"], data["right"], data["height"])


def screenshot(exe: str, page: Path, width: int, height: int, png: Path) -> int:
    """Screenshot of the whole page; the PNG's width in pixels."""
    run_chromium(exe, f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri())
    return int.from_bytes(png.read_bytes()[16:20], "big")  # IHDR width


def print_pdf(exe: str, page: Path, pdf: Path) -> int:
    """Print to PDF; the number of pages."""
    run_chromium(exe, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def check(exe: str, name: str, b: Briefing, out: Path) -> list[str]:
    """Write the outputs of one briefing and check them; the problems found."""
    html = to_html(b)
    page = out / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    (out / f"{name}.txt").write_text(to_text(b), encoding="utf-8")
    (out / f"{name}.eml").write_text(to_eml(b), encoding="utf-8", newline="")
    problems = []
    for width in WIDTHS:
        layout = measure(exe, html, width, out)
        if layout.scroll_width > layout.width or layout.widest_right > layout.width + 0.5:
            problems.append(f"{name}: overflows at {width} px: {layout}")
        png = out / f"{name}-{width}.png"
        if screenshot(exe, page, width, layout.height, png) != width:
            problems.append(f"{name}: {png.name} is not {width} px wide")
        print(f"{name}: {width} px wide, {layout.height} px high, {len(html.encode())} bytes")
    pages = print_pdf(exe, page, out / f"{name}.pdf")
    if pages != 1:
        problems.append(f"{name}: prints on {pages} pages")
    return problems


def default_briefings() -> dict[str, Briefing]:
    samples = sorted((ROOT / "samples").glob("*.txt"))
    if samples:
        return {p.stem: brief_file(str(p)) for p in samples}
    sys.path.insert(0, str(ROOT))
    from tests import briefings

    return {"full": briefings.full(), "minimal": briefings.minimal()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else "")
    parser.add_argument("articles", nargs="*", help="article files (default: samples/*.txt)")
    parser.add_argument("--out", help="folder for the outputs (default: a new temporary one)")
    args = parser.parse_args(argv)
    exe = find_chromium()
    if exe is None:
        print("no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out or tempfile.mkdtemp(prefix="briefing-browser-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"writing to {out}")
    todo = {Path(a).stem: brief_file(a) for a in args.articles} or default_briefings()
    problems = [p for name, b in todo.items() for p in check(exe, name, b, out)]
    print("\n".join(problems) or f"all {len(todo)} briefings: one page, no overflow")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
