"""SIGKILL at random moments of a conversation never loses or corrupts the saved session.

A few dozen kills here; bench/bench_kills.py runs hundreds (numbers in bench/history/robustness.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from bench_kills import run_trials  # noqa: E402

KILLS = 30


def test_random_kills_leave_the_old_or_a_new_session_that_loads():
    counts = run_trials(KILLS, seed=20261126)
    assert counts["lost"] == 0 and counts["corrupt"] == 0, counts
    assert counts["old"] + counts["new"] == KILLS
    assert counts["new"] > 0, f"no kill landed after a save: the test proved nothing ({counts})"
