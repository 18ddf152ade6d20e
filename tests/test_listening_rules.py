"""The rules of listening as pure logic: no model, no sound server.

Grammar building, the end-of-answer (early decision) rule, Decision -> Utterance, the
unrestricted pass's rules, the microphone loop and choosing an engine by name. The same
rules run on real audio in test_recognition.py and test_voice_input.py.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import numpy as np
import pytest

from assistant.conversation.prompt_files import PromptError
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import background_speech, free_pass, grammar, listen_loop
from assistant.listening.decision_to_utterance import dialog_text, to_utterance
from assistant.listening.end_of_answer import EndOfAnswer
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import (
    UNK,
    Decision,
    RecognizerUnavailable,
    Word,
    engine_loader,
)
from assistant.listening.settings import ListeningSettings

REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
VOCAB = Vocabulary.load("en")


def words(*spec: str | tuple[str, float]) -> list[Word]:
    """Words 0.3 s apart; a tuple gives the confidence."""
    out = []
    for i, item in enumerate(spec):
        word, conf = item if isinstance(item, tuple) else (item, 1.0)
        out.append(Word(word, conf, 0.3 * i, 0.3 * i + 0.25))
    return out


def decided(*spec: str | tuple[str, float], phrases=("yes", "no", "go back", "stop")) -> Decision:
    return grammar.decide_words(words(*spec), set(phrases), {"hello", "water"}, 0.85, 500, "early")


# --- grammar ---------------------------------------------------------------------------------


def test_phrases_are_cleaned_and_those_with_unknown_words_dropped():
    kept, dropped = grammar.split_known(
        ["Yes", "no", "yes", "zzqx blorf", "go  back"], lambda w: w != "zzqx"
    )
    assert kept == ["yes", "no", "go back"]
    assert dropped == ["zzqx blorf"]


def test_distractors_leave_out_phrase_words_and_words_the_model_lacks():
    chosen = grammar.choose_distractors(
        ["hello", "water", "zzqx", UNK], ["hello there", "yes"], lambda w: w != "zzqx"
    )
    assert chosen == ["water"]
    assert grammar.grammar_entries(["yes"], chosen) == ["yes", "water", UNK]


def test_phrase_sequences_follow_the_looping_grammar():
    phrases = {"no", "stop", "go back"}
    assert grammar.is_phrase_sequence("no stop", phrases)
    assert grammar.is_phrase_sequence("go back", phrases)
    assert not grammar.is_phrase_sequence("go", phrases)
    assert not grammar.is_phrase_sequence("", phrases)


def test_a_confident_phrase_a_doubtful_one_and_one_mixed_with_distractors():
    assert decided("yes").confident
    doubtful = decided(("no", 0.6))
    assert (doubtful.text, doubtful.confident, doubtful.in_grammar) == ("no", False, True)
    mixed = decided("hello", "no")
    assert (mixed.text, mixed.confident) == ("no", False)
    assert decided("water").text == "water" and not decided("water").in_grammar
    assert decided(UNK).text == UNK
    assert decided().text == "" and decided().confident


# --- the end of an answer ----------------------------------------------------------------------


def test_an_answer_is_final_unless_something_longer_means_something_else():
    rule = EndOfAnswer(VOCAB.phrases(INTENTS), VOCAB.parse)
    assert rule.can_decide_early("yes")  # "yes please" is still yes
    assert rule.can_decide_early("no")
    assert not rule.can_decide_early("it is")  # "it is not" means no
    assert not rule.can_decide_early("i")  # not a phrase


MEANINGS = {
    "definitely": "yes", "definitely not": "no", "let's start": "yes",
    "let's start from scratch": "start_over", "yes": "yes",
}  # fmt: skip


def meaning(text: str) -> str:
    return MEANINGS.get(text, "unknown")


def test_no_early_decision_when_a_continuation_word_changes_the_answer():
    phrases = ["definitely", "let's start", "yes"]
    plain = EndOfAnswer(phrases, meaning)
    assert plain.can_decide_early("definitely")  # the flaw of a grammar-only rule
    rule = EndOfAnswer(phrases, meaning, continuations=["not", "from scratch", "yes"])
    assert not rule.can_decide_early("definitely")
    assert not rule.can_decide_early("let's start")
    # "yes not" means nothing, and "yes" alone is an answer, not a continuation: neither
    # may cost "yes" its early decision.
    assert rule.can_decide_early("yes")
    real = EndOfAnswer(
        VOCAB.phrases(INTENTS), VOCAB.parse, ListeningWords.load("en", REPO_PROMPTS).continuations
    )
    assert (
        real.can_decide_early("yes")
        and real.can_decide_early("no")
        and real.can_decide_early("stop")
    )


def test_no_early_decision_on_a_correction_whatever_follows_replaces():
    """ "wait" is pause alone, but "wait, go back" is back and "wait, yes" is yes: deciding
    on "wait" cut the answer short (bench/history/hearing.md, spoken phrasings)."""
    rule = EndOfAnswer(VOCAB.phrases(INTENTS), VOCAB.parse)
    assert not rule.can_decide_early("wait") and not rule.can_decide_early("hold on")
    assert rule.can_decide_early("pause")  # "pause yes" is still pause
    assert rule.can_decide_early("yes") and rule.can_decide_early("stop")


def test_the_language_file_gives_distractors_continuations_and_named_words():
    loaded = ListeningWords.load("en", REPO_PROMPTS)
    assert "water" in loaded.distractors and "not" in loaded.continuations
    assert "yes" in loaded.named_words and "sure" not in loaded.named_words


def test_a_bad_listening_section_names_the_file_and_key(tmp_path):
    (tmp_path / "en.yaml").write_text("listening:\n  distractors: 3\n", encoding="utf-8")
    with pytest.raises(PromptError, match="listening.distractors"):
        ListeningWords.load("en", tmp_path)
    (tmp_path / "xx.yaml").write_text("intents: {}\n", encoding="utf-8")
    assert ListeningWords.load("xx", tmp_path) == ListeningWords()


# --- Decision -> Utterance -------------------------------------------------------------------


def test_unsure_answers_are_confirmed_and_unsure_commands_asked_again():
    unsure_no = decided(("no", 0.6))
    assert to_utterance(unsure_no, VOCAB.parse).text == "no"
    assert not to_utterance(unsure_no, VOCAB.parse).confident
    unsure_back = decided(("go", 0.6), "back")
    assert dialog_text(unsure_back, VOCAB.parse) == UNK
    sure = to_utterance(decided("stop"), VOCAB.parse)
    assert (sure.text, sure.confident) == ("stop", True)
    assert to_utterance(decided(), VOCAB.parse).text == ""


# --- the unrestricted pass --------------------------------------------------------------------


def test_the_unrestricted_pass_runs_only_when_the_grammar_cannot_settle():
    assert not free_pass.needs_free_pass(decided("yes"), could_change=False)
    assert free_pass.needs_free_pass(decided("yes"), could_change=True)
    assert free_pass.needs_free_pass(decided(UNK, UNK), could_change=False)
    assert free_pass.needs_free_pass(decided("no", ("stop", 0.5)), could_change=False)
    assert free_pass.needs_free_pass(decided("hello", "no"), could_change=False)
    # One unsure word that is more than noise: "stop" at 0.6, "yet" (of "not yet") for "yes".
    assert free_pass.needs_free_pass(decided(("stop", 0.6)), could_change=False)
    assert free_pass.needs_free_pass(decided("yet"), could_change=False)
    assert free_pass.needs_free_pass(decided("back"), could_change=False)  # of "go back"
    # A confident phrase, a distractor or [unk] alone, silence: the grammar's decision.
    assert not free_pass.needs_free_pass(decided("stop"), could_change=False)
    assert not free_pass.needs_free_pass(decided("water"), False, distractors={"water"})
    assert not free_pass.needs_free_pass(decided(UNK), could_change=False)
    assert not free_pass.needs_free_pass(decided(), could_change=False)


def test_the_unrestricted_transcript_is_read_by_the_same_understanding():
    grammar_unk = decided(UNK)
    phrase = free_pass.combine(grammar_unk, words("it", "is", "not"), VOCAB.parse, 0.85)
    assert VOCAB.parse(phrase.text) == "no" and phrase.confident
    # One word alone is the grammar's job: heard, but confirmed or asked again.
    single = free_pass.combine(grammar_unk, words("yeah"), VOCAB.parse, 0.85)
    assert single.text == "yeah" and not single.confident
    # Doubtful words never act.
    mumbled = free_pass.combine(grammar_unk, words("not", ("really", 0.4)), VOCAB.parse, 0.85)
    assert not mumbled.confident
    # A transcript that means nothing leaves the grammar's decision as it was.
    assert free_pass.combine(grammar_unk, words("sheila"), VOCAB.parse, 0.85) is grammar_unk
    # Both passes agree: the grammar's text, now confident.
    agreed = free_pass.combine(decided(("no", 0.6)), words("no"), VOCAB.parse, 0.85)
    assert (agreed.text, agreed.confident) == ("no", True)
    # Both unsure and agreeing stays unsure: "help" at 0.7 and 0.5 is not acted on.
    doubted = free_pass.combine(decided(("help", 0.7)), words(("help", 0.5)), VOCAB.parse, 0.85)
    assert (doubted.text, doubted.confident) == ("help", False)


def test_unsure_words_that_carry_no_meaning_leave_a_transcript_sure():
    grammar_unk = decided(UNK)
    # "are" at 0.8: "how many steps left" means where too, so the transcript is acted on.
    steps = words("how", "many", "steps", ("are", 0.8), "left")
    assert free_pass.combine(grammar_unk, steps, VOCAB.parse, 0.85).confident
    # An unsure word the meaning rests on keeps it unsure: without "quit", nothing...
    quit_ = words("i", "want", "to", ("quit", 0.82))
    assert not free_pass.combine(grammar_unk, quit_, VOCAB.parse, 0.85).confident
    # ... and without an unsure "not", the other answer: never acted on.
    negated = words("it's", ("not", 0.5), "working")
    heard = free_pass.combine(grammar_unk, negated, VOCAB.parse, 0.85)
    assert VOCAB.parse(heard.text) == "no" and not heard.confident
    # Several unsure words are talk nearby: the clear ones alone do not make it sure
    # ("we are now we are not really", the answer and two other voices: no, acted on).
    babble = words(("we", 0.6), "are", ("now", 0.5), ("we", 0.7), "are", "not", "really")
    assert VOCAB.parse(" ".join(w.word for w in babble)) == "no"
    assert not free_pass.combine(grammar_unk, babble, VOCAB.parse, 0.85).confident
    # The same when the grammar heard something else, unsure.
    unsure = decided(("how", 0.6), ("many", 0.5), phrases=("how many",))
    agreed = free_pass.combine(unsure, steps, VOCAB.parse, 0.85)
    assert VOCAB.parse(agreed.text) == "where" and agreed.confident


def test_words_far_quieter_than_the_loudest_are_background_speech():
    rate = 16000
    # 0.0-0.25 s quiet talk (-14 dB), 0.3-0.55 s and 0.6-0.85 s the answer, at full level.
    t = np.arange(rate) / rate
    level = np.where(t < 0.3, 10 ** (-14 / 20), 1.0)
    audio = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    heard = words("yes", "go", "back")
    assert [w.word for w in background_speech.foreground(heard, audio, rate)] == ["go", "back"]
    # 4 dB quieter is the same speaker (a soft "not"): kept.
    soft = np.where(t < 0.3, 10 ** (-4 / 20), 1.0)
    audio = (8000 * soft * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    assert background_speech.foreground(heard, audio, rate) == heard
    # One word is always kept, however quiet.
    assert background_speech.foreground(heard[:1], bytes(2 * rate), rate) == heard[:1]


def test_a_word_is_as_loud_as_its_loudest_part_not_its_mean():
    """ "help" of "I need help" (RHVoice slt): its vowel as loud as "need", then a long
    unvoiced end; by its mean power it was 6.4 dB below "need" and taken for talk after the
    answer ("i need": two readings, asked again). For the unrestricted pass's words its
    loudest 30 ms is what counts, and talk 10 dB down stays 10 dB down at its loudest."""
    rate = 16000
    t = np.arange(rate) / rate
    # words at 0-0.25, 0.3-0.55, 0.6-0.85 s: the last one loud for 40 ms, then 30 dB down.
    level = np.where((t >= 0.64) & (t < 0.85), 10 ** (-30 / 20), 1.0)
    audio = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    heard = words("i", "need", "help")
    levels = background_speech.word_levels_db(heard, audio, rate, loudest_part=True)
    assert levels[2] == pytest.approx(levels[1], abs=0.5)
    args = (audio, rate, VOCAB.parse, ("unknown", "silence"))
    assert background_speech.foreground_transcript(heard, *args) == (heard, False)
    # The same word 10 dB down all through is still talk after the answer.
    quiet = np.where(t >= 0.6, 10 ** (-10 / 20), 1.0)
    audio = (8000 * quiet * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    args = (audio, rate, VOCAB.parse, ("unknown", "silence"))
    assert background_speech.foreground_transcript(heard, *args) == (heard[:2], True)
    # A soft word between two loud ones is the person's own ("a" of "just a sec").
    between = np.where((t >= 0.3) & (t < 0.6), 10 ** (-12 / 20), 1.0)
    audio = (8000 * between * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    sec = words("just", "a", "sec")
    args = (audio, rate, VOCAB.parse, ("unknown", "silence"))
    assert background_speech.foreground_transcript(sec, *args) == (sec, False)


def test_how_clear_the_speech_stands_of_its_background():
    rate = 16000
    t = np.arange(2 * rate) / rate
    speech = np.where((t >= 0.5) & (t < 1.2), 8000 * np.sin(2 * np.pi * 220 * t), 0.0)
    rng = np.random.default_rng(1)
    for noise_db in (-20, -40):  # noise this far below the speech's loudest 30 ms
        noise = rng.standard_normal(len(t)) * 8000 / np.sqrt(2) * 10 ** (noise_db / 20)
        audio = np.clip(speech + noise, -32768, 32767).astype(np.int16).tobytes()
        clear = background_speech.clear_of_background_db(audio, rate)
        assert clear == pytest.approx(-noise_db, abs=2.5)
    silent_around = speech.astype(np.int16).tobytes()
    assert background_speech.clear_of_background_db(silent_around, rate) > 60
    assert background_speech.clear_of_background_db(b"", rate) == 0.0


def test_talk_after_the_answer_is_left_out_of_the_unrestricted_transcript():
    rate = 16000
    t = np.arange(rate) / rate

    def transcript(loud_until_s: float, *spoken: str) -> tuple[list[str], bool]:
        """Words 0.3 s apart; the audio at full level up to loud_until_s, then 14 dB down."""
        level = np.where(t < loud_until_s, 1.0, 10 ** (-14 / 20))
        audio = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
        kept, two_readings = background_speech.foreground_transcript(
            words(*spoken), audio, rate, VOCAB.parse, ("unknown", "silence")
        )
        return [w.word for w in kept], two_readings

    # "sleek not really" for "speak up" (held-out talkers, round four): the talk's "not
    # really" made it no; the answer's word alone means nothing: two readings, asked again.
    assert VOCAB.parse("sleek not really") == "no"
    assert transcript(0.27, "sleek", "not", "really") == (["sleek"], True)
    # Leaving the quiet word out turns one meaning into another: two readings, asked again.
    assert VOCAB.parse("it is not") == "no" and VOCAB.parse("it is") == "yes"
    assert transcript(0.57, "it", "is", "not") == (["it", "is"], True)
    # A transcript that means nothing keeps every word for the pass's rules ("i know").
    assert transcript(0.27, "hello", "water", "sun") == (["hello", "water", "sun"], False)
    # All at one level: all kept.
    assert transcript(1.0, "it", "is", "not") == (["it", "is", "not"], False)
    # Only words after the loudest are the talk after the answer: a soft word before it is
    # the person's own start ("from" of "from the beginning").
    level = np.where(t < 0.3, 10 ** (-7 / 20), 1.0)
    audio = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes()
    spoken = words("from", "the", "beginning")
    args = (audio, rate, VOCAB.parse, ("unknown", "silence"))
    assert background_speech.foreground_transcript(spoken, *args) == (spoken, False)


def test_the_unrestricted_pass_hears_talk_far_below_the_answer_turned_down():
    rate = 16000
    t = np.arange(2 * rate) / rate
    # 0-0.5 s talk at -15 dB, 0.8-1.3 s the answer, 1.3-2 s talk again at -15 dB.
    answer = (t >= 0.8) & (t < 1.3)
    level = np.where(answer, 1.0, 10 ** (-15 / 20))
    samples = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    out = np.frombuffer(
        background_speech.quiet_parts_turned_down(samples.tobytes(), rate), np.int16
    )

    def rms(start_s: float, end_s: float) -> float:
        part = out[int(start_s * rate) : int(end_s * rate)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    assert rms(0.85, 1.25) == pytest.approx(8000 / np.sqrt(2), rel=0.01)  # the answer as it was
    assert rms(0.55, 0.75) > 0.9 * 8000 * 10 ** (-15 / 20) / np.sqrt(2)  # kept 300 ms before
    assert rms(0.0, 0.4) < 8000 * 10 ** (-50 / 20)  # far before: 40 dB further down
    assert rms(1.7, 2.0) < 8000 * 10 ** (-50 / 20)  # far after
    # Talk within QUIET_DB of the answer is not turned down (the answer's own soft words).
    near = np.where(answer, 1.0, 10 ** (-6 / 20))
    samples = (8000 * near * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    same = np.frombuffer(
        background_speech.quiet_parts_turned_down(samples.tobytes(), rate), np.int16
    )
    assert np.array_equal(same[160:-160], samples[160:-160])  # (the gain is smoothed over 10 ms)
    assert background_speech.quiet_parts_turned_down(b"\x01", rate) == b""


def test_a_short_utterance_has_its_quiet_parts_turned_down_too():
    # Shorter than the 0.61 s window kept around a loud part (a word decided early in the
    # first half second a recognizer was fed, then checked by the unrestricted pass): this
    # raised ValueError instead of giving the audio back.
    rate = 16000
    t = np.arange(int(0.5 * rate)) / rate
    level = np.where(t >= 0.25, 1.0, 10 ** (-20 / 20))
    samples = (8000 * level * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    out = np.frombuffer(
        background_speech.quiet_parts_turned_down(samples.tobytes(), rate), np.int16
    )
    assert len(out) == len(samples)
    # All of it within 300 ms of the loud part: kept (the gain is smoothed over 10 ms).
    assert np.array_equal(out[160:-160], samples[160:-160])


def test_words_heard_after_a_held_answer_make_it_asked_again_judged_by_time():
    # "definitely" could become "definitely not": a word after it that means nothing
    # ("definitely art") is asked again, never the held yes.
    held = decided("definitely", phrases=("definitely",))
    cut = free_pass.combine(held, words("definitely", "art"), VOCAB.parse, 0.85, could_change=True)
    assert cut.text == UNK and not cut.confident
    # The same span heard in more, smaller pieces (the Korean model writes one word in
    # several) is no word after the answer: the grammar's decision stands.
    span = dataclasses.replace(held, words=[Word("definitely", 1.0, 0.0, 0.9)])
    pieces = [Word("defi", 1.0, 0.0, 0.3), Word("nite", 1.0, 0.3, 0.6), Word("ly", 1.0, 0.6, 0.9)]
    assert free_pass.combine(span, pieces, VOCAB.parse, 0.85, could_change=True) is span


def test_a_clear_transcript_that_means_nothing_overrules_several_unsure_words():
    # "follow" heard by the grammar as "far no": asked again, not "Did you say no?".
    unsure = decided(("how", 0.6), ("no", 0.7), phrases=("no",))
    overruled = free_pass.combine(unsure, words("follow"), VOCAB.parse, 0.85)
    assert overruled.text == UNK and not overruled.confident
    assert dialog_text(overruled, VOCAB.parse) == UNK
    # Mumbled, it overrules nothing.
    mumbled = free_pass.combine(unsure, words(("follow", 0.5)), VOCAB.parse, 0.85)
    assert mumbled is unsure
    # The same speech spelt another way is no contradiction: a real "no" heard as "i know".
    i_no = decided(("i", 0.7), ("no", 0.8), phrases=("no",))
    assert free_pass.combine(i_no, words("i", "know"), VOCAB.parse, 0.85) is i_no
    # One unsure word stays the grammar's: a real "no" is often "now" to the free pass.
    single = decided(("no", 0.7))
    assert free_pass.combine(single, words("now"), VOCAB.parse, 0.85) is single


def test_an_unnamed_single_word_is_acted_on_only_if_the_unrestricted_pass_agrees():
    named = ListeningWords.load("en", REPO_PROMPTS).named_words
    sure = decided("sure", phrases=("sure", "yes"))
    # "sure" is no word the prompts ask for: checked; "yes" is acted on as heard.
    assert free_pass.unnamed_single_word(sure, named)
    assert not free_pass.unnamed_single_word(decided("yes"), named)
    assert not free_pass.unnamed_single_word(decided("stop"), named)
    assert not free_pass.unnamed_single_word(sure, named_words=())  # the rule is off
    assert not free_pass.unnamed_single_word(decided(("sure", 0.6), phrases=("sure",)), named)
    # "sheila" heard by the grammar as "sure" at 1.0, by the unrestricted pass as "she'll":
    # asked again.
    for heard in (words(("she'll", 0.75)), words("sheila")):
        checked = free_pass.combine(sure, heard, VOCAB.parse, 0.85, checking_alone=True)
        assert checked.text == UNK and dialog_text(checked, VOCAB.parse) == UNK
    # The unrestricted pass hears the same answer: acted on as before.
    agreed = free_pass.combine(sure, words("sure"), VOCAB.parse, 0.85, checking_alone=True)
    assert (agreed.text, agreed.confident) == ("sure", True)
    same_meaning = free_pass.combine(sure, words("yeah"), VOCAB.parse, 0.85, checking_alone=True)
    assert (same_meaning.text, same_meaning.confident) == ("sure", True)
    # Nothing transcribed, or the same word meaning something else: confirmed, not acted on.
    for heard in ([], words("sure", "not")):
        doubted = free_pass.combine(sure, heard, VOCAB.parse, 0.85, checking_alone=True)
        assert (doubted.text, doubted.confident) == ("sure", False)
        assert not to_utterance(doubted, VOCAB.parse).confident


def test_every_named_word_is_a_one_word_phrase_the_prompts_ask_for():
    from assistant.conversation.prompt_files import load_yaml

    named = ListeningWords.load("en", REPO_PROMPTS).named_words
    assert {"yes", "no", "stop"} <= set(named)
    one_word = {p for p in VOCAB.phrases(INTENTS) if " " not in p}
    assert set(named) <= one_word

    def texts(node: object) -> list[str]:
        if isinstance(node, str):
            return [node.lower()]
        if isinstance(node, dict):
            return [t for v in node.values() for t in texts(v)]
        if isinstance(node, list):
            return [t for v in node for t in texts(v)]
        return []

    dialog = load_yaml(REPO_PROMPTS / "en.yaml")["dialog"]
    asking = [t for t in texts(dialog) if "say" in t or "answer" in t]
    for word in named:
        assert any(word in t.replace(",", " ").replace(".", " ").split() for t in asking), word


def alternatives(*texts: tuple[str, float]) -> list[free_pass.Alternative]:
    """(text, Vosk's score) best first, as the n-best gives them (no word confidences)."""
    return [free_pass.Alternative(score, words(*text.split())) for text, score in texts]


def test_an_alternative_is_taken_only_when_every_alternative_that_means_something_agrees():
    """ "it's syncing" (at the question "fixed?") heard by the grammar as "it think in"
    and by the unrestricted pass as "it was thinking": neither means anything, and the
    meant phrase is among both passes' alternatives."""

    def fixed(text: str) -> str:
        return VOCAB.parse(text, question="fixed?")

    grammar_heard = decided(("it", 0.6), ("think", 0.6), ("in", 0.5), phrases=("it's syncing",))
    free = words("it", "was", "thinking")
    assert fixed("it think in") == fixed("it was thinking") == "unknown"
    free_alts = alternatives(("it was thinking", 118.4), ("it's sinking", 118.0),
                             ("it's syncing", 116.2))  # fmt: skip
    grammar_alts = alternatives(("it think in", 95.0), ("it's syncing", 93.3))
    taken = free_pass.nbest_reading(grammar_heard, grammar_heard, free, free_alts, grammar_alts,
                                    fixed)  # fmt: skip
    assert (fixed(taken.text), taken.confident) == ("yes", True)
    assert taken.reason.endswith("+nbest") and 0 < taken.confidence < 0.5
    # Only one pass has it: an answer is confirmed ("Did you say yes?"), a command would be
    # asked again.
    once = free_pass.nbest_reading(grammar_heard, grammar_heard, free, free_alts,
                                   grammar_alts[:1], fixed)  # fmt: skip
    assert (fixed(once.text), once.confident) == ("yes", False)
    assert to_utterance(once, fixed).text == once.text
    # An alternative meaning something else: two readings, asked again (what was settled).
    other = alternatives(("it think in", 95.0), ("it say again", 93.5), ("it's syncing", 93.3))
    assert free_pass.nbest_reading(grammar_heard, grammar_heard, free, free_alts, other,
                                   fixed) is grammar_heard  # fmt: skip
    # The grammar's own reading means something else: never overruled by an alternative.
    stop = decided(("stop", 0.6), phrases=("stop",))
    assert free_pass.nbest_reading(stop, stop, free, free_alts, grammar_alts, fixed) is stop
    # Nothing means anything: as settled.
    nothing = alternatives(("it was thinking", 118.4), ("it's sinking", 118.0))
    assert free_pass.nbest_reading(grammar_heard, grammar_heard, free, nothing, nothing,
                                   fixed) is grammar_heard  # fmt: skip


def one_word(word: str, confidence: float = 1.0) -> list[Word]:
    return [Word(word, confidence, 0.0, 0.4)]


def test_a_one_word_command_is_decided_again_by_the_one_word_phrases():
    distractors = {"water"}
    # "stop" heard by the grammar as "step" (a word of "next step"), by the unrestricted
    # pass as "stop" (unsure): the one-word grammar hears "stop", certain.
    step = decided("step", phrases=("stop", "next step"))
    assert free_pass.may_be_one_word_command(step, one_word("stop", 0.58), VOCAB.parse,
                                             distractors)  # fmt: skip
    combined = free_pass.combine(step, one_word("stop", 0.58), VOCAB.parse, 0.85)
    assert dialog_text(combined, VOCAB.parse) == UNK  # before: asked again
    stop = free_pass.one_word_command(
        step, combined, one_word("stop", 0.58), one_word("stop"), VOCAB.parse
    )
    assert (stop.text, stop.confident) == ("stop", True)
    # Only when the one-word grammar is certain: "house" -> "help" at 0.92 stays unsure.
    house = decided(("help", 0.8), phrases=("help",))
    combined = free_pass.combine(house, one_word("help", 0.27), VOCAB.parse, 0.85)
    kept = free_pass.one_word_command(
        house, combined, one_word("help", 0.27), one_word("help", 0.92), VOCAB.parse
    )
    assert kept is combined and dialog_text(kept, VOCAB.parse) == UNK
    # Only when the unrestricted pass means the same command.
    other = free_pass.one_word_command(
        step, combined, one_word("stuff", 0.54), one_word("stop"), VOCAB.parse
    )
    assert other is combined
    # Never an answer (unsure answers are confirmed instead), nor several words, nor a
    # confident decision, a distractor or [unk].
    unsure_no = decided(("no", 0.6))
    assert not free_pass.may_be_one_word_command(unsure_no, one_word("no"), VOCAB.parse, ())
    kept = free_pass.one_word_command(unsure_no, unsure_no, one_word("no"), one_word("no"),
                                      VOCAB.parse)  # fmt: skip
    assert kept is unsure_no
    assert not free_pass.may_be_one_word_command(
        decided(("go", 0.6), "back"), one_word("back"), VOCAB.parse, ()
    )
    assert not free_pass.may_be_one_word_command(decided("stop"), one_word("stop"), VOCAB.parse,
                                                 ())  # fmt: skip
    for heard in ("water", UNK):
        lone = decided((heard, 0.5))
        assert not free_pass.may_be_one_word_command(lone, one_word("stop"), VOCAB.parse,
                                                     distractors)  # fmt: skip


# --- the microphone loop ----------------------------------------------------------------------

BLOCK = b"\0" * 1280  # 40 ms at 16 kHz


class ScriptedSource:
    """An audio source that gives n blocks, then dies or stays silent."""

    sample_rate_hz = 16000

    def __init__(self, blocks: int, then: str) -> None:
        self.left, self.then, self.alive, self.drained = blocks, then, True, 0

    def drain(self) -> int:
        self.drained += 1
        return 0

    def read(self, timeout_s: float = 1.0) -> bytes | None:
        if self.left > 0 or self.then == "silence":
            self.left -= 1
            return BLOCK
        self.alive = False
        return None

    def close(self) -> None:
        self.alive = False


class CountingRecognizer:
    """Decides "yes" at its nth block (never, for 0); counts what it was fed."""

    sample_rate_hz = 16000
    phrases = ["yes"]

    def __init__(self, decide_at: int = 0, speech: bool = False) -> None:
        self.fed, self.decide_at, self.heard_speech, self.audio_ms = 0, decide_at, speech, 0.0

    def accept(self, chunk: bytes) -> Decision | None:
        self.fed += 1
        self.audio_ms += 40
        if self.fed == self.decide_at:
            return decided("yes")
        return None

    def flush(self) -> Decision:
        return Decision("", 1.0, True, False, self.audio_ms, "flush")


def test_the_loop_drops_the_echo_then_returns_the_decision():
    source, recognizer = ScriptedSource(100, "die"), CountingRecognizer(decide_at=5)
    listening = threading.Event()
    decision = listen_loop.listen_turn(source, recognizer, ListeningSettings(), listening)
    assert decision.text == "yes" and listening.is_set() and source.drained == 1
    # 150 ms of echo guard = the first 4 blocks of 40 ms never reach the recognizer.
    assert recognizer.fed == 5


def test_the_loop_ends_on_silence_or_the_turn_limit():
    settings = ListeningSettings(silence_timeout_ms=1000, max_turn_ms=2000)
    quiet = CountingRecognizer()
    assert listen_loop.listen_turn(ScriptedSource(0, "silence"), quiet, settings).text == ""
    assert quiet.audio_ms == 1000
    talking = CountingRecognizer(speech=True)
    listen_loop.listen_turn(ScriptedSource(0, "silence"), talking, settings)
    assert talking.audio_ms == 2000


def test_a_microphone_that_stops_is_lost():
    with pytest.raises(listen_loop.MicrophoneLost):
        listen_loop.listen_turn(ScriptedSource(3, "die"), CountingRecognizer(), ListeningSettings())


# --- choosing the engine ---------------------------------------------------------------------


def test_engines_are_chosen_by_module_name():
    with pytest.raises(RecognizerUnavailable, match="no speech recognition engine"):
        engine_loader("nosuchengine")
    with pytest.raises(RecognizerUnavailable):
        engine_loader("../vosk")
