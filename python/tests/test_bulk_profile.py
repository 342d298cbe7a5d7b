"""The numpy bulk path (identical rows merged in C++, issue 8's speed item) against numpy oracles:
unique ballots in first-appearance order with their counts, and the pairwise support matrix."""
import numpy as np
import pytest

import prefero


def oracle_levels(orders, m):
    """Level rows from pref_voting-style orders (-1 pads truncated ballots), in plain Python."""
    out = []
    for row in orders:
        lv = [-1] * m
        for pos, c in enumerate(x for x in row if x >= 0):
            lv[c] = pos
        out.append(tuple(lv))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_orders_with_repeats_and_padding(seed):
    rng = np.random.default_rng(seed)
    m, n = 4, 300
    orders = np.array([rng.permutation(m) for _ in range(n)], dtype=np.int64)
    cut = rng.integers(1, m + 1, size=n)  # truncate: keep the first cut[v] positions
    for v in range(n):
        orders[v, cut[v]:] = -1
    counts = rng.integers(1, 4, size=n)
    p = prefero.profile(orders, counts=counts, candidates=["a", "b", "c", "d"])
    rows = oracle_levels(orders, m)
    first, total = [], {}
    for r, c in zip(rows, counts):
        if r not in total:
            first.append(r)
            total[r] = 0
        total[r] += int(c)
    got = p.ballots()
    assert p.num_ballots == len(first) and p.num_voters == int(counts.sum())
    names = ["a", "b", "c", "d"]
    for (tiers, count), r in zip(got, first):
        want = [[names[c]] for c in sorted((c for c in range(m) if r[c] >= 0), key=lambda c: r[c])]
        assert tiers == want and count == total[r]
    # support_ranked: voters ranking both a and b with a above b.
    support = np.zeros((m, m), dtype=np.int64)
    for r, c in zip(rows, counts):
        for a in range(m):
            for b in range(m):
                if r[a] >= 0 and r[b] >= 0 and r[a] < r[b]:
                    support[a, b] += c
    assert p.summary()["unranked_incomparable"]["support"] == support.tolist()


def test_levels_with_gaps_merge_with_compact_ones():
    # [0, 2, 2] and [0, 1, 1] are the same weak order; [5, -1, 0] is c > a.
    p = prefero.profile(np.array([[0, 2, 2], [0, 1, 1], [5, -1, 0]]), kind="levels", candidates=["a", "b", "c"])
    assert p.ballots() == [([["a"], ["b", "c"]], 2), ([["c"], ["a"]], 1)]


def test_bad_orders():
    with pytest.raises(prefero.InputError, match="ballot 1: a candidate is ranked twice"):
        prefero.profile(np.array([[0, 1], [1, 1]]))
    with pytest.raises(prefero.InputError, match=r"candidate indices must be in \[0, 2\)"):
        prefero.profile(np.array([[0, 7]]), candidates=["a", "b"])
    with pytest.raises(prefero.InputError, match=r"candidate indices must be in \[0, 2\)"):
        prefero.profile(np.array([[0, 2**33]], dtype=np.int64), candidates=["a", "b"])
