"""--echo-canceller pulse: the sound server's echo canceller is set up before any stream opens.

The in-process cancellers need nothing before the session's streams open. `pulse` does: its
module is loaded on the user's sound server and this process's streams are pointed at it
(audio/pulse_echo_cancel.py) before the speaker's and the microphone's streams open.
--input-device and --output-device then name the server's source and sink the module
records from and plays to (its source_master and sink_master), and the streams themselves
open on the module (the default device, pointed at it). Where it cannot be loaded (no
PulseAudio or PipeWire server, no pactl, a device the server does not have, the module
refused), one line says so and the default in-process canceller is used instead, with the
devices as PortAudio names them.
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

    input_device = getattr(args, "input_device", None)
    output_device = getattr(args, "output_device", None)
    try:
        module = pulse_echo_cancel.EchoCancelModule.load(input_device, output_device)
    except pulse_echo_cancel.EchoCancelUnavailable as err:
        print(
            f"Echo canceller: the sound server's echo-cancel module could not be loaded "
            f"({err}); using {FALLBACK} instead.",
            file=sys.stderr,
            flush=True,
        )
        args.echo_canceller = FALLBACK
        return None
    # The module has them as its masters; our streams open on the module itself.
    if input_device is not None:
        args.input_device = None
    if output_device is not None:
        args.output_device = None
    return module
