"""Several documents joined into one, so that the text is read (annotated) once.

The joined document numbers its sentences and paragraphs across all documents; each sentence
keeps the id of its document in `Sentence.doc`, so every later stage can say which source a line
came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.model import Document, Sentence


def source_id(n: int) -> str:
    """The id of the n-th source (from 0): "1", "2" ... as the markers show it."""
    return str(n + 1)


def numbered(docs: Sequence[Document]) -> tuple[Document, ...]:
    """The documents with the ids their markers show. Documents numbered already (distinct
    numbers: their places among the inputs, with gaps where one was left out) keep their
    numbers, so that "document 3 left out" and the markers agree; others are numbered "1",
    "2" ... in the order given."""
    ids = [d.id for d in docs]
    if all(i.isdecimal() for i in ids) and len(set(ids)) == len(ids):
        return tuple(docs)
    return tuple(replace(d, id=source_id(n)) for n, d in enumerate(docs))


def join_documents(docs: Sequence[Document]) -> Document:
    """One document holding the sentences of `docs` (already numbered), in their order."""
    sentences: list[Sentence] = []
    paragraphs = 0
    for doc in docs:
        first = len(sentences)
        sentences += [
            Sentence(s.text, first + s.index, paragraphs + s.paragraph, doc.id)
            for s in doc.sentences
        ]
        paragraphs += 1 + max((s.paragraph for s in doc.sentences), default=0)
    return Document(
        text="\n\n".join(d.text for d in docs),
        sentences=tuple(sentences),
        id="story",
        title=None,
        source=None,
    )
