"""Analytic hierarchy process (Saaty): weights from pairwise comparisons, with no Django import.

A judgement a_ij on Saaty's scale 1/9 … 9 says how much more important criterion i is than j
(a_ji = 1 / a_ij). The weights are the principal eigenvector of the comparison matrix,
normalised to sum 1, found by power iteration. Consistency: CI = (λmax − n) / (n − 1) and
CR = CI / RI(n), with Saaty's random index RI; a set with CR > 0.10 is inconsistent and
should be revised. With two criteria (or fewer) any set is consistent.
"""

from __future__ import annotations

from dataclasses import dataclass

# Saaty's random consistency index for n = 1 … 15.
RANDOM_INDEX = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)
THRESHOLD = 0.10
SCALE = (1 / 9, 1 / 7, 1 / 5, 1 / 3, 1.0, 3.0, 5.0, 7.0, 9.0)


@dataclass(frozen=True)
class Result:
    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float

    @property
    def consistent(self) -> bool:
        return self.cr <= THRESHOLD


def matrix(n: int, judgements: dict[tuple[int, int], float]) -> list[list[float]]:
    """The reciprocal matrix from judgements a_ij for i < j; missing pairs count as equal."""
    m = [[1.0] * n for _ in range(n)]
    for (i, j), value in judgements.items():
        if value <= 0:
            raise ValueError("a judgement must be positive")
        m[i][j] = value
        m[j][i] = 1.0 / value
    return m


def weigh_keyed(keys: list, judgements: dict[tuple, float]) -> Result:
    """Weights in the order of `keys` from judgements keyed by (key_i, key_j); judgements on
    keys not in the list are ignored."""
    index = {k: n for n, k in enumerate(keys)}
    pairs = {
        (index[a], index[b]): v for (a, b), v in judgements.items() if a in index and b in index
    }
    return weigh(matrix(len(keys), pairs))


def weigh(m: list[list[float]], iterations: int = 200) -> Result:
    n = len(m)
    if n == 0:
        return Result((), 0.0, 0.0, 0.0)
    w = [1.0 / n] * n
    for _ in range(iterations):
        nxt = [sum(m[i][j] * w[j] for j in range(n)) for i in range(n)]
        total = sum(nxt)
        nxt = [v / total for v in nxt]
        if max(abs(a - b) for a, b in zip(nxt, w, strict=True)) < 1e-12:
            w = nxt
            break
        w = nxt
    mw = [sum(m[i][j] * w[j] for j in range(n)) for i in range(n)]
    lambda_max = sum(mw[i] / w[i] for i in range(n)) / n
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    ri = RANDOM_INDEX[min(n, len(RANDOM_INDEX)) - 1]
    cr = ci / ri if ri else 0.0
    return Result(tuple(w), lambda_max, max(ci, 0.0), max(cr, 0.0))
