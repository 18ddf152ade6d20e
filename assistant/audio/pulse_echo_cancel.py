"""--echo-canceller pulse: the sound server's own echo canceller, loaded for this session.

PulseAudio's `module-echo-cancel` (and PipeWire's pulse layer, which has a module of that
name with other arguments) makes a sink and a source of its own: what is played to the sink
goes on to the user's loudspeaker and is the canceller's reference, and the source is the
user's microphone with that echo removed. EchoCancelModule.load() loads one on the user's
server (the server's default sink and source as its masters, or the ones --output-device and
--input-device name; the user's defaults are never changed),
with names of our own that carry our process id, and points this process's sound streams at
it through PULSE_SINK / PULSE_SOURCE (read by libpulse, hence by the ALSA pulse plugin that
PortAudio opens, whenever a stream is opened after it). close() unloads it and restores the
environment; it also runs at exit (atexit: a normal end, Ctrl-C, SIGTERM and SIGHUP all end
the session normally: cli/stop_signals.py). A module of ours left by a run that was killed
(its process gone) is unloaded at the next load. open_master_microphone() opens the master
source itself (the microphone before the module) as a second input: the echo the module
removes is measured from it (listening/echo_cancel.ServerEchoCanceller).

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
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

PREFIX = "icloud_assistant_aec_"
"""Our sink and source names: PREFIX + <pid> + _speaker / _mic."""
WEBRTC_ARGS = (
    "analog_gain_control=0 digital_gain_control=0 noise_suppression=0 extended_filter=1"
    " high_pass_filter=0"
)
"""PulseAudio's webrtc canceller (the 0.3 series): no gain control (it would change the
user's level against the echo's, which the double-talk rules compare), no noise suppression
and no high-pass filter (the recognizer hears the voice as the microphone gave it), the
extended filter for an echo delay it does not know. Measured on the rig in round nine
(bench/history/barge-in.md). The high-pass filter, on by default in the module, changed the
user's voice even with nothing played (hn1's Korean "그만" at waveform correlation 0.78 with
what was said, heard unsure at 0.79 instead of sure at 1.00: CI's failure after round
twelve's merge); without it the module passes the voice unchanged (correlation 1.0000 on 106
real recordings of the check half and on "그만"): "Round twelve, after the revert"."""
PACTL_TIMEOUT_S = 10.0
_NAME = re.compile(rf"sink_name={PREFIX}(\d+)_speaker")
_loaded: EchoCancelModule | None = None


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


def server_name(info: str) -> str:
    """The server's own name from `pactl info` ("pulseaudio"; PipeWire's pulse layer says
    "PulseAudio (on PipeWire 0.3.65)"); "" where it prints none."""
    for line in info.splitlines():
        if line.startswith("Server Name:"):
            return line.split(":", 1)[1].strip()
    return ""


def is_pulseaudio(info: str) -> bool:
    """PulseAudio itself, not PipeWire's pulse layer (whose module-echo-cancel removed 2.5-5.5
    dB of the rig's echo against PulseAudio's 17-91: bench/history/barge-in.md, round
    eleven): the only server where --echo-canceller auto loads the module."""
    name = server_name(info).lower()
    return "pulseaudio" in name and "pipewire" not in name


def _on_pipewire(info: str) -> bool:
    return "pipewire" in server_name(info).lower()


def _default(kind: str, info: str) -> str:
    """The server's default sink or source ("Sink" / "Source"), from `pactl info` (PulseAudio
    and PipeWire's pulse layer both print it)."""
    for line in info.splitlines():
        if line.startswith(f"Default {kind}:"):
            return line.split(":", 1)[1].strip()
    raise EchoCancelUnavailable(f"the sound server has no default {kind.lower()}")


def resolve(kind: str, wanted: str | None, info: str) -> str:
    """The server's sink ("sinks") or source ("sources") a device option names: its exact
    name, else the only one whose name contains it (case-insensitive; for sources, monitors
    of sinks only where no microphone matches); the default one for None. Raises
    EchoCancelUnavailable when none or several match. info: what `pactl info` printed."""
    if wanted is None or not str(wanted).strip():
        return _default("Sink" if kind == "sinks" else "Source", info)
    text = str(wanted).strip()
    what = "sink" if kind == "sinks" else "source"
    if text.isdigit():  # PortAudio's numbering (--list-devices), not the server's
        raise EchoCancelUnavailable(f"device {text} is a number; name the sound server's {what}")
    names = [
        fields[1]
        for fields in (line.split("\t") for line in _pactl("list", "short", kind).splitlines())
        if len(fields) >= 2 and not fields[1].startswith(PREFIX)
    ]
    if text in names:
        return text
    found = [name for name in names if text.lower() in name.lower()]
    if kind == "sources" and len(found) > 1:
        found = [name for name in found if not name.endswith(".monitor")] or found
    if len(found) == 1:
        return found[0]
    if not found:
        raise EchoCancelUnavailable(f"the sound server has no {what} named {text!r}")
    raise EchoCancelUnavailable(f"{text!r} names several {what}s of the sound server")


def loaded() -> EchoCancelModule | None:
    """The module this process loaded and has not closed, if any."""
    return _loaded


class EchoCancelModule:
    """module-echo-cancel loaded for this process; this process's streams open on it."""

    def __init__(
        self, index: str, sink: str, source: str, sink_master: str = "", source_master: str = ""
    ) -> None:
        global _loaded
        self.index, self.sink, self.source = index, sink, source
        self.sink_master, self.source_master = sink_master, source_master
        """The user's loudspeaker and microphone the module plays to and records from."""
        self._saved_env = {key: os.environ.get(key) for key in ("PULSE_SINK", "PULSE_SOURCE")}
        os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = sink, source
        self.closed = False
        atexit.register(self.close)
        _loaded = self

    @classmethod
    def load(
        cls,
        input_device: str | None = None,
        output_device: str | None = None,
        aec_method: str = "webrtc",
        pulseaudio_only: bool = False,
    ) -> EchoCancelModule:
        """Load it on the user's server (stale ones of ours removed first), its masters the
        source and sink input_device and output_device name (resolve(); None: the server's
        defaults). aec_method: "webrtc" (the product), or "null" (removes nothing: tests).
        pulseaudio_only: refuse any server but PulseAudio itself (is_pulseaudio).
        Raises EchoCancelUnavailable without pactl, without a server, on another server
        with pulseaudio_only, for a device the server does not have, or when it will not
        load."""
        if shutil.which("pactl") is None:
            raise EchoCancelUnavailable("pactl is not installed (pulseaudio-utils)")
        remove_stale()
        info = _pactl("info")  # read once: the defaults and the server's kind
        if pulseaudio_only and not is_pulseaudio(info):
            named = server_name(info) or "not named"
            raise EchoCancelUnavailable(f"the sound server is not PulseAudio ({named})")
        sink_master = resolve("sinks", output_device, info)
        source_master = resolve("sources", input_device, info)
        name = f"{PREFIX}{os.getpid()}"
        sink, source = f"{name}_speaker", f"{name}_mic"
        args = [f"sink_name={sink}", f"source_name={source}", "rate=16000", "channels=1",
                f"aec_method={aec_method}"]  # fmt: skip
        # PipeWire without its session manager names its defaults "@DEFAULT_SINK@": the
        # module then follows the default itself (and libpulse reads that name too).
        args += [f"{key}={name}" for key, name in (("sink_master", sink_master),
                 ("source_master", source_master)) if not name.startswith("@")]  # fmt: skip
        if aec_method == "webrtc" and not _on_pipewire(info):
            args.append(f'aec_args="{WEBRTC_ARGS}"')  # PipeWire's module takes others
        index = _pactl("load-module", "module-echo-cancel", *args).strip()
        return cls(index, sink, source, sink_master, source_master)

    def open_master_microphone(self, open_input: Callable[[], T]) -> T:
        """open_input() (a Microphone on the default device) with this process's new
        streams pointed at the master source instead of the module's: the microphone
        before the module. Called before any other stream of ours opens (while the session
        is built, on one thread): PULSE_SOURCE is read when a stream opens."""
        saved = os.environ.get("PULSE_SOURCE")
        os.environ["PULSE_SOURCE"] = self.source_master
        try:
            return open_input()
        finally:
            if saved is None:
                os.environ.pop("PULSE_SOURCE", None)
            else:
                os.environ["PULSE_SOURCE"] = saved

    def close(self) -> None:
        """Unload it and point new streams back at the user's defaults (once)."""
        global _loaded
        if self.closed:
            return
        self.closed = True
        if _loaded is self:
            _loaded = None
        atexit.unregister(self.close)
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        # The server gone, or someone unloaded it: nothing left to undo.
        with contextlib.suppress(EchoCancelUnavailable):
            _pactl("unload-module", self.index)
