"""The build compiles the pipeline's modules with mypyc (setup.py); these tests keep that list
honest and check that an install which compiled did compile every module it names."""

from __future__ import annotations

import ast
import importlib
import pickle
import re
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from briefing.compose import Options

ROOT = Path(__file__).resolve().parents[1]


def compiled_list() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED":
            return list(ast.literal_eval(node.value))
    raise AssertionError("setup.py names no COMPILED modules")


def module_name(path: str) -> str:
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def test_compiled_modules_exist_and_hold_no_cached_property() -> None:
    paths = compiled_list()
    assert paths and len(set(paths)) == len(paths)
    for path in paths:
        source = (ROOT / path).read_text(encoding="utf-8")
        # A compiled class keeps no instance dictionary, so functools.cached_property would
        # compute again on every read: slower, silently (a document's word count was counted
        # on every use when model.py was compiled).
        assert not re.search(r"\bcached_property\b", source), path


def is_compiled(module: str) -> bool:
    return str(importlib.import_module(module).__file__).endswith(tuple(EXTENSION_SUFFIXES))


def test_a_compiled_install_compiled_every_named_module() -> None:
    modules = [module_name(p) for p in compiled_list()]
    done = [m for m in modules if is_compiled(m)]
    if not done:
        pytest.skip("plain Python install (no C compiler, or BRIEFING_PURE_PYTHON set)")
    assert done == modules  # a build compiles all of them or none: never a mix
    assert not is_compiled("briefing.cli")  # the command line stays Python


def test_options_cross_to_another_process() -> None:
    # Batch workers and Dask tasks receive the options pickled. A frozen class compiled by
    # mypyc cannot be unpickled (its fields refuse the assignment), so compose.py stays Python.
    options = Options(algorithm="lexrank", sentences=4, detect_language=False)
    assert pickle.loads(pickle.dumps(options)) == options
