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

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from assistant.listening.end_of_answer import NOT_UNDERSTOOD
from assistant.listening.recognizer import UNK, Decision, Word

ANSWERS = ("yes", "no")
"""Answers have a way back when unsure ("Did you say no?"); commands are asked again."""


def unnamed_single_word(decision: Decision, named_words: Collection[str]) -> bool:
    """A confident answer or command of one word that the prompts never ask for by name
    ("sure", "right"; not "yes", "stop"), with named_words given (empty: the rule is off).

    Vosk's grammar is a loop over its words, so every sound lands on some grammar word, at
    confidence 1.0 when no other word is close: "sheila" comes out as "sure". A person
    answering "say yes or no" says the named words far more often than their synonyms, so
    a synonym heard alone is the likelier mishearing; the unrestricted pass checks it
    (combine, checking_alone). Rare, so cheap: the named words are most answers.
    """
    return (
        bool(named_words)
        and decision.confident
        and len(decision.words) == 1
        and decision.text not in named_words
    )


def needs_free_pass(
    decision: Decision, could_change: bool, distractors: Collection[str] = ()
) -> bool:
    """The grammar heard what may be the start of a longer phrase (held for more words), or
    something it is not sure of that is more than noise: several words it could not make one
    confident phrase of ("far no", "i [unk]"), or one unsure word that is not a distractor
    ("no" at 0.7, "stop" at 0.6, "yet" from "not yet" for "yes").

    Silence, confident phrases and a distractor or [unk] alone keep the grammar's decision.
    Measured on the dev set's tuning speakers (bench/history/hearing.md): single unsure words are
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
    checking_alone: bool = False,
) -> Decision:
    """The decision once the unrestricted transcript is known.

    checking_alone: the grammar's decision is a confident unnamed single word
    (unnamed_single_word): it stands only if the transcript means the same; a transcript
    that means something else and shares no word with it ("she'll" or "sheila" for "sure")
    is asked again (UNK), anything else makes it unsure (an answer is confirmed, a command
    asked again).

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
    if checking_alone and free_meaning != meaning(grammar.text):
        if free_words and not _shared_words(grammar, free_words):
            return replace(grammar, text=UNK, confidence=free_confidence, confident=False,
                           in_grammar=False, reason=reason, words=free_words)  # fmt: skip
        return replace(grammar, confident=False, reason=reason)
    if free_meaning in NOT_UNDERSTOOD:
        cut_short = could_change and _said_after(grammar, free_words)
        if cut_short or _contradicted(grammar, free_words, free_confidence, min_confidence):
            return replace(grammar, text=UNK, confidence=free_confidence, confident=False,
                           in_grammar=False, reason=reason, words=free_words)  # fmt: skip
        return grammar
    if grammar.text not in ("", UNK) and meaning(grammar.text) == free_meaning:
        confident = (
            grammar.confident
            or free_confidence >= min_confidence
            or _clearly_means(free_words, free_meaning, meaning, min_confidence)
        )
        confidence = max(grammar.confidence, free_confidence)
        return replace(grammar, confidence=confidence, confident=confident, reason=reason)
    confident = _clearly_means(free_words, free_meaning, meaning, min_confidence)
    return replace(grammar, text=free_text, confidence=free_confidence, confident=confident,
                   in_grammar=False, reason=reason, words=free_words)  # fmt: skip


def _clearly_means(
    free_words: list[Word], intent: str, meaning: Callable[[str], str], min_confidence: float
) -> bool:
    """Several words, meaning intent (the whole transcript's meaning), and the ones heard
    at min_confidence mean intent on their own too: the unsure words carry none of the
    meaning ("are" at 0.8 in "how many steps are left"), so the transcript is as sure as
    its clear words. A load-bearing unsure word keeps it unsure: "quit" at 0.82 in "i want
    to quit" (without it: nothing), "not" at 0.5 in "it's not working" (without it: yes).
    With every word clear, this is the old rule (several words, all at min_confidence).

    At most one word may be unsure: with people talking nearby the transcript is the answer
    and their words, several of them unsure, and its clear words alone can still read as an
    answer ("we are now we are not really" -> no). Allowing any number acted on such
    transcripts in the first held-out measurement (bench/history/hearing.md, round three)."""
    clear = [w.word for w in free_words if w.confidence >= min_confidence]
    return (
        len(free_words) >= 2
        and len(clear) >= max(2, len(free_words) - 1)
        and meaning(" ".join(clear)) == intent
    )


def _contradicted(
    grammar: Decision, free_words: list[Word], free_confidence: float, min_confidence: float
) -> bool:
    """A clear transcript that means nothing against the grammar's unsure several words, with
    no word in common: they heard different speech ("follow" / "far no"), not one word
    spelt two ways ("i know" / "i no", a real "no")."""
    return (
        not grammar.confident
        and len(grammar.words) >= 2
        and _clear_and_different(grammar, free_words, free_confidence, min_confidence)
    )


def _clear_and_different(
    grammar: Decision, free_words: list[Word], free_confidence: float, min_confidence: float
) -> bool:
    """Every transcribed word heard clearly, none of them one of the grammar's words."""
    return (
        bool(free_words)
        and not _shared_words(grammar, free_words)
        and free_confidence >= min_confidence
    )


def _shared_words(grammar: Decision, free_words: list[Word]) -> set[str]:
    return {w.word for w in free_words} & {w.word for w in grammar.words} - {UNK}


ONE_WORD_CERTAIN = 0.99
"""The one-word grammar's confidence for a command to be acted on: certain (Vosk reports
1.0 when no other path of the lattice competes). Chosen after the first held-out
measurement (bench/history/hearing.md): at 0.85 it acted on "house" as "help" (0.92, with the
unrestricted pass hearing "help" at 0.27); every real "stop" it won was 1.0."""


def one_word_command(
    grammar: Decision,
    combined: Decision,
    free_words: list[Word],
    rescored: list[Word],
    meaning: Callable[[str], str],
) -> Decision:
    """A one-word command the grammar heard unsure, decided again without its fragments.

    Vosk's grammar is a loop over its words, so the words of longer phrases compete with
    the one-word phrases on their own: "stop" comes out as "step" (of "next step"), or as
    "stop" at 0.6 because "step" took part of the probability. rescored is the same audio
    decoded with a grammar of the one-word phrases only (plus distractors and [unk]). The
    command is acted on when that grammar hears it alone and confidently AND the
    unrestricted pass means the same command: two independent readings, neither of which
    could hear the fragment. The one-word grammar must be certain (ONE_WORD_CERTAIN), not
    just confident: with a few dozen words to choose from it is sure more easily. Answers
    are not upgraded (they already have "Did you say ...?"), and anything else keeps the
    combined decision.
    """
    free_text = " ".join(w.word for w in free_words)
    if len(rescored) != 1 or rescored[0].confidence < ONE_WORD_CERTAIN or not free_text:
        return combined
    word = rescored[0]
    intent = meaning(word.word)
    if intent in NOT_UNDERSTOOD or intent in ANSWERS or meaning(free_text) != intent:
        return combined
    return replace(grammar, text=word.word, confidence=word.confidence, confident=True,
                   in_grammar=True, reason=combined.reason + "+one-word", words=[word])  # fmt: skip


def may_be_one_word_command(
    grammar: Decision, free_words: list[Word], meaning: Callable[[str], str],
    distractors: Collection[str],
) -> bool:  # fmt: skip
    """Worth the one-word decode (one_word_command): the grammar heard one unsure word that
    is not a distractor, and the unrestricted pass heard a command."""
    free_text = " ".join(w.word for w in free_words)
    if grammar.confident or len(grammar.words) != 1 or not free_text:
        return False
    if grammar.text in (UNK, *distractors):
        return False
    intent = meaning(free_text)
    return intent not in NOT_UNDERSTOOD and intent not in ANSWERS


_SAME_WORD_S = 0.05
"""Word boundaries of the two passes differ by a frame or so for the same speech."""


def _said_after(grammar: Decision, free_words: list[Word]) -> bool:
    """The unrestricted pass heard a word begin after the grammar's answer ended."""
    if not grammar.words:
        return bool(free_words)
    end = grammar.words[-1].end_s
    return any(w.start_s >= end - _SAME_WORD_S for w in free_words)


NBEST_COUNT = 10
"""Transcripts asked of the unrestricted pass's n-best (free_pass.nbest_reading)."""
NBEST_CLEAR_DB = 35.0
"""The n-best is read only for speech this far above its background
(background_speech.clear_of_background_db). Its alternatives are near-ties, and with
people talking nearby the near-ties are their words: on the tuning voices with talkers at
10 dB, the n-best acted wrongly on "i see more slowly than" for "yeah I think so" and
"that's again" for "skip" (round five). Talkers measure 20-33 dB, clean speech 73-80,
the dev set's recordings 56 and more."""


@dataclass(frozen=True)
class Alternative:
    """One transcript of the n-best: Vosk's score (higher is likelier) and its words (no
    confidence per word in this form: 0.0)."""

    score: float
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.word for w in self.words)


def nbest_reading(
    grammar: Decision,
    settled: Decision,
    free_words: list[Word],
    free_alternatives: list[Alternative],
    grammar_alternatives: list[Alternative],
    meaning: Callable[[str], str],
) -> Decision:
    """The decision once the n-best of both passes is known, where the best transcript left
    the answer unsettled (it means nothing, or a command heard unsure): the small model
    writes "it's syncing" as "it's thinking", the grammar hears "it think in", and the
    meant phrase is a close second or fifth. (The caller also leaves out an alternative
    that is half a phrase, and reads the n-best only in speech clear of its background.)

    An alternative is taken only if every alternative of either pass that means something
    means the same, and neither the grammar's streaming reading nor the best transcript
    means something else (two readings: asked again, never a guess), and it is anchored
    in both best readings of the same speech: at least half its words (their stems: "it's"
    is "it") are in the grammar's text, and one at least in the unrestricted pass's best
    transcript. Unanchored, an alternative is a guess, and the first tuning run took such
    guesses: "nah" heard as [unk] by the grammar and "they are" in the n-best (yes: a
    flip), "turn it down" as "turned it loud" and "don't it's now" (no); with the
    grammar's anchor alone, "nah" heard "are" by the grammar and "the" by the pass became
    "they are" (en-us at 175 wpm, tests/test_recognition.py). Taken, it is
    confident only when both passes have it among their alternatives (two readings that
    agree, one of which could not hear anything outside the grammar) and it is several
    words: a single word is the grammar's job (combine, one_word_command), and the dev
    set's "house" had "help" among both passes' alternatives and was acted on (round five).
    Otherwise an answer is confirmed ("Did you say yes?") and a command asked again.
    The confidence given is the agreed alternatives' share of the unrestricted n-best's
    weight (softmax of Vosk's scores), for the record.
    """
    alternatives = [*free_alternatives, *grammar_alternatives]
    meanings = [meaning(alt.text) if alt.words else "silence" for alt in alternatives]
    agreed = {m for m in meanings if m not in NOT_UNDERSTOOD}
    if len(agreed) != 1:
        return settled
    intent = agreed.pop()
    free_text = " ".join(w.word for w in free_words)
    others = (meaning(grammar.text) if grammar.text not in ("", UNK) else "unknown",
              meaning(free_text) if free_text else "silence")  # fmt: skip
    if any(m not in NOT_UNDERSTOOD and m != intent for m in others):
        return settled
    chosen = alternatives[meanings.index(intent)]
    stems = _stems(chosen.text.split())
    heard = _stems(grammar.text.split())
    if 2 * sum(stem in heard for stem in stems) < len(stems):
        return settled
    if not set(stems) & set(_stems(free_text.split())):
        return settled
    free_meanings = meanings[: len(free_alternatives)]
    in_both = intent in free_meanings and intent in meanings[len(free_alternatives) :]
    share = 0.0
    if intent in free_meanings:
        best = max(alt.score for alt in free_alternatives)
        weights = [math.exp(alt.score - best) for alt in free_alternatives]
        share = sum(w for w, m in zip(weights, free_meanings, strict=True) if m == intent)
        share /= sum(weights)
    words = [replace(w, confidence=share) for w in chosen.words]
    confident = in_both and len(chosen.words) >= 2
    return replace(grammar, text=chosen.text, confidence=share, confident=confident,
                   in_grammar=False, reason=settled.reason + "+nbest", words=words)  # fmt: skip


def _stems(words: list[str]) -> list[str]:
    """The words without their clitics ("it's" -> "it", "don't" -> "do"), [unk] left out."""
    stems = []
    for word in words:
        if word != UNK:
            stem = word.split("'")[0]
            stems.append(stem[:-1] if word.endswith("n't") else stem)
    return stems
