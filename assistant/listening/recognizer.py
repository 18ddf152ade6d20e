"""The seam between listening and a speech recognition engine.

An engine (Vosk today) is one module, `assistant/listening/<name>_recognizer.py`, with a
`load_engine(model_dir)` function returning a RecognizerEngine. It is chosen by name
(`engine_loader("vosk")`), as pytransitions chooses its diagram engine, so a second engine
is one new module and no branch anywhere else.

An engine makes a fresh Recognizer for each utterance (nothing is carried over from one
answer, or one file, to the next); the recognizer takes raw audio in slices and says when
the answer is complete, as a Decision.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

UNK = "[unk]"
DEFAULT_ENGINE = "vosk"


class RecognizerUnavailable(Exception):
    """The engine or its model cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Word:
    word: str
    confidence: float
    """0.0 to 1.0, as the engine scores it."""
    start_s: float
    """Start, seconds of audio since the utterance began."""
    end_s: float
    """End, seconds of audio since the utterance began."""


@dataclass
class Decision:
    """What the recognizer settled on for one utterance."""

    text: str
    """The phrase heard; when it is not a sequence of allowed phrases, the words heard
    (distractors included, never confident); UNK when only unknown speech; "" for silence."""
    confidence: float
    """Lowest word confidence of the phrase (1.0 for silence)."""
    confident: bool
    in_grammar: bool
    """text is a sequence of the allowed phrases (as opposed to distractors/unknown/free)."""
    decided_at_ms: float
    """Audio time since the utterance began when the decision was made."""
    reason: str
    """early (our endpointer), endpoint (the engine's), flush (end of audio); "+hold" if a
    result was held for more words; "+free" when the unrestricted pass gave the text."""
    words: list[Word] = field(default_factory=list)

    @property
    def speech_end_ms(self) -> float | None:
        """End of the last word, in audio ms since the utterance began (None for silence)."""
        return 1000.0 * self.words[-1].end_s if self.words else None


class Recognizer(Protocol):
    """One utterance: feed audio until a Decision comes back, or flush at the end."""

    sample_rate_hz: int
    phrases: list[str]
    """The allowed phrases the engine could use (others were dropped)."""
    audio_ms: float
    """Audio fed so far, in ms."""
    heard_speech: bool
    """Something other than silence has been heard (for the silence timeout)."""

    def accept(self, chunk: bytes) -> Decision | None:
        """Feed int16 mono audio; a Decision once the utterance is complete."""

    def flush(self) -> Decision:
        """End of audio: whatever was heard so far (text "" if nothing)."""


class RecognizerEngine(Protocol):
    """A loaded model that makes recognizers."""

    def recognizer(
        self,
        phrases: Sequence[str],
        sample_rate_hz: int,
        meaning: Callable[[str], str],
        *,
        distractors: Sequence[str] = (),
        continuations: Sequence[str] = (),
        named_words: Sequence[str] = (),
        early_stable_ms: float | None = ...,
        level_peak: float | None = None,
        in_noisy_room: bool = True,
    ) -> Recognizer:
        """A fresh recognizer for one utterance, restricted to phrases (plus distractors).

        meaning: text -> intent, for the end-of-answer rule and the unrestricted pass.
        continuations: words that can turn a complete answer into another ("not").
        named_words: the one-word answers and commands the prompts name ("yes", "stop"),
        acted on alone as heard; other single words need a second opinion.
        early_stable_ms: how long a complete answer must stay unchanged before it is
        decided; None waits for the engine's own endpoint. The engine has its default.
        level_peak: a language's listening level (listening_words.py): what the grammar did
        not hear surely is heard again with the utterance scaled to this peak; None: off.
        in_noisy_room: whether an utterance heard with people talking nearby may be heard
        again with the noise suppressed; off where the "talk" is the assistant's own voice
        left over by the echo canceller (the barge-in monitors).
        """


def engine_loader(name: str) -> Callable[[str | os.PathLike[str]], RecognizerEngine]:
    """The load_engine function of assistant/listening/<name>_recognizer.py."""
    if not name.isidentifier():
        raise RecognizerUnavailable(f"no speech recognition engine named {name!r}")
    module_name = f"assistant.listening.{name}_recognizer"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise RecognizerUnavailable(f"no speech recognition engine named {name!r}") from exc
        raise RecognizerUnavailable(f"the {name} engine cannot be loaded: {exc}") from exc
    loader: Callable[[str | os.PathLike[str]], RecognizerEngine] = module.load_engine
    return loader


class BackgroundEngine:
    """Loads an engine's model in a thread at construction; get() waits for it.

    close() waits for the load and frees the model on the caller's thread. Without it, a
    session that ended early (no microphone, a test that never listened) left Kaldi loading
    in a daemon thread while the interpreter shut down, and freed the model whenever the
    last reference went, on any thread: suspects for rare segfaults at exit (rc 139)."""

    def __init__(self, name: str, model_dir: str | os.PathLike[str]) -> None:
        self.model_dir = os.fspath(model_dir)
        self.load_seconds: float | None = None
        self._load_engine = engine_loader(name)
        self._engine: RecognizerEngine | None = None
        self._error: Exception | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._load, name=f"{name}-model-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self._engine = self._load_engine(self.model_dir)
        except Exception as exc:
            self._error = exc
        finally:
            self.load_seconds = time.perf_counter() - started
            self._done.set()

    def get(self, timeout_s: float | None = None) -> RecognizerEngine:
        if not self._done.wait(timeout_s):
            raise RecognizerUnavailable("the speech model is still loading")
        if self._error is not None:
            if isinstance(self._error, RecognizerUnavailable):
                raise self._error
            raise RecognizerUnavailable(f"cannot load the speech model: {self._error}")
        if self._engine is None:
            raise RecognizerUnavailable("speech recognition was closed")
        return self._engine

    def close(self) -> None:
        """Wait for the load to finish (Kaldi cannot be stopped midway), then let the
        model go here, before the interpreter's shutdown; get() then says it is closed."""
        self._thread.join()
        self._engine = None
