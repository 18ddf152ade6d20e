"""--echo-canceller auto and pulse: the sound server's echo canceller is set up before any
stream opens.

The in-process cancellers need nothing before the session's streams open. The server's does:
its module is loaded on the user's sound server and this process's streams are pointed at it
(audio/pulse_echo_cancel.py) before the speaker's and the microphone's streams open.
--input-device and --output-device then name the server's source and sink the module
records from and plays to (its source_master and sink_master), and the streams themselves
open on the module (the default device, pointed at it).

`auto` (the default) loads it where the server is PulseAudio itself and the in-process
speex+webrtc everywhere else. Measured on the rig (bench/history/barge-in.md, rounds ten and
eleven): on PulseAudio the module removed 44-58 dB of the echo against 16-20 in process,
nothing of its own voice was heard as words (the in-process canceller heard 1-5 phrases per
run), more real "stop"s cut the prompt (27/46 against 20/46) at a third of the CPU; on
PipeWire's pulse layer the module loaded but removed 2.5-5.5 dB. So `auto` goes quietly to
the in-process canceller where the module is not PulseAudio's or will not load: nobody asked
for the module, nothing is wrong (with --debug, one log line says which and why). An explicit
`pulse` loads it on any server and, where it cannot, says so in one line and uses
speex+webrtc, with the devices as PortAudio names them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any

AUTO = "auto"
SERVER_CANCELLER = "pulse"
FALLBACK = "speex+webrtc"
"""The in-process canceller: where the server's is not used, and ListeningSettings' own."""

log = logging.getLogger(__name__)


@dataclass
class ServerCanceller:
    """The module loaded for this session, and what prepare() changed in args to use it."""

    module: Any
    """audio/pulse_echo_cancel.EchoCancelModule (not imported here until it is needed)."""
    asked: bool
    """--echo-canceller pulse given (not auto): giving it up is said."""
    input_device: str | None
    output_device: str | None
    """The device options as given (cleared in args: the module has them as masters)."""

    def close(self) -> None:
        self.module.close()

    def give_up(self, args: argparse.Namespace, why: str) -> None:
        """Unload it before the microphone opens, the in-process canceller named instead.
        The devices the options named stay the ones used: the server's source and sink
        they resolved to (the module's masters), by PULSE_SOURCE / PULSE_SINK, as the
        module's own streams were (streams left on a module that goes away are moved to
        the server's default device, not the one asked for). One line where it was asked
        for."""
        self.module.close()  # PULSE_SINK / PULSE_SOURCE as they were before it
        if self.input_device is not None:
            os.environ["PULSE_SOURCE"] = self.module.source_master
        if self.output_device is not None:
            os.environ["PULSE_SINK"] = self.module.sink_master
        args.echo_canceller = FALLBACK
        if self.asked:
            _say(f"Echo canceller: the sound server's echo-cancel module is not used ({why}).")
        else:
            log.info("echo canceller (auto): the module unloaded (%s)", why)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def prepare(args: argparse.Namespace, barge_in: bool) -> ServerCanceller | None:
    """The server's canceller, loaded (close() unloads it; it is also unloaded at exit), or
    None: another canceller asked for, barge-in off, or not loadable. args.echo_canceller
    is left naming the canceller the listener uses: `auto` becomes "pulse" or FALLBACK."""
    asked = getattr(args, "echo_canceller", None)
    if asked not in (AUTO, SERVER_CANCELLER):
        return None
    if not barge_in:  # nothing is cancelled: nothing loaded
        args.echo_canceller = FALLBACK if asked == AUTO else asked
        return None
    from assistant.audio import pulse_echo_cancel

    input_device = getattr(args, "input_device", None)
    output_device = getattr(args, "output_device", None)
    try:
        module = pulse_echo_cancel.EchoCancelModule.load(
            input_device, output_device, pulseaudio_only=asked == AUTO
        )
    except pulse_echo_cancel.EchoCancelUnavailable as err:
        if asked == AUTO:
            log.info("echo canceller (auto): %s, as the module is not used (%s)", FALLBACK, err)
        else:
            _say(
                f"Echo canceller: the sound server's echo-cancel module could not be loaded "
                f"({err}); using {FALLBACK} instead."
            )
        args.echo_canceller = FALLBACK
        return None
    if asked == AUTO:
        log.info("echo canceller (auto): the sound server's echo-cancel module (PulseAudio)")
    args.echo_canceller = SERVER_CANCELLER
    # The module has them as its masters; our streams open on the module itself.
    args.input_device = args.output_device = None
    return ServerCanceller(module, asked == SERVER_CANCELLER, input_device, output_device)
