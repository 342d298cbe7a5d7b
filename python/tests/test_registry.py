"""prefero.methods() is the CLI's `prefero methods --json`; docstrings come from the registry;
every family function reaches every method of its family."""
import json
import subprocess

import prefero
from conftest import CLI


def test_methods_equal_cli_json():
    cli = json.loads(subprocess.run([CLI, "methods", "--json"], capture_output=True, text=True, check=True).stdout)
    assert [dict(m) for m in prefero.methods()] == cli
    families = {m.family for m in prefero.methods()}
    assert families == {"elect", "committee", "consensus", "benchmark", "rate", "crowd", "ensemble"}


def test_docstrings_generated():
    for family, fn in [("elect", prefero.elect), ("committee", prefero.committee), ("rate", prefero.rate),
                       ("crowd", prefero.infer), ("ensemble", prefero.ensemble), ("consensus", prefero.consensus),
                       ("benchmark", prefero.benchmark)]:
        for m in prefero.methods(family):
            assert m.id in fn.__doc__
    doc = prefero.method("schulze").__doc__
    assert doc.startswith("beat_path (elect)") and "strength" in doc and "default" in doc
    assert prefero.help("pav") == prefero.method("pav").__doc__


def test_every_elect_rule_runs_with_defaults():
    p = prefero.profile([["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "c", "b"]], counts=[3, 2, 2, 1])
    for m in prefero.methods("elect"):
        if m.input != "ranking":
            continue
        r = prefero.elect(p, m.id)
        assert r.rule == m.id and set(r.names) <= {"a", "b", "c"} and r.names


def test_every_committee_rule_runs():
    p = prefero.profile(approvals=[{"a", "b"}, {"b", "c"}, {"c", "d"}, {"a"}, {"d"}])
    for m in prefero.methods("committee"):
        r = prefero.committee(p, m.id, 2)
        # (equal shares without completion may leave seats empty)
        assert r.rule == m.id and r.committees and all(len(c) <= 2 for c in r.committees)


def test_every_consensus_method_runs():
    p = prefero.profile([["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "c", "b"]])
    for m in prefero.methods("consensus"):
        r = prefero.consensus(p, m.id)
        assert sorted(sum(r.ranking, [])) == [1, 2, 3]


def test_every_rate_and_infer_and_ensemble_method_runs():
    battles = [("x", "y", "model_a"), ("y", "z", "model_a"), ("z", "x", "model_b"), ("x", "y", "tie"),
               ("y", "x", "model_a"), ("z", "y", "model_a"), ("x", "z", "model_b")]
    ran = set()
    for m in prefero.methods("rate"):
        try:
            r = prefero.rate(battles, m.id)
        except prefero.InputError:  # e.g. style control needs covariates; reported, not a crash
            continue
        assert {x.name for x in r.ratings} == {"x", "y", "z"}
        ran.add(m.id)
    assert {"bradley_terry", "elo", "rao_kupper", "davidson"} <= ran, ran
    labels = [("t1", "w1", "a"), ("t1", "w2", "a"), ("t1", "w3", "b"), ("t2", "w1", "b"), ("t2", "w2", "b"),
              ("t2", "w3", "b"), ("t3", "w1", "a"), ("t3", "w2", "b"), ("t3", "w3", "c"), ("t4", "w1", "c"), ("t4", "w2", "c")]
    for m in prefero.methods("crowd"):
        gold = {"t1": "a"} if m.id == "gold_majority_vote" else None
        weights = {"w1": 1.0, "w2": 2.0, "w3": 1.0} if m.id == "weighted_majority_vote" else None
        try:
            r = prefero.infer(labels, m.id, gold=gold, weights=weights)
        except prefero.InputError as e:  # kos: two labels only; top_two: three or more
            assert "labels" in str(e), (m.id, e)
            r = prefero.infer([x for x in labels if x[2] != "c"], m.id, gold=gold, weights=weights)
            assert set(r.labels) == {"t1", "t2", "t3"}
            continue
        assert set(r.labels) == {"t1", "t2", "t3", "t4"}
    import numpy as np

    scores = np.random.default_rng(0).normal(size=(4, 5, 3))
    for m in prefero.methods("ensemble"):
        s = scores[:, :, :2] if m.id == "preference_strength" else scores
        r = prefero.ensemble(s, m.id, labels=[0, 1, 0, 1])
        assert len(r.samples) == 4
