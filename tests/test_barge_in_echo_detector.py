"""The echo detector (listening/echo_cancel.EchoDetector) on real speech: is the loudspeaker
heard by the microphone, or are these headphones? Real recordings of the dev set stand for
what the assistant plays and for the user; the echo is the played speech 6 dB down and
40 ms late, as on the tests' echo rig."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from audio_fixtures import DEV_SET, dev_set_files, read_wav_16k_mono  # noqa: E402

RATE = 16_000
BLOCK = 640  # the microphone's 40 ms blocks


def speech(label: str, seconds: float) -> np.ndarray:
    """Real recordings of one label back to back, seconds long."""
    files = dev_set_files(label) if label != "stop" else sorted((DEV_SET / "stop").glob("*.wav"))
    if not files:
        pytest.skip(f"no {label} recordings in {DEV_SET}")
    out = np.concatenate([read_wav_16k_mono(f) for f in files[:40]])
    assert len(out) >= seconds * RATE
    return out[: int(seconds * RATE)]


def echo_of(played: np.ndarray, delay_ms: float = 40, gain_db: float = -6) -> np.ndarray:
    delayed = np.concatenate([np.zeros(int(delay_ms * RATE / 1000)), played])[: len(played)]
    return delayed * 10 ** (gain_db / 20)


def detect(captured: np.ndarray, played: np.ndarray):  # type: ignore[no-untyped-def]
    from assistant.listening.echo_cancel import EchoDetector

    detector = EchoDetector(RATE)
    states = []
    for i in range(0, len(captured) - BLOCK + 1, BLOCK):
        detector.add(captured[i : i + BLOCK].astype(np.int16), played[i : i + BLOCK])
        states.append(detector.echo)
    return detector, states


def test_the_loudspeaker_heard_is_an_echo_within_two_seconds_even_under_the_user() -> None:
    played = speech("yes", 10.0)
    user = speech("stop", 10.0)
    captured = np.clip(echo_of(played) + user, -32768, 32767)  # the user talks over it
    detector, states = detect(captured, played.astype(np.int16))
    assert detector.echo is True
    # Known within two windows (one where the user is much louder than the echo may
    # not tell), and meanwhile it cancels: never passed through.
    assert states.index(True) < 2 * RATE // BLOCK
    assert False not in states  # never passed through uncancelled


def test_headphones_pass_the_microphone_through_after_a_few_seconds_of_speech() -> None:
    from assistant.listening.echo_cancel import NO_ECHO_AFTER_S

    played = speech("yes", 10.0)
    user = speech("stop", 10.0)  # the user talking all the time: no echo of the prompt
    detector, states = detect(user, played.astype(np.int16))
    assert detector.echo is False
    assert max(detector.correlations) < 0.2
    first_pass = (states.index(False) + 1) * BLOCK / RATE
    assert NO_ECHO_AFTER_S <= first_pass <= NO_ECHO_AFTER_S + 1.5


def test_an_echo_after_headphones_turns_cancelling_back_on() -> None:
    played = speech("yes", 12.0)
    user = speech("stop", 12.0)
    captured = user.astype(np.float64)
    captured[6 * RATE :] += echo_of(played)[6 * RATE :]  # the headphones are unplugged
    detector, states = detect(np.clip(captured, -32768, 32767), played.astype(np.int16))
    assert False in states and detector.echo is True
    assert states.index(True) * BLOCK / RATE <= 7.5


def test_nothing_played_says_nothing_about_an_echo() -> None:
    user = speech("stop", 6.0)
    detector, states = detect(user, np.zeros(len(user), np.int16))
    assert set(states) == {None} and detector.correlations == []
