#!/usr/bin/env python3
"""Writes Prefero's invented sample elections, in PrefLib format, into OUT_DIR (default
build/examples, git-ignored):

  city_council.toi   plurality and instant runoff elect Alvarez, the Condorcet winner is Brooks
  lunch.soc          complete rankings with a Condorcet cycle
  park_approval.cat  an approval vote (categories Yes / No)

Usage: scripts/make-examples.py [OUT_DIR]. Standard library only; deterministic (the same bytes
on every run), so the outputs quoted in README.md and docs/ stay true. `make run`, `make examples`,
scripts/run-examples.sh and the CMake target `examples` (which the tests depend on) call it.
tests/unit/test_preflib_examples.cpp checks the properties the descriptions claim.
"""
import pathlib
import sys

DATE = "2026-11-26"  # publication and modification date written in every header

# Each election: its header fields, the alternatives' names and the distinct ballots with their
# counts. A ranking is a list of tiers (best first; a tier is a list of alternatives, numbered
# from 1, that are tied); an approval ballot is the set of approved alternatives.
ELECTIONS = [
    {
        "file": "city_council.toi",
        "title": "Made-up city council mayoral vote",
        "description": "Plurality and instant runoff elect Alvarez, but Brooks, the centrist, beats every rival "
                       "head to head (Condorcet winner whether unranked candidates count as incomparable or as "
                       "tied last). Ballots are truncated and some tie candidates.",
        "alternatives": ["Alvarez", "Brooks", "Chen", "Dubois", "Evans"],
        "rankings": [
            (19, [[1], [2], [4], [3], [5]]),
            (17, [[3], [2], [5], [1]]),
            (9, [[2], [3], [1]]),
            (8, [[2], [1], [3], [5], [4]]),
            (7, [[1], [2, 4]]),
            (6, [[3], [5], [2], [1, 4]]),
            (5, [[1], [2]]),
            (5, [[3], [2]]),
            (5, [[3], [2, 5]]),
            (5, [[4], [1], [2]]),
            (4, [[1], [4], [2], [3]]),
            (4, [[2]]),
            (3, [[5], [3], [2], [1], [4]]),
            (2, [[5], [2]]),
            (1, [[1, 4], [2]]),
            (1, [[2, 3]]),
        ],
    },
    {
        "file": "lunch.soc",
        "title": "Team lunch",
        "description": "Complete strict rankings with a Condorcet cycle: Pizza beats Sushi, Sushi beats Tacos, "
                       "Tacos beats Pizza; Salad loses to everyone.",
        "alternatives": ["Pizza", "Sushi", "Tacos", "Salad"],
        "rankings": [
            (7, [[1], [2], [3], [4]]),
            (6, [[2], [3], [1], [4]]),
            (5, [[3], [1], [2], [4]]),
            (3, [[4], [3], [2], [1]]),
            (2, [[2], [1], [4], [3]]),
        ],
    },
    {
        "file": "park_approval.cat",
        "title": "Neighbourhood park improvements (approval vote)",
        "description": "Each resident approves any number of projects (category Yes) and leaves the rest in "
                       "category No. The Playground has the most approvals (21 of 39 residents), although Dog run "
                       "is the most frequent sole choice (7 residents approve only it).",
        "alternatives": ["Community garden", "Dog run", "Playground", "Skate park", "Shade trees", "Outdoor gym"],
        "categories": ["Yes", "No"],
        "approvals": [
            (9, {1, 3}),
            (7, {2}),
            (6, {2, 5}),
            (5, {3, 4}),
            (4, {1, 3, 5}),
            (3, {4, 6}),
            (2, set()),
            (2, {3, 5, 6}),
            (1, {1, 2, 3, 4, 5, 6}),
        ],
    },
]


def ranking_line(count, tiers):
    """PrefLib soc/toi order: tiers separated by commas, a tie of several in braces."""
    parts = [str(t[0]) if len(t) == 1 else "{" + ",".join(map(str, t)) + "}" for t in tiers]
    return f"{count}: " + ",".join(parts)


def approval_line(count, approved, m):
    """PrefLib cat preference: {approved},{the others}, every category in braces."""
    rest = [a for a in range(1, m + 1) if a not in approved]
    return f"{count}: " + "{" + ",".join(map(str, sorted(approved))) + "},{" + ",".join(map(str, rest)) + "}"


def render(e):
    data_type = e["file"].rsplit(".", 1)[1]
    m = len(e["alternatives"])
    if data_type == "cat":
        ballots = e["approvals"]
        body = [approval_line(n, approved, m) for n, approved in ballots]
    else:
        ballots = e["rankings"]
        body = [ranking_line(n, tiers) for n, tiers in ballots]
    header = [
        ("FILE NAME", e["file"]),
        ("TITLE", e["title"]),
        ("DESCRIPTION", "Prefero sample election (invented). " + e["description"]),
        ("DATA TYPE", data_type),
        ("MODIFICATION TYPE", "synthetic"),
        ("RELATES TO", ""),
        ("RELATED FILES", ""),
        ("PUBLICATION DATE", DATE),
        ("MODIFICATION DATE", DATE),
        ("NUMBER ALTERNATIVES", m),
        ("NUMBER VOTERS", sum(n for n, _ in ballots)),
    ]
    if data_type == "cat":
        header.append(("NUMBER UNIQUE PREFERENCES", len(ballots)))
        header.append(("NUMBER CATEGORIES", len(e["categories"])))
        header += [(f"CATEGORY NAME {i}", name) for i, name in enumerate(e["categories"], 1)]
    else:
        header.append(("NUMBER UNIQUE ORDERS", len(ballots)))
    header += [(f"ALTERNATIVE NAME {i}", name) for i, name in enumerate(e["alternatives"], 1)]
    return "".join(f"# {key}: {value}\n" for key, value in header) + "".join(line + "\n" for line in body)


def main():
    if len(sys.argv) > 2:
        sys.exit("usage: make-examples.py [OUT_DIR]   (default build/examples)")
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) == 2 else pathlib.Path(__file__).resolve().parents[1] / "build" / "examples"
    out.mkdir(parents=True, exist_ok=True)
    for e in ELECTIONS:
        (out / e["file"]).write_bytes(render(e).encode("utf-8"))


if __name__ == "__main__":
    main()
