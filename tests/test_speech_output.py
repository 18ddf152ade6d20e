"""Spoken output: prompts printed and spoken, never cut short, with working controls and cues.

Three layers:
* VoiceSpeaker logic with a fake engine and output (no audio at all): printing, --quiet,
  adjust() steps, limits and saving, flags over saved settings, falling back to print.
* The real engine writing WAVs with --speak-to (needs espeak-ng: `audio` marker).
* The real chain to the private PulseAudio server's null sink, recorded from its monitor
  (fixtures in tests/audio_fixtures.py): the greeting is heard in full before say()
  returns, cues sound in order and are told apart, --no-earcons is silent.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from audio_fixtures import say_then_adjust

from assistant import preferences
from assistant.cli import speaking_options
from assistant.interfaces import Control, Cue, VoiceUnavailable
from assistant.speaking import earcons, voice_speaker
from assistant.speaking.pronunciations import Pronunciations, pronunciations_file
from assistant.speaking.settings import SpeakingSettings
from assistant.text_mode import TextSpeaker

REPO_ROOT = Path(__file__).resolve().parent.parent
GREETING = (
    "Hello. I'll help you get iCloud Photos syncing on your iPhone again. Please say yes or no."
)


def parse_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    speaking_options.add_arguments(parser)
    return parser.parse_args(list(argv))


def parse(*argv: str) -> SpeakingSettings:
    """The settings the command line makes of these speaking options."""
    return speaking_options.settings(parse_args(*argv))


# --- the speaker's logic, with fakes --------------------------------------------------------


class FakeSpeech:
    def __init__(self, text: str, rate_wpm: int) -> None:
        self.samples = np.full(100, 0.5, np.float32)
        self.sample_rate_hz = 22050
        self.text = text
        self.rate_wpm = rate_wpm


class FakeSynthesizer:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.closed = False

    def synthesize(self, text: str, rate_wpm: int) -> FakeSpeech:
        self.calls.append((text, rate_wpm))
        return FakeSpeech(text, rate_wpm)

    def close(self) -> None:
        self.closed = True


class FakeOutput:
    def __init__(self, fail: bool = False) -> None:
        self.played: list[tuple[int, float]] = []
        self.fail = fail

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool:
        if self.fail:
            raise VoiceUnavailable("audio output failed (device unplugged).")
        self.played.append((len(samples), volume))
        return True

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


def fake_speaker(
    tmp_path: Path, prefs: preferences.SpeechPreferences | None = None, **kwargs: Any
) -> tuple[voice_speaker.VoiceSpeaker, io.StringIO, FakeSynthesizer, FakeOutput]:
    printed = io.StringIO()
    synth, output = FakeSynthesizer(), FakeOutput(kwargs.pop("fail", False))
    speaker = voice_speaker.VoiceSpeaker(
        synth,  # type: ignore[arg-type]
        output,
        prefs or preferences.SpeechPreferences(),
        TextSpeaker(printed),
        config_path=tmp_path / "preferences.toml",
        warn_to=kwargs.pop("warn_to", io.StringIO()),
        **kwargs,
    )
    return speaker, printed, synth, output


def test_every_prompt_is_printed_then_spoken(tmp_path: Path) -> None:
    speaker, printed, synth, output = fake_speaker(tmp_path)
    speaker.say("Step 1 of 7: Check your settings.")
    speaker.say("Please say yes or no.")
    assert printed.getvalue().splitlines() == [
        "Step 1 of 7: Check your settings.",
        "Please say yes or no.",
    ]
    assert [text for text, _ in synth.calls] == [
        "Step 1 of 7: Check your settings.",
        "Please say yes or no.",
    ]
    assert len(output.played) == 2


def test_a_long_prompt_plays_its_first_sentence_while_the_rest_is_synthesized(
    tmp_path: Path,
) -> None:
    speaker, printed, synth, output = fake_speaker(tmp_path)
    long_prompt = "Hello. " + "We will go through up to seven checks, one by one. " * 3
    speaker.say(long_prompt.strip())
    assert [text for text, _ in synth.calls] == ["Hello.", long_prompt[7:].strip()]
    assert len(output.played) == 2
    assert printed.getvalue().strip() == long_prompt.strip()  # printed whole, once
    speaker.say("Short. Two sentences.")  # short prompts keep their natural pauses
    assert synth.calls[-1][0] == "Short. Two sentences."


def test_quiet_speaks_without_printing(tmp_path: Path) -> None:
    speaker, printed, synth, _ = fake_speaker(tmp_path, quiet=True)
    speaker.say("Hello.")
    assert printed.getvalue() == ""
    assert synth.calls == [("Hello.", preferences.DEFAULT_RATE_WPM)]


def test_faster_and_slower_step_the_rate_and_stop_at_the_limits(tmp_path: Path) -> None:
    speaker, _, synth, _ = fake_speaker(tmp_path)
    assert speaker.adjust(Control.FASTER)
    speaker.say("x")
    assert synth.calls[-1][1] == preferences.DEFAULT_RATE_WPM + voice_speaker.RATE_STEP_WPM
    while speaker.adjust(Control.FASTER):
        pass
    assert speaker.rate_wpm == preferences.RATE_MAX_WPM
    assert not speaker.adjust(Control.FASTER)
    while speaker.adjust(Control.SLOWER):
        pass
    assert speaker.rate_wpm == preferences.RATE_MIN_WPM
    assert not speaker.adjust(Control.SLOWER)


def test_louder_and_quieter_step_the_volume_and_stop_at_the_limits(tmp_path: Path) -> None:
    speaker, _, _, output = fake_speaker(tmp_path)
    assert speaker.adjust(Control.LOUDER)
    speaker.say("x")
    assert output.played[-1][1] > preferences.DEFAULT_VOLUME
    steps_up = 1
    while speaker.adjust(Control.LOUDER):
        steps_up += 1
    assert speaker.volume == preferences.VOLUME_MAX
    assert steps_up >= 1  # "louder" works at least once from the default
    steps_down = 0
    while speaker.adjust(Control.QUIETER):
        steps_down += 1
    assert speaker.volume == preferences.VOLUME_MIN
    assert steps_down >= 4
    assert not speaker.adjust(Control.QUIETER)


def test_adjustments_are_saved_and_only_they(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    preferences.save_preferences(preferences.SpeechPreferences(voice="gmw/en-us"), path)
    # This run has --rate 250 and --volume 0.2 on the command line: not to be saved.
    run_prefs = preferences.SpeechPreferences(rate_wpm=250, volume=0.2, voice="gmw/en-us")
    speaker, _, _, _ = fake_speaker(tmp_path, run_prefs)
    assert speaker.adjust(Control.SLOWER)
    saved = preferences.load_preferences(path)
    assert saved.rate_wpm == 250 - voice_speaker.RATE_STEP_WPM
    assert saved.volume == preferences.DEFAULT_VOLUME
    assert saved.voice == "gmw/en-us"
    assert speaker.adjust(Control.LOUDER)
    assert preferences.load_preferences(path).volume == pytest.approx(
        0.2 * voice_speaker.VOLUME_STEP_FACTOR, abs=1e-3
    )


def test_flags_override_saved_settings() -> None:
    saved = preferences.SpeechPreferences(rate_wpm=120, volume=0.3, voice="gmw/en", earcons=True)
    assert voice_speaker.effective_preferences(parse(), saved) == saved
    args = parse("--rate", "200", "--volume", "0.9", "--voice", "en-us", "--no-earcons")
    assert voice_speaker.effective_preferences(args, saved) == preferences.SpeechPreferences(
        rate_wpm=200, volume=0.9, voice="en-us", earcons=False
    )


@pytest.mark.parametrize(
    "argv", [["--rate", "20"], ["--rate", "fast"], ["--volume", "3"], ["--volume", "-1"]]
)
def test_out_of_range_flags_are_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(*argv)
    assert exit_info.value.code == 2


def test_cues_are_played_unless_turned_off(tmp_path: Path) -> None:
    speaker, _, _, output = fake_speaker(tmp_path)
    speaker.cue(Cue.LISTENING)
    assert len(output.played) == 1
    quiet_cues, _, _, silent = fake_speaker(tmp_path, preferences.SpeechPreferences(earcons=False))
    quiet_cues.cue(Cue.LISTENING)
    assert silent.played == []


def test_a_failing_device_falls_back_to_print_with_one_warning(tmp_path: Path) -> None:
    warnings = io.StringIO()
    speaker, printed, _, _ = fake_speaker(tmp_path, quiet=True, fail=True, warn_to=warnings)
    speaker.say("First prompt.")
    speaker.cue(Cue.LISTENING)
    speaker.say("Second prompt.")
    # Even with --quiet, a prompt that cannot be spoken is printed: the user gets something.
    assert printed.getvalue().splitlines() == ["First prompt.", "Second prompt."]
    assert len(warnings.getvalue().splitlines()) == 1


def test_pronunciations_change_only_what_the_engine_gets() -> None:
    table = Pronunciations.load(pronunciations_file("en", "espeak"))
    spoken = table.apply("Restart your Wi-Fi router, then open Settings > Photos.")
    assert "Wi-Fi" not in spoken and "then" not in spoken and ">" not in spoken
    # Whole words only: no change inside other words.
    assert table.apply("Athens thence Wi-Fi-ish") == "Athens thence Wi-Fi-ish"


def test_a_bad_pronunciation_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("replacements: [1, 2]\n")
    with pytest.raises(ValueError):
        Pronunciations.load(bad)
    assert Pronunciations.load(tmp_path / "missing.yaml").apply("then") == "then"


def test_importing_the_voice_speaker_stays_cheap() -> None:
    """Text mode imports voice_speaker too; it must not pull in the engines."""
    code = (
        "import sys, assistant.speaking.voice_speaker, assistant.speaking.synthesizer; "
        "print(sorted(m for m in ('pyttsx3', 'sounddevice', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the player's start, with a device that starts late ------------------------------------


class LateStartingStream:
    """A sounddevice OutputStream whose device fills its buffer at once, then sleeps before
    pulling blocks in real time: what PulseAudio's idle null sink does (up to 2 s)."""

    latency = 0.04

    def __init__(self, start_delay_s: float, played: list[float], **kwargs: Any) -> None:
        self.start_delay_s = start_delay_s
        self.played = played
        self.blocksize = int(kwargs["blocksize"])
        self.rate_hz = int(kwargs["samplerate"])
        self.callback = kwargs["callback"]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        buffered = 3  # the blocks PortAudio hands over before the device pulls any
        calls = 0
        while not self.stopped.is_set():
            if calls == buffered:
                self.stopped.wait(self.start_delay_s)
            elif calls > buffered:
                self.stopped.wait(self.blocksize / self.rate_hz)
            block = np.zeros((self.blocksize, 1), np.float32)
            now = time.monotonic()
            self.callback(
                block,
                self.blocksize,
                SimpleNamespace(outputBufferDacTime=now + 0.04, currentTime=now),
                SimpleNamespace(output_underflow=False),
            )
            self.played.extend(block[:, 0].tolist())
            calls += 1

    def start(self) -> None:
        self.thread.start()

    def abort(self) -> None:
        self.stopped.set()
        self.thread.join()

    def close(self) -> None:
        self.stopped.set()


def late_starting_device(start_delay_s: float, played: list[float]) -> SimpleNamespace:
    """A stand-in for the sounddevice module: one output device whose stream starts late."""
    return SimpleNamespace(
        CallbackAbort=type("CallbackAbort", (Exception,), {}),
        default=SimpleNamespace(device=(0, 0)),
        query_devices=lambda *a, **k: {"index": 0, "name": "late", "max_output_channels": 1},
        OutputStream=lambda **kwargs: LateStartingStream(start_delay_s, played, **kwargs),
    )


def test_a_short_first_prompt_on_a_device_that_starts_late_is_played_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.speaking import playback

    played: list[float] = []
    # Longer than a short clip plus the stall margin: the old player gave the clip up.
    delay_s = playback.STALL_MARGIN_S + 0.5
    monkeypatch.setattr(playback, "_sounddevice", lambda: late_starting_device(delay_s, played))
    player = playback.Player()
    clip = np.full(2205, 0.5, np.float32)  # 0.1 s, like "Yes."
    try:
        assert player.play(clip, 22050) is True
    finally:
        player.close()
    assert np.count_nonzero(np.isclose(played, 0.5)) == len(clip)


# --- the real engine, writing files ---------------------------------------------------------


@pytest.fixture(scope="module")
def engine_available() -> None:
    from assistant.speaking import synthesizer

    try:
        synthesizer.choose("en", None).close()
    except VoiceUnavailable as err:
        pytest.skip(f"no speech engine: {err}")


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        data = np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
    return data.astype(np.float32) / 32768.0, rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


@pytest.mark.audio
def test_speak_to_writes_one_wav_per_prompt(
    tmp_path: Path, engine_available: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    out_dir = tmp_path / "spoken"
    printed = io.StringIO()
    speaker = voice_speaker.build_speaker(parse("--speak-to", str(out_dir)), TextSpeaker(printed))
    prompts = [GREETING, "Step 1 of 7: Check your settings.", "Please say yes or no."]
    for prompt in prompts:
        speaker.say(prompt)
        speaker.cue(Cue.LISTENING)  # cues are not prompts: no file for them
    speaker.close()
    assert sorted(p.name for p in out_dir.iterdir()) == ["0001.wav", "0002.wav", "0003.wav"]
    assert printed.getvalue().splitlines() == prompts
    durations_ms = []
    for name in ("0001.wav", "0002.wav", "0003.wav"):
        samples, rate = read_wav(out_dir / name)
        assert rate >= 16000
        assert rms(samples) > 0.02
        durations_ms.append(1000 * len(samples) / rate)
    assert durations_ms[0] > durations_ms[1] > durations_ms[2] > 500


@pytest.mark.audio
def test_speak_to_continues_numbering(tmp_path: Path, engine_available: None) -> None:
    out_dir = tmp_path / "spoken"
    for _ in range(2):
        speaker = voice_speaker.build_speaker(
            parse("--speak-to", str(out_dir), "--quiet"),
            TextSpeaker(io.StringIO()),
            config_path=tmp_path / "preferences.toml",
        )
        speaker.say("Hello.")
        speaker.close()
    assert sorted(p.name for p in out_dir.iterdir()) == ["0001.wav", "0002.wav"]


@pytest.mark.audio
def test_faster_is_shorter_and_louder_is_louder(tmp_path: Path, engine_available: None) -> None:
    out_dir = tmp_path / "spoken"
    speaker = voice_speaker.build_speaker(
        parse("--speak-to", str(out_dir), "--quiet"),
        TextSpeaker(io.StringIO()),
        config_path=tmp_path / "preferences.toml",
    )
    text = "In Settings, tap your name, then iCloud, then Photos."
    normal, faster, louder = say_then_adjust(speaker, out_dir, text, Control.FASTER, Control.LOUDER)
    assert len(faster) < 0.92 * len(normal)
    assert len(louder) == len(faster)  # same rate, only the level changed
    assert rms(louder) / rms(faster) == pytest.approx(voice_speaker.VOLUME_STEP_FACTOR, rel=0.05)
    assert preferences.load_preferences(tmp_path / "preferences.toml").rate_wpm == (
        preferences.DEFAULT_RATE_WPM + voice_speaker.RATE_STEP_WPM
    )


@pytest.mark.audio
def test_rate_flag_changes_length(tmp_path: Path, engine_available: None) -> None:
    lengths = []
    for rate in ("120", "240"):
        out_dir = tmp_path / rate
        speaker = voice_speaker.build_speaker(
            parse("--speak-to", str(out_dir), "--quiet", "--rate", rate),
            TextSpeaker(io.StringIO()),
            config_path=tmp_path / "preferences.toml",
        )
        speaker.say("Are your photos syncing now? Please say yes or no.")
        speaker.close()
        lengths.append(len(read_wav(out_dir / "0001.wav")[0]))
    assert lengths[1] < 0.7 * lengths[0]


@pytest.mark.audio
def test_unknown_voice_warns_and_uses_the_default(
    tmp_path: Path, engine_available: None, capsys: pytest.CaptureFixture[str]
) -> None:
    speaker = voice_speaker.build_speaker(
        parse("--speak-to", str(tmp_path / "s"), "--voice", "klingon-xx"),
        TextSpeaker(io.StringIO()),
        config_path=tmp_path / "preferences.toml",
    )
    speaker.say("Hello.")
    speaker.close()
    assert "klingon-xx" in capsys.readouterr().err
    assert (tmp_path / "s" / "0001.wav").exists()


@pytest.mark.audio
def test_list_voices(engine_available: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert speaking_options.handle_info_flags(parse_args("--list-voices")) == 0
    out = capsys.readouterr().out
    # Every engine's voices, named engine:voice, the default marked.
    assert "espeak:gmw/en " in out and "English" in out
    assert "rhvoice:slt" in out and "rhvoice:bdl" in out
    assert [line for line in out.splitlines() if "(default)" in line][0].split()[0] == (
        "rhvoice:bdl"
    )
    assert speaking_options.handle_info_flags(parse_args()) is None


# --- the real chain to a (virtual) speaker ------------------------------------------------


def sound_spans(
    samples: np.ndarray, rate_hz: int, threshold: float = 0.02
) -> list[tuple[int, int]]:
    """(start, end) sample indexes of stretches of sound separated by >= 60 ms of silence."""
    level = np.abs(samples.astype(np.float32) / 32768.0) > threshold
    loud = np.flatnonzero(level)
    if len(loud) == 0:
        return []
    gap = int(rate_hz * 0.06)
    breaks = np.flatnonzero(np.diff(loud) > gap)
    starts = [loud[0], *loud[breaks + 1]]
    ends = [*loud[breaks], loud[-1]]
    return [(int(s), int(e) + 1) for s, e in zip(starts, ends, strict=True)]


def dominant_hz(samples: np.ndarray, rate_hz: int) -> float:
    segment = samples.astype(np.float64)
    spectrum = np.abs(np.fft.rfft(segment * np.hanning(len(segment)), n=1 << 16))
    return float(np.argmax(spectrum) * rate_hz / (1 << 16))


@pytest.fixture
def device_speaker(pulse_server: Any, engine_available: None, tmp_path: Path) -> Any:
    def build(*argv: str) -> voice_speaker.VoiceSpeaker:
        return voice_speaker.build_speaker(
            parse(*argv), TextSpeaker(io.StringIO()), config_path=tmp_path / "preferences.toml"
        )

    return build


@pytest.mark.audio
def test_greeting_is_heard_in_full_before_say_returns(
    device_speaker: Any, speaker_recording: Any
) -> None:
    from assistant.speaking import synthesizer

    expected = synthesizer.choose("en", None)
    expected_ms = expected.synthesize(GREETING, preferences.DEFAULT_RATE_WPM).duration_ms
    expected.close()
    speaker = device_speaker()
    rec = speaker_recording()
    time.sleep(0.5)  # the null sink settles to the recorder's low latency
    speaker.say(GREETING)
    # Stop recording right away: if say() returned early, the end would be missing.
    time.sleep(0.1)
    samples = rec.stop()
    speaker.close()
    spans = sound_spans(samples, rec.sample_rate_hz)
    assert spans, "nothing was heard"
    heard_ms = 1000 * (spans[-1][1] - spans[0][0]) / rec.sample_rate_hz
    # Trailing silence is part of expected_ms, not of what is heard as sound.
    assert expected_ms - 400 <= heard_ms <= expected_ms + 200, (heard_ms, expected_ms)


@pytest.mark.audio
def test_cues_sound_in_order_after_the_prompt_and_are_distinct(
    device_speaker: Any, speaker_recording: Any
) -> None:
    speaker = device_speaker()
    rec = speaker_recording()
    time.sleep(0.5)
    speaker.say("Please say yes or no.")
    speaker.cue(Cue.LISTENING)
    time.sleep(0.3)
    speaker.cue(Cue.NOT_UNDERSTOOD)
    time.sleep(0.3)
    speaker.cue(Cue.UNDERSTOOD)
    time.sleep(0.2)
    samples = rec.stop()
    speaker.close()
    rate = rec.sample_rate_hz
    spans = sound_spans(samples, rate)
    # The prompt may break into several spans at its pauses; the cues are the last three
    # (a cue's notes are 25 ms apart, so each cue is one span).
    assert len(spans) >= 4
    listening, not_understood, understood = spans[-3:]
    for (start, end), cue in zip(
        (listening, not_understood, understood),
        (Cue.LISTENING, Cue.NOT_UNDERSTOOD, Cue.UNDERSTOOD),
        strict=True,
    ):
        assert abs(1000 * (end - start) / rate - earcons.duration_ms(cue)) < 60, cue
    # The listening cue comes after the prompt has finished, not over it.
    prompt_end = spans[-4][1]
    assert listening[0] > prompt_end
    # Pitch contours, as in test_earcons: rising, falling, one high note.
    half = (listening[1] - listening[0]) // 2
    assert dominant_hz(samples[listening[0] + half : listening[1]], rate) > 1.3 * dominant_hz(
        samples[listening[0] : listening[0] + half], rate
    )
    half = (not_understood[1] - not_understood[0]) // 2
    assert dominant_hz(
        samples[not_understood[0] : not_understood[0] + half], rate
    ) > 1.3 * dominant_hz(samples[not_understood[0] + half : not_understood[1]], rate)
    assert dominant_hz(samples[understood[0] : understood[1]], rate) > 1000


@pytest.mark.audio
def test_no_earcons_means_silent_cues(device_speaker: Any, speaker_recording: Any) -> None:
    speaker = device_speaker("--no-earcons")
    rec = speaker_recording()
    time.sleep(0.3)
    for cue in Cue:
        speaker.cue(cue)
    time.sleep(0.3)
    samples = rec.stop()
    speaker.close()
    assert sound_spans(samples, rec.sample_rate_hz) == []


@pytest.mark.audio
def test_stop_cuts_a_prompt_short(device_speaker: Any, speaker_recording: Any) -> None:
    import threading

    speaker = device_speaker()
    rec = speaker_recording()
    time.sleep(0.3)
    timer = threading.Timer(0.8, speaker.stop)
    started = time.monotonic()
    timer.start()
    speaker.say(GREETING)
    elapsed_s = time.monotonic() - started
    timer.join()
    rec.stop()
    speaker.close()
    assert elapsed_s < 2.0


def tone(seconds: float, hz: float, rate_hz: int = 22050) -> np.ndarray:
    t = np.arange(int(rate_hz * seconds)) / rate_hz
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


@pytest.mark.audio
def test_stop_drops_what_is_queued_and_the_reference_keeps_only_what_was_heard(
    pulse_server: Any, speaker_recording: Any
) -> None:
    """With abort_on_stop, stop() (barge-in) silences the loudspeaker at once: the ~100 ms the
    output had queued are dropped, not played out; the echo reference is told, so it holds what the
    loudspeaker really played (the canceller must not subtract an echo that never came);
    and the next clip plays whole on the same output. No timing threshold: the cut tone
    is compared with what the player had handed to the device and with the reference."""
    from assistant.audio.echo_reference import EchoReference
    from assistant.speaking import playback

    rate = 22050
    player = playback.Player()
    player.abort_on_stop = True
    reference = EchoReference(16000)
    player.reference = reference
    rec = speaker_recording()
    time.sleep(0.3)
    player.play(np.zeros(rate // 10, np.float32), rate)  # the output has started
    timer = threading.Timer(1.0, player.stop)
    timer.start()
    try:
        assert player.play(tone(3.0, 440), rate) is False
        handed_s = player._position / rate  # what the callback had handed to the device
        played = np.concatenate([pcm for _, pcm in list(reference._blocks)])
        assert player.play(tone(0.3, 880), rate) is True  # the stream started again
        time.sleep(0.2)
    finally:
        timer.join()
        samples = rec.stop()
        player.close()
    spans = sound_spans(samples, rec.sample_rate_hz)
    assert len(spans) == 2, spans  # the cut tone, then the next clip
    (cut_start, cut_end), (next_start, next_end) = spans
    heard_s = (cut_end - cut_start) / rec.sample_rate_hz
    assert (next_end - next_start) / rec.sample_rate_hz == pytest.approx(0.3, abs=0.03)
    # What was queued when stop() came was not played: a whole block (20 ms) and more.
    assert heard_s < handed_s - playback.BLOCK_MS / 1000, (heard_s, handed_s)
    # The reference never holds what was not heard (the canceller would subtract an echo
    # that never came); it may hold a little less: the drop takes effect once the aborting
    # callback has returned, later on a busy machine (24 ms under six busy processes).
    loud = np.flatnonzero(np.abs(played.astype(np.float32) / 32768.0) > 0.02)  # sound_spans'
    referenced_s = (loud[-1] - loud[0]) / reference.sample_rate_hz
    assert referenced_s <= heard_s + playback.BLOCK_MS / 1000, (referenced_s, heard_s, handed_s)


@pytest.mark.audio
def test_after_a_cut_the_next_clip_does_not_wait_for_the_sound_server(pulse_server: Any) -> None:
    """A cut with abort_on_stop makes ALSA's pulse plugin open a new server stream; with no
    other client the null sink then sleeps up to 2 s before the next clip is heard (a 1 s
    clip took ~3 s). The silent stream the player keeps beside its own (keep_device_awake)
    removes that wait. Compared in the same test, without and then with it, so a busy
    machine slows both alike; no server client but the player's (no recorder: one would
    keep the sink awake by itself)."""
    from assistant.speaking import playback

    rate = 22050

    def next_clip_s(keep_awake: bool) -> float:
        player = playback.Player()
        player.abort_on_stop = True
        player.keep_device_awake = keep_awake
        try:
            player.play(np.zeros(rate // 10, np.float32), rate)  # the output has started
            took = []
            for _ in range(2):
                timer = threading.Timer(0.8, player.stop)
                timer.start()
                assert player.play(tone(3.0, 440), rate) is False
                timer.join()
                started = time.monotonic()
                assert player.play(tone(1.0, 880), rate) is True
                took.append(time.monotonic() - started)
            assert player.restarts == 2
            return min(took)
        finally:
            player.close()

    waiting = next_clip_s(keep_awake=False)
    kept = next_clip_s(keep_awake=True)
    assert kept < waiting - 0.8, (kept, waiting)


@pytest.mark.audio
def test_unknown_output_device_is_voice_unavailable(device_speaker: Any) -> None:
    with pytest.raises(VoiceUnavailable):
        device_speaker("--output-device", "no such speaker anywhere")


@pytest.mark.audio
def test_no_sound_server_gives_one_line(tmp_path: Path, engine_available: None) -> None:
    """No output device at all: one line, exit 1 (the lead's cli falls back to text)."""
    alsa_conf = tmp_path / "asound.conf"
    alsa_conf.write_text("pcm.!default { type pulse }\nctl.!default { type pulse }\n")
    env = {
        **os.environ,
        "PULSE_SERVER": f"unix:{tmp_path}/no-such-socket",
        "ALSA_CONFIG_PATH": f"/usr/share/alsa/alsa.conf:{alsa_conf}",
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "assistant.speaking.voice_speaker", "Hello."],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "Speech output unavailable" in result.stderr


@pytest.mark.audio
@pytest.mark.parametrize("engine", ["espeak", "rhvoice"])
def test_every_rate_change_takes_effect(engine: str) -> None:
    """pyttsx3's asynchronous espeak driver used to drop a rate change now and then."""
    from assistant.speaking import pyttsx3_synthesizer

    try:
        synthesizer = pyttsx3_synthesizer.Pyttsx3Synthesizer(engine, cache_entries=0)
    except VoiceUnavailable as err:
        pytest.skip(f"no {engine}: {err}")
    text = "We'll go through up to seven checks, one at a time."
    rates = [240, 120, 200, 140, 300, 100, 180]
    durations_ms = [synthesizer.synthesize(text, rate).duration_ms for rate in rates]
    synthesizer.close()
    by_rate = sorted(zip(rates, durations_ms, strict=True))
    assert [d for _, d in by_rate] == sorted(durations_ms, reverse=True), by_rate
