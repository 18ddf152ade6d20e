"""A second opinion: the same model with no grammar, for answers the grammar cannot settle.

With a grammar the engine can only hear the listed phrases, so "definitely not" or "yeah
I'm signed in now" come back as [unk], as a phrase heard without confidence, or as the first
phrase of something longer. For exactly those, the recorded audio of the utterance is
transcribed again without a grammar and the transcript read by the same understanding.
Exact short answers keep the fast grammar decision: the unrestricted pass costs ~0.1x real
time, so it runs only when needed.

Pure rules here; the engine module runs the pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.listening.end_of_answer import NOT_UNDERSTOOD
from assistant.listening.recognizer import UNK, Decision, Word


def needs_free_pass(decision: Decision, could_change: bool) -> bool:
    """The grammar heard what may be the start of a longer phrase (held for more words), or
    several words it could not make one confident phrase of ("far no", "i [unk]").

    Silence, confident phrases and single words keep the grammar's decision. Measured on
    the dev set's first subset (bench/README.md): also running the pass on single words
    heard unsure or as a fragment of a phrase ("yet" of "not yet" for "yes") won 3 of 102
    "yes" and 2 of 94 "stop" on the whole set, but cost 0.27x real time against 0.09x
    without it, beyond the 0.1x budget.
    """
    if not decision.text:
        return False
    unsettled = decision.text == UNK or not decision.confident
    return could_change or (unsettled and len(decision.words) >= 2)


def combine(
    grammar: Decision,
    free_words: list[Word],
    meaning: Callable[[str], str],
    min_confidence: float,
) -> Decision:
    """The decision once the unrestricted transcript is known.

    - It means nothing (or nothing was transcribed): the grammar's decision stands.
    - It means what the grammar's text means: the grammar's decision, confident if either
      pass was confident enough.
    - It means something else: its text, confident only for several words all heard at
      min_confidence (a single word is the grammar's job: alone, the unrestricted pass
      hears "sheila" as "she" as easily as "sure"); otherwise the dialog confirms or asks
      again, never acts on a guess.
    """
    free_text = " ".join(w.word for w in free_words)
    free_meaning = meaning(free_text) if free_text else "silence"
    if free_meaning in NOT_UNDERSTOOD:
        return grammar
    free_confidence = min(w.confidence for w in free_words)
    reason = grammar.reason + "+free"
    if grammar.text not in ("", UNK) and meaning(grammar.text) == free_meaning:
        confident = grammar.confident or free_confidence >= min_confidence
        confidence = max(grammar.confidence, free_confidence)
        return replace(grammar, confidence=confidence, confident=confident, reason=reason)
    confident = len(free_words) >= 2 and free_confidence >= min_confidence
    return replace(grammar, text=free_text, confidence=free_confidence, confident=confident,
                   in_grammar=False, reason=reason, words=free_words)  # fmt: skip
