"""Understanding, round five (issue 8): the safety gate, and the categories heldout13 showed.

A reading that leaves something unexplained is asked again rather than acted on (safety.py):
a question left open, an answer then trouble after "but", a farewell inside other words. Then
the categories of heldout13's misses and wrong actions, each a general rule: a side of a
contrast about another thing, the state that outlasted what was done ("still"), a speech
setting asked with a repeat, a wait asked for a thing ("give it a minute"), progress said as
where it is at, a setting not found, the screen telling of trouble, "what now" after a yes,
reported speech. Each test is a parse a user would notice, with the shipped English language
file; the phrasings are this file's own, not those of the phrase sets.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.conversation.understanding import Vocabulary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_understanding  # noqa: E402


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.fixture(scope="module")
def ungated(vocab: Vocabulary) -> Vocabulary:
    return replace(vocab, gated=False)


# The gate: what the rules decide, asked again when the reading is uncertain


@pytest.mark.parametrize(
    ("text", "question", "without_the_gate"),
    [("wait, will that erase my pictures?", "s4_select_optimize", "pause"),
     ("one sec, would it turn itself off again?", "s1_turn_on", "pause"),
     ("it's on, but it won't let me change it", "s1_sync_on", "help"),
     ("see you are", None, "stop")],
)  # fmt: skip
def test_the_gate_asks_again_where_the_rules_alone_would_act(
    vocab, ungated, text, question, without_the_gate
):
    """A question the reading could not place, an answer then trouble after "but", a
    farewell that is the start of other words: the rules alone act, the gate asks again."""
    assert ungated.parse(text, question) == without_the_gate
    assert vocab.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("can we go back?", None, "back"),
     ("could you repeat that?", None, "repeat"),
     ("Done. What's next?", "s2_photos_data", "yes"),
     ("how do I get to iCloud?", "s1_sync_on", "help"),
     ("it loads, but slowly", "s2_online", "yes"),
     ("see you later", None, "stop"),
     ("bye now", None, "stop"),
     ("okay, bye", None, "stop"),
     ("wait, bye", None, "stop"),
     ("I'm done, goodbye", None, "stop")],
)  # fmt: skip
def test_the_gate_leaves_what_the_reading_accounts_for(vocab, text, question, intent):
    """A request ("can we", "could you"), a question the reading understood, a contrast that
    only adds, and a farewell said alone are acted on as before."""
    assert vocab.parse(text, question) == intent


def test_the_gate_only_ever_asks_again_and_loses_no_right_answer_on_the_earlier_sets(
    vocab, ungated
):
    """On every phrasing of the sets written before this round, the gate changes a decision
    only into unknown, never one right without it (its design and check:
    bench/history/understanding.md)."""
    # heldout14 and 16-33 were measured as held-out sets after the gate; not its design data.
    later = (
        "heldout14",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
        "heldout22",
        "heldout23",
        "heldout24",
        "heldout25",
        "heldout26",
        "heldout27",
        "heldout28",
        "heldout29",
        "heldout30",
        "heldout31",
        "heldout32",
        "heldout33",
    )
    names = [n for n in bench_understanding.SET_NAMES if n not in later]
    for name in names:
        for row in bench_understanding.read_phrasings(bench_understanding.SETS[name]):
            for question in (row.question, None):
                alone = ungated.parse(row.text, question)
                gated = vocab.parse(row.text, question)
                if gated != alone:
                    assert gated == "unknown", (name, row.text)
                    acted = bench_understanding.as_acted(alone, question)
                    assert acted != row.intent or question is None, (name, row.text)


# A side of a contrast about another thing is set aside


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("It's on, but my videos still aren't uploading.", "s1_sync_on", "yes"),
     ("it opens, but the photos app is still empty", "s2_online", "yes"),
     ("My contract doesn't include unlimited, but cellular data is on.", "s2_enable_data",
      "yes"),
     # About the answer itself (a pronoun, the thing the question names): taken back.
     ("it's on but the switch is greyed out", "s1_sync_on", "unknown"),
     ("it's on but I can't tap it", "s1_sync_on", "unknown"),
     ("there's an update but it's only a beta", "s6_update_available", "unknown")],
)  # fmt: skip
def test_a_contrast_about_another_thing_leaves_the_answer(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_a_state_is_said_of_the_thing_by_its_name(vocab):
    assert vocab.parse("cellular data is on", "s2_enable_data") == "yes"
    assert vocab.parse("sync this iphone is off", "s1_sync_on") == "no"
    assert vocab.parse("is it on", "s1_sync_on") == "unknown"  # still a question back


# The state that outlasted what was done stands


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("restarted it, still offline", "s2_fix_network", "no"),
     ("done that, still not working", "fixed?", "no"),
     ("router rebooted still no internet", "s2_fix_network", "no"),
     ("yes I still use that one", "s1_apple_id", "yes"),
     ("it's still on", "s1_sync_on", "yes")],
)  # fmt: skip
def test_the_state_that_outlasted_what_was_done_stands(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


# Commands


@pytest.mark.parametrize(
    ("text", "intent"),
    [("can you say it again louder", "louder"),
     ("repeat that slower please", "slower"),
     ("once more but quieter", "quieter"),
     ("repeat, go back", "unknown")],
)  # fmt: skip
def test_a_speech_setting_holds_the_repeat_asked_with_it(vocab, text, intent):
    """Slower, louder ... say the prompt again at the new setting (dialog._control), so a
    repeat asked with one is that one; with another command it is still two."""
    assert vocab.parse(text) == intent


def test_a_wait_asked_for_something_under_way_is_a_pause(vocab):
    assert vocab.parse("it's restarting, give it a second", "s5_restart") == "pause"
    assert vocab.parse("give it a few minutes", "s6_install_update") == "pause"


# Progress, not finding the step, the screen telling of trouble


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("it's at 30 percent", "s6_install_update", "no"),
     ("at about 45%", "s6_install_update", "no"),
     ("it's at 100 percent", "s6_install_update", "yes"),
     ("it's at 45 percent", "s2_online", "unknown"),  # only at an action
     ("it's at 95 percent", "s3_storage_full", "yes")],  # the storage share, as before
)  # fmt: skip
def test_progress_said_as_where_it_is_at(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("I can't see sync this iPhone anywhere", "s1_sync_on", "help"),
     ("I don't see it", "s2_photos_data", "help"),
     ("it's not there", "s4_select_optimize", "help"),
     # Where the question is whether something is there, not seeing it is no.
     ("I don't see an update", "s6_update_available", "no"),
     ("it says not enough storage", "s6_install_update", "help")],
)  # fmt: skip
def test_a_setting_not_found_and_trouble_on_the_screen_ask_for_help(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("okay done, now what?", "s5_restart", "yes"),
     ("it's on, now what", "s2_photos_data", "yes"),
     ("it says wrong password, now what", "s1_sign_in", "help"),
     ("it's off, what now", "s1_sync_on", "help"),
     ("what now", None, "help")],
)  # fmt: skip
def test_what_now_after_a_yes_is_the_yes(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("my wife says it's off", "s1_sync_on", "no"),
     ("the customer says the page loads", "s2_online", "yes"),
     ("client reports it's already on the newest version", "s6_update_available", "no"),
     ("the photos are showing up on my laptop now", "fixed?", "yes")],
)  # fmt: skip
def test_reported_speech_and_new_words_for_known_states(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_bench_knows_heldout14(capsys):
    """The bench runs the new set by name (its first figure: bench/history/understanding.md)."""
    assert "heldout14" in bench_understanding.SET_NAMES
    assert bench_understanding.SETS["heldout14"].is_file()


# After heldout14's first measurement (bench/history/understanding.md): its categories,
# in other words


@pytest.mark.parametrize(
    ("text", "question", "without_the_gate"),
    [("Roaming too? I'm on wifi", "s2_cellular", "no"),
     ("For videos as well? it's on", "s1_sync_on", "yes")],
)  # fmt: skip
def test_a_question_before_the_answer_is_not_passed_over(
    vocab, ungated, text, question, without_the_gate
):
    """A clause that asks something the reading could not place, anywhere in the utterance,
    leaves the answer after it uncertain."""
    assert ungated.parse(text, question) == without_the_gate
    assert vocab.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("th-th-that's the one", "s1_apple_id", "yes"),
     ("it it loads", "s2_online", "yes"),
     ("n-no it's off", "s1_sync_on", "no"),
     ("uh-uh", "s2_cellular", "no"),  # a repeat that means something stays
     ("it's not not working", "fixed?", "unknown")],
)  # fmt: skip
def test_stammered_repeats_and_false_starts_are_read_through(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_a_command_word_after_is_says_how_something_is(vocab):
    assert vocab.parse("the phone is back up, all good", "s5_restart") == "yes"
    assert vocab.parse("go back") == "back"
    assert vocab.parse("I'm back") == "resume"
    assert vocab.parse("you're talking too fast") == "slower"  # not a state of the flow


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("that's it for the day", None, "stop"),
     ("sí, it's on", "s1_sync_on", "yes"),
     ("no, todavía no", "fixed?", "no"),
     ("it's still syncing", "fixed?", "unknown"),  # working, or not done yet?
     ("still not working", "fixed?", "no"),
     ("it's still on", "s1_sync_on", "yes")],
)  # fmt: skip
def test_time_of_day_farewells_spanish_answers_and_a_process_still_going(
    vocab, text, question, intent
):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("it's on, the roaming is off though", "s2_photos_data", "yes"),  # another thing
     ("it's on, it's greyed out though", "s1_sync_on", "unknown"),  # taken back
     ("it loads, slowly though", "s2_online", "yes")],  # only adds
)  # fmt: skip
def test_a_contrast_word_that_closes_its_clause(vocab, text, question, intent):
    """ "though" at the end of a clause turns that clause, as "but" turns the one after it."""
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("done, not working", "s2_fix_network", "no"),
     ("reset it, nothing changed", "s2_fix_network", "no"),
     ("restarted, no problems", "s5_restart", "yes")],
)  # fmt: skip
def test_at_an_action_a_negated_state_after_what_was_done_stands(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("it's not mine", "s1_apple_id", "no"),
     ("yes, it's mine", "s1_apple_id", "yes"),
     ("VoiceOver reads on", "s1_turn_on", "yes"),
     ("it won't switch", "s1_turn_on", "help"),
     ("I'm on 5G", "s2_cellular", "yes"),
     ("picked optimize", "s4_select_optimize", "yes")],
)  # fmt: skip
def test_new_words_for_known_answers(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
