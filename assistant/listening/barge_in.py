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

A second recognizer, the linear monitor, hears the same blocks after the cascade's linear
filter alone (before AEC3, whose suppressor takes much of a word said over the prompt out
with the echo: the largest category of missed stops for three rounds). It acts on a
confident command, or an answer once answers are open (handed over to be confirmed), and
only where the blocks show double talk: the filter's output over the words well above the
echo it left before them, and the microphone above what the echo alone would bring
(LINEAR_MIN_RISE_DB, LINEAR_MIN_TALK_DB; bench/history/barge-in.md, rounds five and six).
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
from typing import Any, cast

from assistant.audio.echo_reference import EchoReference
from assistant.interfaces import Utterance
from assistant.listening import grammar
from assistant.listening.decision_to_utterance import to_utterance
from assistant.listening.double_talk import OWN_VOICE_CORRELATION
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
UNSURE_MIN_CONFIDENCE = 0.5
"""An in-grammar command heard over speech at this confidence or more, but under the
recognizer's CONFIDENT_MIN_CONFIDENCE, cuts the prompt and is confirmed ("Did you say
stop?") when BargeIn.confirm_unsure is on: the unsure stops (0.5-0.85) were the largest
category of missed interruptions through the echo path (bench/history/barge-in.md, round three)."""
UNSURE_MIN_ECHO_REMOVED_DB = 20.0
"""An unsure phrase cuts a prompt only while the canceller removes at least this much of
the echo (over the UNSURE_ECHO_WINDOW_S of played speech before its first word): once it
does, what is heard over speech is the user's, and what the canceller lets through when it
does not (on a loaded machine the rig's own-voice run fell from 30 to 14 dB removed and the
prompt's own "yes", 0.69, and "exit", 0.56, were heard) is left alone, as before."""
UNSURE_ECHO_WINDOW_S = 3.0
CARRY_MAX_S = 4.0
"""At most this much of what the monitor heard, undecided, since a prompt's answers opened
goes to the turn after it when the prompt ends: an answer begun over the hint, lost before
(the turn started after it and heard silence: bench/history/barge-in.md), and only from the
first word over which someone talked (BargeIn._talked_over)."""
CARRY_LEAD_S = 0.3
"""The carried audio starts this long before that word: its onset, for the recognizer."""
PLAYED_WINDOW_S = 1.5
"""A phrase heard over speech interrupts only if the echo reference shows speech played
within this long before its first word, to its last: the monitor runs only while a prompt
plays, so a reference with nothing in it means the played audio never reached the
canceller (a lost or misaligned reference: the bench once saw one stay silent for a whole
run, and the prompt's own "selected" cut it). Nothing is cancelled then, and what is
heard may be the assistant's own voice: missing an interruption only costs waiting for
the prompt's end."""
PAUSE_S = 0.3
"""Over speech, words heard before a pause this long are not part of the command after it:
the recognizer joins what the canceller let through of the prompt and the user's "stop"
into one utterance that is no phrase (_after_last_pause). Tune half: "in set" 1.35 s before
a "stop", "full" 0.36 s before one (first set at 0.4, before that second case was seen);
the words of one phrase ("go back") follow each other closer than that."""
MONITOR_EARLY_STABLE_MS = 0
"""How long a complete command must stay the recognizer's partial result over speech before
the prompt is cut: 0, the first partial that is a whole phrase nothing more could change
decides (then only a confident one acts), where a turn waits EARLY_STABLE_MS (80 ms).
Round three waited one microphone block (40 ms); round four measured deciding at once on
the tune half (bench/history/barge-in.md): 0 false interruptions by its own voice, word end ->
decided audio 220 ms instead of 290."""


SPOT_STABLE_MS = 80.0
"""Over speech, a partial result whose last word is a command on its own, after other words
("in settings stop": prompt words the canceller let through, then the user), decides once it
has stayed the same this long (a turn's EARLY_STABLE_MS): the recognizer is flushed there
instead of waiting for Vosk's endpoint, which over a prompt comes ~1 s after the word, or
later while the filter lets prompt words through (round five: the stops decided at the
endpoint made the p95 of the cut, 1199 ms)."""


LINEAR_MIN_RISE_DB = 10.0
"""The linear monitor (BargeIn.linear_monitor) acts on a confident command only when the
linear filter's output over its words is at least this much louder than over the
LINEAR_ECHO_WINDOW_S of played speech before them (EchoCancelledSource.linear_rise_db):
what the filter leaves of the prompt keeps the prompt's level, a user talking over it
raises it."""
LINEAR_ECHO_WINDOW_S = 1.5
LINEAR_MIN_TALK_DB = 3.0
"""...and only when the microphone captured at least this much more over its words than the
prompt's echo alone would bring (EchoCancelledSource.double_talk_db). Kept when the echo came
to be judged at its measured delay (double_talk.py), which reads about 2 dB less over a word
said without a pause before it and 3-6 dB less after one: the own voice, under load, 2.2 dB
at most since (bench/history/barge-in.md)."""
LINEAR_CLEAR_TALK_DB = 6.0
LINEAR_MIN_RISE_CLEAR_TALK_DB = 5.0
"""Where the microphone shows clear double talk (LINEAR_CLEAR_TALK_DB or more over the echo
expected; the own voice never showed more than 2.8 dB in the own-voice runs of rounds five
and six, measured as then), a rise of this much cuts the prompt too, but the command is
confirmed ("Did you say stop?"): tune half, round six, three confident stops with talk
9.7-11.1 dB were lost at a rise of 9.2-9.9 dB; acting on them at once also acted on a
speaker's "stop" heard as "help" (rise 7.1, talk 7.5 dB)."""
ACT, CONFIRM = "act", "confirm"
"""The linear monitor's verdicts: cut and act, or cut and ask."""


class CommandSpotter:
    """A monitor's recognizer, flushed as soon as a command is the last word of its partial
    result after other words, stable for SPOT_STABLE_MS (one spotter per monitor)."""

    def __init__(self, meaning: Callable[[str], str]) -> None:
        self._meaning = meaning
        self._partial = ""
        self._since_ms = 0.0

    def accept(self, recognizer: Recognizer, block: bytes) -> Decision | None:
        """recognizer.accept(block), or its flushed decision once a command is spotted."""
        decision = recognizer.accept(block)
        if decision is None and self.spotted(recognizer):
            return recognizer.flush()
        return decision

    def spotted(self, recognizer: Recognizer) -> bool:
        partial = getattr(recognizer, "partial", "")  # an engine without partials: never
        words = partial.split()
        if len(words) < 2 or words[-1] not in recognizer.phrases:
            self._partial = ""
            return False
        if self._meaning(words[-1]) not in INTERRUPTING_COMMANDS:
            return False
        if partial != self._partial:
            self._partial, self._since_ms = partial, recognizer.audio_ms
            return False
        return recognizer.audio_ms - self._since_ms >= SPOT_STABLE_MS


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
    reason: str = ""
    """How the recognizer decided (Decision.reason: early, endpoint, +after-pause ...)."""


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
        lost the answers people gave over it (bench/history/barge-in.md: 3/30 right with it, 17/30
        without, 0 flips either way)."""
        self.confirm_unsure = True
        """Cut on an unsure phrase of the grammar (UNSURE_MIN_CONFIDENCE or more) that means
        a command, or an answer once answers are open, while the canceller removes the echo
        well (UNSURE_MIN_ECHO_REMOVED_DB), and hand it to the dialog unsure: it asks "Did you
        say stop?" as after a turn. Off: only confident phrases cut (rounds one and two)."""
        self.carry_unfinished = True
        """Hand what the monitor heard since the answers opened, undecided, to the next
        turn when the prompt ends (take_carried): an answer begun over the hint."""
        self._carried = b""
        self.unsure_echo_removed: list[float | None] = []
        """Echo removed (dB) before each unsure phrase that could have cut (benches)."""
        self.carried_count = 0
        """How many prompts handed audio on (benches)."""
        self.keep_unfinished = False
        """Benches: keep what the monitor was hearing when its prompt ended."""
        self.heard: list[str] = []
        """Everything recognized over speech, interrupting or not (benches, tests)."""
        self.phrases_heard: list[str] = []
        """What of it could have interrupted: a confident phrase of the grammar that means a
        command, or an answer once answers were open (it cuts only with double talk)."""
        self.unreferenced: list[str] = []
        """Confident phrases not acted on: no played speech in the reference around them."""
        self.unfinished: list[tuple[str, Decision]] = []
        """(partial, flushed decision) of a monitor's recognizer that had heard speech but
        not decided when its prompt ended (benches)."""
        self.linear_unfinished: list[tuple[str, Decision]] = []
        """The same for the linear monitor's recognizer (benches)."""
        self.decisions: list[tuple[float, Decision, tuple[float | None, ...] | None]] = []
        """Every decision of the monitor with the capture time its audio began at and the
        levels over its words (benches: what it heard, when, how sure, how loud)."""
        self.linear_monitor = True
        """A second recognizer on the linear filter's output alone (before AEC3), for
        commands (and answers, to confirm): double talk, where AEC3's suppressor takes the
        user's word out with the echo (bench/history/barge-in.md, round five). Acts under
        stricter rules (_linear_verdict); only with the speex+webrtc canceller while it cancels."""
        self.linear_checks_only_double_talk = True
        """The linear monitor's recognizer runs its unrestricted second pass only on words the
        double-talk rules could act on (_linear_may_act). Off (benches): on every decision,
        as in rounds five and six."""
        self.linear_acts = True
        """Off (benches): the linear monitor only records what it hears."""
        self.linear_answers = True
        """The linear monitor takes yes/no too, once answers are open, under the same
        double-talk rules, and always hands them over unsure: the dialog asks "Did you say
        no?" before acting. The hint itself says "yes or no" and the linear filter lets
        some of it through, so an answer it hears is never acted on as heard (a flip is the
        worst outcome); but most answers said over the hint were lost to AEC3's suppressor
        (bench/history/barge-in.md, round six). Off (benches): commands only, as in round five."""
        self.linear_decisions: list[tuple[float, Decision, float | None, float | None, bool]] = []
        """(capture time its audio began, decision, the linear output's rise over the echo
        it left before (dB), the microphone over the echo expected (dB), acted)."""
        self.interrupted_by = ""
        """Which monitor cut the last prompt: "main" or "linear" (benches)."""
        self.own_voice_refused = 0
        """Words judged for double talk whose audio was the prompt's own (benches)."""
        self.without_double_talk: list[str] = []
        """Phrases of the main monitor refused: nobody talked over the prompt there
        (_double_talk_over; benches)."""

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
    def speaking(self, text: str = "") -> Iterator[None]:
        """Listen over the prompt spoken inside this block (its text: what it says)."""
        expected = self._expected
        if expected is None or self.interrupted:
            yield
            return
        log.debug("listening over %r", text)
        self._answers_open.clear()
        self._quit.clear()
        with self._lock:
            self._carried = b""  # a new prompt: what was heard before it is not its answer
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
            if pending is not None:
                self._carried = b""
        return pending

    def take_carried(self) -> bytes:
        """The cancelled audio of an utterance the monitor had begun to hear, undecided,
        when the prompt ended (b"" if none): the next turn starts with it, and with what
        the microphone captured since, instead of discarding them."""
        with self._lock:
            carried, self._carried = self._carried, b""
        return carried

    # --- the monitor thread ---------------------------------------------------------------

    def _monitor_safely(self, expected: Expected, started: float) -> None:
        """A failure here only costs this prompt its barge-in: logged, never shown."""
        try:
            with self._source.cpu.charge("barge-in thread"):
                self._monitor(expected, started)
        except Exception:  # noqa: BLE001 - the prompt goes on; the next turn listens as ever
            log.exception("listening over speech failed; this prompt plays to its end")

    def _monitor(self, expected: Expected, started: float) -> None:
        meaning = functools.partial(self._meaning, question=expected.question)
        self._source.drain()  # what was captured before this prompt is not about it
        recognizer: Recognizer | None = None
        first_adc_s = 0.0
        fed: list[bytes] = []
        """The blocks fed to the current recognizer (their audio, for the next turn)."""
        answers_from: int | None = None
        """Index in fed of the first block read once answers were open."""
        linear: Recognizer | None = None
        linear_first_adc_s = 0.0
        spotter, linear_spotter = CommandSpotter(meaning), CommandSpotter(meaning)
        while not self._quit.is_set():
            block = self._source.read(READ_TIMEOUT_S)
            if block is None:
                continue
            linear_block = getattr(self._source, "last_linear", None)
            if not self.linear_monitor or linear_block is None:
                linear = None
            else:
                if linear is None or linear.audio_ms >= RECOGNIZER_RENEW_MS:
                    linear = self._recognizer(expected, meaning)
                    linear_first_adc_s = self._source.last_block_adc_s
                    if (
                        hasattr(linear, "second_opinion_wanted")
                        and self.linear_checks_only_double_talk
                    ):
                        cast(Any, linear).second_opinion_wanted = functools.partial(
                            self._linear_may_act, first_adc_s=linear_first_adc_s
                        )
                if linear is not None:
                    with self._source.cpu.charge("linear recognizer"):
                        decision = linear_spotter.accept(linear, linear_block)
                    if decision is not None:
                        decision = _command_within(decision, linear, meaning)
                        linear = None  # decided: a fresh one from the next block
                        if self._linear_cuts(decision, linear_first_adc_s, meaning, started):
                            return
            if recognizer is None or recognizer.audio_ms >= RECOGNIZER_RENEW_MS:
                recognizer = self._recognizer(expected, meaning)
                first_adc_s = self._source.last_block_adc_s
                fed, answers_from = [], None
                if recognizer is None:
                    continue  # the model is still loading: the greeting goes on unheard
            if answers_from is None and self._answers_open.is_set():
                answers_from = len(fed)
            fed.append(block)
            with self._source.cpu.charge("main recognizer"):
                decision = spotter.accept(recognizer, block)
            if decision is None:
                continue
            decision = _after_last_pause(decision, recognizer)
            recognizer = None
            self.decisions.append((first_adc_s, decision, self._levels(decision, first_adc_s)))
            if decision.text:
                self.heard.append(decision.text)
            if self._interrupts(decision, meaning, first_adc_s):
                self.interrupted_by = "main"
                self._interrupt(decision, meaning, started, first_adc_s)
                return
        if self.keep_unfinished and linear is not None and linear.heard_speech:
            self.linear_unfinished.append((getattr(linear, "_partial", ""), linear.flush()))
        if recognizer is None:
            return
        partial = getattr(recognizer, "_partial", "")
        unfinished = recognizer.flush() if recognizer.heard_speech else None
        if self.carry_unfinished and answers_from is not None:
            answers_at = sum(len(b) for b in fed[:answers_from])
            carried = self._talked_over(b"".join(fed), answers_at, unfinished, first_adc_s)
            with self._lock:
                self._carried = carried
            self.carried_count += bool(carried)
        if self.keep_unfinished and unfinished is not None:
            self.unfinished.append((partial, unfinished))

    def _talked_over(
        self, audio: bytes, answers_at: int, unfinished: Decision | None, first_adc_s: float
    ) -> bytes:
        """What of the monitor's undecided audio the turn after the prompt starts with: from
        just before the first word heard since the answers opened over which the microphone
        shows double talk (_double_talk_over), at most CARRY_MAX_S; b"" when no such word.
        The audio alone is no evidence: with nobody talking, the turn handed the end of the
        hint as the canceller left it heard "no" (round eight's tune half, s4_optimized: the
        hint's "yes or no") and "set yes work", where the monitors act only on double talk.
        Without an echo (headphones) all of it, heard as speech yet or not: an answer whose
        first sound came as the hint ended (test_barge_in_confirm.py)."""
        bytes_per_s = 2 * self._source.sample_rate_hz
        earliest = max(answers_at, len(audio) - 2 * int(CARRY_MAX_S * self._source.sample_rate_hz))
        if self._source.passes_through:
            return audio[earliest:]  # no echo: what it heard is the user's, as before
        for word in unfinished.words if unfinished is not None else ():
            if word.end_s * bytes_per_s <= answers_at:
                continue  # said before the answers opened: the prompt's, not an answer
            talk = self._talk_db(first_adc_s + word.start_s, first_adc_s + word.end_s)
            if talk is not None and talk >= LINEAR_MIN_TALK_DB:
                start = int(max(0.0, word.start_s - CARRY_LEAD_S) * bytes_per_s) // 2 * 2
                return audio[max(start, earliest) :]
        return b""

    def _talk_db(self, start: float, end: float) -> float | None:
        """The microphone over the echo expected between these capture times: the double
        talk every rule here judges (dB; None where the source cannot tell). None too where
        the microphone's audio there is what played before it, wherever the echo's delay
        went: the prompt's own voice (double_talk.OWN_VOICE_CORRELATION)."""
        likeness = self._source.echo_correlation(start, end)
        if likeness is not None and likeness >= OWN_VOICE_CORRELATION:
            self.own_voice_refused += 1
            return None
        return self._source.double_talk_db(start, end, LINEAR_ECHO_WINDOW_S)

    def _linear_cuts(
        self,
        decision: Decision,
        first_adc_s: float,
        meaning: Callable[[str], str],
        started: float,
    ) -> bool:
        """A decision of the linear monitor: True when it cut the prompt."""
        rise = talk = None
        if decision.words:
            start, end = _words_span(decision, first_adc_s)
            rise = self._source.linear_rise_db(start, end, LINEAR_ECHO_WINDOW_S)
            talk = self._talk_db(start, end)
        verdict = self._linear_verdict(decision, meaning, first_adc_s, rise, talk)
        self.linear_decisions.append((first_adc_s, decision, rise, talk, bool(verdict)))
        if verdict and self.linear_acts:
            self.interrupted_by = "linear"
            self._interrupt(decision, meaning, started, first_adc_s, verdict == CONFIRM)
            return True
        return False

    def _linear_may_act(self, decision: Decision, first_adc_s: float) -> bool:
        """Could the double-talk rules let the linear monitor act on these words, or on the
        last one or two of them (_command_within)? Only then is the recognizer's
        unrestricted pass worth running on them: over the prompt's own voice the linear filter
        lets its words through, and that pass on each phrase of them was most of the CPU of
        listening over speech (bench/history/barge-in.md, round seven)."""
        words = decision.words
        if not words:
            return True  # nothing of the grammar's to judge: as before
        lowest_rise_db = min(LINEAR_MIN_RISE_DB, LINEAR_MIN_RISE_CLEAR_TALK_DB)
        end = first_adc_s + words[-1].end_s
        for first in sorted({0, max(0, len(words) - 2), len(words) - 1}):
            start = first_adc_s + words[first].start_s
            talk = self._talk_db(start, end)
            rise = self._source.linear_rise_db(start, end, LINEAR_ECHO_WINDOW_S)
            loud = talk is not None and talk >= LINEAR_MIN_TALK_DB
            if loud and rise is not None and rise >= lowest_rise_db:
                return True
        return False

    def _linear_verdict(
        self,
        decision: Decision,
        meaning: Callable[[str], str],
        first_adc_s: float,
        rise_db: float | None,
        talk_db: float | None,
    ) -> str:
        """The linear monitor's stricter rules: ACT on a confident phrase of the grammar that
        means a command, with played speech around it, over which the filter's output rose
        LINEAR_MIN_RISE_DB above the echo it left before and the microphone captured
        LINEAR_MIN_TALK_DB more than the echo alone would bring. CONFIRM (cut, then ask) an
        answer under the same rules once answers are open (linear_answers), and a command
        that only clear double talk lets through (LINEAR_CLEAR_TALK_DB). "" for nothing."""
        if not (decision.text and decision.in_grammar and decision.confident):
            return ""
        intent = meaning(decision.text)
        answer = intent in INTERRUPTING_ANSWERS and self.linear_answers
        if intent not in INTERRUPTING_COMMANDS and not answer:
            return ""
        if answer and not self._answer_taken(decision.text):
            return ""
        if talk_db is None or talk_db < LINEAR_MIN_TALK_DB or rise_db is None:
            return ""
        if not self._played_around(decision, first_adc_s):
            return ""
        if rise_db >= LINEAR_MIN_RISE_DB:
            return CONFIRM if answer else ACT
        if talk_db >= LINEAR_CLEAR_TALK_DB and rise_db >= LINEAR_MIN_RISE_CLEAR_TALK_DB:
            return CONFIRM
        return ""

    def _recognizer(self, expected: Expected, meaning: Callable[[str], str]) -> Recognizer | None:
        try:
            engine = self._engine.get(timeout_s=0)
        except RecognizerUnavailable:
            return None
        return engine.recognizer(
            expected.phrases, self._source.sample_rate_hz, meaning,
            distractors=self._words.distractors, continuations=self._words.continuations,
            early_stable_ms=MONITOR_EARLY_STABLE_MS,
            # Over a prompt the echo canceller's leftovers of its own voice come and go like
            # people talking: the noisy-room second hearing would take them for a room.
            in_noisy_room=False,
        )  # fmt: skip

    def _levels(self, decision: Decision, first_adc_s: float) -> tuple[float | None, ...] | None:
        """Energy in, out of the canceller, played and after the linear filter over the
        decision's words, and the double talk over them (dB; benches)."""
        if not decision.words:
            return None
        start, end = _words_span(decision, first_adc_s)
        levels = self._source.levels(start, end)
        talk = self._talk_db(start, end)
        return None if levels is None else (*levels, talk)

    def _interrupts(
        self, decision: Decision, meaning: Callable[[str], str], first_adc_s: float
    ) -> bool:
        if not decision.text:
            return False
        if not (decision.in_grammar and decision.confident):
            return self.confirm_unsure and self._unsure_but_taken(decision, meaning, first_adc_s)
        if not self._played_around(decision, first_adc_s):
            log.debug("heard over speech with no reference played: %r", decision.text)
            self.unreferenced.append(decision.text)
            return False
        intent = meaning(decision.text)
        log.debug("heard over speech: %r -> %s", decision.text, intent)
        answer = intent in INTERRUPTING_ANSWERS and self._answer_taken(decision.text)
        if intent not in INTERRUPTING_COMMANDS and not answer:
            return False
        self.phrases_heard.append(decision.text)
        return self._double_talk_over(decision, first_adc_s)

    def _played_around(self, decision: Decision, first_adc_s: float) -> bool:
        """Did the echo reference carry played speech around the decision's words? True
        where no reference is used (--echo-canceller none) or no echo is heard (headphones:
        the detector needs played speech to say so, so its reference was working)."""
        if not decision.words:
            return True
        start, end = _words_span(decision, first_adc_s)
        return self._source.echo_removed_db(start - PLAYED_WINDOW_S, end) is not None

    def _double_talk_over(self, decision: Decision, first_adc_s: float) -> bool:
        """Does the microphone show someone talking over the prompt at the phrase's words
        (LINEAR_MIN_TALK_DB more than the echo alone would bring)? Where the canceller lets
        the prompt's own voice through, the main monitor hears it as words, confidently at
        times, with no more in the microphone than the echo: round six, the prompt's own
        "again" (-> repeat) and "syncing" (-> yes, over a user's "stop"), refused since as
        words the prompt says; round eight's tune half, the hint's own "yes" (2 dB of its
        echo removed over it: an answer nobody gave) and, in the first second of a prompt
        after a cut, "help" and "again", which it does not say. The main monitor's stops
        there had 5-19 dB, its own voice's phrases -1 to 4. True with no echo (headphones,
        or no canceller)."""
        if self._source.passes_through:
            return True
        start, end = _words_span(decision, first_adc_s)
        talk = self._talk_db(start, end)
        if talk is not None and talk >= LINEAR_MIN_TALK_DB:
            return True
        self.without_double_talk.append(decision.text)
        return False

    def _answer_taken(self, text: str) -> bool:
        return self._answers_open.is_set() and not (
            self.refuse_hint_words and _says(self.hint, text)
        )

    def _unsure_but_taken(
        self, decision: Decision, meaning: Callable[[str], str], first_adc_s: float
    ) -> bool:
        """An unsure decision that cuts the prompt to be confirmed: a phrase of the grammar
        heard at UNSURE_MIN_CONFIDENCE or more that means a command, or, once answers are
        open, an answer; and only while the canceller removes the echo well, and where
        someone talks over the prompt."""
        if not (decision.in_grammar and decision.confidence >= UNSURE_MIN_CONFIDENCE):
            return False
        intent = meaning(decision.text)
        taken = intent in INTERRUPTING_COMMANDS or (
            intent in INTERRUPTING_ANSWERS and self._answer_taken(decision.text)
        )
        if taken and decision.words:
            start, _ = _words_span(decision, first_adc_s)
            db = self._source.echo_removed_db(start - UNSURE_ECHO_WINDOW_S, start)
            self.unsure_echo_removed.append(db)
            taken = db is not None and db >= UNSURE_MIN_ECHO_REMOVED_DB
            # ... and as a confident phrase does, with double talk over its words: the check
            # half's own voice (round eight) cut s5's "fixed?" prompt on an unsure "again"
            # (0.54) with 1 dB of talk, after the canceller had removed 20 dB before it.
            taken = taken and self._double_talk_over(decision, first_adc_s)
        if taken:
            self.phrases_heard.append(decision.text)
            log.debug("heard over speech, unsure: %r -> %s", decision.text, intent)
        return taken

    def _interrupt(
        self,
        decision: Decision,
        meaning: Callable[[str], str],
        started: float,
        first_adc_s: float,
        to_confirm: bool = False,
    ) -> None:
        """to_confirm: hand the phrase over unsure, even a confident one (the dialog asks)."""
        after_ms = round((time.monotonic() - started) * 1000.0)
        utterance = to_utterance(decision, meaning)
        if to_confirm or not decision.confident:  # a turn would make an unsure command UNK
            utterance = Utterance(decision.text, round(decision.confidence, 3), False)
        utterance = dataclasses.replace(utterance, barge_in_after_ms=after_ms)
        with self._lock:
            self._pending = utterance  # before the sound stops: the Speaker then stays quiet
        self._stop_output()
        word_end_ms = decision.speech_end_ms
        word_end = None if word_end_ms is None else first_adc_s + word_end_ms / 1000.0
        decided = first_adc_s + decision.decided_at_ms / 1000.0
        self.last = Interruption(
            utterance, meaning(decision.text), after_ms, word_end, decided, decision.reason
        )
        log.debug("barge-in: %r after %d ms", utterance.text, after_ms)


def _says(hint: str, text: str) -> bool:
    """The hint itself says these words ("Say yes or no." and "yes"). With WebRTC's AEC3
    alone, what it left of the assistant's own "yes" while the user talked was taken for an
    answer (bench/history/barge-in.md: 2 flips in 30 answers over the hint, first round), so answers
    the hint says were refused over it (BargeIn.refuse_hint_words, now off by default)."""
    spoken = {word.strip(".,!?;:").lower() for word in hint.split()}
    return any(word in spoken for word in text.split())


def _words_span(decision: Decision, first_adc_s: float) -> tuple[float, float]:
    """Start of the decision's first word and end of its last, on the capture clock."""
    return first_adc_s + decision.words[0].start_s, first_adc_s + decision.words[-1].end_s


def _command_within(
    decision: Decision, recognizer: Recognizer, meaning: Callable[[str], str]
) -> Decision:
    """For the linear monitor: the last command one or two of its words make, decided on
    those words alone, when the whole is not one. The linear filter lets prompt words
    through, and the recognizer joins them and the user's "stop" into one utterance that is
    no phrase, even without a pause between: "in settings ... stop", "are internet stop"
    (tune half, round five), and as often with prompt words after it, "are your photos stop
    now", "in are name on stop or" (round eight: 4 of a tune run's 23 misses); the
    double-talk rules then judge the command's own words. A single word too: the
    unrestricted pass's "stop" at 1.00 where the grammar heard something else is never
    confident as a turn's decision (free_pass.combine: one word is the grammar's job), and
    was a clear "stop" the linear monitor missed (check half, round five)."""
    decision = _after_last_pause(decision, recognizer)
    words = decision.words
    whole = decision.confident and len(decision.text.split()) == len(words)
    if not words or (whole and meaning(decision.text) in INTERRUPTING_COMMANDS):
        return decision
    for end in range(len(words), 0, -1):
        for count in range(1, min(2, end) + 1):
            part = grammar.decide_words(
                words[end - count : end], set(recognizer.phrases),
                getattr(recognizer, "distractors", ()),
                getattr(recognizer, "min_confidence", 0.85), decision.decided_at_ms,
                f"{decision.reason}+within",
            )  # fmt: skip
            if part.confident and meaning(part.text) in INTERRUPTING_COMMANDS:
                return part
    return decision


def _after_last_pause(decision: Decision, recognizer: Recognizer) -> Decision:
    """The decision on the words after the last pause of PAUSE_S or more, when those are a
    phrase of the grammar and the whole is not: what came before the pause (prompt words
    the canceller let through, a cough) is not what the user said last."""
    words = decision.words
    if decision.in_grammar or len(words) < 2:
        return decision
    cut = max(
        (i for i in range(1, len(words)) if words[i].start_s - words[i - 1].end_s >= PAUSE_S),
        default=0,
    )
    if cut == 0:
        return decision
    tail = grammar.decide_words(
        words[cut:], set(recognizer.phrases), getattr(recognizer, "distractors", ()),
        getattr(recognizer, "min_confidence", 0.85), decision.decided_at_ms,
        f"{decision.reason}+after-pause",
    )  # fmt: skip
    return tail if tail.in_grammar else decision
