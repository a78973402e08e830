"""Time and peak memory of one briefing of synthetic inputs of growing size.

    python bench/large_inputs.py [--news ../shared/eval/dev/cnndm.jsonl] [--sizes-mb 1 10 50]

Briefs, each in a process of its own (`briefing FILE -o OUT`): 10k, 100k and 1M short lines
("Line i says hi"), news text of 1, 10 and 50 MB made by repeating the development
articles, and one sentence of 1 MB full of plans and quotes ('the council will meet and "the
board will vote" and ...'): the clause read around each of its 40,000 cues must stay bounded
(it took 218 s before that bound, 12 s after). Prints wall seconds, peak memory of the
process and the exit status; time should grow about linearly and memory stay under 1 GB, an
input over the size cap being refused at once.
Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"


def short_lines(n: int) -> str:
    return "\n".join(f"Line {i} says hi" for i in range(n))


def news(path: Path, megabytes: int) -> str:
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    corpus = "\n\n".join(texts)
    size = megabytes * 1024 * 1024
    return (corpus * (size // len(corpus) + 1))[:size]


def run_on(megabytes: int) -> str:
    clause = 'the council will meet and "the board will vote" and '
    return clause * (megabytes * 1024 * 1024 // len(clause)) + "."


def brief(text: str, folder: Path) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit status) of briefing text in a fresh process."""
    source = folder / "input.txt"
    source.write_text(text, encoding="utf-8")
    argv = [sys.executable, "-m", "briefing", str(source), "-o", str(folder / "out.md")]
    started = time.perf_counter()
    # From the temporary folder: `python -m` would import the current folder's package before
    # PYTHONPATH's, so PYTHONPATH=OTHER_TREE could not time another version from the project.
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT)
    parser.add_argument("--lines", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--sizes-mb", type=int, nargs="+", default=[1, 10, 50])
    args = parser.parse_args()
    cases = [(f"{n:,} short lines", lambda n=n: short_lines(n)) for n in args.lines]
    cases += [(f"{mb} MB of news", lambda mb=mb: news(args.news, mb)) for mb in args.sizes_mb]
    cases.append(("one sentence of 1 MB", lambda: run_on(1)))
    print("| input | characters | wall s | peak MB | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases:
            text = make()
            seconds, peak, status = brief(text, Path(tmp))
            print(f"| {name} | {len(text):,} | {seconds:.1f} | {peak:.0f} | {status} |")


if __name__ == "__main__":
    main()
