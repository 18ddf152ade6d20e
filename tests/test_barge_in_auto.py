"""--echo-canceller auto, the default: the sound server's echo-cancel module where the server
is PulseAudio itself, the in-process speex+webrtc elsewhere (PipeWire, no server, no pactl),
chosen quietly. On the private test server (tests/audio_fixtures.py: PulseAudio, or PipeWire
with ASSISTANT_TEST_SOUND_SERVER=pipewire) the session itself is run; nothing of the sound
path is mocked.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from audio_fixtures import SOUND_SERVER_ENV, read_wav_16k_mono
from barge_in_rig import wait_until
from test_barge_in import stop_files
from test_barge_in_cli import AT_DEFAULT_RATE, GREETING_MARK, wait_for
from test_barge_in_pulse import _modules, _streams_on, assert_streams_on_the_module, interrupt
from test_voice_e2e import Session

from assistant.audio import pulse_echo_cancel
from assistant.cli import echo_canceller_choice, listening_options

PULSEAUDIO_INFO = """Server String: unix:/tmp/tmppngsrp17/runtime/pulse/native
Library Protocol Version: 35
Server Protocol Version: 35
Is Local: yes
Client Index: 1
Tile Size: 65472
User Name: root
Host Name: vm
Server Name: pulseaudio
Server Version: 16.1
Default Sample Specification: s16le 2ch 44100Hz
Default Channel Map: front-left,front-right
Default Sink: speaker
Default Source: mic
Cookie: e3a3:f7bb
"""
"""`pactl info` on the rig's PulseAudio 16.1 (copied from a run)."""
PIPEWIRE_INFO = """Server String: unix:/tmp/tmp_h885hif/runtime/pulse/native
Library Protocol Version: 35
Server Protocol Version: 35
Is Local: yes
Client Index: 54
Tile Size: 65472
User Name: root
Host Name: vm
Server Name: PulseAudio (on PipeWire 0.3.65)
Server Version: 15.0.0
Default Sample Specification: float32le 2ch 48000Hz
Default Channel Map: front-left,front-right
Default Sink: speaker
Default Source: mic
Cookie: 6a9a:c3c0
"""
"""`pactl info` on PipeWire 0.3.65's pulse layer (the rig with ASSISTANT_TEST_SOUND_SERVER=
pipewire, copied from a run): it calls itself PulseAudio too."""
AUTO_MODULE_LOG = "echo canceller (auto): the sound server's echo-cancel module"
AUTO_IN_PROCESS_LOG = "echo canceller (auto): speex+webrtc"


def test_auto_is_the_default_and_every_other_choice_is_kept() -> None:
    parser = argparse.ArgumentParser()
    listening_options.add_arguments(parser)
    assert parser.parse_args([]).echo_canceller == "auto"
    for name in ("speex+webrtc", "webrtc", "speex", "none", "pulse"):
        assert parser.parse_args(["--echo-canceller", name]).echo_canceller == name


def test_only_pulseaudio_itself_gets_the_module() -> None:
    """The decision on `pactl info`: PipeWire's pulse layer names itself PulseAudio too."""
    assert pulse_echo_cancel.is_pulseaudio(PULSEAUDIO_INFO)
    assert not pulse_echo_cancel.is_pulseaudio(PIPEWIRE_INFO)
    assert not pulse_echo_cancel.is_pulseaudio("")  # pactl printed nothing useful


@pytest.mark.parametrize("why", ["no server", "no pactl"])
def test_without_a_server_auto_is_the_in_process_canceller_and_says_nothing(
    why: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real pactl that finds no server at PULSE_SERVER, or no pactl on PATH: nobody asked
    for the module, so no line; the devices as given."""
    if why == "no server":
        monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/assistant-test/native")
    else:
        monkeypatch.setenv("PATH", "/nonexistent")
    args = argparse.Namespace(echo_canceller="auto", input_device="2", output_device=None)
    assert echo_canceller_choice.prepare(args, barge_in=True) is None
    assert args.echo_canceller == "speex+webrtc" and args.input_device == "2"
    assert capsys.readouterr().err == ""
    assert "PULSE_SINK" not in os.environ and "PULSE_SOURCE" not in os.environ


@pytest.mark.audio
def test_with_barge_in_off_auto_loads_nothing(pulse_server) -> None:
    """On the rig's server, where it would load: nothing cancelled, nothing loaded."""
    args = argparse.Namespace(echo_canceller="auto")
    assert echo_canceller_choice.prepare(args, barge_in=False) is None
    assert args.echo_canceller == "speex+webrtc"
    assert _modules(pulse_server) == [] and "PULSE_SOURCE" not in os.environ


def _on_pipewire() -> bool:
    return os.environ.get(SOUND_SERVER_ENV, "pulseaudio") == "pipewire"


@pytest.mark.audio
def test_the_default_session_uses_the_module_on_pulseaudio_and_not_on_pipewire(
    pulse_server, virtual_mic, echo_path, vosk_model_dir, tmp_path
):
    """`python -m assistant` with no canceller named. On the rig's PulseAudio: the module
    loaded by the run, its playback on the module's sink and its microphone on the module's
    source; on PipeWire (ASSISTANT_TEST_SOUND_SERVER=pipewire): no module, the playback on
    the speaker itself. Either way nothing printed about it (one log line with --debug,
    which the test session runs with), and after Ctrl-C no module of ours."""
    run = Session(pulse_server, tmp_path, vosk_model_dir, AT_DEFAULT_RATE)
    try:
        wait_for(run, GREETING_MARK)
        if _on_pipewire():
            assert _modules(pulse_server) == [], run.transcript()
            assert wait_until(
                lambda: _streams_on(pulse_server, "sink-inputs", pulse_server.speaker_sink) >= 1,
                10.0,
            )
            assert AUTO_IN_PROCESS_LOG in run.transcript(), run.transcript()
        else:
            assert_streams_on_the_module(pulse_server, run)
            assert AUTO_MODULE_LOG in run.transcript(), run.transcript()
        assert "Echo canceller:" not in run.transcript()
        interrupt(run)
    finally:
        run.kill()
    assert _modules(pulse_server) == [], run.transcript()


@pytest.mark.audio
@pytest.mark.parametrize("canceller", ["auto", "pulse"])
def test_with_speech_written_to_files_the_microphone_is_the_one_named(
    canceller, pulse_server, virtual_mic, vosk_model_dir, tmp_path
):
    """--speak-to: no voice on the loudspeaker, nothing to hear over, so the module loaded
    for barge-in is given up before the microphone opens. --input-device names the rig's
    microphone while the server's default source is a decoy (another sink's monitor): the
    microphone must record from the one named, and a real "stop" said when it listens ends
    the session. (Unloaded after the microphone had opened on the module's source, the
    server moved its stream to its default: the decoy, where nothing was said.) `pulse`,
    asked for, says in one line that it is not used; `auto` says nothing."""
    decoy = pulse_server.pactl("load-module", "module-null-sink", "sink_name=decoy").strip()
    extra = ("--speak-to", str(tmp_path / "spoken"), "--echo-canceller", canceller)
    if _on_pipewire() and canceller == "auto":
        pass  # nothing loaded there: --input-device is PortAudio's name, the decoy not used
    else:
        pulse_server.pactl("set-default-source", "decoy.monitor")
        extra += ("--input-device", pulse_server.mic_source)
    run = Session(pulse_server, tmp_path, vosk_model_dir, (*AT_DEFAULT_RATE, *extra))
    try:
        run.wait_until_listening()
        assert _modules(pulse_server) == [], run.transcript()
        assert _streams_on(pulse_server, "source-outputs", pulse_server.mic_source) >= 1
        assert _streams_on(pulse_server, "source-outputs", "decoy.monitor") == 0
        virtual_mic.silence(300)
        virtual_mic.write_samples(read_wav_16k_mono(stop_files()[5]))
        report = run.finish()
    finally:
        run.kill()
        pulse_server.pactl("set-default-source", pulse_server.mic_source)
        pulse_server.pactl("unload-module", decoy)
    assert report["outcome"] == "stopped", run.transcript()
    assert report["turns"][-1]["intent"] == "stop", report["turns"]
    said = [line for line in run.output if line.startswith("Echo canceller:")]
    if canceller == "pulse":
        assert len(said) == 1 and "not used (no speech played aloud)" in said[0], said
    else:
        assert said == [], said
    assert any(Path(tmp_path / "spoken").iterdir())
