"""prefero.agree / match / simulate mirror `prefero agree|match|simulate --json`: agreement on tables
worked by hand, match proposals that are valid and deterministic per seed and equal to the CLI's,
simulation reports equal to the CLI's for the same seed."""
import json
import subprocess

import pytest

import prefero
from conftest import CLI

# Two raters, ten tasks, disagreeing on tasks 5 and 10.
A = ["yes"] * 5 + ["no"] * 5
B = ["yes"] * 4 + ["no"] * 5 + ["yes"]
ROWS = [(f"t{i + 1}", "A", A[i]) for i in range(10)] + [(f"t{i + 1}", "B", B[i]) for i in range(10)]


def cli_json(*args):
    proc = subprocess.run([CLI, *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def write_rows(path, rows):
    path.write_text("task,worker,label\n" + "".join(f"{t},{w},{lab}\n" for t, w, lab in rows))
    return str(path)


def test_agree_hand_worked(tmp_path):
    # Observed agreement 8/10; each rater says yes half the time, so chance agreement 1/2:
    # Cohen = Fleiss = (0.8 - 0.5) / 0.5 = 0.6. Krippendorff (nominal): 20 pairable values, 4
    # disagreeing ordered pairs, n_yes = n_no = 10: 1 - 19 * 4 / (2 * 10 * 10) = 0.62.
    r = prefero.agree(ROWS)
    assert r.cohen_kappa == pytest.approx(0.6)
    assert r.fleiss_kappa == pytest.approx(0.6)
    assert r.krippendorff_alpha == {"level": "nominal", "value": pytest.approx(0.62)}
    assert (r.tasks, r.raters) == (10, 2)
    path = write_rows(tmp_path / "labels.csv", ROWS)
    assert prefero.agree(path) == cli_json("agree", path)


def test_agree_rank_correlations(tmp_path):
    # Scores 1..5 against 2,1,4,3,5: d^2 sums to 4, so Spearman = 1 - 6*4/(5*24) = 0.8; two of
    # the ten pairs are discordant, so Kendall's tau = (8 - 2) / 10 = 0.6.
    rows = [(f"t{i}", "alice", a) for i, a in enumerate([1, 2, 3, 4, 5])] + \
           [(f"t{i}", "bob", b) for i, b in enumerate([2, 1, 4, 3, 5])]
    assert prefero.agree(rows, "spearman", raters=("alice", "bob")).spearman == pytest.approx(0.8)
    assert prefero.agree(rows, "kendall_tau", raters="alice,bob").kendall_tau == pytest.approx(0.6)
    path = write_rows(tmp_path / "scores.csv", rows)
    assert prefero.agree(path, "kendall_tau", raters="alice,bob") == \
        cli_json("agree", path, "--metric", "kendall_tau", "--raters", "alice,bob")


def test_agree_errors_are_the_clis():
    with pytest.raises(prefero.InputError, match="rater 'carol' does not appear"):
        prefero.agree(ROWS, "cohen_kappa", raters=("A", "carol"))
    with pytest.raises(prefero.InputError, match="metric 'kappa'"):
        prefero.agree(ROWS, "kappa")


BATTLES = [("m1", "m2", "model_a"), ("m1", "m3", "model_a"), ("m2", "m3", "tie"), ("m3", "m4", "model_b"),
           ("m1", "m4", "model_a"), ("m2", "m4", "model_b"), ("m1", "m2", "model_b")]


def write_battles(path):
    path.write_text("".join(json.dumps({"model_a": a, "model_b": b, "winner": w}) + "\n" for a, b, w in BATTLES))
    return str(path)


@pytest.mark.parametrize("policy,k", [("uniform", 2), ("ucb", 2), ("ucb", 3), ("weighted", 2)])
def test_match_valid_deterministic_and_equal_to_cli(tmp_path, policy, k):
    path = write_battles(tmp_path / "votes.jsonl")
    models = {"m1", "m2", "m3", "m4"}
    for seed in (0, 1, 7):
        r = prefero.match(BATTLES, policy, k=k, seed=seed)
        assert r.policy == policy and r.k == k
        assert len(r.models) == k and len(set(r.models)) == k and set(r.models) <= models
        assert prefero.match(BATTLES, policy, k=k, seed=seed) == r
        assert prefero.match(path, policy, k=k, seed=seed) == r
        assert r == cli_json("match", path, "--policy", policy, "--k", str(k), "--seed", str(seed))


def test_match_weighted_only_draws_models_with_weight(tmp_path):
    for seed in range(5):
        r = prefero.match(BATTLES, "weighted", seed=seed, weights={"m1": 0, "m2": 0})
        assert set(r.models) == {"m3", "m4"}
    path = write_battles(tmp_path / "votes.jsonl")
    assert prefero.match(path, "weighted", seed=3, weights="m1=0,m2=0") == \
        cli_json("match", path, "--policy", "weighted", "--seed", "3", "--weights", "m1=0,m2=0")


def test_simulate_shape_determinism_and_cli():
    args = dict(models=4, k=2, runs=3, max_votes=300, seed=5, policies=["uniform", "ucb"])
    r = prefero.simulate(**args)
    assert [p.policy for p in r.policies] == ["uniform", "ucb"]
    for p in r.policies:
        assert p.votes_to_tau is None or 1 <= p.votes_to_tau <= 300
        assert -1 <= p.final_mean_tau <= 1
    assert prefero.simulate(**args) == r
    assert r == cli_json("simulate", "--models", "4", "--k", "2", "--runs", "3", "--max-votes", "300", "--seed", "5",
                         "--policies", "uniform,ucb")
    assert list(r.to_pandas().columns) == ["policy", "votes_to_tau", "votes_to_top1", "final_mean_tau"]
