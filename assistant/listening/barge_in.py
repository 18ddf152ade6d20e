"""Barge-in: listening while the assistant speaks, and cutting it short when the user speaks.

One BargeIn is shared by the voice Speaker and the voice Listener of a session:

* the dialog says, through Listener.expect(), what the next turn may hear (its phrases and
  question) and the answer hint that ends the prompt;
* the Speaker wraps each prompt in `speaking()`, which runs a monitor thread over the
  echo-cancelled microphone (echo_cancel.py) with a recognizer for those phrases, and calls
  `open_answers()` when the answer hint (or, without one, what follows the question mark)
  starts to play;
* the monitor acts only on a confident, in-grammar phrase that means an interrupting
  command (at any moment) or an answer (once answers are open); then it stops the output
  at once and keeps the utterance, marked with how far into the prompt it came;
* until the Listener hands that utterance to the dialog (its next listen() returns it at
  once), the Speaker stays silent: the rest of the prompt, and anything said before the
  next turn, are only printed. So the dialog handles the interruption exactly as if it had
  been said after the prompt.

Everything else heard over speech (unsure words, distractors, the assistant's own voice if
the canceller let some through) is dropped and the monitor starts a fresh recognizer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from assistant.audio.echo_reference import EchoReference
from assistant.interfaces import Utterance
from assistant.listening.decision_to_utterance import to_utterance
from assistant.listening.echo_cancel import EchoCancelledSource
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import (
    BackgroundEngine,
    Decision,
    Recognizer,
    RecognizerUnavailable,
)

log = logging.getLogger(__name__)

INTERRUPTING_COMMANDS = frozenset(
    {"stop", "pause", "repeat", "skip", "back", "help", "slower", "faster", "louder", "quieter"}
)
"""Intents that cut a prompt at any moment (issue 10's list)."""
INTERRUPTING_ANSWERS = frozenset({"yes", "no"})
"""Intents that cut a prompt once its question has been spoken ("done" means yes)."""
READ_TIMEOUT_S = 0.1
# A monitor's recognizer keeps every block for its unrestricted pass: start a fresh one
# after this much audio without a decision, so a long prompt does not grow it without end.
RECOGNIZER_RENEW_MS = 10_000
MONITOR_EARLY_STABLE_MS = 40
"""How long a complete command must stay the recognizer's partial result over speech before
the prompt is cut: one microphone block (40 ms) instead of the turn's EARLY_STABLE_MS
(80 ms). Over speech the monitor acts only on confident phrases of the grammar, so the
shorter wait costs no wrong action and saves 40 ms of the cut (bench/README.md)."""


@dataclass(frozen=True)
class Expected:
    """What the next turn may hear, as the dialog said before the prompt."""

    phrases: tuple[str, ...]
    question: str | None
    hint: str
    """The answer hint that ends the prompt ("Say yes or no."); "" when there is none."""


@dataclass(frozen=True)
class Interruption:
    """The last barge-in, for reports and benches."""

    utterance: Utterance
    intent: str
    after_ms: float
    """How far into the prompt (since its first sound was queued) the output was cut."""
    word_end_adc_s: float | None
    """End of the last word heard, on the stream clock (None if unknown)."""
    decided_adc_s: float
    """End of the audio the recognizer had when it decided, on the stream clock."""


class BargeIn:
    def __init__(
        self,
        engine: BackgroundEngine,
        source: EchoCancelledSource,
        meaning: Callable[..., str],
        reference: EchoReference,
        words: ListeningWords | None = None,
    ) -> None:
        """meaning: Vocabulary.parse (text, question=None) -> intent. reference: what the
        output must feed with every block it plays (connect_output)."""
        self._engine = engine
        self._source = source
        self._meaning = meaning
        self.reference = reference
        self._stop_output: Callable[[], None] = lambda: None
        self._words = words or ListeningWords()
        self._expected: Expected | None = None
        self._pending: Utterance | None = None
        self._answers_open = threading.Event()
        self._quit = threading.Event()
        self._lock = threading.Lock()
        self.last: Interruption | None = None
        self.refuse_hint_words = False
        """Refuse an answer over a hint that says it (_says). Off: with the speex+webrtc
        canceller no yes/no was ever heard over a hint with nobody answering, and the rule
        lost the answers people gave over it (bench/README.md: 3/30 right with it, 17/30
        without, 0 flips either way)."""
        self.keep_unfinished = False
        """Benches: keep what the monitor was hearing when its prompt ended."""
        self.heard: list[str] = []
        """Everything recognized over speech, interrupting or not (benches, tests)."""
        self.phrases_heard: list[str] = []
        """What of it was a confident phrase of the grammar: could have interrupted."""
        self.unfinished: list[tuple[str, Decision]] = []
        """(partial, flushed decision) of a monitor's recognizer that had heard speech but
        not decided when its prompt ended (benches)."""
        self.decisions: list[tuple[float, Decision, tuple[float, float, float] | None]] = []
        """Every decision of the monitor with the capture time its audio began at and the
        levels over its words (benches: what it heard, when, how sure, how loud)."""

    # --- the dialog, through the Listener ------------------------------------------------

    def expect(self, phrases: Sequence[str], question: str | None, hint: str = "") -> None:
        self._expected = Expected(tuple(phrases), question, hint) if phrases else None

    @property
    def answers_open(self) -> bool:
        return self._answers_open.is_set()

    @property
    def hint(self) -> str:
        return self._expected.hint if self._expected else ""

    # --- the Speaker ----------------------------------------------------------------------

    def connect_output(self, stop: Callable[[], None]) -> None:
        """stop: cuts the sound at once, from another thread (the Player's stop)."""
        self._stop_output = stop

    @property
    def interrupted(self) -> bool:
        """An interruption waits for the next turn: say nothing until then."""
        return self._pending is not None

    @contextlib.contextmanager
    def speaking(self) -> Iterator[None]:
        """Listen over the prompt spoken inside this block."""
        expected = self._expected
        if expected is None or self.interrupted:
            yield
            return
        self._answers_open.clear()
        self._quit.clear()
        started = time.monotonic()
        monitor = threading.Thread(
            target=self._monitor_safely, args=(expected, started), name="barge-in", daemon=True
        )
        monitor.start()
        try:
            yield
        finally:
            self._quit.set()
            monitor.join()

    def open_answers(self) -> None:
        """The question has been spoken: yes/no may now interrupt too."""
        self._answers_open.set()

    # --- the Listener ---------------------------------------------------------------------

    def take(self) -> Utterance | None:
        """The interruption waiting for this turn, if any (then the Speaker speaks again)."""
        with self._lock:
            pending, self._pending = self._pending, None
        return pending

    # --- the monitor thread ---------------------------------------------------------------

    def _monitor_safely(self, expected: Expected, started: float) -> None:
        """A failure here only costs this prompt its barge-in: logged, never shown."""
        try:
            self._monitor(expected, started)
        except Exception:  # noqa: BLE001 - the prompt goes on; the next turn listens as ever
            log.exception("listening over speech failed; this prompt plays to its end")

    def _monitor(self, expected: Expected, started: float) -> None:
        meaning = functools.partial(self._meaning, question=expected.question)
        self._source.drain()  # what was captured before this prompt is not about it
        recognizer: Recognizer | None = None
        first_adc_s = 0.0
        while not self._quit.is_set():
            block = self._source.read(READ_TIMEOUT_S)
            if block is None:
                continue
            if recognizer is None or recognizer.audio_ms >= RECOGNIZER_RENEW_MS:
                recognizer = self._recognizer(expected, meaning)
                first_adc_s = self._source.last_block_adc_s
                if recognizer is None:
                    continue  # the model is still loading: the greeting goes on unheard
            decision = recognizer.accept(block)
            if decision is None:
                continue
            recognizer = None
            self.decisions.append((first_adc_s, decision, self._levels(decision, first_adc_s)))
            if decision.text:
                self.heard.append(decision.text)
            if self._interrupts(decision, meaning):
                self._interrupt(decision, meaning, started, first_adc_s)
                return
        if recognizer is not None and recognizer.heard_speech and self.keep_unfinished:
            partial = getattr(recognizer, "_partial", "")
            self.unfinished.append((partial, recognizer.flush()))

    def _recognizer(self, expected: Expected, meaning: Callable[[str], str]) -> Recognizer | None:
        try:
            engine = self._engine.get(timeout_s=0)
        except RecognizerUnavailable:
            return None
        return engine.recognizer(
            expected.phrases, self._source.sample_rate_hz, meaning,
            distractors=self._words.distractors, continuations=self._words.continuations,
            early_stable_ms=MONITOR_EARLY_STABLE_MS,
        )  # fmt: skip

    def _levels(self, decision: Decision, first_adc_s: float) -> tuple[float, float, float] | None:
        """Energy in, out of the canceller and played over the decision's words."""
        levels = getattr(self._source, "levels", None)
        if levels is None or not decision.words:
            return None
        start = first_adc_s + decision.words[0].start_s
        return levels(start, first_adc_s + decision.words[-1].end_s)

    def _interrupts(self, decision: Decision, meaning: Callable[[str], str]) -> bool:
        if not (decision.text and decision.in_grammar and decision.confident):
            return False
        self.phrases_heard.append(decision.text)
        intent = meaning(decision.text)
        log.debug("heard over speech: %r -> %s", decision.text, intent)
        if intent in INTERRUPTING_COMMANDS:
            return True
        return (
            intent in INTERRUPTING_ANSWERS
            and self._answers_open.is_set()
            and not (self.refuse_hint_words and _says(self.hint, decision.text))
        )

    def _interrupt(
        self, decision: Decision, meaning: Callable[[str], str], started: float, first_adc_s: float
    ) -> None:
        after_ms = round((time.monotonic() - started) * 1000.0)
        utterance = dataclasses.replace(to_utterance(decision, meaning), barge_in_after_ms=after_ms)
        with self._lock:
            self._pending = utterance  # before the sound stops: the Speaker then stays quiet
        self._stop_output()
        word_end_ms = decision.speech_end_ms
        word_end = None if word_end_ms is None else first_adc_s + word_end_ms / 1000.0
        decided = first_adc_s + decision.decided_at_ms / 1000.0
        self.last = Interruption(utterance, meaning(decision.text), after_ms, word_end, decided)
        log.debug("barge-in: %r after %d ms", utterance.text, after_ms)


def _says(hint: str, text: str) -> bool:
    """The hint itself says these words ("Say yes or no." and "yes"). With WebRTC's AEC3
    alone, what it left of the assistant's own "yes" while the user talked was taken for an
    answer (bench/README.md: 2 flips in 30 answers over the hint, first round), so answers
    the hint says were refused over it (BargeIn.refuse_hint_words, now off by default)."""
    spoken = {word.strip(".,!?;:").lower() for word in hint.split()}
    return any(word in spoken for word in text.split())
