"""prefero.benchmark against the reference results of ../shared/notes/rankagg.md §1.5: the optimal
Kemeny cost of the XTREME table (15 systems x 4 tasks, overall excluded) is 41 and not unique."""
import pandas as pd

import prefero
from conftest import refdata


def test_xtreme_kemeny_cost_from_file_and_dataframe():
    path = refdata("benchmarks", "clean", "xtreme.csv")
    for table in (path, pd.read_csv(path)):
        r = prefero.benchmark(table, "kemeny", exclude=["overall"])
        assert r.cost == 41 and r.proven_optimal and r.explanation["optimal_rankings"] > 1
        assert sorted(r.to_pandas()["name"]) == sorted(pd.read_csv(path).iloc[:, 0])


def test_borda_points_by_hand_and_bad_parameter():
    # 3 systems x 2 tasks; task 1: a > b > c, task 2: b > a = c. Borda with fractional ties:
    # a = 2 + 0.5, b = 1 + 2, c = 0 + 0.5.
    df = pd.DataFrame({"system": ["a", "b", "c"], "t1": [3, 2, 1], "t2": [1, 2, 1]})
    r = prefero.benchmark(df, "borda")
    assert r.ranking == [["b"], ["a"], ["c"]]
    assert {s["name"]: s["score"] for s in r.systems} == {"a": 2.5, "b": 3.0, "c": 0.5}
    try:
        prefero.benchmark(df, "borda", normalize="zscore")
    except prefero.InputError as e:
        assert "normalize" in str(e)
    else:
        raise AssertionError("normalize is not a parameter of borda_benchmark")
