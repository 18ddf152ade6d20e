"""Understanding, round twelve (issue 8): a step refused, and heldout22's categories.

A refusal at an action was asked again (round eight: "which way, not whether"); the lead's
sets label it no every time, and a person saying "I'd rather not" means "I won't do this".
At an action the flow's no means "not yet" (docs/flow.md), so the dialog answers a refusal by
naming the way on (skip) instead of waiting. The phrasings here are this file's own, not the
sets' (bench/history/understanding.md, "Round twelve").
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [# Not wanting to, with what is refused or without.
     ("I really don't want to reset everything", "s2_fix_network"),
     ("don't wanna", "s5_restart"),
     # A preference not to.
     ("I'd rather not wipe my network settings", "s2_fix_network"),
     ("I would prefer not to sign in on this phone", "s1_sign_in"),
     # Not going to, will not.
     ("I'm not going to delete any of my backups", "s3_free_space"),
     ("we won't install anything tonight", "s6_install_update"),
     # Not paying, not spending.
     ("I'm not paying for extra storage", "s3_free_space"),
     # Keeping things as they are, at a step that changes them.
     ("I'd prefer to keep full size pictures on here", "s4_select_optimize"),
     ("I would rather keep my mobile data for maps", "s2_enable_data")],
)  # fmt: skip
def test_not_wanting_to_do_the_step_is_no(vocab, text, question):
    assert vocab.parse(text, question) == "no"
    assert vocab.declines(text, question)


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# A worry or a wait is not the step refused: as read without the refusal's words.
     ("I don't want to lose all my pictures", "s4_select_optimize", UNKNOWN),
     ("I won't be long", "s5_restart", UNKNOWN),
     ("I'd rather not wait", "s5_restart", UNKNOWN),
     # Keeping on, and a command said with the refusal, are not a no either.
     ("I want to keep going", "s5_restart", "resume"),
     ("I don't want to stop now", "s6_install_update", UNKNOWN)],
)  # fmt: skip
def test_a_worry_a_wait_or_a_command_is_not_a_refusal(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
    assert not vocab.declines(text, question)


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# The phone's doing, not the speaker's: "it won't" is no refusal.
     ("it won't turn on", "s1_turn_on", "help"),
     # Not yet is still not yet: the dialog waits.
     ("not yet", "s5_restart", "no")],
)  # fmt: skip
def test_the_phone_not_doing_it_and_not_yet_are_not_refusals(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
    assert not vocab.declines(text, question)


def test_a_refusal_at_a_question_is_that_questions_no(vocab):
    # At a question, no has a branch of its own: "not now" at the start pauses.
    assert vocab.parse("I'd rather not right now", "start") == "no"
    assert not vocab.declines("I'd rather not right now", "start")


def test_a_refused_step_is_offered_to_skip_and_skipping_moves_on(talk):
    result = talk.run("yes", "no", "I would rather not do that just now", "okay, skip then",
                      "stop", fresh=True)  # fmt: skip
    after_refusal = result.output.split("> I would rather not do that just now")[1]
    assert "Say skip to move on" in after_refusal.split(">")[0]
    assert "Step 2 of 7" in after_refusal
    assert result.report["turns"][2]["intent"] == "no"


def test_not_yet_at_an_action_still_waits(talk):
    result = talk.run("yes", "no", "not yet", "stop", fresh=True)
    assert "take your time" in result.output.split("> not yet")[1].split(">")[0]


@pytest.mark.parametrize("text", ["hmm, let me think", "let me see", "um, let me think about it"])
def test_thinking_aloud_is_asked_again_not_a_pause(vocab, text):
    # A person thinking is not asking the assistant to stop listening.
    assert vocab.parse(text) == UNKNOWN
    assert vocab.parse(text, "s2_cellular") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("👍", "s2_online", "yes"), ("👍🏽", "fixed?", "yes"), ("✔️", "s7_charge", "yes"),
     ("👎", "s4_optimized", "no"),
     # Beside words, the words say what is meant: the symbol is left out, as before.
     ("it's off 👍", "s1_sync_on", "no")],
)  # fmt: skip
def test_a_symbol_typed_alone_is_read_as_its_word(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("in", "s1_sign_in", "yes"), ("on", "s1_turn_on", "yes"),
     # Only at an action, and only where its own phrases ending in the word agree.
     ("off", "start", UNKNOWN), ("off", "s1_turn_on", UNKNOWN)],
)  # fmt: skip
def test_the_actions_own_particle_alone_says_its_phrase(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("would you mind saying it once more, I missed it", "repeat"),
     ("would you mind going back one", "back"), ("do you mind pausing", "pause"),
     ("would you mind slowing down a little", "slower"),
     ("would you mind repeating the question", "repeat")],
)  # fmt: skip
def test_a_polite_request_with_the_ing_form_is_the_command(vocab, text, intent):
    assert vocab.parse(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("you're a bit loud", "quieter"), ("that's a little loud", "quieter"),
     # The room, not the assistant: nothing to turn down.
     ("it's a bit loud in here with the kids", UNKNOWN),
     ("what am I meant to do now?", "help")],
)  # fmt: skip
def test_loud_by_a_degree_and_what_one_is_meant_to_do(vocab, text, intent):
    assert vocab.parse(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("it still says uploading 85 photos", "no"), ("still says syncing 3 items", "no"),
     # Said to go on without the screen's word: working, or not done? Asked again.
     ("they're still uploading", UNKNOWN),
     # A contrast says it moves: not stuck.
     ("it still says uploading, but the count keeps dropping", UNKNOWN)],
)  # fmt: skip
def test_the_screen_still_showing_a_process_is_no_at_the_outcome(vocab, text, intent):
    assert vocab.parse(text, "fixed?") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I turned the modem off and on and the page loads now", "yes"),
     ("websites load", "yes"),
     # Done, but not working: not the yes of what was done (main read yes). Asked again.
     ("restarted the router but pages don't load", UNKNOWN),
     ("restarted the router but pages still don't load", "no")],
)  # fmt: skip
def test_after_fixing_the_network_how_the_pages_load_answers(vocab, text, intent):
    assert vocab.parse(text, "s2_fix_network") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("hmm, that's my old work email", "no"),
     # An old work thing that is no address: nothing said about the account.
     ("I'm on my old work laptop", UNKNOWN)],
)  # fmt: skip
def test_an_old_work_address_is_not_the_same_apple_id(vocab, text, intent):
    assert vocab.parse(text, "s1_apple_id") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("a box about cellular data came up, should I tap it?", "help"),
     ("do I press that?", "help"),
     # A command named in the question is not obeyed, nor is it help.
     ("should I press skip?", UNKNOWN), ("do I tap cancel?", UNKNOWN)],
)  # fmt: skip
def test_asking_whether_to_tap_what_the_screen_shows_is_help(vocab, text, intent):
    assert vocab.parse(text, "s2_enable_data") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# Refusals in other words: "sooner not", "not keen on".
     ("I'd sooner not buy anything", "s3_free_space", "no"),
     ("not too keen on resetting everything", "s2_fix_network", "no"),
     # Texting style: a page timing out, a switch toggled, an address nobody knows.
     ("keeps timing out", "s2_online", "no"),
     ("toggled", "s1_turn_on", "yes"),
     ("it's some random address", "s1_apple_id", "no"),
     ("halp", None, "help"),
     ("you're talking a bit too quickly for me", None, "slower"),
     # Working as a whole.
     ("everything's working now", "fixed?", "yes"),
     ("it's not all working", "fixed?", "no")],
)  # fmt: skip
def test_more_answers_in_other_words(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
