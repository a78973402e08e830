"""Batch throughput in articles per second, with one worker process and with two.

    python bench/batch_throughput.py [../shared/eval/dev/cnndm.jsonl] [--repeat 3]

Runs `briefing batch FILE --output OUT --jobs N --quiet` as a user would (a fresh process, so
the import time counts), takes the best wall time of --repeat runs, and prints articles/s for
--jobs 1 and --jobs 2 and their ratio. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"


def count_records(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def wall_time(path: Path, jobs: int, extra: list[str]) -> float:
    """Seconds for one batch run; exits with the run's stderr if it failed to run."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = [sys.executable, "-m", "briefing", "batch", str(path), "--output",
                str(Path(tmp, "out.jsonl")), "--jobs", str(jobs), "--quiet", *extra]
        started = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # 1: some records failed, the run itself worked
        sys.exit(f"batch failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT, help="JSONL of articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts")
    parser.add_argument("--algorithm", default="default", help="sentence ranker to time")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data}: no such file")
    n = count_records(args.data)
    extra = ["--algorithm", args.algorithm, "--sentences", "3"]
    rates: dict[int, float] = {}
    for jobs in (1, 2):
        best = min(wall_time(args.data, jobs, extra) for _ in range(args.repeat))
        rates[jobs] = n / best
        print(f"--jobs {jobs}: {n} articles in {best:.2f} s = {rates[jobs]:.1f} articles/s")
    print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
