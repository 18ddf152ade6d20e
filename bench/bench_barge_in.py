"""Barge-in through a loudspeaker echo path, on a private PulseAudio server.

    python bench/bench_barge_in.py [--canceller webrtc|speex] [--stops 40] [--answers 40]

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
   time per wall second while speaking with barge-in (synthesis and Vosk included).

Recordings are the dev set's files that the tests do not use (held out from them): "stop"
from the 11th on, "yes"/"no" outside tests' first subset.
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
import barge_in_rig  # noqa: E402

from assistant.conversation import wording  # noqa: E402
from assistant.conversation.composer import Composer  # noqa: E402
from assistant.conversation.flow import FIXED, Flow  # noqa: E402
from assistant.conversation.machine import state_name  # noqa: E402
from assistant.conversation.understanding import INTENTS, START_QUESTION, Vocabulary  # noqa: E402
from assistant.paths import PROMPTS_DIR  # noqa: E402

STOPS_FROM = 10
"""The tests use stop recordings 0-9."""


class MeteredCanceller:
    """Wraps the session's canceller: energy in and out while the loudspeaker plays."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.frame_samples = inner.frame_samples
        self.needs_reference = inner.needs_reference
        self.energy_in = self.energy_out = 0.0
        self.metering = False

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        out = self.inner.process(captured, played)
        if self.metering and np.abs(played).max(initial=0) > audio_fixtures.AUDIBLE_LEVEL:
            self.energy_in += float(np.sum(captured.astype(np.float64) ** 2))
            self.energy_out += float(np.sum(out.astype(np.float64) ** 2))
        return out


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
    parser.add_argument("--canceller", default="webrtc", help="webrtc, speex or none")
    parser.add_argument("--headphones", action="store_true",
                        help="no echo path (with --canceller none)")  # fmt: skip
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="bench-pulse-"))
    server = audio_fixtures._start_pulse(base)
    os.environ.update(server.env)
    mic = audio_fixtures.VirtualMic(server.mic_fifo)
    echo = None if args.headphones else audio_fixtures.EchoPath(server)
    mic.echo = echo
    try:
        return run(args, mic, base)
    finally:
        import sounddevice

        sounddevice._terminate()  # before the server goes (bench_live.py says why)
        mic.echo = None
        if echo is not None:
            echo.close()
        mic.close()
        server.process.terminate()
        server.process.wait()


def run(args: argparse.Namespace, mic: audio_fixtures.VirtualMic, base: Path) -> int:
    from assistant.model_store import store

    model = store.find_model("en")
    assert model is not None, "no speech model: script/setup"
    flow = Flow.load(PROMPTS_DIR)
    composer = Composer(flow, wording.WordedTexts.load(flow, "en", PROMPTS_DIR))
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    pair = barge_in_rig.voice_pair(
        model, base / "config.toml", silence_timeout_ms=1500, echo_canceller=args.canceller
    )
    print(f"canceller: {args.canceller}" + (", headphones (no echo)" if args.headphones else ""))
    barge_in = pair.listener.barge_in
    assert barge_in is not None
    source = pair.listener._source
    meter = MeteredCanceller(source.canceller)
    source.canceller = meter
    said = prompts(flow, composer)
    if args.prompts != "all":
        said = said[: int(args.prompts)]
    rng = random.Random(args.seed)
    try:
        if not args.headphones:
            own_voice(pair, said, vocab, meter)
        stops(pair, said, vocab, mic, args.stops, rng)
        answers(pair, said, vocab, mic, args.answers)
        print(f"echo canceller: {source.compute_s / max(source.processed_s, 1e-9):.4f} x real time "
              f"({source.processed_s:.0f} s of audio)")  # fmt: skip
    finally:
        pair.close()
    return 0


def own_voice(pair, said, vocab, meter) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    false = 0
    heard: list[str] = []
    spoken_s = 0.0
    cpu_started, wall_started = time.process_time(), time.monotonic()
    meter.metering = True
    for name, text, question, hint in said:
        before = len(barge_in.heard)
        pair.listener.expect(vocab.phrases(INTENTS, question), question, hint)
        started = time.monotonic()
        pair.speaker.say(text)
        spoken_s += time.monotonic() - started
        if barge_in.take() is not None:
            false += 1
            print(f"  false interruption in {name}: {barge_in.last}")
        heard += [f"{name}: {h}" for h in barge_in.heard[before:]]
    meter.metering = False
    cpu = (time.process_time() - cpu_started) / (time.monotonic() - wall_started)
    erle = 10 * np.log10(meter.energy_in / max(meter.energy_out, 1.0))
    print(f"own voice: {len(said)} prompts, {spoken_s:.0f} s spoken: {false} false "
          f"interruptions, {len(heard)} phrases heard {heard}; echo removed {erle:.1f} dB; "
          f"process CPU {cpu:.2f} s per s")  # fmt: skip


def stops(pair, said, vocab, mic, count, rng) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    files = sorted((audio_fixtures.DEV_SET / "stop").glob("*.wav"))[STOPS_FROM:][:count]
    steps = [p for p in said if p[0] not in ("greeting", "start")]
    cut = 0
    latencies: list[float] = []
    for index, wav in enumerate(files):
        name, text, question, hint = steps[index % len(steps)]
        pair.listener.expect(vocab.phrases(INTENTS, question), question, hint)
        speaking = threading.Thread(target=pair.speaker.say, args=(text,))
        speaking.start()
        time.sleep(rng.uniform(1.0, 3.0))
        mic.write_wav(wav)
        speaking.join()
        utterance = barge_in.take()
        if utterance is not None and barge_in.last.intent == "stop":
            cut += 1
            latencies.append(pair.speaker.output.cut_at_dac_s - barge_in.last.word_end_adc_s)
        else:
            print(f"  not interrupted: {wav.name} over {name} ({utterance})")
        mic.wait_until_played()
    ms = sorted(1000 * x for x in latencies)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else float("nan")
    share = 100 * cut / max(1, len(files))
    print(f"stop over prompts: {cut}/{len(files)} interrupted ({share:.1f}%); "
          f"cut {statistics.median(ms) if ms else float('nan'):.0f} ms after the word "
          f"(median), p95 {p95:.0f} ms, max {max(ms, default=float('nan')):.0f} ms")  # fmt: skip


def held_out(label: str, count: int) -> list[Path]:
    first = set(audio_fixtures.FIRST_SUBSET.read_text(encoding="utf-8").split())
    files = sorted((audio_fixtures.DEV_SET / label).glob("*.wav"))
    return [f for f in files if f"{label}/{f.name}" not in first][:count]


def answers(pair, said, vocab, mic, count) -> None:  # type: ignore[no-untyped-def]
    barge_in = pair.listener.barge_in
    questions = [p for p in said if p[3] and p[0] not in ("greeting", "start")]
    questions = [p for p in questions if "yes or no" in p[3]]
    yeses, nos = held_out("yes", count - count // 2), held_out("no", count // 2)
    trials = [("yes", wav) for wav in yeses] + [("no", wav) for wav in nos]
    random.Random(0).shuffle(trials)
    right = flips = 0
    for index, (label, wav) in enumerate(trials):
        name, text, question, hint = questions[index % len(questions)]
        phrases = vocab.phrases(INTENTS, question)
        pair.listener.expect(phrases, question, hint)
        speaking = threading.Thread(target=pair.speaker.say, args=(text,))
        speaking.start()
        barge_in_rig.wait_until(lambda: barge_in.answers_open, 30.0)
        mic.write_wav(wav)
        utterance = pair.listener.listen(phrases, question)
        speaking.join()
        intent = vocab.parse(utterance.text, question) if utterance else None
        over = utterance is not None and utterance.barge_in_after_ms is not None
        if over and intent == label:
            right += 1
        else:
            flips += intent in ("yes", "no") and intent != label
            print(f"  {wav.name} over the hint of {name}: {utterance}")
        mic.wait_until_played()
    print(f"yes/no over the hint: {right}/{len(trials)} right "
          f"({100 * right / max(1, len(trials)):.1f}%), {flips} flips")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
