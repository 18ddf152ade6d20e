"""Double talk: a real "stop" said over a prompt that WebRTC's AEC3 takes out with the echo
is still heard by barge-in's linear monitor (the speex filter's output alone, commands only,
under its double-talk rules), and the prompt's own voice never cuts itself that way.

Offline and deterministic: the real cascade canceller (speexdsp's linear filter, then AEC3),
the real Vosk model and real recordings, with the room done in numpy: the synthesized prompt
heard 6 dB down and 40 ms late, as on the tests' echo rig, with the user's recording added
at its own level. The microphone hands 40 ms blocks with their capture times and the echo
reference gets what played 0.3 s ahead, as the output does; nothing depends on the clock,
so no load can change the outcome (bench_barge_in.py measures the same on the live rig)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

import numpy as np
import pytest
from audio_fixtures import DEV_SET, dev_set_files, read_wav_16k_mono
from barge_in_rig import sound_spans_s

from assistant.audio.echo_reference import EchoReference, resample
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.interfaces import VoiceUnavailable
from assistant.listening import barge_in as barge_in_module
from assistant.listening.echo_cancel import CascadeEchoCanceller, EchoCancelledSource
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import BackgroundEngine, Decision, Word
from assistant.paths import PROMPTS_DIR

pytestmark = pytest.mark.audio

RATE = 16_000
BLOCK = 640  # the microphone's 40 ms blocks
REFERENCE_AHEAD_S = 0.3
QUESTION = "s1_sync_on"
PROMPTS = (
    "Hello. I will help you get iCloud Photos syncing on your iPhone again, in up to seven "
    "checks, one at a time. At any time, say help, repeat, go back, pause, and stop. "
    "Stop. You can say that at any time, and I will end the session for you. "
    "Step one of seven. Open Settings, tap your name, then iCloud, then Photos. "
    "Is Sync this iPhone switched on? Say yes or no."
)
HINT = "Say yes or no."
STOP_AT_S = (12.0, 14.5)
"""Where the stops are said: after the filters have heard the prompt for a while."""


class RoomMicrophone:
    """A microphone that captured `captured` (int16), read as the real one is; the echo
    reference is fed what the loudspeaker played (`played`) as the output callback does,
    ahead of the capture."""

    def __init__(self, captured: np.ndarray, played: np.ndarray, reference: EchoReference):
        self.sample_rate_hz = RATE
        self._captured, self._played, self._reference = captured, played, reference
        self._position = self._fed = 0
        self.done = threading.Event()
        self.at_sample: tuple[int, Callable[[], None]] | None = None
        """(position, call): called once the microphone has handed that sample over."""

    def read_timed(self, timeout_s: float = 1.0) -> tuple[float, bytes] | None:
        if self._position + BLOCK > len(self._captured):
            self.done.set()
            self.done.wait(timeout_s)
            return None
        until = min(len(self._played), self._position + BLOCK + int(REFERENCE_AHEAD_S * RATE))
        while self._fed < until:
            chunk = self._played[self._fed : self._fed + 320]
            self._reference.add(self._fed / RATE, chunk.astype(np.float32) / 32767.0, RATE)
            self._fed += len(chunk)
        start = self._position
        self._position += BLOCK
        if self.at_sample is not None and self._position >= self.at_sample[0]:
            self.at_sample, (_, call) = None, self.at_sample
            call()
        return start / RATE, self._captured[start : start + BLOCK].tobytes()

    def drain(self) -> int:
        return 0

    @property
    def alive(self) -> bool:
        return True

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def engine(vosk_model_dir):
    engine = BackgroundEngine("vosk", vosk_model_dir)
    engine.get(timeout_s=60)
    yield engine
    engine.close()


def spoken(*texts: str) -> list[np.ndarray]:
    """Each text as the default voice says it, int16 at 16 kHz."""
    from assistant.speaking import synthesizer

    try:
        voice = synthesizer.choose("en", None)
    except VoiceUnavailable as err:
        pytest.skip(f"no speech engine: {err}")
    out = []
    for text in texts:
        speech = voice.synthesize(text, 160)
        samples = resample(speech.samples.astype(np.float32), speech.sample_rate_hz, RATE)
        out.append(np.clip(samples * 32767.0, -32768, 32767).astype(np.int16))
    voice.close()
    return out


@pytest.fixture(scope="module")
def prompt() -> np.ndarray:
    """The prompts as the default voice says them."""
    return spoken(PROMPTS)[0]


@pytest.fixture(scope="module")
def question_and_hint() -> tuple[np.ndarray, int]:
    """A question and its answer hint, and the sample at which the hint starts."""
    body, hint = spoken(PROMPTS.removesuffix(HINT), HINT)
    return np.concatenate([body, hint]), len(body)


def echo_of(played: np.ndarray, delay_ms: float = 40, gain_db: float = -6) -> np.ndarray:
    delayed = np.concatenate([np.zeros(int(delay_ms * RATE / 1000)), played])[: len(played)]
    return delayed * 10 ** (gain_db / 20)


def listen_over(engine, prompt, user, at_s=0.0, linear=True, answers_at=None, linear_answers=True):  # type: ignore[no-untyped-def]
    """The barge-in monitors over the prompt heard through the room, the user's recording
    said at_s into it, answers open from sample answers_at (never: None); returns the
    BargeIn once the prompt has been heard or was cut."""
    captured = echo_of(prompt.astype(np.float64))
    if user is not None:
        start = int(at_s * RATE)
        said = user[: len(captured) - start]  # the monitor listens while the prompt plays
        captured[start : start + len(said)] += said
    captured = np.clip(captured, -32768, 32767).astype(np.int16)
    reference = EchoReference(RATE)
    microphone = RoomMicrophone(captured, prompt, reference)
    source = EchoCancelledSource(microphone, reference, CascadeEchoCanceller(RATE))  # type: ignore[arg-type]
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    monitor = barge_in_module.BargeIn(
        engine, source, vocab.parse, reference, ListeningWords.load("en", PROMPTS_DIR)
    )
    monitor.expect(vocab.phrases(INTENTS, QUESTION), QUESTION, "Say yes or no.")
    monitor.linear_monitor = linear
    monitor.linear_answers = linear_answers
    if answers_at is not None:
        microphone.at_sample = (answers_at, monitor.open_answers)
    cut = threading.Event()
    monitor.connect_output(cut.set)
    with monitor.speaking(PROMPTS):  # both prompts of these tests say PROMPTS
        while not (microphone.done.is_set() or cut.is_set()):
            cut.wait(0.05)
    return monitor


def test_the_prompts_own_voice_never_cuts_it_through_the_linear_monitor(engine, prompt):
    """The prompt names every command; the linear filter lets some of it through as words,
    yet its double-talk rules act on none (nor does the main monitor)."""
    monitor = listen_over(engine, prompt, None)
    assert not monitor.interrupted, (monitor.last, monitor.interrupted_by)
    assert monitor.linear_decisions, "the linear monitor heard nothing: it did not run"
    assert not any(acts for *_, acts in monitor.linear_decisions), monitor.linear_decisions


def test_the_prompts_own_words_cost_the_linear_monitor_no_unrestricted_pass(
    engine, prompt, monkeypatch
):
    """The linear filter lets prompt words through ("say help, repeat" is spotted as "help"),
    and with nobody talking over them no double-talk rule could act on them: the linear
    monitor's recognizer does not check them with the unrestricted pass, which over every
    prompt was most of the CPU of listening over speech (bench/history/barge-in.md, round
    seven). The stops it must hear are the test below."""
    passes: list[int] = []
    vosk_engine = engine.get(timeout_s=0)
    transcribe = vosk_engine.transcribe

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        passes.append(1)
        return transcribe(*args, **kwargs)

    monkeypatch.setattr(vosk_engine, "transcribe", counted)
    listen_over(engine, prompt, None, linear=False)
    main_monitor_passes = len(passes)
    monitor = listen_over(engine, prompt, None)
    assert any(d.words for _, d, *_ in monitor.linear_decisions), "it heard no prompt words"
    assert len(passes) == main_monitor_passes, (len(passes), main_monitor_passes)


def test_stops_that_aec3_takes_out_are_heard_by_the_linear_monitor(engine, prompt):
    """Real stops said over the prompt at their own levels: with the linear monitor more of
    them cut it than without, and each cut is the stop itself."""
    files = sorted((DEV_SET / "stop").glob("*.wav"))[:10]  # the tests' stop recordings
    if not files:
        pytest.skip(f"no stop recordings in {DEV_SET}")
    with_linear = without = 0
    for index, wav in enumerate(files):
        user = read_wav_16k_mono(wav).astype(np.float64)
        at_s = STOP_AT_S[index % len(STOP_AT_S)]
        for linear in (True, False):
            monitor = listen_over(engine, prompt, user, at_s, linear)
            if monitor.interrupted:
                assert monitor.last is not None and monitor.last.intent == "stop", monitor.last
                with_linear += linear
                without += not linear
    assert with_linear > without, (with_linear, without)
    assert with_linear >= 7, (with_linear, without)


def test_with_answers_open_the_hints_own_yes_or_no_never_cuts_it(engine, question_and_hint):
    """Answers open from the prompt's start (earlier than the dialog opens them): the hint
    says "yes or no" through the echo path, and neither monitor takes it for an answer."""
    played, _ = question_and_hint
    monitor = listen_over(engine, played, None, answers_at=0)
    assert not monitor.interrupted, (monitor.last, monitor.interrupted_by)
    assert not any(acts for *_, acts in monitor.linear_decisions), monitor.linear_decisions


def test_answers_over_the_hint_are_heard_and_the_linear_ones_confirmed(engine, question_and_hint):
    """Real yes/no said as the hint starts: with the linear monitor taking answers more of
    them cut the prompt than without; each cut is the answer said, and one the linear
    monitor heard is handed over unsure (the dialog asks "Did you say no?"), never acted on
    as heard."""
    played, hint_at = question_and_hint
    trials = [("yes", wav) for wav in dev_set_files("yes")[:6]]
    trials += [("no", wav) for wav in dev_set_files("no")[:6]]
    with_linear = without = by_linear = 0
    for label, wav in trials:
        user = read_wav_16k_mono(wav).astype(np.float64)
        for linear_answers in (True, False):
            monitor = listen_over(
                engine, played, user, hint_at / RATE + 0.1, answers_at=hint_at,
                linear_answers=linear_answers,
            )  # fmt: skip
            if not monitor.interrupted:
                continue
            assert monitor.last is not None and monitor.last.intent == label, (wav, monitor.last)
            if monitor.interrupted_by == "linear" and label in ("yes", "no"):
                assert not monitor.last.utterance.confident, monitor.last
                by_linear += 1
            with_linear += linear_answers
            without += not linear_answers
    assert with_linear > without, (with_linear, without, by_linear)


def _hint_yes_span_s(engine, hint: np.ndarray) -> tuple[float, float]:
    """Where the hint says "yes", in s from its start (the recognizer's word times)."""
    recognizer = engine.get(timeout_s=0).recognizer(["yes", "no"], RATE, lambda text: text)
    for start in range(0, len(hint), BLOCK):
        recognizer.accept(hint[start : start + BLOCK].tobytes())
    words = [w for w in recognizer.flush().words if w.word == "yes"]
    assert words, "the hint's own yes was not found"
    return words[0].start_s, words[0].end_s


def _heard_over_the_room(engine, played: np.ndarray, captured: np.ndarray, hint_at: int):  # type: ignore[no-untyped-def]
    """A BargeIn whose source has cancelled the whole room (its levels kept), answers open."""
    reference = EchoReference(RATE)
    microphone = RoomMicrophone(
        np.clip(captured, -32768, 32767).astype(np.int16), played, reference
    )
    source = EchoCancelledSource(microphone, reference, CascadeEchoCanceller(RATE))  # type: ignore[arg-type]
    while source.read(0) is not None:
        pass
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    monitor = barge_in_module.BargeIn(engine, source, vocab.parse, reference)
    monitor.expect(vocab.phrases(INTENTS, QUESTION), QUESTION, HINT)
    monitor.open_answers()
    return monitor, vocab


def _yes_heard(at_s: float, end_s: float) -> Decision:
    """What the main monitor heard: a confident "yes", its word from at_s to end_s."""
    return Decision("yes", 1.0, True, True, 1000 * end_s, "early", [Word("yes", 1.0, at_s, end_s)])


def test_the_hints_own_yes_needs_double_talk_and_a_person_saying_it_has_it(
    engine, question_and_hint
):
    """Round eight: the main monitor took the hint's own "yes" for an answer where the
    canceller removed 2 dB of it (bench/history/barge-in.md). Judged on the levels the real
    canceller kept of the room: the hint's echo alone shows no double talk over its "yes", and is
    refused; real people saying "yes" over that very word are taken, but for the quietest."""
    played, hint_at = question_and_hint
    start_s, end_s = _hint_yes_span_s(engine, played[hint_at:])
    at_s = hint_at / RATE
    echo = echo_of(played.astype(np.float64))
    monitor, vocab = _heard_over_the_room(engine, played, echo, hint_at)
    meaning = functools.partial(vocab.parse, question=QUESTION)
    assert not monitor._interrupts(_yes_heard(start_s, end_s), meaning, at_s)
    assert monitor.without_double_talk == ["yes"]
    taken = 0
    files = dev_set_files("yes")[:6]
    for wav in files:
        user = read_wav_16k_mono(wav)
        first_s, last_s = sound_spans_s(user, RATE)
        place = int((at_s + start_s - first_s) * RATE)
        captured = echo.copy()
        said = user[: len(captured) - place]  # the clip's silence may outlast the prompt
        captured[place : place + len(said)] += said
        monitor, _ = _heard_over_the_room(engine, played, captured, hint_at)
        span = (start_s, start_s + last_s - first_s)
        taken += monitor._interrupts(_yes_heard(*span), meaning, at_s)
    # Three of these six speak at 0.4, 1.4 and 2.6 dB over the echo there, under the 3 dB of
    # double talk the rule asks: refused, they are asked again after the prompt ("Sorry, I
    # didn't catch that"), never taken for an answer nobody gave. (Two did until the echo was
    # judged at its measured delay: the fixed window under-counted the echo by about 2 dB
    # here, 3-6 dB after a comma, and the greeting's own "pause" reached 4 dB in CI:
    # double_talk.py. The six measure 0.4-7.4 dB now, 1.3-8.6 before.)
    assert taken >= len(files) - 3, (taken, len(files))
