"""Inputs of an unusual shape finish in bounded time and memory (the bound is generous: this
guards against a quadratic step coming back, it does not measure speed; bench/ does)."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path


def test_a_hundred_thousand_short_lines_are_briefed(tmp_path: Path) -> None:
    # Every line is a sentence of the same shape: once a quadratic step in the centrality,
    # minutes and gigabytes for this input.
    source = tmp_path / "lines.txt"
    source.write_text("\n".join(f"Line {i} says hi." for i in range(100_000)), encoding="utf-8")
    out = tmp_path / "lines.md"
    argv = [sys.executable, "-m", "briefing", str(source), "-o", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1024
