"""The engine releases the GIL while it computes: another Python thread keeps running during a
long call (with the GIL held it would stall for the whole call)."""
import threading
import time

import numpy as np

import prefero


def test_other_threads_run_during_a_call():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 10, 5000)
    b = (a + rng.integers(1, 10, 5000)) % 10
    battles = [(f"m{x}", f"m{y}", w) for x, y, w in zip(a, b, rng.choice(["model_a", "model_b", "tie"], 5000))]
    done = threading.Event()
    span = {}

    # Almost all of a call is in the engine (bootstrap refits). The rounds double until one call
    # lasts 0.2 s, so the test does not depend on how fast this machine is.
    def work():
        rounds = 500
        while True:
            start = time.perf_counter()
            prefero.rate(battles, "bradley_terry", bootstrap=rounds, threads=1)
            end = time.perf_counter()
            if end - start >= 0.2 or rounds >= 64000:
                span["start"], span["end"] = start, end
                break
            rounds *= 2
        done.set()

    stamps = []
    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        stamps.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    duration = span["end"] - span["start"]
    assert duration >= 0.2, duration
    inside = [s for s in stamps if span["start"] <= s <= span["end"]]
    gaps = np.diff([span["start"]] + inside + [span["end"]])
    # Held GIL: one gap as long as the C++ part (most of the call). Released: many short ones.
    assert len(inside) >= 5 and gaps.max() < 0.5 * duration, (duration, gaps.max(), len(inside))
