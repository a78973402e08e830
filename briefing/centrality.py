"""Vectorized LexRank and TextRank sentence centrality.

Both compute the same scores as sumy's summarizers of the same name (same tokens, stop words,
Snowball stemming, tf-idf, similarity, threshold and power method with sumy's stopping rule),
but build the sentence-similarity matrix with sparse matrix products instead of Python loops
over sentence pairs, so a 1,600-sentence text takes milliseconds instead of tens of seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse


Vector = npt.NDArray[np.float64]

# sumy's constants (LexRankSummarizer and TextRankSummarizer class attributes).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
TEXTRANK_ZERO_DIVISION = 1e-7
# Up to this many sentences the power method runs on a dense matrix exactly as sumy does, so
# the scores are equal to the last bit; above it, on a sparse matrix (equal up to rounding).
DENSE_LIMIT = 2000
ROW_BLOCK = 1024  # rows of the sentence x sentence overlap held in memory at once


def term_counts(sentences: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """A sentences x vocabulary matrix of how often each term occurs in each sentence."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, sentence in enumerate(sentences):
        for term in sentence:
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(sentences), max(1, len(vocabulary)))
    counts = sparse.csr_matrix((data, (rows, cols)), shape=shape)
    counts.sum_duplicates()
    return counts


def lexrank_scores(sentences: Sequence[Sequence[str]]) -> Vector:
    """LexRank score of each sentence (given as its terms), equal to sumy's."""
    if not sentences:
        return np.zeros(0)
    return lexrank_centrality(cosine_similarity(sentences))


def cosine_similarity(sentences: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Sentence x sentence cosine of sumy's LexRank tf-idf vectors (sparse)."""
    n = len(sentences)
    tfidf = _tfidf(term_counts(sentences))
    squared = np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel()
    # sumy: a sentence whose tf-idf vector is zero is similar to nothing, itself included.
    inverse_norm = np.zeros(n)
    has_norm = squared > 0
    inverse_norm[has_norm] = 1.0 / np.sqrt(squared[has_norm])
    scale = sparse.diags(inverse_norm)
    return (scale @ (tfidf @ tfidf.T) @ scale).tocsr()


def lexrank_centrality(cosine: sparse.csr_matrix) -> Vector:
    """LexRank scores from the cosine matrix: power method on the thresholded graph."""
    n = cosine.shape[0]
    linked = (cosine > LEXRANK_THRESHOLD).astype(np.float64).tocsr()
    degrees = np.asarray(linked.sum(axis=1)).ravel()
    degrees[degrees == 0] = 1
    if n <= DENSE_LIMIT:
        transition = linked.toarray() / degrees[:, np.newaxis]
        return _power_method(_dense_step(transition), n, LEXRANK_EPSILON, normalize=True)
    transposed = (sparse.diags(1.0 / degrees) @ linked).T.tocsr()
    return _power_method(transposed.dot, n, LEXRANK_EPSILON, normalize=True)


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    n = counts.shape[0]
    # Term frequency is relative to the sentence's most frequent term.
    max_tf = counts.max(axis=1).toarray().ravel()
    max_tf[max_tf == 0] = 1
    tf = sparse.diags(1.0 / max_tf) @ counts
    # sumy's idf: log(N / (1 + sentences containing the term)); it may be zero or negative.
    containing = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.array([math.log(n / (1 + c)) for c in containing])
    return (tf @ sparse.diags(idf)).tocsr()


def textrank_scores(sentences: Sequence[Sequence[str]]) -> Vector:
    """TextRank score of each sentence (given as its terms), equal to sumy's."""
    n = len(sentences)
    if n == 0:
        return np.zeros(0)
    edges = overlap_edges(sentences)
    if n <= DENSE_LIMIT:
        dense = edges.toarray()
        dense /= dense.sum(axis=1)[:, np.newaxis] + TEXTRANK_ZERO_DIVISION
        damped = np.full((n, n), (1.0 - TEXTRANK_DAMPING) / n) + TEXTRANK_DAMPING * dense
        return _power_method(_dense_step(damped), n, TEXTRANK_EPSILON, normalize=False)
    row_sums = np.asarray(edges.sum(axis=1)).ravel() + TEXTRANK_ZERO_DIVISION
    stochastic = (sparse.diags(1.0 / row_sums) @ edges).T.tocsr()
    return _power_method(_damped_step(stochastic), n, TEXTRANK_EPSILON, normalize=False)


def overlap_edges(
    sentences: Sequence[Sequence[str]], single_word_pair: bool = True
) -> sparse.csr_matrix:
    """TextRank's edge weights: shared words (with repeats) over the sum of the log lengths
    (Reduction's with single_word_pair=False)."""
    n = len(sentences)
    counts = term_counts(sentences)
    shared = (counts @ counts.T).tocoo()
    weight = _overlap_weights(shared, _log_lengths(counts), 0, single_word_pair)
    return sparse.csr_matrix((weight, (shared.row, shared.col)), shape=(n, n))


def overlap_centrality(counts: sparse.csr_matrix, single_word_pair: bool = True) -> Vector:
    """Each sentence's summed overlap weight with the others (the off-diagonal row sums of
    overlap_edges, close to sumy's Reduction rating).

    Computed a block of rows at a time, so memory grows with the text, not with its square: the
    full matrix of a 15,000-sentence day of news holds over ten million pairs.
    single_word_pair: whether two one-word sentences that share their word are linked
    (TextRank links them; Reduction does not).
    """
    n = counts.shape[0]
    log_length = _log_lengths(counts)
    degree = np.zeros(n)
    for start in range(0, n, ROW_BLOCK):
        shared = (counts[start : start + ROW_BLOCK] @ counts.T).tocoo()
        weight = _overlap_weights(shared, log_length, start, single_word_pair)
        others = shared.row + start != shared.col
        degree += np.bincount(shared.row[others] + start, weight[others], minlength=n)
    return degree


def _log_lengths(counts: sparse.csr_matrix) -> Vector:
    """Log of each sentence's number of terms (0 for an empty sentence)."""
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    # math.log, as sumy uses: TextRank's equality with sumy is checked to the last bit.
    return np.array([math.log(n) if n else 0.0 for n in lengths])


def _overlap_weights(
    shared: sparse.coo_matrix, log_length: Vector, first_row: int, single_word_pair: bool = True
) -> Vector:
    """Shared-word counts over the sum of the two sentences' log lengths (rows from first_row)."""
    norm = log_length[shared.row + first_row] + log_length[shared.col]
    single_words = np.isclose(norm, 0.0)  # both sentences are one word long
    linked = shared.data if single_word_pair else np.zeros_like(shared.data)
    weight: Vector = np.where(single_words, linked, shared.data / np.where(single_words, 1, norm))
    return weight


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
    if len(sentences) > DENSE_LIMIT:
        rating = overlap_centrality(term_counts(sentences), single_word_pair=False)
        for members in groups.values():
            rating[members] = rating[members].sum()
        return rating
    weight = overlap_edges(sentences, single_word_pair=False).toarray()
    np.fill_diagonal(weight, 0.0)
    rating = np.cumsum(weight, axis=1)[:, -1]  # cumsum adds in order, sum pairwise
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


def cosine_rows(counts: sparse.csr_matrix) -> Callable[[int], Vector]:
    """A function giving one sentence's word cosine with every sentence (plain term counts).

    Redundancy checks need a handful of rows, so no sentence x sentence matrix is built.
    """
    lengths = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1
    unit = (sparse.diags(1.0 / lengths) @ counts).tocsr()
    transposed = unit.T.tocsr()

    def row(i: int) -> Vector:
        similarity: Vector = (unit[i] @ transposed).toarray().ravel()
        return similarity

    return row


def _dense_step(matrix: Vector) -> Callable[[Vector], Vector]:
    # The very operations sumy runs, so that scores agree to the last bit and ties that
    # rounding breaks are broken the same way.
    def step(p: Vector) -> Vector:
        return np.asarray(np.dot(matrix.T, p), dtype=np.float64)

    return step


def _damped_step(transposed: sparse.csr_matrix) -> Callable[[Vector], Vector]:
    # The damped matrix (1 - d) / N + d * W is dense; multiply by it without building it.
    teleport = (1.0 - TEXTRANK_DAMPING) / transposed.shape[0]

    def step(p: Vector) -> Vector:
        product = teleport * p.sum() + TEXTRANK_DAMPING * (transposed @ p)
        return np.asarray(product, dtype=np.float64)

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
            length = float(np.linalg.norm(following))
            if length == 0:
                # sumy divides by zero here and rates every sentence NaN, i.e. in text order.
                return np.zeros(n)
            following /= length
        moved = float(np.linalg.norm(following - p))
        p = following
    return p
