"""Group fairness bounds in prefero.committee (the CLI's --groups/--bounds/--greedy). Expected
committees come from enumerating every committee of size k that satisfies the bounds written
here and scoring it with the rule's definition (AV, PAV, CC) in exact fractions."""
import itertools
import subprocess
from fractions import Fraction

import pytest

import prefero
from conftest import CLI

NAMES = ["a", "b", "c", "d", "e", "f"]
BALLOTS = [{"a", "b"}, {"a", "b"}, {"a", "c"}, {"b", "c"}, {"a", "b", "c"}, {"d"}, {"d", "e"}, {"a", "f"},
           {"b"}, {"e", "f"}]
GROUPS = {"a": "men", "b": "men", "c": "men", "d": "women", "e": "women", "f": ["women", "young"]}


def score(rule, committee):
    total = Fraction(0)
    for ballot in BALLOTS:
        hits = len(ballot & set(committee))
        if rule == "av":
            total += hits
        elif rule == "pav":
            total += sum(Fraction(1, i) for i in range(1, hits + 1))
        elif rule == "cc":
            total += 1 if hits else 0
    return total


def members(group):
    return {c for c, g in GROUPS.items() if group == g or (isinstance(g, list) and group in g)}


def brute_force(rule, k, bounds):
    """Every optimal committee (as sorted ids 1..m) among those satisfying bounds {group: (lo, hi)}."""
    ok = [c for c in itertools.combinations(NAMES, k)
          if all(lo <= len(set(c) & members(g)) <= hi for g, (lo, hi) in bounds.items())]
    best = max(score(rule, c) for c in ok)
    return sorted([NAMES.index(x) + 1 for x in c] for c in ok if score(rule, c) == best), best


PROFILE = prefero.profile(approvals=BALLOTS, candidates=NAMES)


@pytest.mark.parametrize("rule", ["av", "pav", "cc"])
@pytest.mark.parametrize("bounds", [{"women": (2, 3)}, {"women": (1, 1), "young": (1, 1)}, {"men": (0, 1)}])
def test_bounded_optimum_equals_enumeration(rule, bounds):
    want, _ = brute_force(rule, 3, bounds)
    unbounded, _ = brute_force(rule, 3, {})
    r = prefero.committee(PROFILE, rule, 3, all=True, groups=GROUPS, bounds=bounds)
    assert sorted(r.committees) == want
    if rule == "av":  # the bounds matter here: the unconstrained optimum is another committee
        assert want != unbounded


def test_spec_string_and_groups_file_agree_with_dict(tmp_path):
    groups_file = tmp_path / "groups.csv"
    groups_file.write_text("".join(f"{c},{g if isinstance(g, str) else ','.join(g)}\n" for c, g in GROUPS.items()))
    a = prefero.committee(PROFILE, "pav", 3, all=True, groups=GROUPS, bounds={"women": (2, None)})
    b = prefero.committee(PROFILE, "pav", 3, all=True, groups=str(groups_file), bounds="women>=2")
    assert a.committees == b.committees == brute_force("pav", 3, {"women": (2, 3)})[0]


def test_greedy_reports_its_gap_to_the_exact_optimum():
    bounds = {"women": (2, 3)}
    r = prefero.committee(PROFILE, "pav", 3, groups=GROUPS, bounds=bounds, greedy=True)
    assert r.explanation["algorithm"] == "greedy"
    (committee,) = r.committees
    chosen = [NAMES[i - 1] for i in committee]
    assert 2 <= len(set(chosen) & members("women")) <= 3
    _, best = brute_force("pav", 3, bounds)
    assert Fraction(r.explanation["gap"]) == best - score("pav", chosen)


def cli_error(*args):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("prefero: error: "), proc.stderr
    return proc.stderr[len("prefero: error: "):].rstrip("\n")


def test_infeasible_bounds_name_the_groups_as_the_cli(tmp_path):
    ballots = tmp_path / "votes.cat"
    ballots.write_text(
        "# FILE NAME: votes.cat\n# TITLE: t\n# DATA TYPE: cat\n# MODIFICATION TYPE: original\n"
        "# NUMBER ALTERNATIVES: 6\n# NUMBER VOTERS: 10\n# NUMBER UNIQUE PREFERENCES: 10\n"
        "# NUMBER CATEGORIES: 2\n# CATEGORY NAME 1: approved\n# CATEGORY NAME 2: not approved\n"
        + "".join(f"# ALTERNATIVE NAME {i + 1}: {n}\n" for i, n in enumerate(NAMES))
        + "".join("1: {" + ",".join(str(NAMES.index(c) + 1) for c in sorted(b)) + "},{"
                  + ",".join(str(i + 1) for i, n in enumerate(NAMES) if n not in b) + "}\n" for b in BALLOTS))
    groups_file = tmp_path / "groups.csv"
    groups_file.write_text("".join(f"{c},{g if isinstance(g, str) else ','.join(g)}\n" for c, g in GROUPS.items()))
    spec = "women>=3,men>=1"  # 3 + 1 > k = 3
    with pytest.raises(prefero.InputError) as info:
        prefero.committee(str(ballots), "av", 3, groups=GROUPS, bounds={"women": (3, None), "men": (1, None)})
    message = str(info.value)
    assert "women" in message and "men" in message
    assert message == cli_error("committee", str(ballots), "--rule", "av", "--size", "3", "--groups",
                                str(groups_file), "--bounds", spec)
    assert prefero.committee(str(ballots), "av", 3, all=True, groups=GROUPS, bounds="women>=2").committees == \
        brute_force("av", 3, {"women": (2, 3)})[0]


def test_groups_and_bounds_go_together():
    with pytest.raises(prefero.InputError, match="go together"):
        prefero.committee(PROFILE, "av", 3, groups=GROUPS)
