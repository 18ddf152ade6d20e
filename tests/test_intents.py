"""How people really answer: many phrasings per intent, negations included."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


PHRASINGS = {
    "yes": ["yes", "Yes.", "yeah I'm signed in", "yep", "sure, let's go", "it worked",
            "okay I've turned it on", "done", "ready", "OK", "I'm done", "yes it is",
            "That's right", "all set", "it's on", "I think so", "Yeah, they're syncing"],
    "no": ["no", "No!", "nope, it's off", "not yet", "I don't think so", "still not syncing",
           "it didn't work", "I'm not signed in", "it's not", "not really", "nah",
           "it isn't", "not done", "no update"],
    "repeat": ["repeat", "say that again", "pardon?", "come again", "what was that"],
    "back": ["go back", "previous", "back"],
    "skip": ["skip", "next step", "skip this step"],
    "help": ["help", "what can I say", "I need help"],
    "pause": ["pause", "wait", "hold on", "hang on"],
    "resume": ["resume", "continue", "I'm back", "begin"],
    "stop": ["stop", "quit", "goodbye", "Stop."],
    "start_over": ["start over", "start again", "from the beginning"],
    "where": ["where am I", "which step", "what step am I on"],
    "slower": ["slow down", "slower please", "too fast"],
    "faster": ["speak faster", "faster", "too slow"],
    "louder": ["speak up", "louder", "I can't hear you"],
    "quieter": ["too loud", "quieter", "softer please"],
    "unknown": ["banana", "what is the weather", "maybe", "yes no", "no, it's on"],
    "silence": ["", "   ", "..."],
}  # fmt: skip

CASES = [(text, intent) for intent, texts in PHRASINGS.items() for text in texts]


@pytest.mark.parametrize(("text", "intent"), CASES, ids=[repr(t) for t, _ in CASES])
def test_phrasing(vocab, text, intent):
    assert vocab.parse(text) == intent


def test_curly_apostrophes_count(vocab):
    assert vocab.parse("I\u2019m not signed in") == "no"


def test_a_command_outranks_an_answer_in_the_same_breath(vocab):
    assert vocab.parse("no, go back") == "back"
    assert vocab.parse("yes, stop") == "stop"


def test_two_commands_at_once_are_unknown(vocab):
    assert vocab.parse("repeat and skip") == "unknown"


def test_phrases_for_a_grammar(vocab):
    phrases = vocab.phrases(["yes", "no"])
    assert "yes" in phrases and "not yet" in phrases and "go back" not in phrases


def run_parse(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", "parse", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip


def test_parse_command_prints_json():
    result = run_parse("nope,", "it's", "off")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"text": "nope, it's off", "intent": "no"}


def test_parse_command_reads_lines_from_stdin_in_order():
    result = run_parse("--lang", "en", "-", stdin="yes\ngo back\nbanana\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["intent"] for d in lines] == ["yes", "back", "unknown"]
    assert [d["text"] for d in lines] == ["yes", "go back", "banana"]


def test_parse_command_reads_answers_in_the_context_of_a_question():
    result = run_parse("--question", "s2_cellular", "wifi")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"text": "wifi", "intent": "no", "question": "s2_cellular"}
    result = run_parse("--question", "fixed?", "-", stdin="it worked\nnothing changed\n")
    assert [json.loads(line)["intent"] for line in result.stdout.splitlines()] == ["yes", "no"]


def test_parse_command_refuses_an_unknown_question_in_one_line():
    result = run_parse("--question", "s9_nowhere", "yes")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "error: unknown question 's9_nowhere'; one of: start, s1_apple_id"
    )
    assert len(result.stderr.splitlines()) == 1
