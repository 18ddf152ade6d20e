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

from collections.abc import Callable, Collection
from dataclasses import replace

from assistant.listening.end_of_answer import NOT_UNDERSTOOD
from assistant.listening.recognizer import UNK, Decision, Word


def needs_free_pass(
    decision: Decision, could_change: bool, distractors: Collection[str] = ()
) -> bool:
    """The grammar heard what may be the start of a longer phrase (held for more words), or
    something it is not sure of that is more than noise: several words it could not make one
    confident phrase of ("far no", "i [unk]"), or one unsure word that is not a distractor
    ("no" at 0.7, "stop" at 0.6, "yet" from "not yet" for "yes").

    Silence, confident phrases and a distractor or [unk] alone keep the grammar's decision.
    Measured on the dev set's tuning speakers (bench/README.md): single unsure words are
    about one file in twenty, so the pass on them costs little (0.059x real time in all
    against 0.021x without the pass), and it turns a "yes" heard as "yet" into "Did you say
    yes?".
    """
    if not decision.text:
        return False
    if could_change:
        return True
    if decision.confident:
        return False
    return len(decision.words) >= 2 or decision.text not in (UNK, *distractors)


def combine(
    grammar: Decision,
    free_words: list[Word],
    meaning: Callable[[str], str],
    min_confidence: float,
    could_change: bool = False,
) -> Decision:
    """The decision once the unrestricted transcript is known.

    - It means nothing (or nothing was transcribed): the grammar's decision stands, unless
      - the grammar's text could still change (could_change: "definitely") and the
        transcript has a word that starts once the grammar's answer has ended ("definitely
        art" for "definitely not"): what followed the answer was not understood, so it is
        asked again (UNK); judged by time, not by counting words, because models split
        words differently (the Korean model writes "설치했어요" in several pieces), or
      - the grammar made no confident phrase of several words, every word of the transcript
        was heard at min_confidence and none is one of the grammar's: a clear "follow" or
        "house" contradicts "far no" or "how it's", so the answer is asked again (UNK)
        rather than offered as "Did you say no?". A single unsure word stays the
        grammar's ("no" at 0.7 is often "now" to the unrestricted pass).
    - It means what the grammar's text means: the grammar's decision, confident if either
      pass was confident enough.
    - It means something else: its text, confident only for several words all heard at
      min_confidence (a single word is the grammar's job: alone, the unrestricted pass
      hears "sheila" as "she" as easily as "sure"); otherwise the dialog confirms or asks
      again, never acts on a guess.
    """
    free_text = " ".join(w.word for w in free_words)
    free_meaning = meaning(free_text) if free_text else "silence"
    free_confidence = min((w.confidence for w in free_words), default=0.0)
    reason = grammar.reason + "+free"
    if free_meaning in NOT_UNDERSTOOD:
        cut_short = could_change and _said_after(grammar, free_words)
        if cut_short or _contradicted(grammar, free_words, free_confidence, min_confidence):
            return replace(grammar, text=UNK, confidence=free_confidence, confident=False,
                           in_grammar=False, reason=reason, words=free_words)  # fmt: skip
        return grammar
    if grammar.text not in ("", UNK) and meaning(grammar.text) == free_meaning:
        confident = grammar.confident or free_confidence >= min_confidence
        confidence = max(grammar.confidence, free_confidence)
        return replace(grammar, confidence=confidence, confident=confident, reason=reason)
    confident = len(free_words) >= 2 and free_confidence >= min_confidence
    return replace(grammar, text=free_text, confidence=free_confidence, confident=confident,
                   in_grammar=False, reason=reason, words=free_words)  # fmt: skip


def _contradicted(
    grammar: Decision, free_words: list[Word], free_confidence: float, min_confidence: float
) -> bool:
    """A clear transcript that means nothing against the grammar's unsure several words, with
    no word in common: they heard different speech ("follow" / "far no"), not one word
    spelt two ways ("i know" / "i no", a real "no")."""
    shared = {w.word for w in free_words} & {w.word for w in grammar.words}
    return (
        bool(free_words)
        and not shared
        and not grammar.confident
        and len(grammar.words) >= 2
        and free_confidence >= min_confidence
    )


_SAME_WORD_S = 0.05
"""Word boundaries of the two passes differ by a frame or so for the same speech."""


def _said_after(grammar: Decision, free_words: list[Word]) -> bool:
    """The unrestricted pass heard a word begin after the grammar's answer ended."""
    if not grammar.words:
        return bool(free_words)
    end = grammar.words[-1].end_s
    return any(w.start_s >= end - _SAME_WORD_S for w in free_words)
