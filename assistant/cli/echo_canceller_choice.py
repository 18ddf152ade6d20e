"""--echo-canceller pulse: the sound server's echo canceller is set up before any stream opens.

The in-process cancellers need nothing before the session's streams open. `pulse` does: its
module is loaded on the user's sound server and this process's streams are pointed at it
(audio/pulse_echo_cancel.py) before the speaker's and the microphone's streams open. Where
it cannot be loaded (no PulseAudio or PipeWire server, no pactl, the module refused), one
line says so and the default in-process canceller is used instead.
"""

from __future__ import annotations

import argparse
import sys

SERVER_CANCELLER = "pulse"
FALLBACK = "speex+webrtc"


def prepare(args: argparse.Namespace, barge_in: bool) -> object | None:
    """The loaded module (close() unloads it; it is also unloaded at exit), or None: not
    asked for, barge-in off, or not loadable (then args.echo_canceller is the fallback)."""
    if getattr(args, "echo_canceller", None) != SERVER_CANCELLER or not barge_in:
        return None
    from assistant.audio import pulse_echo_cancel

    try:
        return pulse_echo_cancel.EchoCancelModule.load()
    except pulse_echo_cancel.EchoCancelUnavailable as err:
        print(
            f"Echo canceller: the sound server's echo-cancel module could not be loaded "
            f"({err}); using {FALLBACK} instead.",
            file=sys.stderr,
            flush=True,
        )
        args.echo_canceller = FALLBACK
        return None
