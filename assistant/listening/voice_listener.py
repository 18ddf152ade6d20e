"""Hands-free answers: the Vosk + microphone Listener, its command-line options and factory.

Contract with cli.py / engines.py:
  add_arguments(parser)            --model, --input-device, --list-devices
  handle_info_flags(args)          prints input devices for --list-devices and returns 0
  build_listener(args, lang)       a Listener, or VoiceUnavailable with a one-line message

The model starts loading in a background thread as soon as the listener is built, so the
greeting can be spoken meanwhile; listen() waits for it. Half duplex: each listen() starts
by discarding whatever the microphone captured before (the assistant's own voice), and the
first ECHO_GUARD_MS still in the pipeline, and resetting the recognizer.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from assistant.audio import devices
from assistant.interfaces import Utterance, VoiceUnavailable
from assistant.listening import microphone, vosk_recognizer
from assistant.model_store import store

log = logging.getLogger(__name__)

# No speech for this long after listening starts: the user said nothing (Utterance("")).
SILENCE_TIMEOUT_MS = 8000
# A turn never lasts longer than this, even with endless noise or talking.
MAX_TURN_MS = 20_000
# No audio block at all for this long: the microphone is gone.
MIC_STALL_TIMEOUT_S = 3.0
MODEL_WAIT_TIMEOUT_S = 60.0
# Audio still in the capture pipeline (PortAudio/sound server buffers, room echo) when
# listening starts is the tail of our own prompt or cue: the first this-many ms are dropped.
ECHO_GUARD_MS = 150


def add_arguments(parser: argparse.ArgumentParser | Any) -> None:
    """Listening options (parser may be an argument group)."""
    parser.add_argument(
        "--model",
        metavar="DIR",
        help="Vosk model folder (default: models/ of the checkout, then the user data folder)",
    )
    parser.add_argument(
        "--input-device",
        metavar="DEVICE",
        help="microphone: a device index or part of its name (see --list-devices)",
    )
    parser.add_argument("--list-devices", action="store_true", help="list microphones and exit")


def handle_info_flags(args: argparse.Namespace) -> int | None:
    if not getattr(args, "list_devices", False):
        return None
    return devices.print_devices(
        microphone.list_input_devices,
        (microphone.MicrophoneError,),
        "microphones",
        "--input-device",
    )


class VoskListener:
    """Listener: speech from the microphone, recognized against the prompt's phrases."""

    def __init__(
        self,
        model: vosk_recognizer.BackgroundModel,
        microphone: microphone.Microphone,
        meaning: Callable[[str], str],
        *,
        silence_timeout_ms: float = SILENCE_TIMEOUT_MS,
        max_turn_ms: float = MAX_TURN_MS,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self._model = model
        self._mic = microphone
        self._meaning = meaning
        self._recognizers: dict[tuple[str, ...], vosk_recognizer.PhraseRecognizer] = {}
        self.silence_timeout_ms = silence_timeout_ms
        self.max_turn_ms = max_turn_ms
        self._notify = notify or (lambda message: print(message, file=sys.stderr, flush=True))
        self._dead = False
        self.last_decision: vosk_recognizer.Decision | None = None

    def _recognizer(self, phrases: Sequence[str]) -> vosk_recognizer.PhraseRecognizer:
        key = tuple(phrases)
        if key not in self._recognizers:
            model = self._model.get(MODEL_WAIT_TIMEOUT_S)
            recognizer = vosk_recognizer.PhraseRecognizer(
                model, phrases, self._mic.sample_rate_hz, meaning=self._meaning
            )
            if recognizer.dropped_phrases:
                log.info("not in the model's vocabulary, dropped: %s", recognizer.dropped_phrases)
            self._recognizers[key] = recognizer
        return self._recognizers[key]

    def listen(self, phrases: Sequence[str]) -> Utterance | None:
        if self._dead:
            return None
        try:
            recognizer = self._recognizer(phrases)
        except vosk_recognizer.RecognizerUnavailable as exc:
            self._lost(f"Speech recognition stopped working: {exc}")
            return None
        # Half duplex: drop what was captured while the assistant spoke, start afresh.
        self._mic.drain()
        recognizer.reset()
        # Tests pace their spoken answers on this line (python -m assistant --debug).
        log.debug("listening for %d phrases", len(recognizer.phrases))
        last_block_at = time.monotonic()
        guard_bytes = int(self._mic.sample_rate_hz * ECHO_GUARD_MS / 1000) * 2
        while True:
            block = self._mic.read(timeout_s=0.5)
            if block is None:
                if not self._mic.alive or time.monotonic() - last_block_at > MIC_STALL_TIMEOUT_S:
                    self._lost("The microphone stopped delivering sound.")
                    return None
                continue
            last_block_at = time.monotonic()
            if guard_bytes > 0:
                guard_bytes -= len(block)
                continue
            decision = recognizer.accept(block)
            if decision is None:
                silent_too_long = (
                    not recognizer.heard_speech and recognizer.audio_ms >= self.silence_timeout_ms
                )
                if not silent_too_long and recognizer.audio_ms < self.max_turn_ms:
                    continue
                decision = recognizer.flush()
            return self._utterance(decision)

    def _utterance(self, decision: vosk_recognizer.Decision) -> Utterance:
        self.last_decision = decision
        text = vosk_recognizer.dialog_text(decision, self._meaning)
        log.debug(
            "heard %r -> %r (conf %.2f, %s at %.0f ms, speech ended at %s ms)",
            decision.text,
            text,
            decision.confidence,
            decision.reason,
            decision.decided_at_ms,
            decision.speech_end_ms,
        )
        if not text:
            return Utterance("")
        confident = decision.confident and text == decision.text
        return Utterance(text, round(decision.confidence, 3), confident)

    def _lost(self, message: str) -> None:
        self._dead = True
        self._notify(message)
        self._mic.close()
        return None

    @property
    def microphone_stats(self) -> microphone.CaptureStats:
        return self._mic.stats

    def close(self) -> None:
        self._mic.close()


def build_listener(args: argparse.Namespace, lang: str) -> VoskListener:
    """The voice Listener; VoiceUnavailable (one line, with the fix) when it cannot work."""
    explicit = getattr(args, "model", None)
    try:
        model_dir = store.find_model(lang, explicit)
    except store.ModelError as exc:
        raise VoiceUnavailable(str(exc)) from exc
    if model_dir is None:
        raise VoiceUnavailable(store.missing_model_message(lang, explicit))
    try:
        import vosk  # noqa: F401 - fail here, clearly, rather than in the loading thread
    except (ImportError, OSError) as exc:
        raise VoiceUnavailable(f"the vosk package cannot be loaded: {exc}") from exc
    from assistant.conversation.understanding import Vocabulary
    from assistant.paths import PROMPTS_DIR

    vocab = Vocabulary.load(lang, getattr(args, "prompts", None) or PROMPTS_DIR)
    # Start loading now: the greeting is spoken while the model loads.
    model = vosk_recognizer.BackgroundModel(model_dir)
    try:
        mic = microphone.Microphone(getattr(args, "input_device", None))
    except microphone.MicrophoneError as exc:
        raise VoiceUnavailable(str(exc)) from exc
    if not microphone.wait_for_audio(mic, MIC_STALL_TIMEOUT_S):
        mic.close()
        raise VoiceUnavailable("the microphone opened but delivers no sound")
    return VoskListener(model, mic, vocab.parse)
