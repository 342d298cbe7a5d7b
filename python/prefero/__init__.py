"""Prefero from Python: every method of the engine's registry, with the CLI's names.

    import prefero
    p = prefero.profile([["a", "b", "c"], ["b", "a", "c"], ["a", "c", "b"]])
    prefero.elect(p, "schulze").winners_names      # ['a']
    prefero.methods("elect")                        # the registry, with parameters and defaults
    prefero.help("schulze")                         # one method's documentation

Inputs: Python lists, numpy arrays, pandas DataFrames or files (PrefLib, abcvoting YAML, battles
JSONL/CSV, pair counts, crowd label CSV/TSV, ensemble JSONL). Results are dicts with attribute
access whose fields are those of the CLI's --json output; tables have .to_pandas(). Bad input
raises prefero.InputError (a ValueError) with the CLI's message.
"""
from __future__ import annotations

import numbers
import os

from . import _core
from ._core import InputError

__all__ = [
    "InputError", "Profile", "profile", "read_profile", "methods", "method", "help",
    "elect", "committee", "consensus", "benchmark", "rate", "infer", "ensemble",
    "Result", "ElectionResult", "CommitteeResult", "ConsensusResult", "BenchmarkResult", "RatingResult",
    "InferenceResult", "EnsembleResult", "Method", "agree", "match", "simulate", "AgreementResult",
    "MatchResult", "SimulationResult",
]

Profile = _core.Profile
InputError.__module__ = "prefero"
Profile.__module__ = "prefero"

# ---- results -------------------------------------------------------------------------------------


class Result(dict):
    """A dict of the CLI's JSON fields, also readable as attributes (r.winners == r["winners"])."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self):
        return list(super().__dir__()) + [k for k in self if isinstance(k, str) and k.isidentifier()]

    @classmethod
    def _wrap(cls, value):
        return cls(_attr(value))


def _attr(value):
    """Nested dicts become Results (attribute access all the way down)."""
    if isinstance(value, dict) and not isinstance(value, Result):
        return Result({k: _attr(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_attr(v) for v in value]
    return value


def _pandas():
    import pandas  # imported on demand: the module itself needs neither pandas nor numpy

    return pandas


class ElectionResult(Result):
    """`prefero elect --json`: rule, params, winners (ids), names, [lottery], explanation."""

    def to_pandas(self):
        pd = _pandas()
        rows = {"id": self["winners"], "name": self["names"]}
        if "lottery" in self:
            rows["probability"] = [self["lottery"].get(str(i), 0.0) for i in self["winners"]]
        return pd.DataFrame(rows)


class CommitteeResult(Result):
    """`prefero committee --json`: rule, size, committees (ids ascending), proven, params, explanation."""

    _names = None

    def to_pandas(self):
        """One row per (committee, member): committee index, candidate id and name."""
        pd = _pandas()
        rows = []
        for k, c in enumerate(self["committees"]):
            for cid in c:
                rows.append({"committee": k, "id": cid, "name": (self._names or {}).get(cid, str(cid))})
        return pd.DataFrame(rows, columns=["committee", "id", "name"])


class ConsensusResult(Result):
    """`prefero consensus --json`: method, ranking (tiers of ids), cost, proven_optimal, lower_bound, params."""

    _names = None

    def to_pandas(self):
        pd = _pandas()
        rows, position = [], 1
        for tier in self["ranking"]:
            for cid in tier:
                rows.append({"rank": position, "id": cid, "name": (self._names or {}).get(cid, str(cid))})
            position += len(tier)
        return pd.DataFrame(rows, columns=["rank", "id", "name"])


class BenchmarkResult(Result):
    """`prefero benchmark --json`: method, ranking (tiers of system names), cost, proven_optimal,
    lower_bound, systems [{name, rank, score, rank_low, rank_high}], tasks, explanation, params."""

    def to_pandas(self):
        pd = _pandas()
        cols = ["name", "rank", "score", "rank_low", "rank_high"]
        return pd.DataFrame([{c: s.get(c) for c in cols} for s in self["systems"]], columns=cols)


class RatingResult(Result):
    """`prefero rate --json`: model, params, ratings [{name, rating, ci_low, ci_high, rank_ub, votes}]."""

    def to_pandas(self):
        pd = _pandas()
        cols = ["name", "rating", "ci_low", "ci_high", "rank_ub", "votes"]
        return pd.DataFrame([{c: r[c] for c in cols} for r in self["ratings"]], columns=cols)


class InferenceResult(Result):
    """`prefero infer --json`: method, params, labels {task: label}, posteriors, workers, [accuracy]."""

    def to_pandas(self):
        """task, label, and one posterior column per label."""
        pd = _pandas()
        df = pd.DataFrame({"task": list(self["labels"].keys()), "label": list(self["labels"].values())})
        post = self["posteriors"]
        if len(post):
            labels = list(next(iter(post.values())).keys())
            for lab in labels:
                df["p_" + str(lab)] = [post[t].get(lab, 0.0) for t in df["task"]]
        return df


class EnsembleResult(Result):
    """`prefero ensemble --json`: method, params, samples [{id, prediction, certificate, label, details}]."""

    def to_pandas(self):
        pd = _pandas()
        rows = [{"id": s["id"], "prediction": s["prediction"], "certificate": s.get("certificate"),
                 "label": s.get("label")} for s in self["samples"]]
        return pd.DataFrame(rows, columns=["id", "prediction", "certificate", "label"])


# ---- the registry --------------------------------------------------------------------------------

_FAMILY_FUNCTION = {"elect": "elect", "committee": "committee", "consensus": "consensus",
                    "benchmark": "benchmark", "rate": "rate", "crowd": "infer", "ensemble": "ensemble"}


class Method(Result):
    """One registry entry: id, aliases, family, input, summary, citation, resolute, probabilistic,
    params [{name, type, default, doc, choices}]. Its __doc__ is the method's documentation."""

    @property
    def __doc__(self):  # noqa: D401 - generated per method
        return _method_doc(self)


def _method_doc(m):
    fn = _FAMILY_FUNCTION.get(m["family"], m["family"])
    lines = [f"{m['id']} ({m['family']}): {m['summary']}.", ""]
    if m["aliases"]:
        lines.append("Aliases: " + ", ".join(m["aliases"]))
    lines.append("Citation: " + m["citation"])
    lines.append(f"Run it with prefero.{fn}(..., {m['id']!r}, **params).")
    if m["params"]:
        lines += ["", "Parameters (keyword arguments; the default is used when omitted):"]
        for p in m["params"]:
            kind = " | ".join(p["choices"]) if p.get("choices") else p["type"]
            default = p["default"] if p["default"] != "" else '""'
            lines.append(f"  {p['name']} ({kind}, default {default}): {p['doc']}")
    return "\n".join(lines)


_METHODS = None


def _registry():
    global _METHODS
    if _METHODS is None:
        _METHODS = [Method(_attr(m)) for m in _core.methods()]
    return _METHODS


def methods(family=None):
    """The registry (sorted by id) as Method objects; family: elect, committee, consensus, rate,
    crowd or ensemble (None = all)."""
    return [m for m in _registry() if family is None or m["family"] == family]


def method(name):
    """The Method with this id or alias; InputError (with close matches) if there is none."""
    for m in _registry():
        if m["id"] == name or name in m["aliases"]:
            return m
    # The engine's message lists close matches, exactly as the CLI prints it.
    found = _core.require_method(name)
    return next(m for m in _registry() if m["id"] == found)


def help(name=None):  # noqa: A001 - mirrors the builtin for notebooks
    """Documentation of one method (id or alias), or of every family function when name is None."""
    if name is None:
        text = "\n\n".join(f"prefero.{f.__name__}:\n{f.__doc__}" for f in
                           (elect, committee, consensus, rate, infer, ensemble))
    else:
        text = method(name).__doc__
    print(text)
    return text


# ---- parameters ----------------------------------------------------------------------------------


def _param_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        return ",".join(_param_text(v) for v in value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    return str(value)


def _params(kwargs):
    return {k: _param_text(v) for k, v in kwargs.items() if v is not None}


# ---- profiles ------------------------------------------------------------------------------------


def _np():
    import numpy

    return numpy


def read_profile(path):
    """A profile from a file: PrefLib .soc .soi .toc .toi .cat, .cvotes (Condorcet Election Format),
    score .csv, or abcvoting .abc.yaml (its committeesize becomes profile.committee_size)."""
    return _core.read_profile(os.fspath(path))


def _tiers(ballot):
    """A ballot as tiers: ["a", "b"] -> [["a"], ["b"]]; [["a", "b"], "c"] -> [["a", "b"], ["c"]]."""
    out = []
    for x in ballot:
        if isinstance(x, (list, tuple, set, frozenset)):
            out.append([str(c) for c in (sorted(x, key=str) if isinstance(x, (set, frozenset)) else x)])
        else:
            out.append([str(x)])
    return out


def _candidate_list(candidates, seen_order):
    if candidates is None:
        return seen_order
    return [str(c) for c in candidates]


def profile(data=None, counts=None, candidates=None, *, kind=None, approvals=None, scores=None):
    """A profile from Python data.

    - rankings: a list of ballots, each a list of candidates best first, where an element may be a
      list/tuple of tied candidates (a tier): [["a", "b", "c"], [("a", "b"), "c"]]. Candidates left
      out are unranked.
    - approvals=[{"a", "b"}, {"c"}]: approval ballots (a categorical profile: approved / not approved).
    - a numpy array (ballots x positions) of candidate indices best first (kind="order", the default
      for arrays; pref_voting's layout; -1 pads truncated ballots), or of levels per candidate
      (kind="levels": 0 = top, equal = tied, -1 = unranked).
    - a pandas DataFrame with one column per candidate: ranks (1 = best, NaN = unranked;
      kind="ranks", the default) or scores (kind="scores"), and an optional "count" column.
    - scores=array or list of dicts {candidate: integer grade}: score ballots (higher is better).
    counts: multiplicity of each ballot (default 1 each); candidates: names in index order
    (default: in order of first appearance; for arrays 0..m-1 unless given). External ids are 1..m.
    """
    np = _np()
    if approvals is not None:
        sets = [set(str(c) for c in a) for a in approvals]
        seen = []
        for s in sets:
            for c in sorted(s):
                if c not in seen:
                    seen.append(c)
        names = _candidate_list(candidates, seen)
        index = {c: i for i, c in enumerate(names)}
        levels = np.ones((len(sets), len(names)), dtype=np.int32)
        for b, s in enumerate(sets):
            for c in s:
                if c not in index:
                    raise InputError(f"ballot {b}: unknown candidate '{c}'")
                levels[b, index[c]] = 0
        return _from_levels(levels, _counts(counts, len(sets)), names, "categorical", ["approved", "not approved"])
    if scores is not None:
        return _profile_from_scores(scores, counts, candidates)
    if data is None:
        raise InputError("profile: give rankings, approvals= or scores=")
    if hasattr(data, "columns") and hasattr(data, "to_numpy"):  # pandas DataFrame
        return _profile_from_frame(data, counts, candidates, kind or "ranks")
    if isinstance(data, np.ndarray):
        return _profile_from_array(data, counts, candidates, kind or "order")
    ballots = [_tiers(b) for b in data]
    seen, known = [], set()
    for b in ballots:
        for tier in b:
            for c in tier:
                if c not in known:
                    known.add(c)
                    seen.append(c)
    names = _candidate_list(candidates, seen)
    index = {c: i for i, c in enumerate(names)}
    levels = np.full((len(ballots), len(names)), -1, dtype=np.int32)
    for b, tiers in enumerate(ballots):
        for level, tier in enumerate(tiers):
            for c in tier:
                i = index.get(c)
                if i is None:
                    raise InputError(f"ballot {b}: unknown candidate '{c}'")
                if levels[b, i] != -1:
                    raise InputError(f"ballot {b}: candidate '{c}' is ranked twice")
                levels[b, i] = level
    return _from_levels(levels, _counts(counts, len(ballots)), names, "ranking", [])


def _counts(counts, n):
    np = _np()
    if counts is None:
        return np.ones(n, dtype=np.int64)
    c = np.asarray(counts)
    if c.shape != (n,):
        raise InputError(f"counts: expected {n} values, one per ballot")
    if not np.all(np.equal(np.mod(c, 1), 0)) or (c < 0).any():
        raise InputError("counts: expected integers >= 0")
    return c.astype(np.int64)


def _from_levels(levels, counts, names, kind, categories):
    """The engine's profile; ballots with count 0 (pref_voting allows them) are left out."""
    keep = counts > 0
    if not keep.all():
        levels, counts = levels[keep], counts[keep]
    return _core.profile_from_levels(levels, counts, names, [], kind, categories)


def _profile_from_array(a, counts, candidates, kind):
    np = _np()
    if a.ndim != 2:
        raise InputError("ballots: expected a 2-dimensional array (ballots x candidates)")
    if not np.issubdtype(a.dtype, np.integer):
        raise InputError("ballots: expected an integer array")
    n, width = a.shape
    if kind == "levels":
        names = _candidate_list(candidates, [str(i) for i in range(width)])
        return _from_levels(a.astype(np.int32, copy=False), _counts(counts, n), names, "ranking", [])
    if kind != "order":
        raise InputError(f"kind '{kind}': expected order or levels for an array")
    m = len(candidates) if candidates is not None else (int(a.max()) + 1 if a.size else 0)
    names = _candidate_list(candidates, [str(i) for i in range(m)])
    if a.size and a.dtype.itemsize > 4 and (a.max() >= m or a.min() < -1):  # before the cast to int32
        raise InputError(f"ballots: candidate indices must be in [0, {m}) (or -1 for padding)")
    c = _counts(counts, n)
    keep = c > 0
    if not keep.all():
        a, c = a[keep], c[keep]
    # Levels and merging of identical rows happen in C++ (one pass over the buffer, GIL released).
    return _core.profile_from_orders(a, c, names)


def _profile_from_frame(df, counts, candidates, kind):
    np = _np()
    if "count" in df.columns and counts is None:
        counts = df["count"].to_numpy()
        df = df.drop(columns=["count"])
    names = [str(c) for c in df.columns] if candidates is None else [str(c) for c in candidates]
    if kind == "scores":
        return _profile_from_scores(df.to_numpy(dtype=float), counts, names)
    if kind != "ranks":
        raise InputError(f"kind '{kind}': expected ranks or scores for a DataFrame")
    values = df.to_numpy(dtype=float)
    missing = np.isnan(values)
    if (~missing & (values < 1)).any() or (~missing & (np.mod(values, 1) != 0)).any():
        raise InputError("ranks: expected integers >= 1 (1 = best) or NaN for unranked")
    levels = np.where(missing, -1, values - 1).astype(np.int32)
    return _from_levels(levels, _counts(counts, len(df)), names, "ranking", [])


def _profile_from_scores(scores, counts, candidates):
    np = _np()
    if isinstance(scores, list) and scores and isinstance(scores[0], dict):
        seen = []
        for row in scores:
            for c in row:
                if str(c) not in seen:
                    seen.append(str(c))
        names = _candidate_list(candidates, seen)
        values = np.full((len(scores), len(names)), np.nan)
        index = {c: i for i, c in enumerate(names)}
        for b, row in enumerate(scores):
            for c, v in row.items():
                if str(c) not in index:
                    raise InputError(f"ballot {b}: unknown candidate '{c}'")
                values[b, index[str(c)]] = v
    else:
        values = np.asarray(scores, dtype=float)
        if values.ndim != 2:
            raise InputError("scores: expected a 2-dimensional array (ballots x candidates)")
        names = _candidate_list(candidates, [str(i) for i in range(values.shape[1])])
    missing = np.isnan(values)
    if (np.mod(values[~missing], 1) != 0).any():
        raise InputError("scores: expected integer grades (NaN = not graded)")
    grades = np.where(missing, 0, values).astype(np.int64)
    c = _counts(counts, len(values))
    keep = c > 0
    return _core.profile_from_grades(grades[keep], missing[keep], c[keep], names, [])


def _as_profile(p):
    if isinstance(p, Profile):
        return p
    if isinstance(p, (str, os.PathLike)):
        return read_profile(p)
    return profile(p)


def _names_by_id(p):
    return dict(zip(p.candidate_ids, p.candidates))


# ---- families ------------------------------------------------------------------------------------


def elect(profile, rule, **params):
    """Count a single-winner election: `prefero elect FILE --rule RULE`.

    profile: a Profile, a file path, or rankings (see prefero.profile). params: the rule's
    parameters as keyword arguments (every rule also takes tie_break, tie_break_order, seed).
    Returns an ElectionResult: rule, params, winners (candidate ids), names, [lottery], explanation.
    """
    p = _as_profile(profile)
    r = ElectionResult._wrap(_core.elect(p, rule, _params(params)))
    return r


def _groups_text(groups):
    """A dict candidate -> group (or list of groups) as the lines of a --groups file."""
    lines = []
    for cand, gs in groups.items():
        gs = [gs] if isinstance(gs, (str, numbers.Integral)) else list(gs)
        cells = [str(cand)] + [str(g) for g in gs]
        for c in cells:
            if any(ch in c for ch in ",\n\r"):
                raise InputError(f"groups: '{c}': commas and line breaks are not allowed in names")
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def _bounds_spec(bounds):
    """A dict group -> (lo, hi) | N (exactly N) as the CLI's --bounds SPEC (None = unbounded side)."""
    if isinstance(bounds, str):
        return bounds
    terms = []
    for g, b in bounds.items():
        if isinstance(b, numbers.Integral):
            terms.append(f"{g}={int(b)}")
            continue
        lo, hi = b
        if lo is not None:
            terms.append(f"{g}>={int(lo)}")
        if hi is not None:
            terms.append(f"{g}<={int(hi)}")
    return ",".join(terms)


def committee(profile, rule, size=None, *, all=False, groups=None, bounds=None, greedy=False,  # noqa: A002
              **params):
    """Select a committee of `size` candidates: `prefero committee FILE --rule RULE --size K`.

    As the CLI: one committee unless all=True (every winning committee); an explicit resolute=...
    overrides. size defaults to the committeesize of an abcvoting file.
    Group fairness bounds (the CLI's --groups/--bounds/--greedy): groups is a dict candidate ->
    group (or list of groups; candidate name or id) or a groups file path; bounds is a dict
    group -> (lo, hi) (None = unbounded side) or N (exactly N), or the CLI's SPEC string
    ('women>=2,men<=3,1<=young<=2'); greedy=True gives the greedy committee and its gap to the exact
    optimum. Infeasible bounds raise InputError naming the conflicting groups.
    Returns a CommitteeResult: rule, size, committees (lists of candidate ids, ascending), proven,
    params, explanation (with bounds: explanation.bounds and, greedy, explanation.gap).
    """
    p = _as_profile(profile)
    given = _params(params)
    given.setdefault("resolute", "false" if all else "true")
    if groups is None:
        groups_s, is_path = "", False
    elif isinstance(groups, (str, os.PathLike)):
        groups_s, is_path = os.fspath(groups), True
    else:
        groups_s, is_path = _groups_text(groups), False
    bounds_s = "" if bounds is None else _bounds_spec(bounds)
    r = CommitteeResult._wrap(_core.committee(p, rule, int(size or 0), given, groups_s, is_path, bounds_s,
                                              bool(greedy)))
    r._names = _names_by_id(p)
    return r


def consensus(profile, method="kemeny", **params):
    """One consensus ranking of all candidates: `prefero consensus FILE --method METHOD`.

    method: an id or alias of family consensus, or NAME where NAME_ranking is one (borda, copeland,
    kemeny, ...). Returns a ConsensusResult: method, ranking (tiers of candidate ids), cost,
    proven_optimal, lower_bound, [all_optimal], params, explanation.
    """
    p = _as_profile(profile)
    r = ConsensusResult._wrap(_core.consensus(p, method, _params(params)))
    r._names = _names_by_id(p)
    return r


def benchmark(table, method="borda", *, exclude=(), lower=(), lower_is_better=False, instances=False,
              system_column=None, instance_column=None, bootstrap=0, seed=1, resample="auto", level=0.95,
              **params):
    """Rank systems across the tasks of a benchmark: `prefero benchmark TABLE --method METHOD`.

    table: a CSV path (docs/benchmark.md) or a DataFrame in the same layout (system column first,
    one column per task; with instances=True: system, instance, metric columns). exclude: task
    columns to ignore (e.g. "overall"); lower: lower-is-better tasks. method: NAME or
    NAME_benchmark. params: the method's registry parameters (missing, normalize, time_limit).
    bootstrap > 0 adds each system's rank interval. Returns a BenchmarkResult.
    """
    path, tmp = table, None
    if hasattr(table, "to_csv"):
        import tempfile

        tmp = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        table.to_csv(tmp, index=False)
        tmp.close()
        path = tmp.name
    try:
        t = _core.BenchmarkTable()
        t.exclude = [str(x) for x in exclude]
        t.lower_is_better = [str(x) for x in lower]
        t.default_lower = bool(lower_is_better)
        t.system_column = system_column or ""
        t.instance_column = instance_column or ""
        return BenchmarkResult._wrap(_core.benchmark(os.fspath(path), method, _params(params), t, bool(instances),
                                                     int(bootstrap), int(seed), resample, float(level)))
    finally:
        if tmp is not None:
            os.unlink(tmp.name)


_BATTLE_ALIASES = {"model_a": ("model_a", "left"), "model_b": ("model_b", "right"), "winner": ("winner",)}
_VOTER = ("judge", "voter", "worker")  # the file readers' names; the first such column is the voter


def _missing(x):
    return x is None or (isinstance(x, float) and x != x)


def _battle_columns(battles, covariates):
    cols = _core.BattleColumns()
    if isinstance(battles, dict) and "ranking" not in battles:
        battles = _pandas().DataFrame(battles)
    if hasattr(battles, "columns"):  # DataFrame
        if "ranking" in battles.columns:
            cols.rankings = [_tiers(r) for r in battles["ranking"]]
            if "count" in battles.columns:
                cols.ranking_counts = [float(x) for x in battles["count"]]
            return cols
        found = {}
        for role, names in _BATTLE_ALIASES.items():
            for n in names:
                if n in battles.columns:
                    found[role] = n
                    break
            else:
                raise InputError(f"battles: no {role} column (expected one of {', '.join(names)})")
        cols.model_a = [str(x) for x in battles[found["model_a"]]]
        cols.model_b = [str(x) for x in battles[found["model_b"]]]
        cols.winner = [str(x) for x in battles[found["winner"]]]
        for w in ("weight", "count"):
            if w in battles.columns:
                cols.weights = [float(x) for x in battles[w]]
                break
        voter = next((c for c in battles.columns if c in _VOTER), None)
        if voter is not None:  # read by methods with latent voter groups (bt_mixture), ignored by others
            cols.voters = ["" if _missing(x) else str(x) for x in battles[voter]]
        if covariates:
            for c in covariates:
                if c not in battles.columns:
                    raise InputError(f"battles: no covariate column '{c}'")
            cols.covariate_names = list(covariates)
            cols.covariates = battles[list(covariates)].to_numpy(dtype=float).tolist()
        return cols
    rows = list(battles)
    if rows and isinstance(rows[0], dict) and "ranking" in rows[0]:
        cols.rankings = [_tiers(r["ranking"]) for r in rows]
        cols.ranking_counts = [float(r.get("count", r.get("weight", 1))) for r in rows]
        return cols
    if rows and isinstance(rows[0], dict):
        return _battle_columns(_pandas().DataFrame(rows), covariates)
    # (model_a, model_b, winner) tuples
    cols.model_a = [str(r[0]) for r in rows]
    cols.model_b = [str(r[1]) for r in rows]
    cols.winner = [str(r[2]) for r in rows]
    return cols


def rate(battles, model="bradley_terry", *, covariates=None, order="auto", **params):
    """Rate models from battles or K-wise rankings: `prefero rate FILE --model MODEL`.

    battles: a file (.jsonl/.csv battles, .json pair counts, .jsonl rankings), a pandas DataFrame
    with model_a/model_b/winner columns (or evalica's left/right/winner; optional weight or count),
    a list of (model_a, model_b, winner) tuples or of dicts, or K-wise rankings: a DataFrame/list of
    dicts with a "ranking" field (tiers best first). winner: model_a | model_b | tie | tie (bothbad).
    A judge (or voter, worker) column is each battle's voter, read by bt_mixture (groups=G).
    bootstrap=N, seed=S, threads=T and anchor="NAME=VALUE" behave as the CLI's options.
    covariates: column names read as per-battle covariates (bt_style). order: auto | file | compressed.
    Returns a RatingResult: model, params, ratings [{name, rating, ci_low, ci_high, rank_ub, votes}].
    """
    path = os.fspath(battles) if isinstance(battles, (str, os.PathLike)) else None
    cols = _core.BattleColumns() if path is not None else _battle_columns(battles, covariates)
    return RatingResult._wrap(_core.rate(path, cols, model, _params(params), order, list(covariates or [])))


_TASK = ("task", "question", "item", "id", "q", "orig_id", "object")
_WORKER = ("worker", "annotator", "performer", "amt_worker_ids", "worker_id", "participant")
_LABEL = ("label", "answer", "response", "annotation", "output")


def _cell(x, what):
    s = str(x)
    if "\t" in s or "\n" in s or "\r" in s:
        raise InputError(f"{what} '{s}': tabs and line breaks are not allowed in names")
    return s


def _pick(df, names, role):
    for n in names:
        if n in df.columns:
            return n
    raise InputError(f"labels: no {role} column (expected one of {', '.join(names)})")


def _labels_text(labels):
    pd = _pandas()
    if not hasattr(labels, "columns"):
        rows = list(labels)
        if rows and isinstance(rows[0], dict):
            labels = pd.DataFrame(rows)
        else:
            labels = pd.DataFrame(rows, columns=["task", "worker", "label"])
    t, w, lab = _pick(labels, _TASK, "task"), _pick(labels, _WORKER, "worker"), _pick(labels, _LABEL, "label")
    lines = ["task\tworker\tlabel"]
    for a, b, c in zip(labels[t], labels[w], labels[lab]):
        lines.append(f"{_cell(a, 'task')}\t{_cell(b, 'worker')}\t{_cell(c, 'label')}")
    return "\n".join(lines) + "\n"


def _mapping_text(mapping, key, value):
    if mapping is None:
        return ""
    if hasattr(mapping, "items"):
        items = mapping.items()
    else:
        items = mapping
    lines = [f"{key}\t{value}"] + [f"{_cell(k, key)}\t{_cell(v, value)}" for k, v in items]
    return "\n".join(lines) + "\n"


def infer(labels, method="majority_vote", *, gold=None, weights=None, dedup="keep", columns="", format="auto",
          gold_none="", **params):  # noqa: A002 - the CLI's --format
    """Infer each task's true label from crowd judgments: `prefero infer FILE --method METHOD`.

    labels: a file (CSV/TSV, see docs/crowd.md), a pandas DataFrame with task/worker/label columns
    (or the synonyms the CLI accepts: question, annotator, answer, ...), or a list of
    (task, worker, label) tuples or dicts. gold: a gold file, or a dict/Series task -> label (adds
    accuracy); weights: a file or dict worker -> weight (weighted_majority_vote). dedup: keep |
    first | last. columns, format, gold_none: as the CLI's --columns, --format, --gold-none (files).
    Returns an InferenceResult: method, params, labels {task: label}, posteriors, workers, [accuracy].
    """
    is_path = isinstance(labels, (str, os.PathLike))
    if is_path:
        source = os.fspath(labels)
        gold_s = os.fspath(gold) if gold is not None else ""
        weights_s = os.fspath(weights) if weights is not None else ""
        if gold is not None and not isinstance(gold, (str, os.PathLike)):
            raise InputError("with a labels file, give gold as a file too")
    else:
        source = _labels_text(labels)
        gold_s = _mapping_text(gold, "task", "gold") if not isinstance(gold, (str, os.PathLike)) else open(gold).read()
        weights_s = (_mapping_text(weights, "worker", "weight") if not isinstance(weights, (str, os.PathLike))
                     else open(weights).read())
        format = "header"
    return InferenceResult._wrap(_core.infer(source, is_path, gold_s, weights_s, method, _params(params), format,
                                             columns, dedup, gold_none))


def ensemble(scores, method="hard_majority", *, labels=None, ids=None, classes=None, **params):
    """Combine base models' per-sample scores: `prefero ensemble FILE --method METHOD`.

    scores: a JSONL file (docs/ensemble.md) or an array samples x models x classes (logits,
    probabilities, or for reward ensembles the rewards of [chosen, rejected] as two classes).
    labels: true class index per sample (-1 unknown); ids: sample ids; classes: class names.
    Returns an EnsembleResult: method, params, samples [{id, prediction, certificate, label, details}].
    """
    if isinstance(scores, (str, os.PathLike)):
        return EnsembleResult._wrap(_core.ensemble(os.fspath(scores), None, [], [], [], method, _params(params)))
    np = _np()
    arr = np.asarray(scores, dtype=float)
    return EnsembleResult._wrap(_core.ensemble(
        None, arr, [str(i) for i in ids] if ids is not None else [],
        [int(x) for x in labels] if labels is not None else [],
        [str(c) for c in classes] if classes is not None else [], method, _params(params)))


class AgreementResult(Result):
    """`prefero agree --json`: krippendorff_alpha {level, value}, fleiss_kappa, [cohen_kappa],
    [kendall_tau | spearman], [judge_agreement {judge, tasks, agreement, cohen_kappa}], tasks, raters."""


class MatchResult(Result):
    """`prefero match --json`: policy, k, models (the names proposed for the next comparison)."""


class SimulationResult(Result):
    """`prefero simulate --json`: models, k, estimator, runs, max_votes, tau, confidence, seed,
    policies [{policy, votes_to_tau, votes_to_top1, final_mean_tau}] (None = not reached)."""

    def to_pandas(self):
        pd = _pandas()
        cols = ["policy", "votes_to_tau", "votes_to_top1", "final_mean_tau"]
        return pd.DataFrame([{c: r[c] for c in cols} for r in self["policies"]], columns=cols)


def agree(labels, metric="all", *, level="nominal", raters=None, judge=None, columns=""):
    """Agreement between raters who labelled the same tasks: `prefero agree FILE --metric METRIC`.

    labels: a file (the formats of prefero.infer), a DataFrame with task/worker/label columns (or
    the synonyms infer accepts) or a list of (task, worker, label) tuples or dicts.
    metric: all (default), krippendorff_alpha, fleiss_kappa, cohen_kappa, kendall_tau, spearman,
    judge_agreement. level: Krippendorff's alpha level, nominal | ordinal | interval. raters: the
    two raters of a pairwise metric, (A, B) or "A,B" (default: the only two). judge: the rater
    compared with the others' majority. columns: as the CLI's --columns (headerless files).
    Returns an AgreementResult with the CLI's JSON fields.
    """
    if raters is not None and not isinstance(raters, str):
        raters = ",".join(str(r) for r in raters)
    is_path = isinstance(labels, (str, os.PathLike))
    source = os.fspath(labels) if is_path else _labels_text(labels)
    return AgreementResult._wrap(_core.agree(source, is_path, metric, level, raters or "", judge or "", columns,
                                             "auto" if is_path else "header"))


def _weights_spec(weights):
    if weights is None:
        return ""
    if isinstance(weights, str):
        return weights
    return ",".join(f"{k}={_param_text(v)}" for k, v in weights.items())


def match(battles, policy="ucb", *, k=2, seed=0, alpha=1.0, weights=None):
    """Propose the next comparison from a vote log: `prefero match FILE --policy POLICY --k K`.

    battles: what prefero.rate reads (a file, a DataFrame with model_a/model_b/winner, tuples,
    dicts, or K-wise rankings). policy: uniform | weighted (FastChat) | ucb (K-Sort Arena, default).
    k: models per comparison. seed: same seed, same proposal. alpha: ucb's exploration weight.
    weights: sampling weights for weighted, a dict name -> weight or "NAME=W,..." (others 1).
    Returns a MatchResult: policy, k, models (names).
    """
    path = os.fspath(battles) if isinstance(battles, (str, os.PathLike)) else None
    cols = _core.BattleColumns() if path is not None else _battle_columns(battles, None)
    return MatchResult._wrap(_core.match(path, cols, policy, int(k), int(seed), float(alpha), _weights_spec(weights)))


def simulate(*, models=10, k=2, spread=3.0, estimator="weng_lin", policies="uniform,weighted,ucb", runs=40,
             max_votes=20000, tau=0.9, confidence=0.95, seed=1):
    """Convergence study of matchmaking policies: `prefero simulate --models N --k K ...`.

    Votes drawn from a known Plackett-Luce ground truth (evenly spaced log-strengths over `spread`);
    per policy, the first checkpoint at which Kendall tau >= tau and a correct top-1 each hold in
    at least `confidence` of the runs. estimator: weng_lin | elo. policies: a list or a
    comma-separated string. Same seed, same report. Returns a SimulationResult (.to_pandas()).
    """
    if not isinstance(policies, str):
        policies = ",".join(policies)
    return SimulationResult._wrap(_core.simulate(int(models), int(k), float(spread), estimator, policies, int(runs),
                                                 int(max_votes), float(tau), float(confidence), int(seed)))


def _family_docs():
    """Each family function's docstring ends with its methods, from the registry."""
    for family, fn in _FAMILY_FUNCTION.items():
        f = globals()[fn]
        ms = methods(family)
        listing = "\n".join(f"    {m['id']:<28} {m['summary']}" for m in ms)
        f.__doc__ = (f.__doc__ or "") + f"\n    Methods ({len(ms)}; prefero.help(ID) for parameters):\n" + listing + "\n"


_family_docs()
