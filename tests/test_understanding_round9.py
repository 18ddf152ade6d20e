"""Understanding, round nine (issue 8): heldout18's categories, by general rules.

Tuned on heldout18 after its blind first measurement (bench/history/understanding.md, "Round nine").
The phrasings here are this file's own, not the set's: each test names the category it covers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


# Wrong actions first.


@pytest.mark.parametrize(
    ("text", "question"),
    [("neither of them is ticked", "s4_optimized"),
     ("none of them are selected", "s4_optimized"),
     ("neither one loads", "s2_online")],
)  # fmt: skip
def test_none_of_several_as_the_subject_is_asked_again(vocab, text, question):
    # Was yes from "ticked"/"selected": which one, then? Two readings.
    assert vocab.parse(text, question) == UNKNOWN


@pytest.mark.parametrize("question", [None, "s1_apple_id", "s5_restart", "fixed?"])
@pytest.mark.parametrize("text", ["carry on, I'm ready", "go on, ready when you are"])
def test_going_on_said_with_being_ready_is_resume_not_an_answer(vocab, text, question):
    # "I'm ready" with "go on" answered the question yes (at s1_apple_id: signed in?).
    assert vocab.parse(text, question) == "resume"


def test_ready_alone_and_coming_back_with_an_answer_stay_answers(vocab):
    assert vocab.parse("I'm ready", "s5_restart") == "yes"
    assert vocab.parse("I'm back, it's on again", "s5_restart") == "yes"


@pytest.mark.parametrize("text", ["back", "okay, back"])
def test_back_said_short_while_paused_is_coming_back(vocab, text):
    assert vocab.parse(text, "s2_online", paused=True) == "resume"
    assert vocab.parse(text, "s2_online") == "back"  # not paused: the command, as before
    # "back now" not paused is coming back too since round nineteen
    # (tests/test_understanding_back_said_with_now.py)


def test_go_back_while_paused_is_still_the_command(vocab):
    assert vocab.parse("go back", "s2_online", paused=True) == "back"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("still updating, it's on the loading bar", "s6_install_update", "no"),
     ("it's on the settings page", "s1_sync_on", UNKNOWN),  # was yes: a page, not the switch
     ("it's on the other one", "s4_optimized", "no"),  # a thing understood: the answer's
     ("it's on the home screen", "s5_restart", "yes"),
     ("it's on the charging mat", "s7_charge", "yes"),
     ("it's on", "s1_sync_on", "yes")],
)  # fmt: skip
def test_on_before_a_thing_not_understood_is_a_place(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_on_before_a_thing_is_no_switch_state_without_the_question(vocab):
    # Was yes ("it is on") without the question: a flip at an action.
    assert vocab.parse("still updating, it's on the loading bar") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [("pass", "no"), ("I'll pass", "no"), ("I think I'll pass for now", "no")],
)  # fmt: skip
def test_passing_at_the_start_declines(vocab, text, intent):
    # "pass" skips a question elsewhere; at the start the dialog takes skip as yes, so "I'll
    # pass" was a yes (found probing this round's skip phrases).
    assert vocab.parse(text, "start") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("I'll leave it there for today", "s7_charge", "pause"),  # the phone, on charge
     ("leave it charging", "s7_charge", "pause"),
     ("let's leave it there for today", None, "stop"),  # the session
     ("let's call it a day", "s2_online", "stop"),
     ("restart the whole thing", None, "start_over"),
     ("restart everything", "s2_online", "start_over"),
     ("restart everything", "s5_restart", "no")],  # the step itself: about to be done
)  # fmt: skip
def test_a_command_whose_words_name_the_step_is_read_of_the_step(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


# Then misses (asked again), by category.


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("nah, sure isn't, it's my work one", "s1_apple_id", "no"),
     ("it certainly isn't on", "s1_sync_on", "no"),
     ("I really haven't signed in", "s1_apple_id", "no"),
     ("sure is", "s1_apple_id", "yes")],
)  # fmt: skip
def test_an_adverb_before_a_negated_auxiliary_only_stresses_it(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_a_negation_closing_its_yes_leaves_the_next_clause_to_decide(vocab):
    assert vocab.parse("it is not, that's my old one", "s1_apple_id") == "no"
    assert vocab.parse("not, um, done", "s1_turn_on") == UNKNOWN  # a bare "not" stays unsure


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("the site isn't responding", "s2_online", "no"),
     ("the server responds fine", "s2_online", "yes"),
     ("rebooted the router and it's back up", "s2_fix_network", "yes"),
     ("power cycled it", "s2_fix_network", "yes"),
     ("on mobile at the moment", "s2_cellular", "yes"),
     ("mobile data is off", "s2_cellular", "no"),
     ("there's a new version of iOS", "s6_update_available", "yes"),
     ("nothing new here", "s6_update_available", "no"),
     ("there's no socket in this room", "s7_charge", "no"),
     ("which button do I hold down?", "s5_restart", "help"),
     ("give me a sec", None, "pause"),
     ("sec", None, "pause"),
     ("can I pass on this one", None, "skip")],
)  # fmt: skip
def test_words_missing_from_the_vocabulary(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


# heldout17's misses left by round eight, by category (tuned on heldout17 too).


@pytest.mark.parametrize(
    ("text", "intent"),
    [("there's no check mark beside optimize", "no"),
     ("no tick, optimize is selected", UNKNOWN),  # another clause: both said
     ("there is no tick next to keep originals", UNKNOWN)],  # which is unmarked? (round seven)
)  # fmt: skip
def test_a_mark_denied_of_this_option_named_is_no(vocab, text, intent):
    assert vocab.parse(text, "s4_optimized") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("the page just keeps spinning", "s2_online", "no"),
     ("switched it off and on again", "s2_fix_network", "yes"),
     ("no idea what the toggle means", "s1_sync_on", "help")],
)  # fmt: skip
def test_more_words_of_the_network_and_the_screen(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


# Probed with everyday sentences of this round's own (none from a set): readings that were
# acted on wrongly, or that a new word of this round would have turned wrong.


@pytest.mark.parametrize(
    ("text", "intent"),
    [("the top one is selected", UNKNOWN),  # was yes: which option is the top one?
     ("the first option is checked", UNKNOWN),
     ("download and keep is selected", "no"),  # was yes: the other option said short
     ("it is selected", "yes"),
     ("optimize is selected", "yes")],
)  # fmt: skip
def test_an_option_mark_said_of_something_not_named_is_asked_again(vocab, text, intent):
    assert vocab.parse(text, "s4_optimized") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("it should be on", UNKNOWN),  # was yes: expected, not seen
     ("it's supposed to be off", UNKNOWN),
     ("it's meant to be on but it's off", "no"),  # the state seen stands
     ("it was on yesterday", UNKNOWN),  # was yes: then, not now
     ("it was on yesterday, now it's off", "no"),
     ("yes it was on", "yes"),
     ("it used to be on", UNKNOWN),  # was yes: and now?
     ("it used to be on, it's off now", "no")],
)  # fmt: skip
def test_an_answer_expected_or_of_a_time_gone_is_not_how_it_is(vocab, text, intent):
    assert vocab.parse(text, "s1_sync_on") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("depends where I am", "s2_cellular", UNKNOWN),  # was yes ("where" + "I am")
     ("it depends", "s2_cellular", UNKNOWN),
     ("where", None, "where"),
     ("okay, where?", None, "where")],
)  # fmt: skip
def test_where_before_a_clause_of_its_own_is_no_command(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("that's not my email", "no"),
     ("it's my email", UNKNOWN),  # "my email" is the subject of too much: not a yes phrase
     ("it's my email but an old one", UNKNOWN)],
)  # fmt: skip
def test_the_address_denied_is_no_and_said_is_no_yes(vocab, text, intent):
    assert vocab.parse(text, "s1_apple_id") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("cell data", "s2_cellular", "yes"),
     ("it's got heaps of space", "s3_storage_full", "no"),
     ("the bar is in the red", "s3_storage_full", "yes"),
     ("hardly anything used", "s3_storage_full", "no"),
     ("about halfway through", "s6_install_update", "no"),
     ("no page loads at all", "s2_online", "no"),
     ("skip to the next one", None, "skip"),
     ("from the very start please", None, "start_over"),
     ("sorry, I need to go", None, "stop"),
     ("it's coming back on", "s5_restart", "no"),  # was yes ("back on"): under way
     ("ok I'm in", "s1_sign_in", "yes"),
     ("I've no time for this now", "start", "no"),
     ("we don't have wifi", "s2_cellular", "yes"),
     ("new photos are coming through", "fixed?", "yes"),
     ("hang on a tick", None, "pause"),
     ("what part are we on", None, "where")],
)  # fmt: skip
def test_more_words_found_by_probing(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("it isn't not on", "s1_sync_on", UNKNOWN),  # was no (on main too): the second "not" alone
     ("I never didn't sign in", "s1_apple_id", UNKNOWN),
     ("it's not on", "s1_sync_on", "no"),
     ("not nearly full", "s3_storage_full", "no")],  # a degree, not a double negative
)  # fmt: skip
def test_two_plain_negations_in_a_row_are_asked_again(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("not far off full", "yes"),  # was no: "not" + "full"
     ("far from full", "no"),  # was yes, from "full"
     ("nowhere near full", "no")],
)  # fmt: skip
def test_how_far_from_full_is_read_as_a_whole(vocab, text, intent):
    assert vocab.parse(text, "s3_storage_full") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("yeah nah", "no"),  # Australian: the last word stands
     ("nah yeah", "yes"),
     ("yeah nah, it's off", "no"),
     ("yeah nah, it's on", UNKNOWN),  # the two disagree
     ("naw", "no"),
     ("grand, it's on", "yes")],  # Irish: fine
)  # fmt: skip
def test_dialect_yes_and_no(vocab, text, intent):
    assert vocab.parse(text, "s1_sync_on") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("let's start fresh", None, "start_over"),  # was yes, from "let's start"
     ("let's start afresh", "start", "start_over"),
     ("no, start fresh", "start", "no"),  # the offer to continue declined
     ("run that by me again", None, "repeat"),
     ("I didn't get that", "s2_online", "repeat"),
     ("previous one please", None, "back"),
     ("explain please", "s4_optimized", "help"),
     ("bear with me", None, "pause"),
     ("that's all for now", None, "stop"),
     ("that is all it says", "s6_update_available", UNKNOWN)],  # not "that's all": no stop
)  # fmt: skip
def test_commands_in_other_words(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("no updates pending", "s6_update_available", "no"),
     ("no pending updates", "s6_update_available", "no"),
     ("yes the ID matches", "s1_apple_id", "yes"),
     ("it doesn't match", "s1_apple_id", "no"),
     ("reconnected", "s2_fix_network", "yes"),
     ("update applied", "s6_install_update", "yes"),
     ("it's connected to a power source", "s7_charge", "yes"),
     ("quota exceeded", "s3_storage_full", "yes")],
)  # fmt: skip
def test_a_report_s_words(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    "text",
    [
        "would you like me to turn it on?",
        "do you want me to switch it off",
        "want me to turn it on?",
    ],
)
def test_an_offer_back_answers_nothing(vocab, text):
    # Was yes or no, from "turn it on" / "switch it off" inside the question.
    assert vocab.parse(text, "s1_sync_on") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("back up and running", "s5_restart", "yes"),  # was the back command ("back up")
     ("it's on 30 percent", "s6_install_update", "no"),  # was yes ("it's on"): progress
     ("on 100 percent", "s6_install_update", "yes"),
     ("password accepted", "s1_sign_in", "yes"),
     ("it still hasn't accepted my password", "s1_sign_in", "no"),
     ("almost there", "s1_sign_in", "no"),
     ("flicked it on", "s1_turn_on", "yes"),
     ("freed up some space", "s3_free_space", "yes"),
     ("changed it", "s4_select_optimize", "yes")],
)  # fmt: skip
def test_how_an_action_is_said_done_or_under_way(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("let's crack on", "start", "yes"),
     ("I'm all ears", "start", "yes"),
     ("not tonight", "start", "no"),
     ("no joy", "fixed?", "no"),
     ("the new ones aren't showing", "fixed?", "no"),
     ("nothing's come through", "fixed?", "no"),
     ("I've only ever had one", "s1_apple_id", "yes"),
     ("I'm on my home broadband", "s2_cellular", "no")],
)  # fmt: skip
def test_idioms_of_starting_and_of_nothing_changed(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
