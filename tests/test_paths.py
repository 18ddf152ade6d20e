"""Every path of flow.md, driven by scripted conversations."""

from __future__ import annotations

import pytest

# Answers that find nothing to change, per step, ending at the next step's first question.
ALL_FINE = {
    1: ["yes", "yes"],  # signed in; sync on
    2: ["yes", "no"],  # online; on Wi-Fi
    3: ["no"],  # storage not full
    4: ["yes"],  # already optimized
    6: ["no"],  # no update
}


def fine_until(step: int) -> list[str]:
    """Start, then answers that pass every step before `step` (steps 5 and 7 always act)."""
    lines = ["yes"]
    for n in range(1, step):
        lines += ALL_FINE.get(n, ["done", "no"])  # an action, then "not fixed"
    return lines


PATHS = [
    # (name, answers after reaching the step, resolved step, asked ids in that step, fixed_by)
    ("s1 sign in", 1, ["no", "done", "yes", "yes"],
     ["s1_apple_id", "s1_sign_in", "s1_sync_on", "fixed?"], "s1_sign_in"),
    ("s1 sign in then turn on", 1, ["no", "done", "no", "done", "yes"],
     ["s1_apple_id", "s1_sign_in", "s1_sync_on", "s1_turn_on", "fixed?"], "s1_turn_on"),
    ("s1 turn on", 1, ["yes", "no", "done", "yes"],
     ["s1_apple_id", "s1_sync_on", "s1_turn_on", "fixed?"], "s1_turn_on"),
    ("s2 fix network", 2, ["no", "done", "yes"], ["s2_online", "s2_fix_network", "fixed?"],
     "s2_fix_network"),
    ("s2 enable data", 2, ["yes", "yes", "no", "done", "yes"],
     ["s2_online", "s2_cellular", "s2_photos_data", "s2_enable_data", "fixed?"], "s2_enable_data"),
    ("s3 free space", 3, ["yes", "done", "yes"], ["s3_storage_full", "s3_free_space", "fixed?"],
     "s3_free_space"),
    ("s4 optimize", 4, ["no", "done", "yes"], ["s4_optimized", "s4_select_optimize", "fixed?"],
     "s4_select_optimize"),
    ("s5 restart", 5, ["ready", "yes"], ["s5_restart", "fixed?"], "s5_restart"),
    ("s6 update", 6, ["yes", "done", "yes"], ["s6_update_available", "s6_install_update", "fixed?"],
     "s6_install_update"),
    ("s7 charge", 7, ["done", "yes"], ["s7_charge", "fixed?"], "s7_charge"),
]  # fmt: skip


@pytest.mark.parametrize(("step", "answers", "asked", "fixed_by"),
                         [p[1:] for p in PATHS], ids=[p[0] for p in PATHS])  # fmt: skip
def test_resolved_at_each_step(talk, step, answers, asked, fixed_by):
    result = talk.run(*fine_until(step), *answers, fresh=True)
    assert result.exit_code == 0
    assert result.outcome == "resolved"
    assert result.report["resolved_at_step"] == step
    assert result.report["fixed_by"] == fixed_by
    in_step = [q["id"] for q in result.report["questions"] if q["step"] == step]
    assert in_step == asked
    assert f"What fixed it was step {step}" in result.output


def test_unresolved_after_all_seven_checks(talk):
    result = talk.run(*fine_until(8), fresh=True)
    assert result.outcome == "unresolved"
    assert result.report["resolved_at_step"] is None
    assert "Genius Bar" in result.output
    assert result.asked[-2:] == ["s7_charge", "fixed?"]
    assert not talk.state_file.exists(), "a finished session is not offered again"


def test_cellular_with_data_allowed_moves_on_without_fixed_question(talk):
    result = talk.run("yes", "yes", "yes", "yes", "yes", "yes", fresh=True)
    assert result.asked == ["s1_apple_id", "s1_sync_on", "s2_online", "s2_cellular",
                            "s2_photos_data"]  # fmt: skip
    assert result.report["final_state"] == "s3.s3_storage_full"


def test_step_with_nothing_to_change_says_so_and_skips_fixed_question(talk):
    result = talk.run("yes", "yes", "yes", fresh=True)
    after_step_1 = result.output.split("> yes")[3]
    assert "Step 2 of 7: Check your internet connection" in after_step_1
    assert "syncing now" not in after_step_1
    assert any(w in after_step_1 for w in ("nothing to change", "looks right", "nothing needs"))


def test_each_step_is_announced_once(talk):
    result = talk.run(*fine_until(8), fresh=True)
    for n in range(1, 8):
        assert result.output.count(f"Step {n} of 7:") == 1


def test_stop_ends_stopped_with_progress_saved(talk):
    result = talk.run("yes", "yes", "yes", "stop", fresh=True)
    assert result.outcome == "stopped"
    assert result.report["final_state"] == "s2.s2_online"
    assert talk.state_file.exists()
    assert "progress is saved" in result.output


def test_script_running_out_behaves_as_stop(talk):
    result = talk.run("yes", "no", fresh=True)
    assert result.outcome == "stopped"
    assert result.report["final_state"] == "s1.s1_sign_in"
    assert talk.state_file.exists()


def test_no_at_start_pauses_until_resume(talk):
    result = talk.run("no", "yes", "resume", "yes", fresh=True)
    assert "Paused" in result.output
    assert result.asked == ["s1_apple_id"], "the yes while paused answered nothing"


def test_not_yet_at_an_action_waits_patiently(talk):
    result = talk.run("yes", "no", "not yet", "no", "done", fresh=True)
    assert (
        result.output.count("take your time")
        + result.output.count("I'll wait")
        + result.output.count("no rush")
        == 2
    )
    assert result.asked == ["s1_apple_id", "s1_sign_in"]
    assert result.report["final_state"] == "s1.s1_sync_on"


def test_every_prompt_says_what_to_answer(talk):
    result = talk.run(*fine_until(8), fresh=True)
    printed = [ln for ln in result.output.splitlines() if ln and not ln.startswith(">")]
    for line in printed[1:-1]:  # the greeting and the farewell ask nothing
        assert any(cue in line.lower() for cue in ("say yes or no", "say done", "say ready")), line
