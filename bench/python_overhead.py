"""Cost of calling a rule from Python over the CLI on the same 1M-ballot profile (issue 8: at most
10 % more). Writes a PrefLib .soc file of N impartial-culture ballots over M candidates (seeded;
identical ballots aggregated into counts, as PrefLib files are), then times, best of R runs:

  cli        `prefero elect FILE --rule RULE --json` (a whole process: read, count, print)
  py-file    prefero.elect(FILE, RULE) inside Python (read, count, convert the result)
  py-process `python3 -c 'import prefero; prefero.elect(FILE, RULE)'` (interpreter start + import)
  py-numpy   prefero.profile(array of N x M orders) + prefero.elect (the data already in Python)

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [--ballots N] [--candidates M]
           [--rule borda] [--runs 3] [--cli build/bin/prefero] [--file /tmp/prefero_1m.soc]
"""
import argparse
import os
import resource
import subprocess
import sys
import time

import numpy as np

import prefero


def write_soc(path, orders):
    uniq, counts = np.unique(orders, axis=0, return_counts=True)
    n, m = orders.shape
    with open(path, "w") as f:
        f.write(f"# FILE NAME: {os.path.basename(path)}\n# TITLE: impartial culture (bench/python_overhead.py)\n"
                f"# DATA TYPE: soc\n# MODIFICATION TYPE: synthetic\n# NUMBER ALTERNATIVES: {m}\n"
                f"# NUMBER VOTERS: {n}\n# NUMBER UNIQUE ORDERS: {len(uniq)}\n")
        for c in range(m):
            f.write(f"# ALTERNATIVE NAME {c + 1}: c{c + 1}\n")
        order = np.argsort(-counts, kind="stable")
        lines = [f"{counts[i]}: " + ",".join(str(x + 1) for x in uniq[i]) for i in order]
        f.write("\n".join(lines) + "\n")
    return len(uniq)


def best_of(runs, fn):
    """(wall, cpu) seconds, each the best of `runs`; cpu counts this process and its children, so
    it is the fair figure on a loaded machine (the wall time then mostly measures the neighbours)."""
    walls, cpus = [], []
    for _ in range(runs):
        r0, c0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(time.process_time() - c0 + (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return min(walls), min(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ballots", type=int, default=1_000_000)
    ap.add_argument("--candidates", type=int, default=10)
    ap.add_argument("--rule", default="borda")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cli", default="build/bin/prefero")
    ap.add_argument("--file", default="/tmp/prefero_python_overhead.soc")
    a = ap.parse_args()

    rng = np.random.default_rng(a.seed)
    orders = np.argsort(rng.random((a.ballots, a.candidates)), axis=1).astype(np.int32)
    unique = write_soc(a.file, orders)
    print(f"{a.ballots} ballots, {a.candidates} candidates, {unique} unique orders -> {a.file}"
          f" ({os.path.getsize(a.file) / 1e6:.1f} MB); rule {a.rule}; best of {a.runs}")

    cli = best_of(a.runs, lambda: subprocess.run([a.cli, "elect", a.file, "--rule", a.rule, "--json"],
                                                 check=True, stdout=subprocess.DEVNULL))
    py_file = best_of(a.runs, lambda: prefero.elect(a.file, a.rule))
    code = f"import prefero; prefero.elect({a.file!r}, {a.rule!r})"
    py_proc = best_of(a.runs, lambda: subprocess.run([sys.executable, "-c", code], check=True))
    names = [f"c{c + 1}" for c in range(a.candidates)]
    py_numpy = best_of(a.runs, lambda: prefero.elect(prefero.profile(orders, candidates=names), a.rule))

    r_cli = subprocess.run([a.cli, "elect", a.file, "--rule", a.rule, "--json"], check=True,
                           capture_output=True, text=True).stdout
    import json

    assert json.loads(r_cli)["names"] == prefero.elect(a.file, a.rule).names, "CLI and Python disagree"
    print(f"{'':<11} {'wall s':>8} {'cpu s':>8}   cpu ratio to cli")
    print(f"{'cli':<11} {cli[0]:8.3f} {cli[1]:8.3f}")
    for label, t in [("py-file", py_file), ("py-process", py_proc), ("py-numpy", py_numpy)]:
        print(f"{label:<11} {t[0]:8.3f} {t[1]:8.3f}   {t[1] / cli[1]:5.3f} ({(t[1] / cli[1] - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
