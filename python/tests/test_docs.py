"""docs/python.md is a notebook: its ```python blocks run in order, in one namespace, from the
repository's root (so a broken example fails the build). Its build/examples/ paths are pointed at
this build's generated sample elections."""
import os
import re

from conftest import EXAMPLES, SOURCE


def test_python_md_blocks_run(capsys):
    text = (SOURCE / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    blocks = [b.replace('"build/examples/', f'"{EXAMPLES}/') for b in blocks]
    assert len(blocks) >= 5
    namespace = {"__name__": "docs_python_md"}
    cwd = os.getcwd()
    os.chdir(SOURCE)
    try:
        for i, block in enumerate(blocks):
            exec(compile(block, f"docs/python.md block {i + 1}", "exec"), namespace)
    finally:
        os.chdir(cwd)
