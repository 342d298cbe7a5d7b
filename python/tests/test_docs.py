"""docs/python.md is a notebook: its ```python blocks run in order, in one namespace, from the
repository's root (so a broken example fails the build)."""
import os
import re

from conftest import SOURCE


def test_python_md_blocks_run(capsys):
    text = (SOURCE / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 5
    namespace = {"__name__": "docs_python_md"}
    cwd = os.getcwd()
    os.chdir(SOURCE)
    try:
        for i, block in enumerate(blocks):
            exec(compile(block, f"docs/python.md block {i + 1}", "exec"), namespace)
    finally:
        os.chdir(cwd)
