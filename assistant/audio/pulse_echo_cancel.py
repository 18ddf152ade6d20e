"""--echo-canceller pulse: the sound server's own echo canceller, loaded for this session.

PulseAudio's `module-echo-cancel` (and PipeWire's pulse layer, which has a module of that
name with other arguments) makes a sink and a source of its own: what is played to the sink
goes on to the user's loudspeaker and is the canceller's reference, and the source is the
user's microphone with that echo removed. EchoCancelModule.load() loads one on the user's
server (the default sink and source as its masters, never changing the user's defaults),
with names of our own that carry our process id, and points this process's sound streams at
it through PULSE_SINK / PULSE_SOURCE (read by libpulse, hence by the ALSA pulse plugin that
PortAudio opens, whenever a stream is opened after it). close() unloads it and restores the
environment; it also runs at exit (atexit: a normal end, Ctrl-C, SIGTERM and SIGHUP all end
the session normally: cli/stop_signals.py). A module of ours left by a run that was killed
(its process gone) is unloaded at the next load.

Everything goes through `pactl` (pulseaudio-utils; PipeWire ships it too): nothing to link.
EchoCancelUnavailable carries one sentence saying why it could not load; the caller falls
back to the in-process canceller. Measured against it in bench/history/barge-in.md, round ten.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import subprocess

PREFIX = "icloud_assistant_aec_"
"""Our sink and source names: PREFIX + <pid> + _speaker / _mic."""
WEBRTC_ARGS = "analog_gain_control=0 digital_gain_control=0 noise_suppression=0 extended_filter=1"
"""PulseAudio's webrtc canceller (the 0.3 series): no gain control (it would change the
user's level against the echo's, which the double-talk rules compare), no noise suppression
(the recognizer hears the voice as the microphone gave it), the extended filter for an echo
delay it does not know. Measured on the rig in round nine (bench/history/barge-in.md)."""
PACTL_TIMEOUT_S = 10.0
_NAME = re.compile(rf"sink_name={PREFIX}(\d+)_speaker")


class EchoCancelUnavailable(Exception):
    """The module could not be loaded; str() is one sentence saying why."""


def _pactl(*args: str) -> str:
    try:
        done = subprocess.run(
            ["pactl", *args], capture_output=True, text=True, timeout=PACTL_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise EchoCancelUnavailable("the sound server did not answer in time") from exc
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines() or [f"pactl exited with {done.returncode}"]
        raise EchoCancelUnavailable(reason[-1].rstrip("."))
    return done.stdout


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def our_modules() -> list[tuple[str, int]]:
    """(module index, owner pid) of every echo-cancel module of ours on the server."""
    found = []
    for line in _pactl("list", "short", "modules").splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and fields[1] == "module-echo-cancel":
            owner = _NAME.search(fields[2])
            if owner:
                found.append((fields[0], int(owner.group(1))))
    return found


def remove_stale() -> list[str]:
    """Unload the modules of ours whose process is gone (a killed run); their indexes."""
    removed = []
    for index, pid in our_modules():
        if pid != os.getpid() and not _alive(pid):
            try:
                _pactl("unload-module", index)
            except EchoCancelUnavailable:
                continue  # gone meanwhile
            removed.append(index)
    return removed


def _on_pipewire() -> bool:
    return "pipewire" in _pactl("info").lower()


class EchoCancelModule:
    """module-echo-cancel loaded for this process; this process's streams open on it."""

    def __init__(self, index: str, sink: str, source: str) -> None:
        self.index, self.sink, self.source = index, sink, source
        self._saved_env = {key: os.environ.get(key) for key in ("PULSE_SINK", "PULSE_SOURCE")}
        os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = sink, source
        self.closed = False
        atexit.register(self.close)

    @classmethod
    def load(cls) -> EchoCancelModule:
        """Load it on the user's server (stale ones of ours removed first); raises
        EchoCancelUnavailable without pactl, without a server, or when it will not load."""
        if shutil.which("pactl") is None:
            raise EchoCancelUnavailable("pactl is not installed (pulseaudio-utils)")
        remove_stale()
        name = f"{PREFIX}{os.getpid()}"
        sink, source = f"{name}_speaker", f"{name}_mic"
        args = [f"sink_name={sink}", f"source_name={source}", "rate=16000", "channels=1",
                "aec_method=webrtc"]  # fmt: skip
        if not _on_pipewire():  # PipeWire's module takes its canceller's settings otherwise
            args.append(f'aec_args="{WEBRTC_ARGS}"')
        index = _pactl("load-module", "module-echo-cancel", *args).strip()
        return cls(index, sink, source)

    def close(self) -> None:
        """Unload it and point new streams back at the user's defaults (once)."""
        if self.closed:
            return
        self.closed = True
        atexit.unregister(self.close)
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        # The server gone, or someone unloaded it: nothing left to undo.
        with contextlib.suppress(EchoCancelUnavailable):
            _pactl("unload-module", self.index)
