"""Batch throughput on a local Dask cluster against `--jobs 2`, over 2,000 development articles.

    python bench/dask_throughput.py [--repeat 3] [--blocks 65536,131072,262144]

The 500 CNN and 540 BBC development articles are written twice into one JSONL file (the second
copy's ids end in "#2") and cut at 2,000. Each setting runs as a user would run it, a whole
process: `briefing batch IN --output OUT --sentences 3 --jobs 2`, and the same with
`--scheduler local` (a local cluster of 2 worker processes of one thread each), once for every
JSONL block size given (the bytes of input in one Dask task; the module's BLOCK_BYTES is set
before the run). Settings are interleaved, --repeat rounds; the best wall time of each counts.
It prints both throughputs, the ratio of wall times (target: Dask at most 1.25x --jobs 2) and
checks that every output is the --jobs 2 output byte for byte. Run by hand; nothing here is a
test.
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

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
ARTICLES = 2000
# The batch command, with the cluster module's block size set first (None: plain --jobs 2).
RUNNER = (
    "import sys\n"
    "from briefing import cluster\n"
    "from briefing.cli import main\n"
    "cluster.BLOCK_BYTES = int(sys.argv[1])\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def write_input(path: Path) -> int:
    """2,000 records from the CNN and BBC development sets, repeated with distinct ids."""
    rows = []
    for name in ("cnndm.jsonl", "bbc.jsonl"):
        with (DEV / name).open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            row = rows[n % len(rows)]
            copy = n // len(rows)
            rid = f"{row['id']}#{copy + 1}" if copy else str(row["id"])
            out.write(json.dumps({"id": rid, "text": row["text"]}, ensure_ascii=False) + "\n")
    return ARTICLES


def timed(argv: list[str], block: int | None) -> float:
    if block is None:
        command = [sys.executable, "-m", "briefing", *argv]
    else:
        command = [sys.executable, "-c", RUNNER, str(block), *argv]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"batch failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best of each counts")
    parser.add_argument(
        "--blocks", default="65536,131072,262144", help="JSONL bytes per Dask task, comma-separated"
    )
    args = parser.parse_args()
    blocks = [int(b) for b in args.blocks.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.jsonl")
        n = write_input(src)
        size = src.stat().st_size
        print(f"{n} articles, {size / 1e6:.1f} MB; cores: {os.cpu_count()}")
        settings: list[int | None] = [None, *blocks]
        walls: dict[int | None, list[float]] = {s: [] for s in settings}
        for _ in range(args.repeat):
            for setting in settings:
                out = Path(tmp, f"out-{setting}.jsonl")
                argv = ["batch", str(src), "--output", str(out), "--sentences", "3", "-q"]
                argv += ["--jobs", "2"] + (["--scheduler", "local"] if setting else [])
                walls[setting].append(timed(argv, setting))
        reference = Path(tmp, "out-None.jsonl").read_bytes()
        base = min(walls[None])
        print(f"--jobs 2: best wall {base:.2f} s = {n / base:.1f} articles/s")
        for block in blocks:
            wall = min(walls[block])
            same = Path(tmp, f"out-{block}.jsonl").read_bytes() == reference
            print(
                f"--scheduler local, {block // 1024} KB blocks ({-(-size // block)} tasks): "
                f"best wall {wall:.2f} s = {n / wall:.1f} articles/s; "
                f"{wall / base:.2f}x the wall of --jobs 2; output identical: {same}"
            )
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
