"""Hands-free answers: the Listener that hears the microphone through a recognition engine.

build_listener(settings, lang) gives a VoiceListener, or VoiceUnavailable with a one-line
message. The model starts loading in a background thread as soon as the listener is built,
so the greeting can be spoken meanwhile; the first listen() waits for it. Every turn gets a
fresh recognizer restricted to what can be said at that prompt (nothing carried over).

With barge-in (on unless --no-barge-in), the microphone goes through the echo canceller and
the listener carries a BargeIn (barge_in.py) that the voice Speaker shares: expect() tells
it what may interrupt the coming prompt, and listen() first returns an interruption that
came over the prompt, if there is one.
"""

from __future__ import annotations

import functools
import logging
import sys
import threading
from collections.abc import Callable, Sequence

from assistant.interfaces import Utterance, VoiceUnavailable
from assistant.listening import echo_cancel, listen_loop, microphone
from assistant.listening.barge_in import BargeIn
from assistant.listening.decision_to_utterance import to_utterance
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import (
    BackgroundEngine,
    Decision,
    RecognizerEngine,
    RecognizerUnavailable,
)
from assistant.listening.settings import ListeningSettings
from assistant.model_store import store

log = logging.getLogger(__name__)


class VoiceListener:
    """Listener: speech from the microphone, recognized against the prompt's phrases."""

    def __init__(
        self,
        engine: BackgroundEngine,
        source: listen_loop.AudioSource,
        meaning: Callable[..., str],
        settings: ListeningSettings,
        words: ListeningWords | None = None,
        *,
        notify: Callable[[str], None] | None = None,
        barge_in: BargeIn | None = None,
    ) -> None:
        """meaning: Vocabulary.parse (text, question=None) -> intent."""
        self.barge_in = barge_in
        self._engine = engine
        self._source = source
        self._meaning = meaning
        self.settings = settings
        self._words = words or ListeningWords()
        self._notify = notify or (lambda message: print(message, file=sys.stderr, flush=True))
        self._dead = False
        self.last_decision: Decision | None = None
        self.listening = threading.Event()
        """Set while a turn takes audio (after the audio from before it was discarded)."""

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        """The next answer; question: the flow node id (or `fixed?`) it answers, if known."""
        if self._dead:
            return None
        interruption = self.barge_in.take() if self.barge_in is not None else None
        if interruption is not None:
            return interruption  # said over the prompt before this turn
        meaning = functools.partial(self._meaning, question=question)
        try:
            engine = self._engine.get(self.settings.model_wait_timeout_s)
            recognizer = engine.recognizer(
                phrases, self._source.sample_rate_hz, meaning,
                distractors=self._words.distractors, continuations=self._words.continuations,
                named_words=self._words.named_words, level_peak=self._words.level_peak,
            )  # fmt: skip
        except RecognizerUnavailable as exc:
            self._lost(f"Speech recognition stopped working: {exc}")
            return None
        # Tests pace their spoken answers on this line (python -m assistant --debug).
        log.debug("listening for %d phrases", len(recognizer.phrases))
        try:
            carried = self.barge_in.take_carried() if self.barge_in is not None else b""
            decision = listen_loop.listen_turn(
                self._source, recognizer, self.settings, self.listening, carried
            )
        except listen_loop.MicrophoneLost as exc:
            self._lost(str(exc))
            return None
        finally:
            self.listening.clear()
        self.last_decision = decision
        utterance = to_utterance(decision, meaning)
        log.debug(
            "heard %r -> %r (conf %.2f, %s at %.0f ms, speech ended at %s ms)",
            decision.text, utterance.text, decision.confidence, decision.reason,
            decision.decided_at_ms, decision.speech_end_ms,
        )  # fmt: skip
        return utterance

    def expect(self, phrases: Sequence[str], question: str | None, hint: str = "") -> None:
        """interfaces.HearsOverSpeech: what may interrupt the coming prompt."""
        if self.barge_in is not None:
            self.barge_in.expect(phrases, question, hint)

    def _lost(self, message: str) -> None:
        self._dead = True
        self._notify(message)
        self.close()

    @property
    def microphone_stats(self) -> microphone.CaptureStats:
        stats: microphone.CaptureStats = getattr(self._source, "stats", microphone.CaptureStats())
        return stats

    def engine(self, timeout_s: float | None = None) -> RecognizerEngine:
        """The loaded engine (waits for the background load)."""
        return self._engine.get(timeout_s)

    def close(self) -> None:
        """The microphone first (no more audio callbacks), then the model, whose load
        may still be running: nothing of Vosk or PortAudio is left for interpreter exit."""
        self._source.close()
        self._engine.close()


def build_listener(settings: ListeningSettings, lang: str) -> VoiceListener:
    """The voice Listener; VoiceUnavailable (one line, with the fix) when it cannot work.

    With settings.barge_in, it hears through the echo canceller and has a BargeIn whose
    output side (the reference to feed, the sound to stop) the caller connects to the
    Speaker; without the canceller library, barge-in is off with one line saying why."""
    explicit = None if settings.model_dir is None else str(settings.model_dir)
    try:
        model_dir = store.find_model(lang, explicit)
    except store.ModelError as exc:
        raise VoiceUnavailable(str(exc)) from exc
    if model_dir is None:
        raise VoiceUnavailable(store.missing_model_message(lang, explicit))
    from assistant.conversation.understanding import Vocabulary

    vocab = Vocabulary.load(lang, settings.prompts_dir)
    words = ListeningWords.load(lang, settings.prompts_dir)
    try:
        # Start loading now: the greeting is spoken while the model loads.
        engine = BackgroundEngine(settings.engine, model_dir)
    except RecognizerUnavailable as exc:
        raise VoiceUnavailable(str(exc)) from exc
    try:
        mic = microphone.Microphone(settings.input_device)
    except microphone.MicrophoneError as exc:
        engine.close()
        raise VoiceUnavailable(str(exc)) from exc
    if not microphone.wait_for_audio(mic, settings.mic_stall_timeout_s):
        mic.close()
        engine.close()
        raise VoiceUnavailable("the microphone opened but delivers no sound")
    if not settings.barge_in:
        return VoiceListener(engine, mic, vocab.parse, settings, words)
    try:
        source, reference = echo_cancel.cancelled(mic, settings.echo_canceller)
    except echo_cancel.EchoCancellerUnavailable as exc:
        print(f"Barge-in is off: {exc}", file=sys.stderr, flush=True)
        return VoiceListener(engine, mic, vocab.parse, settings, words)
    barge_in = BargeIn(engine, source, vocab.parse, reference, words)
    return VoiceListener(engine, source, vocab.parse, settings, words, barge_in=barge_in)
