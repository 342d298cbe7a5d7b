#!/usr/bin/python3
"""A faithful Python baseline of FastChat's Chatbot Arena Bradley–Terry leaderboard, timed against
`prefero rate` on the same battles file in one run.

The baseline follows the official notebook (lm-sys "Chatbot Arena MLE Elo", Mar–Sep 2024 version,
`compute_mle_elo` + `get_bootstrap_result`): pivot tables of wins per ordered pair, ties as half a
win for each side, a logistic-regression design matrix with +ln(10) / −ln(10) columns, sklearn
`LogisticRegression(fit_intercept=False, penalty=None, tol=1e-6)` with sample weights, rating =
400·coef + 1000 shifted so mixtral-8x7b-instruct-v0.1 = 1114, and the bootstrap by resampling
battles (`battles.sample(frac=1.0, replace=True)`) and refitting each round.

Usage: /usr/bin/python3 bench/fastchat_baseline.py BATTLES.jsonl ROUNDS [PREFERO_BINARY]
Prints both timings and the ratio, and the largest rating difference between the two point fits.
"""
import json
import math
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

ANCHOR = "mixtral-8x7b-instruct-v0.1"


def compute_mle_elo(df, SCALE=400, BASE=10, INIT_RATING=1000):
    ptbl_a_win = pd.pivot_table(df[df["winner"] == "model_a"], index="model_a", columns="model_b",
                                aggfunc="size", fill_value=0)
    if sum(df["winner"].isin(["tie", "tie (bothbad)"])) == 0:
        ptbl_tie = 0
    else:
        ptbl_tie = pd.pivot_table(df[df["winner"].isin(["tie", "tie (bothbad)"])], index="model_a",
                                  columns="model_b", aggfunc="size", fill_value=0)
        ptbl_tie = ptbl_tie + ptbl_tie.T
    ptbl_b_win = pd.pivot_table(df[df["winner"] == "model_b"], index="model_a", columns="model_b",
                                aggfunc="size", fill_value=0)
    ptbl_win = ptbl_a_win * 2 + ptbl_b_win.T * 2 + ptbl_tie

    models = pd.Series(np.arange(len(ptbl_win.index)), index=ptbl_win.index)
    p = len(models)
    X = np.zeros([p * (p - 1) * 2, p])
    Y = np.zeros(p * (p - 1) * 2)
    cur_row = 0
    sample_weights = []
    for m_a in ptbl_win.index:
        for m_b in ptbl_win.columns:
            if m_a == m_b:
                continue
            if math.isnan(ptbl_win.loc[m_a, m_b]) or math.isnan(ptbl_win.loc[m_b, m_a]):
                continue
            X[cur_row, models[m_a]] = +math.log(BASE)
            X[cur_row, models[m_b]] = -math.log(BASE)
            Y[cur_row] = 1.0
            sample_weights.append(ptbl_win.loc[m_a, m_b])
            X[cur_row + 1, models[m_a]] = math.log(BASE)
            X[cur_row + 1, models[m_b]] = -math.log(BASE)
            Y[cur_row + 1] = 0.0
            sample_weights.append(ptbl_win.loc[m_b, m_a])
            cur_row += 2
    X = X[:cur_row]
    Y = Y[:cur_row]
    lr = LogisticRegression(fit_intercept=False, penalty=None, tol=1e-6)
    lr.fit(X, Y, sample_weight=sample_weights)
    elo_scores = SCALE * lr.coef_[0] + INIT_RATING
    if ANCHOR in models.index:
        elo_scores += 1114 - elo_scores[models[ANCHOR]]
    return pd.Series(elo_scores, index=models.index).sort_values(ascending=False)


def get_bootstrap_result(battles, func_compute_elo, num_round):
    rows = []
    np.random.seed(42)
    for _ in range(num_round):
        rows.append(func_compute_elo(battles.sample(frac=1.0, replace=True)))
    df = pd.DataFrame(rows)
    return df[df.median().sort_values(ascending=False).index]


def main():
    path, rounds = sys.argv[1], int(sys.argv[2])
    prefero = sys.argv[3] if len(sys.argv) > 3 else "build/bin/prefero"

    t0 = time.perf_counter()
    battles = pd.read_json(path, lines=True)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    point = compute_mle_elo(battles)
    t_fit = time.perf_counter() - t0
    t0 = time.perf_counter()
    boot = get_bootstrap_result(battles, compute_mle_elo, rounds)
    t_boot = time.perf_counter() - t0
    q025, q975 = boot.quantile(0.025), boot.quantile(0.975)
    py_total = t_read + t_fit + t_boot

    anchor = f"--anchor={ANCHOR}=1114" if ANCHOR in point.index else None
    cmd = [prefero, "rate", path, "--model", "bradley_terry", "--bootstrap", str(rounds), "--threads", "1", "--json"]
    if anchor:
        cmd.append(anchor)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    ours_total = time.perf_counter() - t0
    ours = {r["name"]: r for r in json.loads(out)["ratings"]}

    diff = max(abs(ours[m]["rating"] - point[m]) for m in point.index)
    width = np.mean([abs((ours[m]["ci_high"] - ours[m]["ci_low"]) - (q975[m] - q025[m])) for m in point.index])
    print(f"battles: {len(battles)}, models: {len(point)}, bootstrap rounds: {rounds}")
    print(f"FastChat baseline (pandas + sklearn): read {t_read:.2f} s, fit {t_fit:.2f} s, "
          f"bootstrap {t_boot:.2f} s ({t_boot / max(rounds, 1):.2f} s/round), total {py_total:.2f} s")
    print(f"prefero rate (1 thread, whole CLI run incl. parsing): {ours_total:.2f} s")
    print(f"speed-up: {py_total / ours_total:.1f}x")
    print(f"max |rating difference| of the point fits: {diff:.4f}; mean |CI width difference|: {width:.2f} "
          f"(different resampling streams)")


if __name__ == "__main__":
    main()
