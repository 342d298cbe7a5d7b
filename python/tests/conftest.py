"""Shared fixtures: where the reference data (../shared/refdata, never copied into the repository)
the generated sample elections (build/examples, scripts/make-examples.py) and the CLI are. ctest
passes PREFERO_SHARED_DIR, PREFERO_SOURCE_DIR, PREFERO_EXAMPLES_DIR and PREFERO_CLI."""
import os
import pathlib

import pytest

SOURCE = pathlib.Path(os.environ.get("PREFERO_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SHARED = pathlib.Path(os.environ.get("PREFERO_SHARED_DIR", SOURCE.parent / "shared"))
REFDATA = SHARED / "refdata"
EXAMPLES = pathlib.Path(os.environ.get("PREFERO_EXAMPLES_DIR", SOURCE / "build" / "examples"))
CLI = os.environ.get("PREFERO_CLI", str(SOURCE / "build" / "bin" / "prefero"))


def refdata(*parts):
    """A path under refdata; the test is skipped (with the reason) when it is absent."""
    path = REFDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data not found: {path}")
    return path
