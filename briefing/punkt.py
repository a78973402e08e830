"""NLTK's Punkt sentence splitter, its patterns run without NLTK's per-call time limit.

Since 3.9, NLTK compiles every pattern with the `regex` engine and wraps each call in a
Python-level time guard, against patterns a caller supplies. Punkt's patterns are its own,
fixed and linear, and the wrapper cost about 40% of Punkt's time here. These classes compile
the same pattern texts with the same engine and flags, so the spans are Punkt's own; should a
later NLTK rename what they override, Punkt simply runs as NLTK ships it.

Punkt is also imported without running the `nltk` package's __init__ first (`_import_punkt`).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

import regex

PACKAGES = ("nltk", "nltk.tokenize")  # whose __init__ Punkt does not need


class _Deferred(importlib.abc.Loader):
    """Runs a package's own __init__, when it is first imported, into the module object
    Punkt's import left bare (which already holds the submodules Punkt loaded)."""

    def __init__(self, module: ModuleType, spec: importlib.machinery.ModuleSpec) -> None:
        self.module, self.spec = module, spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        assert self.spec.loader is not None
        self.spec.loader.exec_module(module)
        module.__spec__ = self.spec


class _DeferredPackages(importlib.abc.MetaPathFinder):
    """Finds each deferred package once, then steps aside."""

    def __init__(self, packages: dict[str, tuple[ModuleType, importlib.machinery.ModuleSpec]]):
        self.packages = packages

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        found = self.packages.pop(name, None)
        if found is None:
            return None
        if not self.packages and self in sys.meta_path:
            sys.meta_path.remove(self)
        module, spec = found
        return importlib.util.spec_from_loader(
            name, _Deferred(module, spec), origin=spec.origin, is_package=True
        )


def _bare(name: str) -> tuple[ModuleType, importlib.machinery.ModuleSpec]:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        raise ImportError(f"{name} is not a package on disk")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    return module, spec


def _import_punkt() -> ModuleType:
    """nltk.tokenize.punkt, imported without first running the `nltk` and `nltk.tokenize`
    packages' __init__ when nothing has imported NLTK yet.

    `nltk/__init__.py` imports most of NLTK (parsers, corpora, metrics): 0.18 s of the 0.24 s
    that importing Punkt took, paid by every briefing process, though Punkt needs none of it.
    The two packages are put in place bare while Punkt and what it imports load, then taken
    out of `sys.modules` again: the first `import nltk` after that, here or anywhere in the
    process, runs their __init__ in the usual order (into the same module objects, so they keep
    their submodules). Should anything here fail, Punkt is imported the usual way."""
    if "nltk" not in sys.modules:
        packages = {}
        loaded = set(sys.modules)
        try:
            for name in PACKAGES:
                packages[name] = _bare(name)
            vars(packages["nltk"][0])["tokenize"] = packages["nltk.tokenize"][0]
            punkt = importlib.import_module("nltk.tokenize.punkt")
        except Exception:  # any surprise: NLTK is imported as it ships, from the start
            packages.clear()
            for name in set(sys.modules) - loaded:
                if name.startswith("nltk."):
                    del sys.modules[name]
        finally:
            for name in PACKAGES:
                sys.modules.pop(name, None)
        if packages:
            sys.meta_path.insert(0, _DeferredPackages(packages))
            return punkt
    return importlib.import_module("nltk.tokenize.punkt")


_punkt = _import_punkt()
if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken
    from nltk.tokenize.punkt import PunktParameters as PunktParameters
    from nltk.tokenize.punkt import PunktSentenceTokenizer as PunktSentenceTokenizer
else:  # not `from nltk...`: that would import the packages again, __init__ and all
    PunktLanguageVars = _punkt.PunktLanguageVars
    PunktParameters = _punkt.PunktParameters
    PunktSentenceTokenizer = _punkt.PunktSentenceTokenizer
    PunktToken = _punkt.PunktToken

_NON_PUNCT = regex.compile(r"[^\W\d]", re.UNICODE)
_VARS = PunktLanguageVars()
_WORD_TOKENIZER = regex.compile(
    _VARS._word_tokenize_fmt
    % {
        "NonWord": _VARS._re_non_word_chars,
        "MultiChar": _VARS._re_multi_char_punct,
        "WordStart": _VARS._re_word_start,
    },
    re.UNICODE | re.VERBOSE,
)
_PERIOD_CONTEXT = regex.compile(
    _VARS._period_context_fmt
    % {"NonWord": _VARS._re_non_word_chars, "SentEndChars": _VARS._re_sent_end_chars},
    re.UNICODE | re.VERBOSE,
)


class LanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English punctuation, its three patterns compiled once, unguarded."""

    re_boundary_realignment = regex.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> Any:
        return _WORD_TOKENIZER

    def period_context_re(self) -> Any:
        return _PERIOD_CONTEXT


class Token(PunktToken):  # type: ignore[misc]
    """Punkt's token, its shape patterns compiled once, unguarded."""

    __slots__ = ()

    _RE_ELLIPSIS = regex.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = regex.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = regex.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = regex.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)

    @property
    def is_non_punct(self) -> Any:
        return _NON_PUNCT.search(self.type)


def sentence_tokenizer(params: PunktParameters) -> PunktSentenceTokenizer:
    """Punkt with the given parameters (abbreviations, sentence starters)."""
    return PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=Token)
