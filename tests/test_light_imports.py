"""Text and script modes never load the voice stack (numpy, sounddevice, vosk): they start
fast and work on machines without audio libraries. Checked with `python -X importtime`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
HEAVY = {"numpy", "sounddevice", "vosk"}


def imported_modules(*args: str, stdin: str = "") -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "assistant", *args],
        cwd=CHECKOUT, input=stdin, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("import time:")]
    assert len(lines) > 50, "importtime output missing: the check would prove nothing"
    return {ln.rsplit("|", 1)[1].strip().split(".")[0] for ln in lines}


@pytest.mark.parametrize("mode", ["--text", "--script"])
def test_text_and_script_modes_do_not_import_the_voice_stack(tmp_path, mode):
    script = tmp_path / "answers.txt"
    script.write_text("yes\nyes\nno\nstop\n")
    args = [mode, str(script)] if mode == "--script" else [mode]
    modules = imported_modules(*args, "--fresh", "--state-file", str(tmp_path / "s.json"),
                               stdin="yes\nstop\n")  # fmt: skip
    assert "yaml" in modules and "transitions" in modules  # the conversation did run
    assert not modules & HEAVY, f"text mode imported {sorted(modules & HEAVY)}"
