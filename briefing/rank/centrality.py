"""Vectorized sentence centrality with numpy alone: LexRank, TextRank, Reduction, the default
ranker's word-overlap centrality and word cosines.

LexRank, TextRank and Reduction compute the same scores as sumy's summarizers of the same name
(same tokens, stop words, Snowball stemming, tf-idf, similarity, threshold and power method with
sumy's stopping rule), but with array products instead of Python loops over sentence pairs.

No scipy: importing it costs a process over half a second. Term counts are kept as a list of
(sentence, term, count) entries. Sentence x sentence products are made from the terms' posting
lists (every pair of entries that share a term): whole and dense for a short text (most news
articles), a block of rows at a time for a long one, so that memory grows with the text, not
with its square.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]
Pairs = npt.NDArray[np.int32]  # one end of each sentence pair

# sumy's constants (LexRankSummarizer and TextRankSummarizer class attributes).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
TEXTRANK_ZERO_DIVISION = 1e-7
# Up to this many sentences the power method runs on a dense matrix exactly as sumy does, so
# the scores are equal to the last bit; above it, on a sparse one (equal up to rounding).
DENSE_LIMIT = 2000
# Largest dense matrix made at once (cells): 16 MB of float64.
BLOCK_CELLS = 1 << 21


@dataclass(frozen=True)
class Counts:
    """A sparse sentences x terms matrix: entry k says that sentence rows[k] holds term cols[k]
    with weight values[k] (a count, or a tf-idf). Entries are sorted by sentence, then term."""

    rows: Index
    cols: Index
    values: Vector
    n: int  # sentences
    terms: int

    def with_values(self, values: Vector) -> Counts:
        return Counts(self.rows, self.cols, values, self.n, self.terms)

    @cached_property
    def row_starts(self) -> Index:
        """Where each sentence's entries begin (and, last, their end)."""
        return np.searchsorted(self.rows, np.arange(self.n + 1))

    @cached_property
    def by_term(self) -> Index:
        """The entries in term order: the posting lists, one after another."""
        return np.argsort(self.cols, kind="stable")

    @cached_property
    def term_starts(self) -> Index:
        return np.searchsorted(self.cols[self.by_term], np.arange(self.terms + 1))

    def row_sums(self, values: Vector | None = None) -> Vector:
        found = self.values if values is None else values
        return np.bincount(self.rows, found, minlength=self.n).astype(np.float64)


def term_counts(sentences: Sequence[Sequence[str]]) -> Counts:
    """How often each term occurs in each sentence (given as its terms)."""
    every = list(chain.from_iterable(sentences))
    vocabulary = {term: i for i, term in enumerate(dict.fromkeys(every))}
    ids = np.array(list(map(vocabulary.__getitem__, every)), dtype=np.int64)
    n, terms = len(sentences), max(1, len(vocabulary))
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(s) for s in sentences])
    keys, counts = np.unique(rows * terms + ids, return_counts=True)
    return Counts(keys // terms, keys % terms, counts.astype(np.float64), n, terms)


# ---------------------------------------------------------------- sentence x sentence products
def gram_rows(m: Counts, start: int, stop: int) -> Vector:
    """Rows start:stop of m @ m.T, dense, from the posting lists of the rows' terms."""
    lo, hi = m.row_starts[start], m.row_starts[stop]
    first = m.term_starts[m.cols[lo:hi]]
    sizes = m.term_starts[m.cols[lo:hi] + 1] - first
    # Every entry of the block meets every entry of its term's posting list.
    owner = np.repeat(np.arange(lo, hi), sizes)
    begins = np.cumsum(sizes) - sizes
    other = m.by_term[np.arange(len(owner)) - np.repeat(begins - first, sizes)]
    cells = (m.rows[owner] - start) * m.n + m.rows[other]
    weights = m.values[owner] * m.values[other]
    block = np.bincount(cells, weights, minlength=(stop - start) * m.n)
    return np.asarray(block, dtype=np.float64).reshape(stop - start, m.n)


def row_blocks(m: Counts) -> Iterator[tuple[int, int]]:
    """Row ranges whose products fit BLOCK_CELLS (a single row may take more pairs)."""
    sizes = np.diff(m.term_starts)
    if m.n * m.n <= BLOCK_CELLS and int(sizes @ sizes) <= BLOCK_CELLS:
        yield 0, m.n  # most news articles: no need to count pairs row by row
        return
    pairs = np.concatenate(([0], np.cumsum(np.bincount(m.rows, sizes[m.cols], minlength=m.n))))
    height = max(1, BLOCK_CELLS // max(1, m.n))
    start = 0
    while start < m.n:
        by_pairs = int(np.searchsorted(pairs, pairs[start] + BLOCK_CELLS, side="right")) - 1
        stop = min(m.n, start + height, max(by_pairs, start + 1))
        yield start, stop
        start = stop


def gram(m: Counts) -> Vector:
    """m @ m.T, dense (for texts of up to DENSE_LIMIT sentences)."""
    # From the posting lists even for a short text: a news article's few hundred pairs of
    # entries that share a term cost less than a dense sentence x term product.
    return np.vstack([gram_rows(m, a, b) for a, b in row_blocks(m)])


# ---------------------------------------------------------------- word overlap
def log_lengths(m: Counts) -> Vector:
    """Log of each sentence's number of terms (0 for an empty sentence)."""
    lengths = m.row_sums().astype(np.int64)
    # math.log, as sumy uses: TextRank's equality with sumy is checked to the last bit.
    table = np.array([0.0] + [math.log(k) for k in range(1, int(lengths.max(initial=0)) + 1)])
    return table[lengths]


def overlap_weights(shared: Vector, norm: Vector, single_word_pair: bool = True) -> Vector:
    """Shared-word counts over norm, the sum of the two sentences' log lengths; where both
    sentences are one word long (norm 0), the count itself (TextRank) or nothing (Reduction:
    single_word_pair off)."""
    # norm is never negative: this is sumy's np.isclose(norm, 0.0), for a fraction of its cost.
    single_words = norm <= 1e-8
    linked = shared if single_word_pair else np.zeros_like(shared)
    weight: Vector = np.where(single_words, linked, shared / np.where(single_words, 1, norm))
    return weight


def _outer_sum(a: Vector, b: Vector) -> Vector:
    total: Vector = a[:, np.newaxis] + b[np.newaxis, :]
    return total


def overlap_edges(m: Counts, single_word_pair: bool = True, shared: Vector | None = None) -> Vector:
    """TextRank's edge weights, dense (Reduction's with single_word_pair=False); shared is
    gram(m) when already made."""
    log_length = log_lengths(m)
    product = gram(m) if shared is None else shared
    return overlap_weights(product, _outer_sum(log_length, log_length), single_word_pair)


def _sums_with_others(weight: Vector) -> Vector:
    np.fill_diagonal(weight, 0.0)
    summed: Vector = weight.sum(axis=1)
    return summed


def overlap_centrality(m: Counts, single_word_pair: bool = True) -> Vector:
    """Each sentence's summed overlap weight with the others (the off-diagonal row sums of
    overlap_edges, close to sumy's Reduction rating).

    single_word_pair: whether two one-word sentences that share their word are linked
    (TextRank links them; Reduction does not).
    """
    if m.n <= DENSE_LIMIT:
        return _sums_with_others(overlap_edges(m, single_word_pair))
    return _overlap_centrality_by_length(m, single_word_pair)


def _overlap_centrality_by_length(m: Counts, single_word_pair: bool) -> Vector:
    # The weight of a pair depends on the second sentence only through its overlap count and
    # its length, so the sentences of one length can be summed into a single term vector first:
    # sum_j shared(i, j) / (log|i| + log|j|) = sum_l (x_i . y_l) / (log|i| + log l), where y_l
    # adds up the sentences of length l. No pair of sentences is ever formed.
    lengths = m.row_sums().astype(np.int64)
    sizes, group = np.unique(lengths, return_inverse=True)
    by_length = np.zeros((len(sizes), m.terms))
    np.add.at(by_length, (group[m.rows], m.cols), m.values)
    shared = np.zeros((m.n, len(sizes)))
    step = max(1, BLOCK_CELLS // len(sizes))
    for lo in range(0, len(m.rows), step):
        part = slice(lo, lo + step)
        products = m.values[part, np.newaxis] * by_length[:, m.cols[part]].T
        # Entries come sorted by sentence: add up each sentence's run of them.
        rows, firsts = np.unique(m.rows[part], return_index=True)
        shared[rows] += np.add.reduceat(products, firsts, axis=0)
    table = np.array([math.log(k) if k else 0.0 for k in sizes.tolist()])
    log_length = table[group]
    weight = overlap_weights(shared, _outer_sum(log_length, table), single_word_pair)
    # The sums took each sentence's overlap with itself: take it back out.
    itself = m.row_sums(m.values * m.values)
    own = overlap_weights(itself, 2 * log_length, single_word_pair)
    return np.asarray(weight.sum(axis=1) - own, dtype=np.float64)


def word_overlap(m: Counts) -> tuple[Vector, Callable[[int], Vector]]:
    """The default ranker's two readings of word overlap: each sentence's overlap centrality,
    and a function giving one sentence's word cosine with every sentence (plain term counts).

    For a short text both come from one sentence x sentence product (the cosine of two count
    vectors is their product over the square roots of their products with themselves). A long
    one gets its centrality by length groups and a cosine row only when one is asked for:
    redundancy checks need a handful.
    """
    if m.n > DENSE_LIMIT:
        return overlap_centrality(m), _cosine_row_by_row(m)
    shared = gram(m)
    centrality = _sums_with_others(overlap_edges(m, shared=shared))
    norms = np.sqrt(shared.diagonal())
    norms[norms == 0] = 1
    cosine = shared / norms[:, np.newaxis] / norms[np.newaxis, :]
    return centrality, cosine.__getitem__


def _cosine_row_by_row(m: Counts) -> Callable[[int], Vector]:
    norms = np.sqrt(m.row_sums(m.values * m.values))
    norms[norms == 0] = 1
    unit = m.with_values(m.values / norms[m.rows])
    return lambda i: gram_rows(unit, i, i + 1)[0]


# ---------------------------------------------------------------- LexRank
def lexrank_scores(sentences: Sequence[Sequence[str]]) -> Vector:
    """LexRank score of each sentence (given as its terms), equal to sumy's."""
    if not sentences:
        return np.zeros(0)
    m = term_counts(sentences)
    tfidf = _tfidf(m)
    squared = tfidf.row_sums(tfidf.values * tfidf.values)
    # sumy: a sentence whose tf-idf vector is zero is similar to nothing, itself included.
    inverse_norm = np.zeros(m.n)
    has_norm = squared > 0
    inverse_norm[has_norm] = 1.0 / np.sqrt(squared[has_norm])
    if m.n <= DENSE_LIMIT:
        cosine = gram(tfidf) * inverse_norm[:, np.newaxis] * inverse_norm[np.newaxis, :]
        linked = (cosine > LEXRANK_THRESHOLD).astype(np.float64)
        transition = linked / _degrees(linked.sum(axis=1))[:, np.newaxis]
        return _power_method(_dense_step(transition), m.n, LEXRANK_EPSILON, normalize=True)
    rows, cols = _linked_pairs(tfidf, inverse_norm)
    weights = 1.0 / _degrees(np.bincount(rows, minlength=m.n).astype(np.float64))[rows]
    step = _sparse_step(rows, cols, weights, m.n)
    return _power_method(step, m.n, LEXRANK_EPSILON, normalize=True)


def _tfidf(m: Counts) -> Counts:
    # Term frequency is relative to the sentence's most frequent term.
    max_tf = np.ones(m.n)
    np.maximum.at(max_tf, m.rows, m.values)
    # sumy's idf: log(N / (1 + sentences containing the term)); it may be zero or negative.
    containing = np.bincount(m.cols, minlength=m.terms)
    idf = np.array([math.log(m.n / (1 + c)) for c in containing.tolist()])
    return m.with_values(m.values / max_tf[m.rows] * idf[m.cols])


def _degrees(counts: Vector) -> Vector:
    return np.where(counts == 0, 1.0, counts)


def _linked_pairs(tfidf: Counts, inverse_norm: Vector) -> tuple[Pairs, Pairs]:
    """(row, column) of every sentence pair whose cosine is above LexRank's threshold."""
    rows, cols = [], []
    for start, stop in row_blocks(tfidf):
        block = gram_rows(tfidf, start, stop) * inverse_norm[start:stop, np.newaxis]
        i, j = np.nonzero(block * inverse_norm[np.newaxis, :] > LEXRANK_THRESHOLD)
        # int32: a long text has tens of millions of linked pairs.
        rows.append((i + start).astype(np.int32))
        cols.append(j.astype(np.int32))
    return np.concatenate(rows), np.concatenate(cols)


# ---------------------------------------------------------------- TextRank
def textrank_scores(sentences: Sequence[Sequence[str]]) -> Vector:
    """TextRank score of each sentence (given as its terms), equal to sumy's."""
    n = len(sentences)
    if n == 0:
        return np.zeros(0)
    m = term_counts(sentences)
    if n <= DENSE_LIMIT:
        dense = overlap_edges(m)
        dense /= dense.sum(axis=1)[:, np.newaxis] + TEXTRANK_ZERO_DIVISION
        damped = np.full((n, n), (1.0 - TEXTRANK_DAMPING) / n) + TEXTRANK_DAMPING * dense
        return _power_method(_dense_step(damped), n, TEXTRANK_EPSILON, normalize=False)
    rows, cols, weights = _overlap_pairs(m)
    row_sums = np.bincount(rows, weights, minlength=n) + TEXTRANK_ZERO_DIVISION
    step = _sparse_step(rows, cols, weights / row_sums[rows], n)
    teleport = (1.0 - TEXTRANK_DAMPING) / n

    def damped_step(p: Vector) -> Vector:
        # The damped matrix (1 - d) / N + d * W is dense; multiply by it without building it.
        return np.asarray(teleport * p.sum() + TEXTRANK_DAMPING * step(p), dtype=np.float64)

    return _power_method(damped_step, n, TEXTRANK_EPSILON, normalize=False)


def _overlap_pairs(m: Counts) -> tuple[Pairs, Pairs, Vector]:
    """(row, column, weight) of every linked sentence pair of overlap_edges."""
    log_length = log_lengths(m)
    rows, cols, weights = [], [], []
    for start, stop in row_blocks(m):
        shared = gram_rows(m, start, stop)
        block = overlap_weights(shared, _outer_sum(log_length[start:stop], log_length))
        i, j = np.nonzero(block)
        # int32: a long text has tens of millions of linked pairs.
        rows.append((i + start).astype(np.int32))
        cols.append(j.astype(np.int32))
        weights.append(block[i, j])
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(weights)


# ---------------------------------------------------------------- Reduction
def reduction_scores(sentences: Sequence[Sequence[str]], texts: Sequence[str]) -> Vector:
    """sumy's Reduction rating of each sentence (given as its terms and its text): its summed
    overlap weight with every other sentence, two one-word sentences not linked. sumy keys
    ratings by text, so sentences with the same text share the sum of their weights.

    Up to DENSE_LIMIT sentences the weights are added one at a time in sumy's order, so that
    equal ratings stay equal to the last bit and ties break as sumy's do.
    """
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        groups.setdefault(text, []).append(i)
    m = term_counts(sentences)
    if m.n > DENSE_LIMIT:
        summed = overlap_centrality(m, single_word_pair=False)
        for members in groups.values():
            summed[members] = summed[members].sum()
        return summed
    weight = overlap_edges(m, single_word_pair=False)
    np.fill_diagonal(weight, 0.0)
    rating: Vector = np.cumsum(weight, axis=1)[:, -1]  # cumsum adds in order, sum pairwise
    for members in groups.values():
        if len(members) > 1:
            rating[members] = _added_in_pair_order(weight, members)
    return rating


def _added_in_pair_order(weight: Vector, members: list[int]) -> float:
    """One accumulator for several sentences, fed as sumy feeds it: pair by pair (a < b), the
    weight once for a and then once for b when each is a member."""
    feed = sorted(
        (min(i, j), max(i, j), i > j, weight[i, j])
        for i in members
        for j in range(len(weight))
        if j != i
    )
    total = 0.0
    for *_, value in feed:
        total += value  # one at a time: sum() compensates rounding since Python 3.12
    return total


# ---------------------------------------------------------------- power method
def _dense_step(matrix: Vector) -> Callable[[Vector], Vector]:
    # The very operations sumy runs, so that scores agree to the last bit and ties that
    # rounding breaks are broken the same way.
    def step(p: Vector) -> Vector:
        return np.asarray(np.dot(matrix.T, p), dtype=np.float64)

    return step


def _sparse_step(rows: Pairs, cols: Pairs, weights: Vector, n: int) -> Callable[[Vector], Vector]:
    """p -> M.T @ p for the matrix M with the given (row, column, weight) entries."""

    def step(p: Vector) -> Vector:
        return np.bincount(cols, weights * p[rows], minlength=n).astype(np.float64)

    return step


def _power_method(
    step: Callable[[Vector], Vector], n: int, epsilon: float, *, normalize: bool
) -> Vector:
    """sumy's power method: p <- M^T p from the uniform vector until p moves by epsilon or less."""
    p: Vector = np.array([1.0 / n] * n)
    moved = 1.0
    while moved > epsilon:
        following = np.asarray(step(p), dtype=np.float64)
        if normalize:
            length = _norm(following)
            if length == 0:
                # sumy divides by zero here and rates every sentence NaN, i.e. in text order.
                return np.zeros(n)
            following /= length
        moved = _norm(following - p)
        p = following
    return p


def _norm(v: Vector) -> float:
    """np.linalg.norm(v) of a vector, computed as numpy computes it (the same bits), without
    its checks, which cost more than the sum here: the loop runs about 90 times a text."""
    return math.sqrt(float(v.dot(v)))
