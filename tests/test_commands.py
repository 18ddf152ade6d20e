"""The commands of docs/flow.md, said at questions and actions, and the re-prompt ladder."""

from __future__ import annotations

from test_paths import fine_until

SIGNED_IN = "signed in with the same Apple Account"


def test_repeat_says_the_current_prompt_again(talk):
    result = talk.run("yes", "repeat", "say that again", fresh=True)
    assert result.output.count(SIGNED_IN) == 3
    assert result.report["final_state"] == "s1.s1_apple_id"


def test_back_at_the_first_question_says_so_and_asks_again(talk):
    result = talk.run("yes", "go back", fresh=True)
    assert "This is the first question." in result.output
    assert result.output.count(SIGNED_IN) == 2
    assert result.report["final_state"] == "s1.s1_apple_id"


def test_back_undoes_the_previous_answer(talk):
    result = talk.run("yes", "no", "go back", "yes", "yes", fresh=True)
    assert result.asked == ["s1_apple_id", "s1_sync_on"], "the undone 'no' is not in the record"
    assert result.report["final_state"] == "s2.s2_online"


def test_back_across_a_step_returns_to_the_last_question_of_the_previous_step(talk):
    result = talk.run("yes", "yes", "yes", "previous", fresh=True)
    assert result.report["final_state"] == "s1.s1_sync_on"
    assert result.output.count("Step 1 of 7") == 2, "going back into step 1 announces it again"


def test_skip_goes_to_the_start_of_the_next_step(talk):
    result = talk.run("yes", "no", "skip", fresh=True)
    assert result.report["final_state"] == "s2.s2_online"
    assert "Step 2 of 7" in result.output


def test_skip_from_step_7_ends_unresolved(talk):
    result = talk.run(*fine_until(7), "next step", fresh=True)
    assert result.outcome == "unresolved"


def test_help_explains_the_question_and_lists_commands(talk):
    result = talk.run("yes", "help", fresh=True)
    assert "only syncs with the Apple Account" in result.output
    assert "start over" in result.output.split("> help")[1]
    assert result.report["final_state"] == "s1.s1_apple_id"


def test_pause_listens_only_for_resume_and_stop(talk):
    result = talk.run("yes", "hold on", "yes", "no", "resume", "yes", fresh=True)
    after_pause = result.output.split("> hold on")[1]
    assert after_pause.count("paused") >= 2, "each answer while paused gets a reminder"
    assert result.asked == ["s1_apple_id"]
    assert result.output.count(SIGNED_IN) == 2, "resume repeats the current prompt"


def test_stop_while_paused_saves_and_ends(talk):
    result = talk.run("yes", "pause", "quit", fresh=True)
    assert result.outcome == "stopped"
    assert talk.state_file.exists()


def test_start_over_clears_answers(talk):
    result = talk.run("yes", "yes", "yes", "no", "start over", "yes", fresh=True)
    assert "Starting over from step 1." in result.output
    assert result.asked == ["s1_apple_id"]
    assert result.report["final_state"] == "s1.s1_sync_on"


def test_where_am_i_names_the_step_and_what_remains_then_asks_again(talk):
    result = talk.run("yes", "yes", "yes", "where am i", fresh=True)
    where = "You're on step 2 of 7: Check your internet connection. 5 more steps after this one."
    assert where in result.output
    # the turn ends on the question, as after "repeat", not on the count of steps left
    after = result.output.split(where, 1)[1]
    assert after.lstrip().startswith("Open any web page in Safari. Does it load? Say yes or no.")


def test_where_at_the_last_step(talk):
    result = talk.run(*fine_until(7), "which step", fresh=True)
    assert "step 7 of 7" in result.output and "This is the last step." in result.output


def test_speech_controls_are_acknowledged_and_the_prompt_continues(talk):
    result = talk.run("yes", "slow down", "speak up", "too loud", "speak faster", "yes", fresh=True)
    for said in ("Speaking slower.", "Speaking louder.", "Speaking more quietly.",
                 "Speaking faster."):  # fmt: skip
        assert said in result.output
    assert result.asked == ["s1_apple_id"]


def test_reprompt_ladder_hints_then_pauses(talk):
    result = talk.run("yes", "banana", "<silence>", "purple", "yes", "resume", "yes", fresh=True)
    first, second, third = result.output.split("> banana")[1].split("> ")[:3]
    assert "didn't catch" in first or "missed" in first or "didn't quite" in first
    assert "say yes or no" in first.lower() and "repeat, or help" not in first
    assert "repeat, or help" in second
    assert "pause" in third.lower()
    assert result.asked == ["s1_apple_id"], "the yes while paused did not answer"


def test_a_recognized_answer_resets_the_ladder(talk):
    result = talk.run("yes", "banana", "banana", "yes", "banana", "banana", fresh=True)
    assert "I'll pause" not in result.output
    assert result.asked == ["s1_apple_id"]


def test_reprompt_at_an_action_asks_for_done(talk):
    result = talk.run("yes", "no", "banana", fresh=True)
    assert "Say done when you have finished." in result.output.split("> banana")[1]


def test_natural_phrasings_drive_the_flow(talk):
    result = talk.run("sure, let's go", "yeah I'm signed in", "nope, it's off",
                      "okay I've turned it on", "it worked", fresh=True)  # fmt: skip
    assert result.outcome == "resolved"
    assert result.report["fixed_by"] == "s1_turn_on"


def test_negative_phrasings_are_no(talk):
    result = talk.run("yes", "I don't think so", "not yet", "done", "still not syncing",
                      fresh=True)  # fmt: skip
    intents = [t["intent"] for t in result.report["turns"]]
    assert intents == ["yes", "no", "no", "yes", "no"]
