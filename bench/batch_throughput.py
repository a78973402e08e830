"""Batch throughput in articles per second, with one worker process and with two.

    python bench/batch_throughput.py [../shared/eval/dev/cnndm.jsonl] [--repeat 3]

Runs `briefing batch FILE --output OUT --jobs N --sentences 3` as a user would, --repeat times,
and prints for --jobs 1 and --jobs 2 the best articles/s: over the wall time of the command
(start-up and imports included) and as the run's own summary line reports it (the briefing work
alone), then the ratio of the two settings. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"


def count_records(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def timed_run(path: Path, jobs: int, extra: list[str]) -> tuple[float, float]:
    """(wall seconds, articles/s from the summary line) of one batch run."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = [
            sys.executable,
            "-m",
            "briefing",
            "batch",
            str(path),
            "--output",
            str(Path(tmp, "out.jsonl")),
            "--jobs",
            str(jobs),
            *extra,
        ]
        started = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # 1: some records failed, the run itself worked
        sys.exit(f"batch failed ({proc.returncode}): {proc.stderr.strip()}")
    found = re.search(r"\(([\d.]+) articles/s\)", proc.stderr)
    return seconds, float(found.group(1)) if found else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT, help="JSONL of articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts")
    parser.add_argument("--algorithm", default="default", help="sentence ranker to time")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data}: no such file")
    n = count_records(args.data)
    extra = ["--algorithm", args.algorithm, "--sentences", "3"]
    rates: dict[int, tuple[float, float]] = {}
    for jobs in (1, 2):
        runs = [timed_run(args.data, jobs, extra) for _ in range(args.repeat)]
        wall = min(seconds for seconds, _ in runs)
        rates[jobs] = (n / wall, max(rate for _, rate in runs))
        print(
            f"--jobs {jobs}: {n} articles, best wall {wall:.2f} s = {rates[jobs][0]:.1f} "
            f"articles/s; batch work alone {rates[jobs][1]:.1f} articles/s"
        )
    print(
        f"jobs 2 / jobs 1: {rates[2][0] / rates[1][0]:.2f}x wall, "
        f"{rates[2][1] / rates[1][1]:.2f}x batch work"
    )
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
