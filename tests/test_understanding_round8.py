"""Understanding, round eight (issue 8): general rules, by category.

The embedding fallback of this round was measured and not adopted (bench/history/understanding.md,
"Round eight"; bench/embedding_fallback.py): the assistant reads with its rules alone. The phrasings
are this file's own, not those of the phrase sets.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("mobile data, not my wifi", "yes"),
     ("I'm on the phone data, not the wifi of the cafe", "yes"),
     ("wifi, not the cellular", "no"),
     ("not the wifi", UNKNOWN)],  # the other option denied, this one not said: asked again
)  # fmt: skip
def test_the_other_option_denied_with_a_determiner_agrees(vocab, text, intent):
    # heldout16's "I use the telephone data, not the wifi of hotel." (round seven: "LTE, no
    # wifi here"), generalized to "not" and a determiner before the other option.
    assert vocab.parse(text, "s2_cellular") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("too fast, I don't get it", "slower"),
     ("I don't understand, slower please", "slower"),
     ("I can't follow, say it again", "repeat"),
     ("I don't understand", "help"),  # alone it asks for help, as before
     ("I don't understand, what do I do", "help")],
)  # fmt: skip
def test_not_following_with_a_way_of_speaking_asked_for_is_its_reason(vocab, text, intent):
    # heldout16's "Please, more slow, I not understand fast." (two commands, asked again).
    for question in (None, "s1_sync_on"):
        assert vocab.parse(text, question) == intent


def test_the_assistant_has_no_embedding_fallback():
    """Measured and not adopted: no second model, no onnxruntime in text mode."""
    import subprocess
    import sys

    code = (
        "import sys; from assistant.conversation.understanding import Vocabulary; "
        "v = Vocabulary.load('en'); v.parse('Move along to the next bit.', None); "
        "print(sorted(m for m in ('onnxruntime', 'tokenizers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# Round eight, continued: heldout17's wrong actions, by category (tuned on heldout17: its
# figures after these are not held-out ones; bench/history/understanding.md). Flips and an
# answer read where two readings are possible first: a wrong action is worse than asking again.


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I'm using my mobile's data, there's no wifi", "yes"),  # was flipped to no
     ("the wifi's on", "no"),  # "'s" as "is" stays so
     ("it's data", UNKNOWN)],  # never after a pronoun
)  # fmt: skip
def test_a_possessive_before_the_word_it_owns_is_no_is(vocab, text, intent):
    # heldout17's "I'm on my phone's data, no wifi here." ("phone is data": flipped to no).
    assert vocab.parse(text, "s2_cellular") == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("half the pages open", "s2_online"),
     ("some pages won't open", "s2_online"),
     ("A few of the sites open, the rest don't", "s2_online"),
     ("some photos have come through", "fixed?")],
)  # fmt: skip
def test_a_part_as_the_subject_is_two_readings(vocab, text, question):
    # heldout17's "Some pages load and some don't." (read as yes).
    assert vocab.parse(text, question) == UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [("it's already optimised", "yes"),
     ("optimized", "yes"),
     ("storage is optimised", "yes"),
     # "no", then a clause meaning yes: two readings, never no.
     ("no, it's optimized", UNKNOWN),
     ("nope, it's optimised already", UNKNOWN),
     ("no, it is selected", UNKNOWN)],
)  # fmt: skip
def test_the_option_s_state_said_with_its_participle(vocab, text, intent):
    # The lead's "it's optimized", "already optimized" (unknown) and "no it is optimized
    # already" (read as no) at the Optimize question, in text mode.
    assert vocab.parse(text, "s4_optimized") == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("right, that's me finished, ta-ra", None, "stop"),  # farewells in dialect
     ("ok cheerio", "s1_sync_on", "stop"),
     ("catch you later", None, "stop"),
     ("hang on, I answered that question wrong", None, "back"),  # an answer taken back
     ("sorry I got the last one wrong", "s2_online", "back"),
     ("let me get back to it", "s6_install_update", "pause"),  # coming back to it later
     ("get a move on please", None, "faster"),  # hurrying the assistant, not skipping
     ("hurry up, you're really slow", None, "faster"),
     ("it's so slow", "s2_online", UNKNOWN)],  # the phone's slowness: no faster
)  # fmt: skip
def test_commands_in_other_words_are_not_answers(vocab, text, question, intent):
    # heldout17's "That's me done, cheerio." (yes), "No wait, I answered that last one
    # wrong." (no), "..., let me come back to it." (no), "Get a move on, you're so slow."
    # (skip).
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("it's already on", "s1_turn_on", "yes"),  # was unknown: "already" between
     ("the switch is already green", "s1_sync_on", "yes"),
     ("no, it's already on", "s1_turn_on", UNKNOWN),  # was no: "no" then a clause meaning yes
     ("it's still not on", "s1_sync_on", "no")],  # "still" is read, not dropped
)  # fmt: skip
def test_already_between_a_copula_and_its_state_says_nothing_of_it(vocab, text, question, intent):
    # The lead's "already optimized" / "no it is optimized already", generalized to any state.
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("why does it take so long", "s6_install_update", "help"),  # no farewell in "so long"
     ("my mum's account", "s1_apple_id", "no"),  # a possessive: another's account
     ("some of my photos are there", "fixed?", UNKNOWN)],  # only part of them
)  # fmt: skip
def test_the_new_phrases_and_rules_take_nothing_else(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize("text", ["did it catch you", "it's taking so long", "so long as it works"])
def test_a_farewell_is_not_read_inside_other_words(vocab, text):
    for question in (None, "s6_install_update", "fixed?"):
        assert vocab.parse(text, question) != "stop"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("fraid not", "fixed?", "no"),  # the subject dropped
     ("not a dicky bird", "fixed?", "no"),  # British: nothing at all
     ("not just yet, I'm busy", "start", "no"),
     ("can you repeat the last part", None, "repeat"),  # the last part again
     ("move past it", None, "skip"),  # past it
     ("turn your voice down", None, "quieter"),  # the assistant itself turned down or up
     ("turn yourself up a bit", None, "louder"),
     ("where did we get to", None, "where")],  # where we had got to
)  # fmt: skip
def test_more_everyday_forms_of_answers_and_commands(vocab, text, question, intent):
    # heldout17's misses (asked again), by category: "Afraid not.", "Not a sausage.", "Not just
    # now, ...", "could you say the last bit again?", "Move past this one please.", "Turn
    # yourself down a touch.", "Where had we got to?".
    assert vocab.parse(text, question) == intent
