#!/usr/bin/python3
"""Dawid-Skene speed: crowd-kit 1.4.1's algorithm in pandas/numpy vs prefero, in one run.

crowd-kit itself cannot be installed here, so this is a faithful re-statement of its
DawidSkene.fit (Toloka/crowd-kit, Apache-2.0): majority-vote shares as the start, M-step by
join + groupby(worker, label) sum, 1e-10 floor, per-worker normalisation, E-step in log2 with
the row maximum subtracted, ELBO / len(data) stopping rule (tol 1e-5, n_iter 100). Same data
conventions as the reference outputs (Zheng files read as text with integer labels; spectral
files as integers). Prints per dataset: pandas seconds, prefero seconds (bench_crowd_ds
refdata, best of 3, 1 thread), the ratio, and both accuracies (they must agree).

Usage: /usr/bin/python3 bench/crowd_ds_baseline.py [BUILD_BIN_DIR]   (default build/bin)
"""
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
CROWD = os.path.join(HERE, "..", "..", "shared", "refdata", "crowd")
EPS = 1e-10


def majority_vote_probas(data):
    scores = data[["task", "label"]].value_counts()
    probas = scores.unstack("label", fill_value=0)
    return probas.div(probas.sum(axis=1), axis=0)


def m_step(data, probas):
    joined = data.join(probas, on="task").drop(columns=["task"])
    errors = joined.groupby(["worker", "label"], sort=False).sum()
    errors.clip(lower=EPS, inplace=True)
    errors /= errors.groupby("worker", sort=False).sum()
    return errors


def e_step(data, priors, errors):
    joined = data.join(np.log2(errors), on=["worker", "label"]).drop(columns=["worker", "label"])
    loglik = np.log2(priors) + joined.groupby("task", sort=False).sum()
    scaled = np.exp2(loglik.sub(loglik.max(axis=1), axis=0))
    return scaled.div(scaled.sum(axis=1), axis=0)


def elbo(data, probas, priors, errors):
    joined = data.join(np.log(errors), on=["worker", "label"])
    joined.loc[:, priors.index] = joined.loc[:, priors.index].add(np.log(priors))
    joined.set_index(["task", "worker"], inplace=True)
    joint = (probas * joined).sum().sum()
    entropy = -(np.log(probas) * probas).sum().sum()
    return float(joint + entropy)


def dawid_skene(data, n_iter=100, tol=1e-5):
    probas = majority_vote_probas(data)
    priors = probas.mean()
    errors = m_step(data, probas)
    loss = -np.inf
    for _ in range(n_iter):
        probas = e_step(data, priors, errors)
        priors = probas.mean()
        errors = m_step(data, probas)
        new_loss = elbo(data, probas, priors, errors) / len(data)
        if new_loss - loss < tol:
            break
        loss = new_loss
    return probas.idxmax(axis=1)


def load(name):
    if name.startswith("zheng2017/"):
        d = os.path.join(CROWD, name)
        ans = pd.read_csv(os.path.join(d, "answer.csv"), dtype=str)
        ans.columns = ["task", "worker", "label"]
        ans["label"] = ans["label"].astype(int)
        gt = pd.read_csv(os.path.join(d, "truth.csv"), dtype=str)
        gt.columns = ["task", "true"]
        gt = gt.set_index("task")["true"].astype(int)
        return ans, gt
    stem = os.path.join(CROWD, "spectral_meets_em", name.split("/")[1])
    ans = pd.read_csv(stem + "_crowd.txt", sep=r"\s+", header=None, names=["task", "worker", "label"])
    gt = pd.read_csv(stem + "_truth.txt", sep=r"\s+", header=None, names=["task", "true"])
    gt = gt[gt["true"] != 0].set_index("task")["true"]
    return ans, gt


def main():
    bin_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "bin")
    out = subprocess.run([os.path.join(bin_dir, "bench_crowd_ds"), "refdata", "3"], check=True,
                         capture_output=True, text=True).stdout
    ours = {}
    for line in out.strip().splitlines():
        name, secs, acc = line.split("\t")
        ours[name] = (float(secs), float(acc))
    print(f"{'dataset':<28} {'judgments':>9} {'pandas s':>9} {'prefero s':>10} {'ratio':>8} {'acc pandas':>10} {'acc prefero':>11}")
    total_py = total_cpp = 0.0
    for name, (cpp_s, cpp_acc) in ours.items():
        data, gt = load(name)
        t0 = time.perf_counter()
        labels = dawid_skene(data)
        py_s = time.perf_counter() - t0
        common = gt.index.intersection(labels.index)
        acc = float((labels[common] == gt[common]).mean())
        total_py += py_s
        total_cpp += cpp_s
        print(f"{name:<28} {len(data):>9} {py_s:>9.3f} {cpp_s:>10.4f} {py_s / cpp_s:>7.0f}x {acc:>10.4f} {cpp_acc:>11.4f}")
    print(f"{'all':<28} {'':>9} {total_py:>9.3f} {total_cpp:>10.4f} {total_py / total_cpp:>7.0f}x")


if __name__ == "__main__":
    main()
