"""Vosk speech recognition restricted to the phrases that make sense at the current prompt.

Why a grammar: the small English model transcribes short answers poorly when it may pick any
word, and well when it only has to choose between a few phrases. The catch (vosk-api #1339,
vosk-android-demo #122): with a small grammar, a word outside it tends to come back as a
grammar word with confidence 1.0. Two defences, measured in bench/README.md:

* Distractor words: common words that are in no phrase are added to the grammar so that
  out-of-grammar speech has somewhere else to go. When they win, the result is not an answer.
* Word confidences (SetWords): an answer whose lowest word confidence is under
  CONFIDENT_MIN_CONFIDENCE is returned as not confident, and the dialog asks to confirm.

Turn-taking: Vosk's own endpointer finalizes only after 0.5-1 s of trailing silence. The
PhraseRecognizer finalizes earlier when the partial result is a complete phrase that no
longer phrase could still change the meaning of ("yes" -> "yes please" is still yes, but
"it is" -> "it is not" is not), and the partial has stayed the same for early_stable_ms of
audio. Anything else ("it is", half a phrase, unknown words) waits for Vosk's endpoint, so a
speaker who pauses mid-phrase is not cut off.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

UNK = "[unk]"
MODEL_SAMPLE_RATE_HZ = 16000
# Below this lowest-word confidence an answer is not acted on without confirmation.
# Chosen on the dev set (bench/README.md): real yes/no answers almost all score 1.0 with
# the grammar; the ones below come from mumbled or noisy recordings.
CONFIDENT_MIN_CONFIDENCE = 0.85
# How long the partial result must stay a complete, unambiguous phrase before we act on it.
EARLY_STABLE_MS = 80
# A result Vosk's endpointer gave that more words could still change ("it is", then "not")
# is held this long (audio ms) for the rest of the phrase, so a pause mid-phrase is not cut.
HOLD_MS = 700
# Audio is fed in slices of this length (also the microphone block size).
CHUNK_MS = 40

# Common words that are in no answer or command: out-of-grammar speech lands on them instead
# of on an answer. Measured (bench/README.md): near neighbours of the answers ("now", "new",
# "guess", "though") stole real answers, so only words that sound unlike yes/no remain. None
# is a Speech Commands word, so the dev set's "unknown" words still measure false accepts.
DEFAULT_DISTRACTORS = (
    "hello", "hi", "um", "uh", "well", "maybe", "thanks", "thank", "photo", "phone",
    "settings", "music", "water", "paper", "window", "table", "apple", "money", "car", "bus",
    "light", "red", "blue", "green", "black", "white", "number", "letter", "day", "night",
    "morning", "today", "later", "why", "how", "when", "who", "the", "and", "then", "than",
    "have", "has", "was", "web", "bad", "bag", "big", "pick", "fish", "nice", "nine",
)  # fmt: skip


class RecognizerUnavailable(Exception):
    """Vosk or the model cannot be used; the message is one line for the user."""


def _vosk() -> Any:
    try:
        import vosk
    except (ImportError, OSError) as exc:
        raise RecognizerUnavailable(f"the vosk package cannot be loaded: {exc}") from exc
    vosk.SetLogLevel(-1)  # Kaldi logs every out-of-vocabulary word otherwise
    return vosk


def load_model(model_dir: str | os.PathLike[str]) -> object:
    """Load a Vosk model (takes ~0.5 s for the small English model)."""
    vosk = _vosk()
    try:
        return vosk.Model(os.fspath(model_dir))
    except Exception as exc:  # vosk raises a bare Exception on failure
        raise RecognizerUnavailable(f"cannot load the Vosk model in {model_dir}: {exc}") from exc


class BackgroundModel:
    """Loads the model in a thread at construction; get() waits for it."""

    def __init__(self, model_dir: str | os.PathLike[str]) -> None:
        self.model_dir = os.fspath(model_dir)
        self.load_seconds: float | None = None
        self._model: object | None = None
        self._error: Exception | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._load, name="vosk-model-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self._model = load_model(self.model_dir)
        except Exception as exc:
            self._error = exc
        finally:
            self.load_seconds = time.perf_counter() - started
            self._done.set()

    def get(self, timeout_s: float | None = None) -> object:
        if not self._done.wait(timeout_s):
            raise RecognizerUnavailable("the speech model is still loading")
        if self._error is not None:
            if isinstance(self._error, RecognizerUnavailable):
                raise self._error
            raise RecognizerUnavailable(f"cannot load the speech model: {self._error}")
        assert self._model is not None
        return self._model


def known_words(model: object, words: Iterable[str]) -> set[str]:
    """The words the model's vocabulary has (others would only make Vosk warn and ignore)."""
    find = model.vosk_model_find_word  # type: ignore[attr-defined]
    return {w for w in words if w == UNK or find(w) != -1}


def split_phrases(model: object, phrases: Iterable[str]) -> tuple[list[str], list[str]]:
    """(usable phrases, dropped phrases with words the model does not know)."""
    cleaned = []
    for phrase in phrases:
        words = phrase.lower().split()
        if words and " ".join(words) not in cleaned:
            cleaned.append(" ".join(words))
    vocab = known_words(model, {w for p in cleaned for w in p.split()})
    kept = [p for p in cleaned if all(w in vocab for w in p.split())]
    return kept, [p for p in cleaned if p not in kept]


@dataclass(frozen=True)
class Word:
    word: str
    confidence: float
    start_s: float
    end_s: float


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
    """text is one of the allowed phrases (as opposed to distractors/unknown)."""
    decided_at_ms: float
    """Audio time since the recognizer was reset when the decision was made."""
    reason: str
    """early (our endpointer), endpoint (Vosk's), flush (end of audio); "+hold" if held"""
    words: list[Word] = field(default_factory=list)

    @property
    def speech_end_ms(self) -> float | None:
        """End of the last word, in audio time since reset (None for silence)."""
        return 1000.0 * self.words[-1].end_s if self.words else None


class PhraseRecognizer:
    """A Vosk recognizer over one set of phrases, with early endpointing."""

    def __init__(
        self,
        model: object,
        phrases: Sequence[str],
        sample_rate_hz: int = MODEL_SAMPLE_RATE_HZ,
        *,
        meaning: Callable[[str], str] | None = None,
        distractors: Iterable[str] = DEFAULT_DISTRACTORS,
        early_stable_ms: float | None = EARLY_STABLE_MS,
        min_confidence: float = CONFIDENT_MIN_CONFIDENCE,
    ) -> None:
        """meaning: phrase -> intent; lets "yes" be final although "yes please" exists."""
        vosk = _vosk()
        self.sample_rate_hz = sample_rate_hz
        self.phrases, self.dropped_phrases = split_phrases(model, phrases)
        phrase_words = {w for p in self.phrases for w in p.split()}
        candidates = [d for d in distractors if d not in phrase_words]
        self.distractors = sorted(known_words(model, candidates) - {UNK})
        self._phrase_set = set(self.phrases)
        self._meaning = meaning or (lambda phrase: phrase)
        self.early_stable_ms = early_stable_ms
        self.min_confidence = min_confidence
        grammar = self.phrases + self.distractors + [UNK]
        # ensure_ascii=False: Vosk matches the grammar's words byte for byte (UTF-8).
        self._recognizer = vosk.KaldiRecognizer(
            model, float(sample_rate_hz), json.dumps(grammar, ensure_ascii=False)
        )
        self._recognizer.SetWords(True)
        self._final_cache: dict[str, bool] = {}
        self._stream_ms = 0.0
        self.reset()

    # -- state --

    def reset(self) -> None:
        """Forget all audio so far (called at the start of each listen)."""
        self._recognizer.Reset()
        # Vosk's word times count from the recognizer's creation, across resets.
        self._stream_start_ms = self._stream_ms
        self.audio_ms = 0.0
        self.heard_speech = False
        self._partial = ""
        self._partial_since_ms = 0.0
        self._pending: Decision | None = None
        """A result Vosk endpointed that more words could still change ("it is" + "not")."""

    def can_finalize_early(self, phrase: str) -> bool:
        """A complete phrase that no longer phrase starting with it would change in meaning."""
        if phrase not in self._final_cache:
            ok = phrase in self._phrase_set and not self._could_change(phrase)
            self._final_cache[phrase] = ok
        return self._final_cache[phrase]

    def _could_change(self, text: str) -> bool:
        """Some allowed phrase starts with text and means something else."""
        meaning = self._meaning(text)
        prefix = text + " "
        return any(self._meaning(p) != meaning for p in self.phrases if p.startswith(prefix))

    # -- feeding audio --

    def accept(self, chunk: bytes) -> Decision | None:
        """Feed int16 mono audio; returns a Decision once the utterance is complete."""
        chunk_ms = 1000.0 * len(chunk) / 2 / self.sample_rate_hz
        self.audio_ms += chunk_ms
        self._stream_ms += chunk_ms
        if self._recognizer.AcceptWaveform(chunk):
            decision = self._decide(self._recognizer.Result(), "endpoint")
            if not decision.text:  # an endpoint on noise alone: keep listening
                return self._pending_if_expired()
            return self._hold_or_return(decision)
        partial = json.loads(self._recognizer.PartialResult()).get("partial", "")
        if partial:
            self.heard_speech = True
        if partial != self._partial:
            self._partial = partial
            self._partial_since_ms = self.audio_ms
            return None
        if not partial:
            return self._pending_if_expired()
        candidate = f"{self._pending.text} {partial}" if self._pending else partial
        if (
            self.early_stable_ms is not None
            and self.audio_ms - self._partial_since_ms >= self.early_stable_ms
            and self.can_finalize_early(candidate)
        ):
            return self._hold_or_return(self._decide(self._recognizer.FinalResult(), "early"))
        return None

    def flush(self) -> Decision:
        """End of audio: whatever was heard so far (text "" if nothing)."""
        decision = self._decide(self._recognizer.FinalResult(), "flush")
        pending, self._pending = self._pending, None
        if pending is None:
            return decision
        return (
            self._decide_words(pending.words + decision.words, "flush")
            if decision.text
            else pending
        )

    def _hold_or_return(self, decision: Decision) -> Decision | None:
        """Join a held result with what followed; hold it if more words could change it."""
        if self._pending is not None:
            decision = self._decide_words(self._pending.words + decision.words, decision.reason)
            self._pending = None
        if decision.text not in ("", UNK) and self._could_change(decision.text):
            self._pending = decision
            return None
        return decision

    def _pending_if_expired(self) -> Decision | None:
        """A held result is final once nothing more was said for HOLD_MS."""
        pending = self._pending
        if pending is None or self.audio_ms - pending.decided_at_ms < HOLD_MS:
            return None
        self._pending = None
        pending.decided_at_ms = self.audio_ms
        pending.reason += "+hold"
        return pending

    # -- results --

    def _decide(self, result_json: str, reason: str) -> Decision:
        result = json.loads(result_json)
        offset_s = self._stream_start_ms / 1000.0
        words = [
            Word(
                w["word"],
                float(w.get("conf", 1.0)),
                float(w["start"]) - offset_s,
                float(w["end"]) - offset_s,
            )
            for w in result.get("result", [])
        ]
        self._partial = ""
        return self._decide_words(words, reason)

    def _decide_words(self, words: list[Word], reason: str) -> Decision:
        if not words:
            return Decision("", 1.0, True, False, self.audio_ms, reason, words)
        self.heard_speech = True
        answer_words = [w for w in words if w.word not in self.distractors and w.word != UNK]
        answer_text = " ".join(w.word for w in answer_words)
        noise = len(answer_words) != len(words)
        if answer_words and self._is_phrase_sequence(answer_text):
            confidence = min(w.confidence for w in answer_words)
            confident = confidence >= self.min_confidence and not noise
            return Decision(answer_text, confidence, confident, True, self.audio_ms, reason, words)
        heard = " ".join(w.word for w in words if w.word != UNK) or UNK
        confidence = min(w.confidence for w in words)
        return Decision(heard, confidence, False, False, self.audio_ms, reason, words)

    def _is_phrase_sequence(self, text: str) -> bool:
        """Vosk's grammar loops, so "no stop" (two phrases in a row) is possible."""
        if not text:
            return False
        words = text.split()
        reachable = {0}
        for end in range(1, len(words) + 1):
            if any(" ".join(words[s:end]) in self._phrase_set for s in reachable if s < end):
                reachable.add(end)
        return len(words) in reachable


def dialog_text(
    decision: Decision, meaning: Callable[[str], str], answers: Iterable[str] = ("yes", "no")
) -> str:
    """The text to hand the dialog for a decision.

    Unsure results are passed on only when they mean an answer (the dialog then asks "Did
    you say no?"), including words that are not a sequence of allowed phrases ("i no").
    An unsure command ("back" heard in "backward", "help you") becomes UNK, so the user is
    asked again instead of the assistant going back or stopping on a guess.
    """
    if not decision.text or decision.text == UNK or decision.confident:
        return decision.text
    return decision.text if meaning(decision.text) in set(answers) else UNK


def recognize_samples(
    recognizer: PhraseRecognizer,
    samples: np.ndarray,
    *,
    leading_silence_ms: float = 300.0,
    trailing_silence_ms: float = 1500.0,
    chunk_ms: float = CHUNK_MS,
) -> Decision:
    """Run a whole recording through the recognizer as if it were streamed live.

    Silence is put around it, as a microphone would have: the model misses words that start
    in its very first frames (measured: synthesized "no" and "done" were lost without it),
    and endpointing needs the silence after the speech. The first decision wins. Times in
    the Decision are relative to the start of the recording.
    """
    recognizer.reset()
    rate_hz = recognizer.sample_rate_hz
    lead = np.zeros(int(rate_hz * leading_silence_ms / 1000), np.int16)
    tail = np.zeros(int(rate_hz * trailing_silence_ms / 1000), np.int16)
    padded = np.concatenate([lead, np.ascontiguousarray(samples, dtype=np.int16), tail])
    step = int(rate_hz * chunk_ms / 1000)
    decision = None
    for start in range(0, len(padded), step):
        decision = recognizer.accept(padded[start : start + step].tobytes())
        if decision is not None:
            break
    if decision is None:
        decision = recognizer.flush()
    lead_s = len(lead) / rate_hz
    decision.decided_at_ms -= 1000.0 * lead_s
    decision.words = [
        Word(w.word, w.confidence, w.start_s - lead_s, w.end_s - lead_s) for w in decision.words
    ]
    return decision
