"""Progress survives stopping, crashes, Ctrl-C and damaged files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from assistant.conversation.session_store import Answer, Progress, StateStore

REPO = Path(__file__).resolve().parent.parent


def test_continue_where_we_left_off(talk):
    first = talk.run("yes", "yes", "yes", "yes", "no", "stop", fresh=True)
    assert first.report["final_state"] == "s3.s3_storage_full"
    second = talk.run("yes", "no")
    assert "continue where we left off, at step 3" in second.output
    assert "iCloud storage" in second.output.split("> yes")[1]
    assert second.asked == ["s1_apple_id", "s1_sync_on", "s2_online", "s2_cellular",
                            "s3_storage_full"], "earlier answers are kept"  # fmt: skip


def test_declining_to_continue_starts_fresh(talk):
    talk.run("yes", "yes", "yes", "stop", fresh=True)
    second = talk.run("no", "yes")
    assert second.asked == ["s1_apple_id"]
    assert "Step 1 of 7" in second.output


def test_fresh_ignores_a_saved_session(talk):
    talk.run("yes", "yes", "yes", "stop", fresh=True)
    again = talk.run("yes", fresh=True)
    assert "continue where we left off" not in again.output
    assert again.report["final_state"] == "s1.s1_apple_id"


def test_stopping_at_the_offer_keeps_the_saved_session(talk):
    talk.run("yes", "yes", "yes", "stop", fresh=True)
    talk.run("stop")
    third = talk.run("yes")
    assert third.report["final_state"] == "s2.s2_online"


def test_progress_is_saved_after_every_answer(talk):
    talk.run("yes", "yes", "no", fresh=True)  # the script ends without "stop"
    saved = json.loads(talk.state_file.read_text())
    assert saved["state"] == "s1.s1_turn_on"
    assert [a["intent"] for a in saved["history"]] == ["yes", "no"]


def test_corrupt_state_file_is_kept_aside_and_a_fresh_start_made(talk):
    talk.state_file.write_text('{"version": 1, "state": "s2.s2_onl', encoding="utf-8")
    result = talk.run("yes")
    assert result.exit_code == 0
    assert "damaged" in result.errors and "Traceback" not in result.errors
    kept = list(talk.tmp_path.glob("session.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text().startswith('{"version": 1')
    assert result.report["final_state"] == "s1.s1_apple_id"


def test_state_file_naming_an_unknown_question_is_treated_as_damaged(tmp_path):
    store = StateStore(tmp_path / "s.json")
    store.save(Progress("s9.s9_nothing", []))
    progress, warning = store.load({"start", "s1.s1_apple_id"})
    assert progress is None and warning and "unknown question" in warning


def test_save_replaces_the_file_whole(tmp_path):
    store = StateStore(tmp_path / "s.json")
    store.save(Progress("s1.s1_sync_on", [Answer("s1.s1_apple_id", "yes", "yes")]))
    store.save(Progress("s2.s2_online", [Answer("s1.s1_apple_id", "yes")] * 2))
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"], "no temporary file left behind"
    loaded, _ = store.load({"s2.s2_online", "s1.s1_apple_id"})
    assert loaded is not None and loaded.state == "s2.s2_online"


def test_summary_markdown_is_saved_beside_the_state_file(talk):
    talk.run("yes", "yes", "no", "done", "yes", fresh=True)
    summary = (talk.tmp_path / "session-summary.md").read_text()
    assert "Resolved at step 1" in summary
    assert "Turned on Sync this iPhone" in summary
    assert (
        "### Step 1: Check your settings\n\n- Signed in with the Apple Account used for iCloud "
        "Photos: yes\n- Sync this iPhone turned on: no\n" in summary
    )


def test_summary_markdown_reads_in_order_for_a_screen_reader(talk):
    """Headings and lists only: a table is read cell by cell, out of context."""
    talk.run("yes", "yes", "yes", "yes", "no", "skip", "stop", fresh=True)
    summary = (talk.tmp_path / "session-summary.md").read_text()
    assert "|" not in summary
    assert summary.startswith("# iCloud Photos troubleshooting summary\n")
    steps = [line for line in summary.splitlines() if line.startswith("### ")]
    assert steps == ["### Step 1: Check your settings",
                     "### Step 2: Check your internet connection",
                     "### Step 3: Check your iCloud storage"]  # fmt: skip
    assert "- iCloud storage full or nearly full: skipped" in summary
    assert summary.endswith("## What was changed\n\nNothing was changed.\n")


def test_ctrl_c_mid_session_keeps_progress(tmp_path):
    state = tmp_path / "session.json"
    report = tmp_path / "report.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--text", "--fresh", "--state-file", str(state),
         "--report", str(report)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=REPO, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert proc.stdin and proc.stdout
    for answer in ("yes", "yes", "yes"):
        proc.stdin.write(answer + "\n")
        proc.stdin.flush()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # wait until the third answer has been taken
        if state.exists() and json.loads(state.read_text())["state"] == "s2.s2_online":
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert "Traceback" not in err
    assert json.loads(state.read_text())["state"] == "s2.s2_online"
    assert json.loads(report.read_text())["outcome"] == "stopped"
