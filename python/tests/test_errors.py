"""Bad input raises prefero.InputError (a ValueError) with the CLI's message, character for
character (the CLI prints `prefero: error: MESSAGE` and exits 2)."""
import subprocess

import pytest

import prefero
from conftest import CLI, EXAMPLES

EXAMPLE = str(EXAMPLES / "city_council.toi")


def cli_error(*args):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    prefix = "prefero: error: "
    assert proc.stderr.startswith(prefix), proc.stderr
    return proc.stderr[len(prefix):].rstrip("\n")


def py_error(fn, *args, **kwargs):
    with pytest.raises(prefero.InputError) as info:
        fn(*args, **kwargs)
    assert isinstance(info.value, ValueError)
    return str(info.value)


def test_unknown_rule():
    assert py_error(prefero.elect, EXAMPLE, "schulz") == cli_error("elect", EXAMPLE, "--rule", "schulz")


def test_bad_parameter_value():
    assert py_error(prefero.elect, EXAMPLE, "instant_runoff", tie_break="sideways") == \
        cli_error("elect", EXAMPLE, "--rule", "instant_runoff", "--param", "tie_break=sideways")


def test_unknown_parameter():
    assert py_error(prefero.elect, EXAMPLE, "borda", no_such_param=3) == \
        cli_error("elect", EXAMPLE, "--rule", "borda", "--param", "no_such_param=3")


def test_malformed_preflib_file(tmp_path):
    bad = tmp_path / "bad.soc"
    bad.write_text("# FILE NAME: bad.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n"
                   "# NUMBER VOTERS: 1\n# NUMBER UNIQUE ORDERS: 1\n1: 1,2,x\n")
    msg = py_error(prefero.read_profile, bad)
    assert msg == cli_error("elect", str(bad), "--rule", "borda")
    assert "bad.soc:6:" in msg  # file:line:column


def test_bad_battles_file(tmp_path):
    bad = tmp_path / "battles.csv"
    bad.write_text("model_a,model_b,winner\nx,y,model_a\nx,y,sideways\n")
    assert py_error(prefero.rate, bad, "bradley_terry") == cli_error("rate", str(bad), "--model", "bradley_terry")


def test_committee_size_too_large():
    p = prefero.profile(approvals=[{"a"}, {"b"}])
    f = EXAMPLES / "park_approval.cat"
    assert py_error(prefero.committee, f, "pav", 99) == cli_error("committee", str(f), "--rule", "pav", "--size", "99")
    with pytest.raises(prefero.InputError):
        prefero.committee(p, "pav", 5)


def test_wrong_family_and_python_side_errors():
    with pytest.raises(prefero.InputError, match="committee method"):
        prefero.elect(EXAMPLE, "pav")
    with pytest.raises(prefero.InputError, match="ranked twice"):
        prefero.profile([["a", "a"]])
    with pytest.raises(prefero.InputError, match="winner 'sideways'"):
        prefero.rate([("x", "y", "sideways")], "bradley_terry")
    with pytest.raises(prefero.InputError):
        prefero.method("no_such_method")
