"""The batch's work against NLTK Punkt's splitting, counted in instructions (callgrind).

    python bench/instructions.py [../shared/eval/dev/cnndm.jsonl] [--limit 100]

Wall times on a shared machine drift by a fifth or more between runs, and not alike for a
small tight loop (Punkt) and a whole pipeline; instruction counts do not drift. Under
valgrind's callgrind, one run each (the first --limit records of the file):

  - Punkt: a process that reads the texts and splits them with plain NLTK Punkt, less the same
    process that reads them and splits nothing: Punkt's splitting alone;
  - work: a process that briefs every record as `briefing batch` does (`brief_task`, three
    summary sentences), less the same process briefing none: imports and start-up left out;
  - start-up: that second process, whose imports a batch command pays once.

Prints the three counts and work / Punkt. It needs valgrind (not a Python package) and takes a
few minutes. Instructions are not time (the pipeline has more cache misses per instruction than
Punkt), so this complements bench/pipeline_speed.py and does not replace it. Run by hand;
nothing here is a test.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import build_kind, compile_package

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "cnndm.jsonl"

PUNKT = """
import json, sys
from nltk.tokenize.punkt import PunktSentenceTokenizer
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
texts = texts[: int(sys.argv[2])]
splitter = PunktSentenceTokenizer()
sum(len(splitter.tokenize(t)) for t in texts)
"""

BRIEF = """
import sys
from briefing.batch import Job, brief_task, read_jsonl
from briefing.compose import Options
job = Job(Options(sentences=3))
with open(sys.argv[1], encoding="utf-8") as f:
    tasks = list(read_jsonl(f))[: int(sys.argv[2])]
for task in tasks:
    brief_task(job, task, None)
"""


def instructions(script: str, path: Path, limit: int) -> int:
    """Instructions callgrind counts for `python -c script path limit`."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out"]
        argv += [sys.executable, "-c", script, str(path), str(limit)]
        done = subprocess.run(argv, capture_output=True, text=True, cwd=tmp)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"callgrind run failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py needs valgrind (apt-get install valgrind)")
    compile_package()
    path = args.file.resolve()
    punkt = instructions(PUNKT, path, args.limit) - instructions(PUNKT, path, 0)
    start = instructions(BRIEF, path, 0)
    work = instructions(BRIEF, path, args.limit) - start
    print(f"{path.name}, first {args.limit} records, briefing {build_kind()}, callgrind")
    print(f"  NLTK Punkt's splitting   {punkt / 1e9:6.2f} G instructions")
    print(f"  briefing's work          {work / 1e9:6.2f} G")
    print(f"  briefing's start-up      {start / 1e9:6.2f} G (once per process)")
    print(f"  work / Punkt's splitting: {work / punkt:.2f}x")


if __name__ == "__main__":
    main()
