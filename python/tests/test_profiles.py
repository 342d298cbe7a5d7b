"""Profiles from Python lists, numpy arrays and pandas DataFrames give the winners worked out by
hand or by an independent computation in the test (Borda scores and pairwise majorities in numpy)."""
import itertools

import numpy as np
import pandas as pd
import pytest

import prefero

# Hand-worked: 4 voters a>b>c, 3 voters b>c>a, 2 voters c>b>a (9 voters).
# Plurality: a 4, b 3, c 2 -> a. Borda (2,1,0): a 8, b 3+6+2 = 11... b: 4*1 + 3*2 + 2*1 = 12,
# c: 3*1 + 2*2 = 7, a: 4*2 = 8 -> b. Pairwise: b>a 5:4, b>c 7:2 -> Condorcet winner b.
RANKINGS = [["a", "b", "c"]] * 4 + [["b", "c", "a"]] * 3 + [["c", "b", "a"]] * 2


def test_lists_hand_worked():
    p = prefero.profile(RANKINGS)
    assert p.num_voters == 9 and p.num_ballots == 3 and p.candidates == ["a", "b", "c"]
    assert prefero.elect(p, "plurality").names == ["a"]
    assert prefero.elect(p, "borda").names == ["b"]
    assert prefero.elect(p, "schulze").names == ["b"]
    assert prefero.elect(p, "condorcet").names == ["b"]


def test_counts_and_tiers():
    p = prefero.profile([["a", "b", "c"], ["b", "c", "a"], ["c", "b", "a"]], counts=[4, 3, 2])
    assert prefero.elect(p, "borda").names == ["b"]
    # A tie in a ballot: ("a", "b") share the top; candidate left out is unranked.
    q = prefero.profile([[("a", "b"), "c"], ["c"]], counts=[2, 1])
    ballots = dict((tuple(map(tuple, t)), n) for t, n in q.ballots())
    assert ballots == {(("a", "b"), ("c",)): 2, (("c",),): 1}


def _borda_oracle(orders, m):
    score = np.zeros(m)
    for row in orders:
        for pos, c in enumerate(row):
            score[c] += m - 1 - pos
    best = score.max()
    return sorted(int(c) for c in np.flatnonzero(score == best))


def _condorcet_oracle(orders, m):
    pos = np.argsort(orders, axis=1)  # pos[v, c] = position of c in voter v's order
    for a in range(m):
        if all((pos[:, a] < pos[:, b]).sum() * 2 > len(orders) for b in range(m) if b != a):
            return [a]
    return None


@pytest.mark.parametrize("seed", range(5))
def test_numpy_orders_against_oracle(seed):
    rng = np.random.default_rng(seed)
    m, n = 5, 201
    orders = np.array([rng.permutation(m) for _ in range(n)])
    p = prefero.profile(orders)  # pref_voting's layout: candidate indices best first
    assert p.candidates == [str(i) for i in range(m)]
    got = prefero.elect(p, "borda")
    assert sorted(int(x) for x in got.names) == _borda_oracle(orders, m)
    cw = _condorcet_oracle(orders, m)
    if cw is not None:
        assert [int(x) for x in prefero.elect(p, "condorcet").names] == cw
        assert [int(x) for x in prefero.elect(p, "copeland").names] == cw


def test_numpy_levels_and_padding():
    # levels: one column per candidate, 0 = top, -1 = unranked.
    p = prefero.profile(np.array([[0, 1, -1], [0, 0, 1]]), kind="levels", candidates=["x", "y", "z"])
    assert sorted(tuple(map(tuple, t)) for t, _ in p.ballots()) == [(("x",), ("y",)), (("x", "y"), ("z",))]
    # orders padded with -1 (truncated ballots)
    q = prefero.profile(np.array([[2, -1, -1], [1, 2, 0]]), candidates=["a", "b", "c"])
    assert sorted(tuple(map(tuple, t)) for t, _ in q.ballots()) == [(("b",), ("c",), ("a",)), (("c",),)]


def test_pandas_ranks_with_count():
    df = pd.DataFrame({"a": [1, 3, 3], "b": [2, 1, 2], "c": [3, 2, 1], "count": [4, 3, 2]})
    p = prefero.profile(df)
    assert p.num_voters == 9
    assert prefero.elect(p, "borda").names == ["b"]
    assert prefero.elect(p, "plurality").to_pandas()["name"].tolist() == ["a"]


def test_approvals_and_committee_brute_force():
    ballots = [{"a", "b"}, {"a", "c"}, {"b"}, {"c", "d"}, {"d"}, {"a"}]
    p = prefero.profile(approvals=ballots, candidates=["a", "b", "c", "d"])
    assert p.kind == "categorical"
    # Approval voting, k = 2, all winning committees, by enumeration.
    score = {c: sum(c in b for b in ballots) for c in "abcd"}
    best = max(score[x] + score[y] for x, y in itertools.combinations("abcd", 2))
    expected = sorted(sorted([x, y]) for x, y in itertools.combinations("abcd", 2) if score[x] + score[y] == best)
    r = prefero.committee(p, "av", 2, all=True)
    names = r.to_pandas().groupby("committee")["name"].apply(sorted).tolist()
    assert sorted(names) == expected
    # PAV by enumeration (harmonic scores).
    def pav(c):
        return sum(sum(1 / i for i in range(1, len(set(c) & b) + 1)) for b in ballots)
    best_pav = max(pav(c) for c in itertools.combinations("abcd", 2))
    exp_pav = sorted(sorted(c) for c in itertools.combinations("abcd", 2) if abs(pav(c) - best_pav) < 1e-12)
    r = prefero.committee(p, "pav", 2, all=True)
    assert sorted(r.to_pandas().groupby("committee")["name"].apply(sorted).tolist()) == exp_pav
    assert len(prefero.committee(p, "pav", 2).committees) == 1  # resolute by default, as the CLI


def test_scores_profile():
    # Score ballots: range voting sums the grades (a 3+0 = 3, b 2+2 = 4) -> b.
    p = prefero.profile(scores=[{"a": 3, "b": 2}, {"a": 0, "b": 2}])
    assert p.kind == "scores"
    assert prefero.elect(p, "score_voting").names == ["b"]


def test_consensus_kemeny_brute_force():
    rng = np.random.default_rng(3)
    m = 5
    orders = np.array([rng.permutation(m) for _ in range(9)])
    p = prefero.profile(orders)
    pos = np.argsort(orders, axis=1)

    def cost(perm):
        return sum(int((pos[:, perm[j]] < pos[:, perm[i]]).sum()) for i in range(m) for j in range(i + 1, m))

    best = min(cost(perm) for perm in itertools.permutations(range(m)))
    r = prefero.consensus(p, "kemeny")
    assert r.cost == best and r.proven_optimal
    ranking = [int(x) for x in r.to_pandas()["name"]]
    assert cost(ranking) == best
