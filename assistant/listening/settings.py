"""How the assistant listens: one frozen value, built once from the command line (cli/).

Nothing in listening/ sees argparse; tests and benchmarks build these directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.listening.recognizer import DEFAULT_ENGINE
from assistant.paths import PROMPTS_DIR


@dataclass(frozen=True)
class ListeningSettings:
    engine: str = DEFAULT_ENGINE
    """Speech recognition engine: the module assistant/listening/<engine>_recognizer.py."""
    model_dir: Path | None = None
    """Speech model folder; None: models/ of the checkout, then the user data folder."""
    input_device: str | None = None
    """Microphone: a device index or part of its name; None for the default."""
    prompts_dir: Path = PROMPTS_DIR
    """Language files: answers and commands, distractors and continuation words."""
    silence_timeout_ms: float = 8000
    """No speech for this long after listening starts: the user said nothing."""
    max_turn_ms: float = 20_000
    """A turn never lasts longer than this, even with endless noise or talking."""
    mic_stall_timeout_s: float = 3.0
    """No audio block at all for this long (seconds): the microphone is gone."""
    model_wait_timeout_s: float = 60.0
    """How long the first answer may wait for the model still loading (seconds)."""
    echo_guard_ms: float = 150
    """Audio still in the capture pipeline when listening starts is the tail of our own
    prompt or cue (sound server buffers, room echo): the first this-many ms are dropped."""
    barge_in: bool = False
    """Listen while the assistant speaks, through the echo canceller, and let the user cut
    it short (on by default in voice mode: cli decides, from --barge-in/--no-barge-in and
    the remembered choice)."""
    echo_canceller: str = "speex+webrtc"
    """With barge-in: "speex+webrtc" (libspeexdsp's linear filter, then WebRTC AEC3),
    "webrtc" (AEC3 through livekit alone), "speex" (libspeexdsp), "none", or "pulse" (the
    sound server's module-echo-cancel, loaded by cli/echo_canceller_choice.py before any stream
    opens; ServerEchoCanceller passes its output on);
    listening/echo_cancel.py, compared by bench/bench_barge_in.py (README: Interrupting).
    The command line's default, "auto", is resolved there (pulse on PulseAudio): this
    default is what needs no sound server of its own."""
