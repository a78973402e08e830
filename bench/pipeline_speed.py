"""What a whole briefing costs next to NLTK Punkt sentence splitting alone, on one core.

    python bench/pipeline_speed.py [../shared/eval/dev/cnndm.jsonl] [--repeat 3]

Times, in one run, each as a whole process pinned to one core (median of --repeat runs):
  - punkt: a Python process that imports NLTK, reads the JSONL file and splits every text with
    plain NLTK Punkt (`PunktSentenceTokenizer()`, no data files);
  - batch: `briefing batch FILE --output OUT --jobs 1 --sentences 3`;
and prints batch / punkt, for the whole processes, for the work alone (the seconds each
process reports for its texts, imports and start-up left out), and for the batch command's
wall time against Punkt's splitting time (the strictest of the three). Then `--jobs 2` (both cores)
against `--jobs 1`. Run by hand; nothing here is a test.

The processes run from a temporary folder, so `PYTHONPATH=OTHER_TREE` times another version of
the project (`python -m` would otherwise import the package in the current folder first).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import build_kind, compile_package

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"

# Plain NLTK Punkt over every text of the file; prints its own seconds for the splitting.
PUNKT = """
import json, sys, time
from nltk.tokenize.punkt import PunktSentenceTokenizer
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
splitter = PunktSentenceTokenizer()
started = time.perf_counter()
count = sum(len(splitter.tokenize(t)) for t in texts)
print(f"{time.perf_counter() - started:.4f} {count}")
"""


def one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed(argv: list[str], pin: bool) -> tuple[float, str]:
    """(wall seconds, stdout + stderr) of one process."""
    started = time.perf_counter()
    proc = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        preexec_fn=one_core if pin else None,
        cwd=tempfile.gettempdir(),
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # 1: some records failed, the run itself worked
        sys.exit(f"{argv[2]} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return seconds, proc.stdout + proc.stderr


def punkt_run(path: Path) -> tuple[float, float]:
    wall, out = timed([sys.executable, "-c", PUNKT, str(path)], pin=True)
    return wall, float(out.split()[0])


def batch_run(path: Path, jobs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        argv = [sys.executable, "-m", "briefing", "batch", str(path)]
        argv += ["--output", str(Path(tmp, "out.jsonl")), "--jobs", str(jobs), "--sentences", "3"]
        wall, out = timed(argv, pin=jobs == 1)
    found = re.search(r"in ([\d.]+) s", out)
    return wall, float(found.group(1)) if found else float("nan")


def median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    args.file = args.file.resolve()
    compile_package()  # the project as an install runs it: bytecode written once
    runs: dict[str, list[tuple[float, float]]] = {"punkt": [], "jobs1": [], "jobs2": []}
    for _ in range(args.repeat):  # interleaved, so a drift of the machine touches all three
        runs["punkt"].append(punkt_run(args.file))
        runs["jobs1"].append(batch_run(args.file, 1))
        runs["jobs2"].append(batch_run(args.file, 2))
    punkt, jobs1, jobs2 = (median_pair(runs[k]) for k in ("punkt", "jobs1", "jobs2"))
    print(f"{args.file.name}, briefing {build_kind()}, median of {args.repeat} runs")
    print("  (seconds: whole process / work alone)")
    print(f"  NLTK Punkt alone, 1 core     {punkt[0]:7.2f} / {punkt[1]:6.2f}")
    print(f"  briefing batch --jobs 1      {jobs1[0]:7.2f} / {jobs1[1]:6.2f}")
    print(f"  briefing batch --jobs 2      {jobs2[0]:7.2f} / {jobs2[1]:6.2f}")
    print(f"  --jobs 1 / Punkt:  {jobs1[0] / punkt[0]:.2f}x whole process,"
          f" {jobs1[1] / punkt[1]:.2f}x work alone,"
          f" {jobs1[0] / punkt[1]:.2f}x batch command / Punkt's splitting")  # fmt: skip
    print(f"  --jobs 2 / --jobs 1: {jobs2[0] / jobs1[0]:.2f}x wall time")


if __name__ == "__main__":
    main()
