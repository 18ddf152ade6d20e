"""Understanding, round eleven (issue 8): heldout21's and heldout20's categories, by general rules.

Tuned on heldout21 after its blind first measurement, and on heldout20's categories (bench/
README.md, "Round eleven"). The phrasings here are this file's own, not the sets': each test
names the category it covers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


# Wrong actions first.


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("the wifi's back, safari works again", "s2_fix_network", "yes"),
     ("it's gone off again", "s1_sync_on", "no"),
     ("they're coming through again", "fixed?", "yes"),
     ("the install has failed again", "s6_install_update", "no")],
)  # fmt: skip
def test_again_after_a_state_is_the_states_not_the_repeat_command(vocab, text, question, intent):
    # "again" right after an answer said the state is back; the prompt was repeated instead.
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize("text", ["again please", "could you say the last part again"])
def test_again_asked_for_stays_the_repeat_command(vocab, text):
    assert vocab.parse(text, "s1_sync_on") == "repeat"


@pytest.mark.parametrize("text", ["I've lost the charging lead", "can't find my lead anywhere"])
def test_a_lead_is_the_charging_cable_not_a_setting_to_find(vocab, text):
    # British "lead": not finding it is not having the cable (no), not help finding a setting.
    assert vocab.parse(text, "s7_charge") == "no"


@pytest.mark.parametrize("question", ["s1_sync_on", "s4_optimized", None])
def test_not_telling_two_states_apart_is_doubt_not_a_help_request(vocab, question):
    assert vocab.parse("Is that on or off? I honestly can't tell the difference.", question) == (
        UNKNOWN
    )


def test_asking_what_the_difference_is_stays_help(vocab):
    assert vocab.parse("what's the difference between them?", "s4_optimized") == "help"


def test_ownership_denied_after_a_yes_is_asked_again_without_the_question(vocab):
    # "signed in" is yes in the general vocabulary; "not mine" says whose: a flip before.
    assert vocab.parse("logged in on my son's account, not mine") == UNKNOWN
    assert vocab.parse("logged in on my son's account, not mine", "s1_apple_id") == "no"
    assert vocab.parse("that one's not mine", "s1_apple_id") == "no"


# Misses, asked again before.


@pytest.mark.parametrize(
    "text", ["perhaps after dinner", "maybe next week", "probably tomorrow", "after work maybe"]
)
def test_a_time_to_come_at_the_start_is_not_now(vocab, text):
    # A doubt right before a later time is about when, not whether.
    assert vocab.parse(text, "start") == "no"


def test_a_doubt_before_a_time_elsewhere_answers_nothing(vocab):
    assert vocab.parse("maybe tomorrow", "s1_sync_on") == UNKNOWN


@pytest.mark.parametrize("text", ["righto", "righty ho, off we go", "well, we may as well"])
def test_going_along_with_it_is_yes(vocab, text):
    assert vocab.parse(text, "start") == "yes"


def test_righto_before_an_answer_only_opens_it(vocab):
    assert vocab.parse("righto, it's switched off", "s1_sync_on") == "no"


def test_might_as_well_inside_a_state_is_no_yes(vocab):
    assert vocab.parse("it might as well be off") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question"),
    [("I'm not doing that, it'll wipe my wifi passwords", "s2_fix_network"),
     ("I refuse to pay for storage", "s3_free_space"),
     ("can't be bothered, sorry", "s3_free_space"),
     ("that's not allowed on this phone, it's managed by school", "s2_enable_data")],
)  # fmt: skip
def test_a_refusal_with_or_without_its_reason_is_no(vocab, text, question):
    assert vocab.parse(text, question) == "no"


def test_not_bothered_with_the_whole_thing_is_stop_not_a_refused_step(vocab):
    assert vocab.parse("honestly I can't be bothered with it anymore", "fixed?") == "stop"


@pytest.mark.parametrize(
    ("text", "question"),
    [("the toggle is grey and I can't press it", "s1_turn_on"),
     ("I went to photos and there's no such button", "s1_sync_on"),
     ("holding both buttons but the slider won't come up", "s5_restart")],
)  # fmt: skip
def test_a_control_missing_or_not_answering_the_touch_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


def test_no_such_luck_is_no_not_a_missing_control(vocab):
    assert vocab.parse("no such luck", "s1_turn_on") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Optimise Storage isn't ticked", "no"),
     ("optimize iphone storage is checked", "yes")],
)  # fmt: skip
def test_the_options_name_as_the_subject_of_its_state(vocab, text, intent):
    assert vocab.parse(text, "s4_optimized") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("back one, thanks", "back"),
     ("stop talking and shut it", "stop"),
     ("two seconds, finding my glasses", "pause"),
     ("you're talking so fast", "slower")],
)  # fmt: skip
def test_commands_in_other_words(vocab, text, intent):
    assert vocab.parse(text) == intent


def test_stop_talking_so_fast_asks_for_the_manner_it_does_not_end_the_session(vocab):
    assert vocab.parse("please stop talking so fast", "s2_online") != "stop"


@pytest.mark.parametrize(
    ("text", "question"),
    [("it's the back one", "s4_optimized"), ("the update took two seconds", "s6_install_update")],
)
def test_command_words_inside_a_sentence_stay_no_command(vocab, text, question):
    assert vocab.parse(text, question) not in ("back", "pause")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("No, it's fine, heaps free", "s3_storage_full", "no"),
     ("the mail app refreshes no bother", "s2_online", "yes")],
)  # fmt: skip
def test_fine_and_no_bother_said_of_the_answer(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("my apple id is locked, it says", "s1_sign_in"), ("I'm locked out now", "s1_sign_in")],
)
def test_the_account_locked_is_not_signed_in(vocab, text, question):
    assert vocab.parse(text, question) == "no"


# Found probing everyday sentences (acted on by main's rules too).


def test_the_phones_own_question_reported_is_no_answer(vocab):
    # "asking if I'm sure" was done (yes, from "I'm sure"): the phone asks, nobody answered.
    assert vocab.parse("now it asks me if I'm sure", "s4_select_optimize") == UNKNOWN


@pytest.mark.parametrize("text", ["okay google", "hey google"])
def test_another_assistants_wake_word_is_no_answer(vocab, text):
    assert vocab.parse(text, "s2_online") == UNKNOWN


def test_a_wake_word_before_an_answer_leaves_the_answer(vocab):
    assert vocab.parse("okay google, it's off", "s1_sync_on") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("there's hardly any room left on it", "yes"),
     ("not much storage free at all", "yes"),
     ("next to nothing remaining", "yes"),
     ("barely any of it used", "no"),
     ("hardly any", "no")],
)  # fmt: skip
def test_a_small_amount_of_what_is_left_is_nearly_full(vocab, text, intent):
    # "hardly any space left" was no, from "hardly any" (little used): a flip.
    assert vocab.parse(text, "s3_storage_full") == intent


def test_far_from_full_in_idiom_is_no(vocab):
    # "miles off full" was yes, from "full": a flip.
    assert vocab.parse("it's miles off full", "s3_storage_full") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("deffo", "yes"), ("yeah, good to go", "yes"), ("I reckon so", "yes"),
     ("lovely, it's not", "no"), ("fat chance", "no"), ("I reckon not", "no"),
     ("give us a sec", "pause"), ("back in a jiffy", "pause"), ("you what?", "repeat"),
     ("let's call it quits", "stop"), ("you've lost me", "help"),
     ("back to square one then", "start_over"), ("I can't hear a thing", "louder")],
)  # fmt: skip
def test_dialect_and_idiom(vocab, text, intent):
    assert vocab.parse(text, "s2_online") == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("it loaded in half a sec", "s2_online"), ("that'll do it, all loads", "s2_online")],
)
def test_idioms_of_a_wait_or_an_end_inside_a_sentence_are_no_command(vocab, text, question):
    assert vocab.parse(text, question) == "yes"


@pytest.mark.parametrize(
    ("text", "question"), [("it's on and off", "s1_sync_on"), ("hit and miss", "s2_online")]
)
def test_now_one_way_now_the_other_is_asked_again(vocab, text, question):
    # "it's on and off" was no, from "off" said last.
    assert vocab.parse(text, question) == UNKNOWN


def test_switched_off_and_on_stays_the_restart_done(vocab):
    assert vocab.parse("switched it off and on", "s5_restart") == "yes"


@pytest.mark.parametrize(
    ("text", "question", "wrong"),
    [("I quit some apps to free memory", "s3_free_space", "stop"),
     ("it's on, it's the next one down", "s1_sync_on", "skip"),
     ("back up a step", "s5_restart", "yes")],
)  # fmt: skip
def test_command_words_read_as_what_the_sentence_says(vocab, text, question, wrong):
    assert vocab.parse(text, question) != wrong


def test_coming_back_while_paused_at_the_restart_resumes(vocab):
    for text in ("back now", "I'm back, it's on again", "back again"):
        assert vocab.parse(text, "s5_restart", paused=True) == "resume"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("could you run it past me again", "repeat"), ("rewind a bit", "back"),
     ("this does not apply", "skip"), ("I need a hand here", "help"),
     ("off we go again", "resume"),
     ("I'm finished with this", "stop"), ("from the very top please", "start_over"),
     ("not so quick", "slower"), ("turn the sound up", "louder"), ("shh, keep it down", "quieter")],
)  # fmt: skip
def test_more_commands_in_other_words(vocab, text, intent):
    assert vocab.parse(text, "s2_online") == intent


def test_keep_it_down_is_quieter_not_the_internet_down(vocab):
    # "down" is no at "Does a page load?"; "keep it down" was no there.
    assert vocab.parse("keep it down", "s2_online") == "quieter"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("step back from the phone a moment", "s5_restart"),
        ("unlimited doesn't apply to me", "s2_enable_data"),
    ],
)
def test_command_idioms_inside_a_sentence_are_no_command(vocab, text, question):
    assert vocab.parse(text, question) not in ("back", "skip")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("there's a fair bit of room left", "no"), ("quite a lot free", "no"),
     ("a lot of it is used", UNKNOWN)],
)  # fmt: skip
def test_a_large_amount_of_what_is_left_is_not_full(vocab, text, intent):
    assert vocab.parse(text, "s3_storage_full") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("mine won't switch off at all", "s5_restart", "help"),
     ("ok, let's give it a go", "start", "yes"),
     ("slow, but it got there", "s2_online", "yes"),
     ("it never gets there", "s2_online", "no")],
)  # fmt: skip
def test_states_of_the_steps_in_other_words(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
