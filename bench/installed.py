"""Byte-compile the project's modules before a timing, as an install does.

`pip install .` writes every module's bytecode at install time; an editable install leaves it
to the first import, and with PYTHONDONTWRITEBYTECODE set (as on the project's machines) no
process ever writes it, so every run compiles the whole package from source again: about a
tenth of a second that no installed copy pays. The timing benches call this first, so they
time the project as a user's install runs it.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent


def compile_package() -> None:
    if not compileall.compile_dir(str(PACKAGE), quiet=1):
        raise SystemExit(f"could not byte-compile {PACKAGE}")


def build_kind() -> str:
    """How the timed package runs: compiled by mypyc (setup.py) or as plain Python."""
    import briefing.annotate

    where = str(briefing.annotate.__file__)
    return "plain Python" if where.endswith(".py") else "compiled (mypyc)"
