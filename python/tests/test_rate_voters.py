"""bt_mixture from Python: a judge/voter/worker column of a DataFrame (or dict, or list of dicts)
is each battle's voter, as in the CSV and JSONL readers (issue 3)."""
import math
import random

import pandas as pd
import pytest

import prefero


def _ratings(r):
    return {x["name"]: x["rating"] for x in r["ratings"]}


def _random_battles(seed, voter_column="judge", voters=12, battles=300):
    rng = random.Random(seed)
    models = ["m%d" % i for i in range(6)]
    rows = []
    for _ in range(battles):
        a, b = rng.sample(models, 2)
        rows.append({"model_a": a, "model_b": b,
                     "winner": rng.choice(["model_a", "model_b", "tie", "tie (bothbad)"]),
                     voter_column: "v%d" % rng.randrange(voters)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("column", ["judge", "voter", "worker"])
def test_dataframe_voter_column_equals_the_csv_reader(tmp_path, column):
    df = _random_battles(4, column)
    path = tmp_path / "battles.csv"
    df.to_csv(path, index=False)
    from_df = prefero.rate(df, "bt_mixture", groups=2, seed=5)
    from_csv = prefero.rate(str(path), "bt_mixture", groups=2, seed=5)
    assert from_df["explanation"]["groups"] == from_csv["explanation"]["groups"]
    a, b = _ratings(from_df), _ratings(from_csv)
    assert a.keys() == b.keys()
    for m in a:
        assert a[m] == pytest.approx(b[m], abs=1e-9), m
    # The same rows as a dict of columns and as a list of dicts.
    assert _ratings(prefero.rate(df.to_dict("list"), "bt_mixture", groups=2, seed=5)) == pytest.approx(a, abs=1e-9)
    assert _ratings(prefero.rate(df.to_dict("records"), "bt_mixture", groups=2, seed=5)) == pytest.approx(a, abs=1e-9)


def test_integer_worker_ids_equal_their_decimal_names(tmp_path):
    df = _random_battles(9, "worker")
    df["worker"] = [int(v[1:]) for v in df["worker"]]
    path = tmp_path / "battles.csv"
    df.to_csv(path, index=False)
    a = _ratings(prefero.rate(df, "bt_mixture", groups=3, seed=2))
    b = _ratings(prefero.rate(str(path), "bt_mixture", groups=3, seed=2))
    assert a == pytest.approx(b, abs=1e-9)


def test_one_group_is_bradley_terry():
    # A one-group mixture is the plain Bradley–Terry MLE (the C++ tests establish it against BT).
    df = _random_battles(11)
    mix = _ratings(prefero.rate(df, "bt_mixture", groups=1))
    bt = _ratings(prefero.rate(df, "bradley_terry"))
    assert mix.keys() == bt.keys()
    for m in bt:
        assert mix[m] == pytest.approx(bt[m], abs=1e-6), m


def test_hand_worked_max_min_winner():
    # Voters 0-2 prefer A > B > C with strengths (9, 3, 1), voter 3 prefers C with (1, 2, 4); each
    # voter's counts are exactly P(i beats j) times 5, so the group MLEs are log-strengths (centred):
    # (ln 3, 0, -ln 3) and (-ln 2, 0, ln 2). Max-min over groups: A -ln 2, B 0, C -ln 3; B wins.
    # Without the judge column the voters would be pooled into one group.
    rows = []
    def pattern(v, ab, ba, bc, cb, ac, ca):
        for a, b, w, n in (("A", "B", "model_a", ab), ("A", "B", "model_b", ba), ("B", "C", "model_a", bc),
                           ("B", "C", "model_b", cb), ("A", "C", "model_a", ac), ("A", "C", "model_b", ca)):
            rows.append({"model_a": a, "model_b": b, "winner": w, "count": 5 * n, "judge": "voter%d" % v})
    for v in range(3):
        pattern(v, 3, 1, 3, 1, 9, 1)
    pattern(3, 1, 2, 1, 2, 1, 4)
    r = prefero.rate(pd.DataFrame(rows), "bt_mixture", groups=2)
    per_nat = 400 / math.log(10)
    got = _ratings(r)
    assert got["A"] == pytest.approx(1000 - per_nat * math.log(2), abs=1e-4)
    assert got["B"] == pytest.approx(1000, abs=1e-4)
    assert got["C"] == pytest.approx(1000 - per_nat * math.log(3), abs=1e-4)
    assert r["ratings"][0]["name"] == "B"


def test_voter_column_is_ignored_by_other_models():
    df = _random_battles(3)
    assert _ratings(prefero.rate(df, "bradley_terry")) == _ratings(prefero.rate(df.drop(columns="judge"), "bradley_terry"))


def test_empty_voter_is_an_error():
    df = _random_battles(3)
    df.loc[5, "judge"] = None
    with pytest.raises(prefero.InputError, match="battle 5: empty voter id"):
        prefero.rate(df, "bt_mixture")
