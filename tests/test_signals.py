"""Ctrl-C, SIGTERM and SIGHUP end the conversation as `stopped`: progress kept, report and
summary written, exit 0, never a traceback; at any moment, start-up included.

The processes are started as script/run starts them: with the stop signals ignored until
the assistant's own handler takes over (Python's own start-up, before any of the assistant's
code runs, would otherwise turn a Ctrl-C into its KeyboardInterrupt traceback).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
LAUNCH = ["bash", "-c", "trap '' INT TERM HUP; exec \"$@\"", "launch"]  # as script/run does
STOP_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


def start(tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*LAUNCH, sys.executable, "-m", "assistant", "--text", "--fresh",
         "--state-file", str(tmp_path / "session.json"), "--report", str(tmp_path / "r.json")],
        cwd=CHECKOUT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def wait_for_python(proc: subprocess.Popen) -> None:
    """Until the launcher has exec'd Python (a signal before that meets bash, not us)."""
    cmdline = Path(f"/proc/{proc.pid}/cmdline")
    while b"assistant" not in cmdline.read_bytes().split(b"\0")[:3][-1]:
        time.sleep(0.001)


def read_until(proc: subprocess.Popen, marker: str) -> str:
    assert proc.stdout is not None
    seen = ""
    while marker not in seen:
        line = proc.stdout.readline()
        assert line, f"ended before {marker!r}: {seen}"
        seen += line
    return seen


@pytest.mark.parametrize("signum", STOP_SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_signal_mid_conversation_ends_as_stopped_with_everything_saved(tmp_path, signum):
    proc = start(tmp_path)
    assert proc.stdin is not None
    proc.stdin.write("yes\nyes\nno\n")  # start; signed in; sync is off -> turn it on
    proc.stdin.flush()
    read_until(proc, "Say done when you have finished")
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Stopped" in err
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["outcome"] == "stopped"
    assert report["final_state"] == "s1.s1_turn_on"
    assert [q["id"] for q in report["questions"]] == ["s1_apple_id", "s1_sync_on"]
    saved = json.loads((tmp_path / "session.json").read_text())
    assert saved["state"] == "s1.s1_turn_on", "progress kept: the next run offers to continue"
    assert "Sync this iPhone" in (tmp_path / "session-summary.md").read_text()


@pytest.mark.parametrize("signum", STOP_SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_signal_during_start_up_never_prints_a_traceback(tmp_path, signum):
    """From Python's first moment to the first question, every 30 ms."""
    for n, delay in enumerate(i * 0.03 for i in range(16)):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        proc = start(folder)
        wait_for_python(proc)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, f"{delay:.2f} s: exit {proc.returncode}: {err}"
        assert "Traceback" not in err, f"{delay:.2f} s: {err}"
        if "Hello" in out:  # the conversation had started: it ended as stopped
            assert json.loads((folder / "r.json").read_text())["outcome"] == "stopped"
