"""What the dialog gets for a Decision: the one rule, for the microphone and for `recognize`.

Unsure results are passed on only when they mean an answer (the dialog then asks "Did you
say no?"), including words that are not a sequence of allowed phrases ("i no"). An unsure
command ("back" heard in "backward", "help you") becomes UNK, so the user is asked again
instead of the assistant going back or stopping on a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from assistant.interfaces import Utterance
from assistant.listening.recognizer import UNK, Decision

ANSWERS = ("yes", "no")


def dialog_text(
    decision: Decision, meaning: Callable[[str], str], answers: Iterable[str] = ANSWERS
) -> str:
    """The text to hand the dialog: "" silence, UNK not understood, else what was said."""
    if not decision.text or decision.text == UNK or decision.confident:
        return decision.text
    return decision.text if meaning(decision.text) in set(answers) else UNK


def to_utterance(decision: Decision, meaning: Callable[[str], str]) -> Utterance:
    """The Utterance for a Decision; confident only when it is passed on unchanged."""
    text = dialog_text(decision, meaning)
    if not text:
        return Utterance("")
    confident = decision.confident and text == decision.text
    return Utterance(text, round(decision.confidence, 3), confident)
