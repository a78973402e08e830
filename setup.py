"""Build of briefing: the pipeline's modules compiled to C by mypyc where a C compiler is at hand.

Everything else about the package is in pyproject.toml. The compiled modules run the same code
as their Python source, about 1.5 times as fast; the project's type annotations are what mypyc
compiles from. Where compiling is not possible (no C compiler, no mypy in the build
environment) or not wanted (`BRIEFING_PURE_PYTHON=1`, e.g. for an editable install whose
Python files are being edited), the package installs as plain Python and works the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The stages a briefing runs through, hottest first; the command line, batch runs, reading of
# files and pages, and the optional spaCy path gain nothing measurable and stay Python.
COMPILED = [
    "briefing/tokens.py",
    "briefing/annotate.py",
    "briefing/actors/names.py",
    "briefing/actors/__init__.py",
    "briefing/actors/clusters.py",
    "briefing/actors/forms.py",
    "briefing/actors/roles.py",
    "briefing/actors/lexicon.py",
    "briefing/outlook.py",
    "briefing/figures/__init__.py",
    "briefing/figures/numbers.py",
    "briefing/text.py",
    "briefing/detect.py",
    "briefing/rank/__init__.py",
    "briefing/render/plain.py",
    "briefing/render/data.py",
]


def warn(message: str) -> None:
    print(f"briefing build: {message}; installing plain Python", file=sys.stderr)


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """Builds the compiled modules, or none of them: a failed compile leaves plain Python."""

    def run(self) -> None:
        self.remove_stale()
        try:
            super().run()
        except Exception as error:  # any compiler failure: the Python modules still work
            warn(f"compiling failed ({error})")
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)

    def remove_stale(self) -> None:
        wanted = {Path(p).resolve() for p in self.get_outputs()}
        remove_compiled(Path(self.build_lib), keep=wanted)
        if self.inplace:  # an editable install: its sources' folder is what Python imports
            remove_compiled(Path.cwd(), keep=wanted)


def remove_compiled(folder: Path, keep: Collection[Path] = ()) -> None:
    """Drops compiled modules of an earlier build that this one does not make: left in the
    build folder they would be packaged, left beside the sources (an editable install) they
    would be imported instead of the Python files."""
    for suffix in EXTENSION_SUFFIXES:
        found = [*folder.glob(f"briefing__mypyc*{suffix}"), *folder.glob(f"briefing/**/*{suffix}")]
        for path in found:
            if path.resolve() not in keep:
                path.unlink()


def compiled_modules() -> list[Any]:
    if os.environ.get("BRIEFING_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("mypyc is not installed")
        return []
    try:
        # The project's strict mypy settings are for its development; the build environment
        # lacks the libraries' type information, which the compiled code does not need.
        flags = ["--config-file", os.devnull, "--ignore-missing-imports"]
        modules: list[Any] = mypycify([*flags, *COMPILED], group_name="briefing")
        return modules
    except (Exception, SystemExit) as error:  # mypyc reports type errors by exiting
        warn(f"mypyc could not translate the modules ({error})")
        return []


modules = compiled_modules()
if not modules and "editable_wheel" in sys.argv:  # setuptools' command for `pip install -e`
    remove_compiled(Path.cwd())  # an editable install turned to plain Python
setup(ext_modules=modules, cmdclass={"build_ext": OptionalBuildExt})
