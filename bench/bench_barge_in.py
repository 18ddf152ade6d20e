"""Barge-in through a loudspeaker echo path, on a private PulseAudio server.

    python bench/bench_barge_in.py [--canceller speex+webrtc|webrtc|speex|none|pulse]
        [--pulse-aec webrtc|speex] [--pulse-aec-args ARGS] [--headphones]
        [--half tune|check|all] [--stops N] [--answers N] [--phases own,stops,answers,cuts]
        [--no-linear] [--linear-observe] [--no-abort] [--no-keeper] [--echo-gain-db DB]
        [--stop-gain-db DB] [--details]

Starts the tests' sound server with the echo rig (tests/audio_fixtures.py: the speaker's
monitor mixed into the microphone at -6 dB, 40 ms late), builds the voice Speaker and
Listener as the assistant does (barge-in on, echo cancelled), and measures:

1. own voice: every prompt of the flow spoken whole through the echo path, nobody talking:
   false interruptions, phrases heard, and the echo removed (ERLE, dB, while speaking);
2. real "stop" recordings said 1-3 s into step prompts: how many interrupt, and the cut
   latency: from the end of the word (Vosk's alignment, capture clock) to the first block
   of silence handed to the output (DAC clock), median and p95;
3. real "yes"/"no" said over the answer hint of the questions: handled right (the
   interruption is that answer), flips (the other answer);
4. compute: the echo canceller's time per second of audio, and the whole process's CPU
   time per wall second while speaking with barge-in (synthesis and Vosk included);
5. cuts (only when asked): what a cut costs the next clip (play() of a 1 s tone right after
   one, and its first sound at the loudspeaker's monitor).

Recordings: with --half, the dev set's tune or check speakers (bench/dev_set_halves.py),
or all of them (--stops 0 / --answers 0: every file of the half); without it, as in the
first measurements, "stop" from the 11th file on and "yes"/"no" outside the tests' first
subset. --details prints, for every trial not right, what the monitor heard (text, word
times and confidences, the levels into and out of the canceller over the words) and what it
was still hearing, undecided, when the prompt ended.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

import audio_fixtures  # noqa: E402 - the tests' sound server and echo rig, reused on purpose
import barge_in_cpu  # noqa: E402
import barge_in_rig  # noqa: E402
import dev_set_halves  # noqa: E402
import parec_reader  # noqa: E402
import pulse_echo_cancel  # noqa: E402

from assistant.conversation import wording  # noqa: E402
from assistant.conversation.composer import Composer  # noqa: E402
from assistant.conversation.flow import FIXED, Flow  # noqa: E402
from assistant.conversation.machine import state_name  # noqa: E402
from assistant.conversation.understanding import INTENTS, START_QUESTION, Vocabulary  # noqa: E402
from assistant.paths import PROMPTS_DIR  # noqa: E402

STOPS_FROM = 10
"""The tests use stop recordings 0-9."""
MONITOR: MonitorLog | None = None
SERVER_CPU: pulse_echo_cancel.ProcessCpu | None = None
"""The sound server's CPU (where --canceller pulse cancels), per phase."""
RAW_MIC: pulse_echo_cancel.RawMicMeter | None = None
"""--canceller pulse: the microphone before the module (the echo removed)."""


class MeteredCanceller:
    """Wraps the session's canceller: energy in and out while the loudspeaker plays."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.frame_samples = inner.frame_samples
        self.needs_reference = inner.needs_reference
        self.energy_in = self.energy_out = 0.0
        self.samples_in = 0
        """Samples counted in energy_in (the echo's level: --details)."""
        self.energy_in_all = self.energy_out_all = 0.0
        """Every frame while metering, played or not (against RAW_MIC: --canceller pulse)."""
        self.metering = False
        self.kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None
        """--dump: every frame (captured, played, out) while metering."""

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)  # detects_echo, echo_removed_db (ServerEchoCanceller)

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        out = self.inner.process(captured, played)
        if self.metering:
            self.energy_in_all += float(np.sum(captured.astype(np.float64) ** 2))
            self.energy_out_all += float(np.sum(out.astype(np.float64) ** 2))
        if self.metering and self.kept is not None:
            self.kept.append((captured.copy(), played.copy(), out.copy()))
        if self.metering and np.abs(played).max(initial=0) > audio_fixtures.AUDIBLE_LEVEL:
            self.energy_in += float(np.sum(captured.astype(np.float64) ** 2))
            self.energy_out += float(np.sum(out.astype(np.float64) ** 2))
            self.samples_in += len(captured)
        return out

    @property
    def linear_out(self):  # type: ignore[no-untyped-def]
        """The cascade's output after its linear filter (the linear monitor's stream)."""
        return getattr(self.inner, "linear_out", None)


class MonitorLog:
    """The loudspeaker as heard: the null sink's monitor read 5 ms at a time by parec, each
    read's peak with its time. It checks the cut's output part independently of what
    PortAudio reports (the last sound of a cut prompt, against Player.cut_at_dac_s)."""

    def __init__(self, server) -> None:  # type: ignore[no-untyped-def]
        self.reads: list[tuple[float, int]] = []
        self._reader = parec_reader.ParecReader(
            server, f"{server.speaker_sink}.monitor", 5, 160, self._keep_peak
        )

    def _keep_peak(self, samples: np.ndarray) -> None:
        self.reads.append((time.monotonic(), int(np.abs(samples).max(initial=0))))

    def last_sound(self, since: float, until: float) -> float | None:
        """Monotonic time of the last read with sound in it between since and until."""
        loud = [t for t, peak in self.reads if since < t < until and peak > 1000]
        return loud[-1] if loud else None

    def close(self) -> None:
        self._reader.close()


def prompts(flow: Flow, composer: Composer) -> list[tuple[str, str, str | None, str]]:
    """(name, text, question, hint) of everything the flow says before listening."""
    out = [("greeting", composer.opening(), START_QUESTION, ""),
           ("start", composer.start_question(None, []), START_QUESTION, "")]  # fmt: skip
    for step in flow.steps:
        for node_id in (*(n.id for n in step.nodes), FIXED):
            state = state_name(step, node_id)
            question = "fixed?" if node_id == FIXED else node_id
            text = composer.prompt(state, [])
            out.append((state, text, question, composer.answer_hint(state)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stops", type=int, default=40)
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--prompts", default="all", help="all, or the first N prompts")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument(
        "--canceller",
        default="speex+webrtc",
        help="speex+webrtc, webrtc, speex, none, speex-linear (speex "
        "without its residual suppressor), or pulse (the sound server's module-echo-cancel: "
        "bench/pulse_echo_cancel.py)",
    )
    parser.add_argument(
        "--pulse-aec", default="webrtc", help="--canceller pulse: the module's aec_method"
    )
    parser.add_argument(
        "--pulse-aec-args",
        default=None,
        help="--canceller pulse: the module's aec_args (pulse_echo_cancel.DEFAULT_ARGS)",
    )
    parser.add_argument(
        "--no-echo-detector",
        action="store_true",
        help="cancel even when no echo is heard (as before the detector)",
    )
    parser.add_argument(
        "--headphones", action="store_true", help="no echo path (with --canceller none)"
    )
    parser.add_argument(
        "--half",
        choices=dev_set_halves.HALVES,
        default=None,
        help="recordings of the tune or check speakers, or all "
        "(bench/dev_set_halves.py); --stops/--answers 0: every one",
    )
    parser.add_argument(
        "--phases", default="own,stops,answers", help="which of own,stops,answers to run"
    )
    parser.add_argument(
        "--refuse-hint-words",
        action="store_true",
        help="refuse an answer over a hint that says it (the barge_in._says rule, as before)",
    )
    parser.add_argument(
        "--no-confirm-unsure",
        action="store_true",
        help="only confident phrases cut (rounds one and two): BargeIn.confirm_unsure off",
    )
    parser.add_argument(
        "--no-carry",
        action="store_true",
        help="the turn after the prompt starts afresh (rounds one and two): "
        "BargeIn.carry_unfinished off",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="save the own-voice phase's frames (captured, played, out), npz",
    )
    parser.add_argument(
        "--no-abort",
        action="store_true",
        help="a stop lets what the output has queued play out (before round five): "
        "playback.Player.abort_on_stop off",
    )
    parser.add_argument(
        "--monitor-stable-ms",
        type=float,
        default=None,
        help="how long a complete command must stay the partial over speech before it cuts "
        "(barge_in.MONITOR_EARLY_STABLE_MS; 40 before round four, 0: the first complete partial)",
    )
    parser.add_argument(
        "--no-linear",
        action="store_true",
        help="no linear monitor (BargeIn.linear_monitor off: rounds one to four)",
    )
    parser.add_argument(
        "--linear-free-pass-always",
        action="store_true",
        help="the linear monitor's recognizer checks every decision with the unrestricted "
        "pass (rounds five and six): BargeIn.linear_checks_only_double_talk off",
    )
    parser.add_argument(
        "--linear-observe",
        action="store_true",
        help="the linear monitor records what it hears but never cuts",
    )
    parser.add_argument(
        "--no-linear-answers",
        action="store_true",
        help="the linear monitor takes commands only (round five): BargeIn.linear_answers off",
    )
    parser.add_argument(
        "--linear-min-rise-db",
        type=float,
        default=None,
        help="barge_in.LINEAR_MIN_RISE_DB (the linear monitor's double-talk rule)",
    )
    parser.add_argument(
        "--no-keeper",
        action="store_true",
        help="with --abort: no silent second output stream (playback.Player.keep_device_awake)",
    )
    parser.add_argument(
        "--no-monitor-log",
        action="store_true",
        help="no parec on the loudspeaker's monitor (with --headphones: no client but the "
        "assistant's on the sound server, as in the tests without the echo rig)",
    )
    parser.add_argument(
        "--echo-gain-db",
        type=float,
        default=audio_fixtures.ECHO_GAIN_DB,
        help="the loudspeaker's level in the microphone (the rig: -6 dB)",
    )
    parser.add_argument(
        "--stop-gain-db",
        type=float,
        default=0.0,
        help="the user's recordings made this much louder (clipped), e.g. as people "
        "raise their voice over a loudspeaker",
    )
    parser.add_argument(
        "--unsure-min-echo-removed-db",
        type=float,
        default=None,
        help="barge_in.UNSURE_MIN_ECHO_REMOVED_DB (the unsure phrases' gate); with "
        "--canceller pulse the gate reads the removal ServerEchoCanceller measures against the "
        "module's master source",
    )
    parser.add_argument("--details", action="store_true",
                        help="what the monitor heard in every trial not right")  # fmt: skip
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="bench-pulse-"))
    server = audio_fixtures._start_pulse(base)
    os.environ.update(server.env)
    global SERVER_CPU, RAW_MIC
    SERVER_CPU = pulse_echo_cancel.ProcessCpu(server.process.pid)
    module = None
    if args.canceller == "pulse":
        if args.pulse_aec == "webrtc" and args.pulse_aec_args is None:
            from assistant.audio import pulse_echo_cancel as product_module

            module = product_module.EchoCancelModule.load()  # --echo-canceller pulse
            print(f"pulse echo-cancel: the product's module {module.index} ({module.sink}, "
                  f"{module.source}), aec_args={product_module.WEBRTC_ARGS!r}")  # fmt: skip
        else:
            pulse_echo_cancel.load(server, args.pulse_aec, args.pulse_aec_args)
        RAW_MIC = pulse_echo_cancel.RawMicMeter(server)
    mic = audio_fixtures.VirtualMic(server.mic_fifo)
    echo = None if args.headphones else audio_fixtures.EchoPath(server, gain_db=args.echo_gain_db)
    mic.echo = echo
    global MONITOR
    MONITOR = None if args.no_monitor_log else MonitorLog(server)
    try:
        return run(args, mic, base)
    finally:
        import sounddevice

        sounddevice._terminate()  # before the server goes (bench_live.py says why)
        mic.echo = None
        if echo is not None:
            echo.close()
        mic.close()
        if MONITOR is not None:
            MONITOR.close()
        if RAW_MIC is not None:
            RAW_MIC.close()
        if module is not None:
            module.close()
        server.process.terminate()
        server.process.wait()


def run(args: argparse.Namespace, mic: audio_fixtures.VirtualMic, base: Path) -> int:
    from assistant.model_store import store

    model = store.find_model("en")
    assert model is not None, "no speech model: script/setup"
    flow = Flow.load(PROMPTS_DIR)
    composer = Composer(flow, wording.WordedTexts.load(flow, "en", PROMPTS_DIR))
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    linear = args.canceller == "speex-linear"
    canceller = "speex" if linear else args.canceller
    pair = barge_in_rig.voice_pair(
        model, base / "config.toml", silence_timeout_ms=1500, echo_canceller=canceller,
    )  # fmt: skip
    print(f"canceller: {args.canceller}" + (", headphones (no echo)" if args.headphones else ""))
    barge_in = pair.listener.barge_in
    assert barge_in is not None
    barge_in.keep_unfinished = args.details
    barge_in.refuse_hint_words = args.refuse_hint_words
    barge_in.confirm_unsure = not args.no_confirm_unsure
    barge_in.carry_unfinished = not args.no_carry
    from assistant.listening import barge_in as barge_in_module

    pair.speaker.output.abort_on_stop = not args.no_abort
    pair.speaker.output.keep_device_awake = not args.no_keeper
    print(f"stop aborts the output: {pair.speaker.output.abort_on_stop}, silent stream kept "
          f"beside it: {pair.speaker.output.keep_device_awake}")  # fmt: skip
    if args.monitor_stable_ms is not None:
        barge_in_module.MONITOR_EARLY_STABLE_MS = args.monitor_stable_ms
    print(f"monitor decides on a complete partial stable for "
          f"{barge_in_module.MONITOR_EARLY_STABLE_MS:g} ms")  # fmt: skip
    print(f"confirm unsure: {barge_in.confirm_unsure}, carry to the turn: "
          f"{barge_in.carry_unfinished}")  # fmt: skip
    barge_in.linear_monitor = not args.no_linear
    barge_in.linear_acts = not args.linear_observe
    barge_in.linear_checks_only_double_talk = not args.linear_free_pass_always
    barge_in.linear_answers = not args.no_linear_answers
    if args.linear_min_rise_db is not None:
        barge_in_module.LINEAR_MIN_RISE_DB = args.linear_min_rise_db
    if args.unsure_min_echo_removed_db is not None:
        barge_in_module.UNSURE_MIN_ECHO_REMOVED_DB = args.unsure_min_echo_removed_db
    print(f"unsure phrases cut where at least {barge_in_module.UNSURE_MIN_ECHO_REMOVED_DB:g} dB "
          f"of echo were removed before them")  # fmt: skip
    print(f"linear monitor: {barge_in.linear_monitor}, acts: {barge_in.linear_acts}, "
          f"unrestricted pass only where it could act: "
          f"{barge_in.linear_checks_only_double_talk}, "
          f"answers (to confirm): {barge_in.linear_answers}, "
          f"min rise {barge_in_module.LINEAR_MIN_RISE_DB:g} dB; echo at "
          f"{args.echo_gain_db:g} dB, recordings {args.stop_gain_db:+g} dB")  # fmt: skip
    source = pair.listener._source
    if linear:
        from assistant.listening.echo_cancel import SpeexEchoCanceller

        source.canceller = SpeexEchoCanceller(source.sample_rate_hz, suppress_residual=False)
    if args.no_echo_detector:
        source.detector.add = lambda captured, played: None  # never decides: always cancels
    meter = MeteredCanceller(source.canceller)
    if args.dump:
        meter.kept = []
    source.canceller = meter
    said = prompts(flow, composer)
    if args.prompts != "all":
        said = said[: int(args.prompts)]
    rng = random.Random(args.seed)
    phases = args.phases.split(",")
    try:
        if not args.headphones and "own" in phases:
            own_voice(pair, said, vocab, meter, args.details)
            if args.dump:
                np.savez(args.dump, *(np.concatenate(x) for x in zip(*meter.kept, strict=True)))
        if "stops" in phases:
            stops(pair, said, vocab, mic, stop_files(args.half, args.stops), rng, args.details,
                  meter, args.stop_gain_db)  # fmt: skip
        if "cuts" in phases:
            cuts(pair.speaker.output, rng)
        if "answers" in phases:
            answers(pair, said, vocab, mic, answer_files(args.half, args.answers), args.details)
        shown = ", ".join("-" if db is None else f"{db:.0f}" for db in barge_in.unsure_echo_removed)
        print(f"unsure phrases that could cut, echo removed before them (dB): [{shown}]")
        print(f"echo canceller: {source.compute_s / max(source.processed_s, 1e-9):.4f} x real time "
              f"({source.processed_s:.0f} s of audio)")  # fmt: skip
        detector = getattr(source, "detector", None)
        if detector is not None and detector.correlations:
            c = detector.correlations
            print(f"echo detector: echo={detector.echo}; peak correlation per window with speech "
                  f"played: min {min(c):.2f}, median {statistics.median(c):.2f}, "
                  f"max {max(c):.2f} ({len(c)} windows)")  # fmt: skip
    finally:
        pair.close()
    return 0


def own_voice(pair, said, vocab, meter, details=False) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    since = len(barge_in.decisions)
    linear_since = len(barge_in.linear_decisions)
    false = 0
    heard: list[str] = []
    cpu_started, wall_started = time.process_time(), time.monotonic()
    synthesizer = barge_in_cpu.MeteredSynthesizer(pair.speaker.synthesizer)
    pair.speaker.synthesizer = synthesizer
    speaking = barge_in_cpu.SpeakingCpu(synthesizer, barge_in.reference.cpu)
    meter.metering = True
    if RAW_MIC is not None:
        RAW_MIC.metering = True
    if SERVER_CPU is not None:
        SERVER_CPU.start()
    carried = barge_in.carried_count
    turns_heard: list[str] = []
    for name, text, question, hint in said:
        before, carries = len(barge_in.heard), barge_in.carried_count
        phrases = vocab.phrases(INTENTS, question)
        pair.listener.expect(phrases, question, hint)
        speaking.measure(lambda text=text: pair.speaker.say(text))
        if barge_in.take() is not None:  # any cut, sure or to be confirmed
            false += 1
            print(f"  false interruption in {name}: {barge_in.last}")
        elif barge_in.carried_count > carries:
            # The turn after the prompt, as the dialog runs it, starts with what the monitor
            # heard since the answers opened: with nobody talking it must hear nothing.
            utterance = pair.listener.listen(phrases, question)
            if utterance is not None and utterance.text:
                turns_heard.append(f"{name}: {utterance.text}")
        heard += [f"{name}: {h}" for h in barge_in.heard[before:]]
    meter.metering = False
    if RAW_MIC is not None:
        RAW_MIC.metering = False
    pair.speaker.synthesizer = synthesizer.inner
    show_whole_phase(meter)
    if details:
        show_decisions(barge_in, since)
        show_linear(barge_in, linear_since)
    linear = barge_in.linear_decisions[linear_since:]
    phrases = [(d.text, _r(rise), _r(talk)) for _, d, rise, talk, _ in linear
               if d.text and d.in_grammar and d.confident]  # fmt: skip
    print(f"  linear monitor over the own voice: {len(linear)} decisions, "
          f"{sum(1 for _, d, *_ in linear if d.text)} with words; confident phrases "
          f"(text, rise, talk dB) {phrases}; acted on "
          f"{sum(1 for *_, acts in linear if acts)}")  # fmt: skip
    cpu = (time.process_time() - cpu_started) / (time.monotonic() - wall_started)
    erle = 10 * np.log10(meter.energy_in / max(meter.energy_out, 1.0))
    print(f"own voice: {len(said)} prompts, {speaking.spoken_s:.0f} s spoken: {false} false "
          f"interruptions, {len(heard)} phrases heard {heard}; "
          f"{barge_in.carried_count - carried} handed to the next turn, which heard "
          f"{len(turns_heard)} {turns_heard}; phrases refused without double "
          f"talk: {barge_in.without_double_talk}; words judged the prompt's own by their "
          f"audio: {barge_in.own_voice_refused}; echo removed "
          f"{erle:.1f} dB; process CPU {cpu:.2f} s per s")  # fmt: skip
    print(speaking.report())


def _half(label: str, half: str) -> list[Path]:
    return dev_set_halves.recordings(audio_fixtures.DEV_SET, half).get(label, [])


def stop_files(half: str | None, count: int) -> list[Path]:
    """Without --half: the held-out files of the first measurements (from the 11th on)."""
    if half is None:
        return sorted((audio_fixtures.DEV_SET / "stop").glob("*.wav"))[STOPS_FROM:][:count]
    files = _half("stop", half)
    return files[:count] if count else files


def answer_files(half: str | None, count: int) -> list[tuple[str, Path]]:
    """(label, file), shuffled: half yes, half no."""
    if half is None:
        yeses, nos = held_out("yes", count - count // 2), held_out("no", count // 2)
    else:
        yeses, nos = _half("yes", half), _half("no", half)
        if count:
            yeses, nos = yeses[: count - count // 2], nos[: count // 2]
    trials = [("yes", wav) for wav in yeses] + [("no", wav) for wav in nos]
    random.Random(0).shuffle(trials)
    return trials


def show_unfinished(barge_in, since: int, linear_since: int = 0) -> None:  # type: ignore[no-untyped-def]
    undecided = [("", partial, d) for partial, d in barge_in.unfinished[since:]]
    undecided += [("linear ", p, d) for p, d in barge_in.linear_unfinished[linear_since:]]
    for monitor, partial, d in undecided:
        words = " ".join(
            f"{w.word}@{w.start_s:.2f}-{w.end_s:.2f}:{w.confidence:.2f}" for w in d.words
        )
        print(
            f"      {monitor}undecided at the prompt's end: partial {partial!r}, flushed "
            f"{d.text!r} confident={d.confident} [{words}]"
        )


def show_decisions(barge_in, since: int) -> None:  # type: ignore[no-untyped-def]
    """--details: every decision of the monitor since index `since`."""
    for _, d, levels in barge_in.decisions[since:]:
        words = " ".join(
            f"{w.word}@{w.start_s:.2f}-{w.end_s:.2f}:{w.confidence:.2f}" for w in d.words
        )
        print(
            f"      heard {d.text!r} conf {d.confidence:.2f} confident={d.confident} "
            f"in_grammar={d.in_grammar} {d.reason} at {d.decided_at_ms:.0f} ms [{words}] "
            f"levels in/out/played/linear, talk {_db(levels)}"
        )


def _command(barge_in, d) -> bool:  # type: ignore[no-untyped-def]
    from assistant.listening.barge_in import INTERRUPTING_COMMANDS

    return bool(d.text and d.in_grammar and d.confident
                and barge_in._meaning(d.text) in INTERRUPTING_COMMANDS)  # fmt: skip


def show_linear(barge_in, since: int) -> None:  # type: ignore[no-untyped-def]
    """--details: every decision of the linear monitor with words since index `since`."""
    for _, d, rise, talk, acts in barge_in.linear_decisions[since:]:
        if not d.text:
            continue
        words = " ".join(
            f"{w.word}@{w.start_s:.2f}-{w.end_s:.2f}:{w.confidence:.2f}" for w in d.words
        )
        shown = f"{_r(rise)}, talk {_r(talk)}"
        print(
            f"      linear heard {d.text!r} conf {d.confidence:.2f} confident={d.confident} "
            f"in_grammar={d.in_grammar} {d.reason} [{words}] rise {shown} dB, acts {acts}"
        )


def _r(db: float | None) -> float | None:
    return None if db is None else round(db, 1)


def _db(levels) -> str:  # type: ignore[no-untyped-def]
    return "-" if levels is None else "/".join("-" if x is None else f"{x:.0f}" for x in levels)


def _loud_db(samples: np.ndarray) -> float:
    """Level (dB, int16 power) of a recording's loud part: the 10 ms frames within 20 dB of
    its loudest, so a word's silence around it does not count."""
    frames = samples[: len(samples) // 160 * 160].reshape(-1, 160)
    power = np.mean(frames * frames, axis=1)
    loud = power[power >= power.max() / 100.0]
    return float(10 * np.log10(max(float(np.mean(loud)), 1.0)))


def write_word(mic, wav: Path, gain_db: float) -> None:  # type: ignore[no-untyped-def]
    if not gain_db:
        mic.write_wav(wav)
        return
    samples = audio_fixtures.read_wav_16k_mono(wav).astype(np.float64) * 10 ** (gain_db / 20)
    mic.write_samples(np.clip(samples, -32768, 32767).astype(np.int16))


def show_whole_phase(meter: MeteredCanceller) -> None:
    """The echo removed over every frame of the phase, played or not (the microphone before
    the module for --canceller pulse, else the canceller's input), and the sound server's
    CPU (where the module cancels)."""
    raw = RAW_MIC.energy if RAW_MIC is not None else meter.energy_in_all
    removed = 10 * np.log10(max(raw, 1.0) / max(meter.energy_out_all, 1.0))
    server = "-" if SERVER_CPU is None else f"{SERVER_CPU.stop():.3f}"
    print(f"  whole phase: echo removed {removed:.1f} dB (microphone "
          f"{'before the module' if RAW_MIC is not None else 'into the canceller'}); "
          f"sound server CPU {server} s per s")  # fmt: skip


def stops(pair, said, vocab, mic, files, rng, details=False, meter=None, stop_gain_db=0.0) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    steps = [p for p in said if p[0] not in ("greeting", "start")]
    cut = confirmed = wrong = at_end = 0
    said_over = cut_over = late_heard = 0
    """Trials whose word ended while the prompt played, of them interrupted; misses whose
    "stop" the turn after the prompt heard (from the audio the monitor handed it)."""
    latencies: list[float] = []
    heard_after: list[float] = []
    """Last sound at the monitor (parec, on the stream clock) minus the cut's reported time."""
    deciding: list[float] = []
    before_word_db: list[float] = []
    """Echo removed over each prompt before the user speaks (after the previous cut)."""
    reasons: list[str] = []
    """From the end of the word to the end of the audio the recognizer had decided on."""
    by_linear = 0
    linear_stops: list[tuple[bool, float | None]] = []
    """Per trial where the linear monitor heard a confident "stop": (cut, its rise dB)."""
    word_vs_echo: list[float] = []
    """The word's level (its loud part) against the echo's in the microphone before it, dB."""
    if SERVER_CPU is not None:
        SERVER_CPU.start()
    for index, wav in enumerate(files):
        name, text, question, hint = steps[index % len(steps)]
        pair.listener.expect(vocab.phrases(INTENTS, question), question, hint)
        since, since_unfinished = len(barge_in.decisions), len(barge_in.unfinished)
        linear_since = len(barge_in.linear_decisions)
        linear_unfinished_since = len(barge_in.linear_unfinished)
        speaking = threading.Thread(target=pair.speaker.say, args=(text,))
        pair.speaker.output.cut_at_dac_s = None
        trial_started = time.monotonic()
        if meter is not None:
            meter.energy_in = meter.energy_out = 0.0
            meter.samples_in = 0
            meter.metering = True
        speaking.start()
        time.sleep(rng.uniform(1.0, 3.0))
        if meter is not None:
            meter.metering = False
            if meter.energy_in > 0:
                before_word_db.append(10 * np.log10(meter.energy_in / max(meter.energy_out, 1.0)))
                word = audio_fixtures.read_wav_16k_mono(wav).astype(np.float64)
                echo_db = 10 * np.log10(meter.energy_in / meter.samples_in)
                word_vs_echo.append(_loud_db(word) + stop_gain_db - echo_db)
        written = time.monotonic()
        write_word(mic, wav, stop_gain_db)
        speaking.join()
        joined = time.monotonic()
        # Did the word end while the prompt still played? The clip's last sound, written in
        # real time from `written` (the rig adds ~0.1 s: the writer's lead, the fifo, the
        # capture), against say()'s return once the prompt had played out or been cut.
        _, word_end_in_clip_s = barge_in_rig.sound_spans_s(
            audio_fixtures.read_wav_16k_mono(wav), audio_fixtures.MIC_SAMPLE_RATE_HZ
        )
        over_prompt = written + word_end_in_clip_s < joined
        utterance = barge_in.take()
        if utterance is None:
            # As the dialog does: the turn after the prompt, with what the monitor handed it.
            after = pair.listener.listen(vocab.phrases(INTENTS, question), question)
            late_heard += bool(after and vocab.parse(after.text, question) == "stop")
        else:
            barge_in.take_carried()  # the interruption is the turn
        said_over += over_prompt
        heard = [(rise, talk) for _, d, rise, talk, _ in barge_in.linear_decisions[linear_since:]
                 if d.text == "stop" and d.confident]  # fmt: skip
        got = utterance is not None and barge_in.last.intent == "stop"
        if heard:
            linear_stops.append((got and barge_in.interrupted_by == "main", *heard[0]))
        if details:
            how = f"cut by the {barge_in.interrupted_by} monitor" if got else "missed"
            print(f"  trial {index}: {wav.name} over {name}: {how}; linear heard a confident "
                  f"stop: {[(_r(r), _r(t)) for r, t in heard]}")  # fmt: skip
        if got:
            # An unsure one is asked about ("Did you say stop?"): right once confirmed.
            cut += 1
            cut_over += over_prompt
            by_linear += barge_in.interrupted_by == "linear"
            confirmed += not utterance.confident
            if pair.speaker.output.cut_at_dac_s is None:  # decided as the prompt ended
                at_end += 1
                mic.wait_until_played()
                continue
            latencies.append(pair.speaker.output.cut_at_dac_s - barge_in.last.word_end_adc_s)
            stream = pair.speaker.output._stream
            time.sleep(0.3)  # the monitor's reads come in
            last = MONITOR.last_sound(trial_started, joined + 0.3) if MONITOR else None
            if last is not None and stream is not None:
                clock_offset = stream.time - time.monotonic()
                heard_after.append(last + clock_offset - pair.speaker.output.cut_at_dac_s)
            deciding.append(barge_in.last.decided_adc_s - barge_in.last.word_end_adc_s)
            reasons.append(barge_in.last.reason)
            if details:
                cut_ms, decided_ms = 1000 * latencies[-1], 1000 * deciding[-1]
                print(f"    cut {cut_ms:.0f} ms after the word (decided {decided_ms:.0f} ms "
                      f"after it, {barge_in.last.reason})")  # fmt: skip
            if details and not utterance.confident:
                print(f"  cut unsure, to confirm: {wav.name} over {name} ({utterance})")
            if details and barge_in.interrupted_by == "main":
                show_decisions(barge_in, since)
        else:
            wrong += utterance is not None
            print(f"  not interrupted: {wav.name} over {name} ({utterance})")
            print(f"    the word ended {'over the prompt' if over_prompt else 'after it'}")
            if details:
                show_decisions(barge_in, since)
                show_unfinished(barge_in, since_unfinished, linear_unfinished_since)
        if details:
            show_linear(barge_in, linear_since)
        mic.wait_until_played()
    ms = sorted(1000 * x for x in latencies)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else float("nan")
    share = 100 * cut / max(1, len(files))
    if SERVER_CPU is not None:
        print(f"  sound server CPU over the stops phase: {SERVER_CPU.stop():.3f} s per s")
    print(f"stop over prompts: {cut}/{len(files)} interrupted ({share:.1f}%); "
          f"{confirmed} of them unsure, to be confirmed; {at_end} of them taken as the prompt "
          f"ended, not cut; {wrong} cut on another command; "
          f"cut {statistics.median(ms) if ms else float('nan'):.0f} ms after the word "
          f"(median), p95 {p95:.0f} ms, max {max(ms, default=float('nan')):.0f} ms")  # fmt: skip
    print(
        f"  of the trials whose word ended while the prompt played: {cut_over}/{said_over} "
        f"interrupted; the others' words ended after the prompt (short prompts: fixed?); of "
        f'all the misses, the turn after the prompt heard "stop" in {late_heard}'
    )
    missed = sorted(((_r(r), _r(t)) for m, r, t in linear_stops if not m), key=str)
    caught = sorted(((_r(r), _r(t)) for m, r, t in linear_stops if m), key=str)
    print(
        f"  words judged the prompt's own by their audio (no double talk): "
        f"{barge_in.own_voice_refused} over the whole run"
    )
    print(f"  cut by the linear monitor: {by_linear}; trials where it heard a confident "
          f"\"stop\": {len(linear_stops)}; (rise, talk dB) where the main monitor had not "
          f"cut: {missed}, where it had: {caught}")  # fmt: skip
    if word_vs_echo:
        print(f"  the word's level against the echo's (loud part of the recording vs the "
              f"microphone's level over the prompt before it): median "
              f"{statistics.median(word_vs_echo):+.1f} dB, range {min(word_vs_echo):+.1f} "
              f"to {max(word_vs_echo):+.1f} dB")  # fmt: skip
    if before_word_db:
        print(f"  echo removed over each prompt before the word (the canceller after the "
              f"previous cut): median {statistics.median(before_word_db):.1f} dB, lowest "
              f"{min(before_word_db):.1f} dB ({len(before_word_db)} prompts)")  # fmt: skip
    if deciding:
        decide_ms = statistics.median(1000 * x for x in deciding)
        output_ms = statistics.median(
            1000 * (a - b) for a, b in zip(latencies, deciding, strict=True)
        )
        print(f"  of which: word end -> decided audio {decide_ms:.0f} ms (median), decided "
              f"audio -> first silent block at the DAC {output_ms:.0f} ms (median)")  # fmt: skip
        if heard_after:
            print(f"  check: last sound at the loudspeaker's monitor minus the reported cut time "
                  f"{statistics.median(1000 * x for x in heard_after):.0f} ms (median; parec's "
                  f"5 ms reads; a prompt's pause at the cut makes it negative)")  # fmt: skip
        for kind in sorted({r.split("+")[0] for r in reasons}):
            mine = [1000 * x for x, r in zip(latencies, reasons, strict=True) if r.startswith(kind)]
            print(f"  decided {kind}: {len(mine)} cuts, median {statistics.median(mine):.0f} ms")
        late = [1000 * x for x, r in zip(latencies, reasons, strict=True) if "after-pause" in r]
        if late:
            print(f"  after a pause: {len(late)} cuts, median {statistics.median(late):.0f} ms")


def cuts(player, rng, count: int = 10) -> None:  # type: ignore[no-untyped-def]
    """What a cut costs the next clip: a 3 s tone stopped 0.6-1.2 s in, then at once a 1 s
    tone: how long its play() takes (1 s plus the output latency when nothing waits) and
    when its first sound reaches the loudspeaker's monitor after play() was called."""
    rate = 22050
    t = np.arange(rate * 3) / rate
    long_tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    short_tone = long_tone[:rate]
    player.play(np.zeros(rate // 10, np.float32), rate)  # the output has started
    took, first = [], []
    for _ in range(count):
        timer = threading.Timer(rng.uniform(0.6, 1.2), player.stop)
        timer.start()
        player.play(long_tone, rate)
        timer.join()
        time.sleep(0.05)  # the dialog's turn: the utterance handed over, the next prompt made
        called = time.monotonic()
        player.play(short_tone, rate)
        took.append(time.monotonic() - called)
        time.sleep(0.4)
        sound = [t for t, peak in MONITOR.reads if t > called and peak > 1000] if MONITOR else []
        if sound:
            first.append(sound[0] - called)
    print(f"next clip after a cut ({count}): play() of a 1 s clip took median "
          f"{statistics.median(took):.2f} s (max {max(took):.2f}); first sound at the monitor "
          f"{1000 * statistics.median(first or [np.nan]):.0f} ms after play() (median; max "
          f"{1000 * max(first or [np.nan]):.0f} ms); restarts {player.restarts}")  # fmt: skip


def held_out(label: str, count: int) -> list[Path]:
    first = set(audio_fixtures.FIRST_SUBSET.read_text(encoding="utf-8").split())
    files = sorted((audio_fixtures.DEV_SET / label).glob("*.wav"))
    return [f for f in files if f"{label}/{f.name}" not in first][:count]


def answers(pair, said, vocab, mic, trials, details=False) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    questions = [p for p in said if p[3] and p[0] not in ("greeting", "start")]
    questions = [p for p in questions if "yes or no" in p[3]]
    right = flips = after = unsure = asked_other = carried = by_linear = 0
    for index, (label, wav) in enumerate(trials):
        name, text, question, hint = questions[index % len(questions)]
        phrases = vocab.phrases(INTENTS, question)
        pair.listener.expect(phrases, question, hint)
        since, carries = len(barge_in.decisions), barge_in.carried_count
        linear_since = len(barge_in.linear_decisions)
        barge_in.interrupted_by = ""
        speaking = threading.Thread(target=pair.speaker.say, args=(text,))
        speaking.start()
        barge_in_rig.wait_until(lambda: barge_in.answers_open, 30.0)
        mic.write_wav(wav)
        # As the dialog does: the turn listens once the prompt has ended (or been cut). (The
        # first measurements called listen() while the prompt still played, so the turn and
        # the monitor shared the microphone's blocks.)
        speaking.join()
        utterance = pair.listener.listen(phrases, question)
        intent = vocab.parse(utterance.text, question) if utterance else None
        over = utterance is not None and utterance.barge_in_after_ms is not None
        handed = barge_in.carried_count > carries
        # Right: that answer, at once or once confirmed ("Did you say yes?", the dialog's
        # rule for an unsure answer), heard over the hint or by the turn from the audio the
        # monitor handed it. A flip: the other answer, sure, acted on without asking.
        sure = utterance is not None and utterance.confident
        if intent == label and (over or handed):
            right += 1
            unsure += not sure
            carried += not over
            by_linear += over and barge_in.interrupted_by == "linear"
        else:
            flips += intent in ("yes", "no") and intent != label and sure
            asked_other += intent in ("yes", "no") and intent != label and not sure
            after += intent == label
            print(f"  {wav.name} ({label}) over the hint of {name}: {utterance} "
                  f"(cut by: {barge_in.interrupted_by or '-'})")  # fmt: skip
            if details:
                show_decisions(barge_in, since)
                show_linear(barge_in, linear_since)
        mic.wait_until_played()
    print(f"yes/no over the hint: {right}/{len(trials)} right "
          f"({100 * right / max(1, len(trials)):.1f}%; {unsure} of them unsure, to be "
          f"confirmed; {by_linear} by the linear monitor, always to be confirmed; {carried} "
          f"decided by the turn from the audio handed to it), {flips} "
          f"flips, {asked_other} asked about the other answer; {after} more heard right by "
          f"the turn after the prompt")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
