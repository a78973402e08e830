"""Start-up cost of a one-article briefing against the project before the annotated document.

    python bench/startup.py --before VENV [--runs 7]

VENV is a second virtualenv holding the project as it was before the annotated document and
the move off scipy (commit 858909d), made once with:

    git worktree add /tmp/before 858909d
    python -m venv /tmp/before/.venv && /tmp/before/.venv/bin/pip install /tmp/before

Times, as whole processes and in turn (A B C A B C ...), `briefing samples/earthquake.txt -o
OUT` with this project's `briefing`, the same with VENV's, and `python -c "import nltk"`
in this project's Python; prints the medians, the ratio now / before (the issue asks for at
most 0.6) and the ratio now / `import nltk`. OUT is a file in a temporary folder, not
/dev/null: the old project's atomic write renamed its temporary file over /dev/null, turning
the device into a file. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_package

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "earthquake.txt"


def wall(argv: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {proc.stderr.strip()[-300:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="virtualenv of the old project")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()  # the project as an install runs it: bytecode written once
    here = Path(sys.executable).parent
    out = str(Path(tempfile.mkdtemp(prefix="startup-")) / "out.md")
    commands = {
        "now": [str(here / "briefing"), str(SAMPLE), "-o", out],
        "before": [str(args.before / "bin" / "briefing"), str(SAMPLE), "-o", out],
        "import nltk": [sys.executable, "-c", "import nltk"],
    }
    for argv in commands.values():
        wall(argv)  # warm-up: file caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(wall(argv))
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"whole processes, median of {args.runs} runs:")
    for name, seconds in median.items():
        low, high = min(times[name]), max(times[name])
        print(f"  {name:<12} {seconds:6.3f} s   (min {low:.3f}, max {high:.3f})")
    print(f"  now / before:      {median['now'] / median['before']:.2f}")
    print(f"  now / import nltk: {median['now'] / median['import nltk']:.2f}")


if __name__ == "__main__":
    main()
