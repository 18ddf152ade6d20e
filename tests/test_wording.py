"""The VoiceOver wording: chosen per key, complete for every node, asked for once, remembered."""

from __future__ import annotations

import io
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from assistant.conversation import wording
from assistant.conversation.check import check_prompts
from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.prompt_files import load_yaml
from assistant.conversation.texts import PLACEHOLDERS, Texts
from assistant.conversation.understanding import Vocabulary
from assistant.paths import PROMPTS_DIR
from assistant.text_mode import ScriptListener, TextSpeaker

FLOW = Flow.load(PROMPTS_DIR)
VOCAB = Vocabulary.load("en", PROMPTS_DIR)
# Gestures and announcements a VoiceOver user needs, which the plain wording never says.
VOICEOVER_WORDS = ("double-tap", "swipe", "VoiceOver")


def texts(voiceover: bool, prompts_dir: Path = PROMPTS_DIR) -> wording.WordedTexts:
    loaded = wording.WordedTexts.load(FLOW, "en", prompts_dir)
    loaded.voiceover = voiceover
    return loaded


def node_keys() -> list[str]:
    return [f"nodes.{n.id}.{k}" for s in FLOW.steps for n in s.nodes for k in ("prompt", "help")]


def test_the_voiceover_key_sits_beside_the_plain_one() -> None:
    assert wording.voiceover_key("nodes.s1_sync_on.prompt") == "nodes.s1_sync_on.voiceover.prompt"
    assert wording.voiceover_key("dialog.greeting") == "dialog.voiceover.greeting"


def test_plain_wording_is_exactly_the_plain_texts() -> None:
    plain, reference = texts(voiceover=False), Texts.load(FLOW, "en", PROMPTS_DIR)
    for key in [*node_keys(), "dialog.greeting", "dialog.start_question"]:
        values = {name: 1 for name in PLACEHOLDERS.get(key, ())}
        assert plain.get(key, **values) == reference.get(key, **values)
    assert not any(w in plain.get("nodes.s1_sync_on.prompt") for w in VOICEOVER_WORDS)


def test_voiceover_wording_tells_gestures_for_every_question_and_action() -> None:
    spoken = texts(voiceover=True)
    plain = texts(voiceover=False)
    for key in node_keys():
        assert spoken.get(key) != plain.get(key) or key.endswith("s2_cellular.prompt"), key
    said = " ".join(spoken.get(k) for k in node_keys())
    for word in ("double-tap", "swipe", "with three fingers", "Scrub with two fingers", "Siri",
                 "you hear: on", "switch button"):  # fmt: skip
        assert word in said, word
    # Texts without a VoiceOver wording are the plain ones.
    assert spoken.get("dialog.start_question") == plain.get("dialog.start_question")
    assert "double-tap" in spoken.get("dialog.greeting")


def test_the_file_the_length_test_speaks_is_what_voiceover_users_hear(tmp_path: Path) -> None:
    for path in PROMPTS_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    heard = wording.apply_voiceover(load_yaml(PROMPTS_DIR / "en.yaml"))
    (tmp_path / "en.yaml").write_text(yaml.safe_dump(heard), encoding="utf-8")
    applied, chosen = Texts.load(FLOW, "en", tmp_path), texts(voiceover=True)
    for key in sorted(applied.all_keys() - {k for k in applied.all_keys() if "intents" in k}):
        assert applied.wordings(key) == chosen.wordings(key), key
    assert not any(wording.VOICEOVER in key.split(".") for key in applied.all_keys())


def test_check_finds_no_gap_in_the_shipped_wording() -> None:
    assert wording.missing_wordings(FLOW, texts(voiceover=False)) == []


def test_check_names_a_missing_voiceover_wording(tmp_path: Path) -> None:
    for path in PROMPTS_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    data = load_yaml(PROMPTS_DIR / "en.yaml")
    del data["nodes"]["s4_optimized"]["voiceover"]["help"]
    (tmp_path / "en.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    problems = wording.missing_wordings(FLOW, Texts.load(FLOW, "en", tmp_path))
    assert problems == [f"{tmp_path / 'en.yaml'}: nodes.s4_optimized.voiceover.help: missing "
                        "(every text needs a VoiceOver wording)"]  # fmt: skip


# --- every path, in the VoiceOver wording ---------------------------------------------------
PATHS = {
    "every action, unresolved": ["yes", "no", "done", "no", "done", "no", "no", "done", "no",
                                 "yes", "done", "no", "no", "done", "no", "done", "no", "yes",
                                 "done", "no", "done", "no"],
    "cellular data, resolved": ["yes", "yes", "yes", "yes", "yes", "no", "done", "yes"],
    "nothing to change until restart": ["yes", "yes", "yes", "yes", "no", "no", "yes", "done",
                                        "yes"],
}  # fmt: skip
ENDS = {"every action, unresolved": "unresolved", "cellular data, resolved": "resolved",
        "nothing to change until restart": "resolved"}  # fmt: skip


@pytest.mark.parametrize("path", list(PATHS))
def test_voiceover_wording_runs_every_path_by_script(path: str) -> None:
    out = io.StringIO()
    dialog = Dialog(FLOW, texts(voiceover=True), VOCAB, TextSpeaker(out),
                    ScriptListener(PATHS[path], io.StringIO()))  # fmt: skip
    assert dialog.run().outcome == ENDS[path]
    printed = out.getvalue().splitlines()
    assert "double-tap" in printed[0], "the greeting says how VoiceOver is used"
    for line in printed[1:-1]:
        assert any(cue in line.lower() for cue in ("say yes or no", "say done", "say ready")), line
    assert not any("tap your name" in ln and "double-tap" not in ln.lower() for ln in printed)


# --- asking once at the first start ---------------------------------------------------------
def offer(*answers: str) -> tuple[bool | None, str]:
    out = io.StringIO()
    chosen = wording.offer_voiceover(texts(voiceover=False), VOCAB, TextSpeaker(out),
                                     ScriptListener(list(answers), io.StringIO()))  # fmt: skip
    return chosen, out.getvalue()


def test_offer_takes_yes_and_no() -> None:
    chosen, said = offer("yes I do")
    assert chosen is True and "do you use VoiceOver" in said and "VoiceOver gestures" in said
    chosen, said = offer("no")
    assert chosen is False and "what is on the screen" in said


def test_offer_asks_again_then_gives_up_without_an_answer() -> None:
    assert offer("banana", "yes")[0] is True
    chosen, said = offer("banana", "<silence>", "yes")
    assert chosen is None and said.count("do you use VoiceOver") == wording.OFFER_ATTEMPTS
    assert offer()[0] is None, "input ended"


# --- remembering the choice ------------------------------------------------------------------
def refuse_to_ask() -> bool | None:
    raise AssertionError("asked although the choice was known")


def test_the_first_answer_is_remembered_and_not_asked_again(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert wording.choose_voiceover(None, lambda: True, config) is True
    assert wording.choose_voiceover(None, refuse_to_ask, config) is True
    assert wording.saved_voiceover(config) is True


def test_a_flag_wins_and_is_remembered(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert wording.choose_voiceover(True, refuse_to_ask, config) is True
    assert wording.choose_voiceover(False, refuse_to_ask, config) is False
    assert wording.choose_voiceover(None, refuse_to_ask, config) is False


def test_no_answer_means_plain_wording_and_asking_next_time(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert wording.choose_voiceover(None, lambda: None, config) is False
    assert wording.choose_voiceover(None, None, config) is False, "a script is never asked"
    assert not config.exists()
    assert wording.choose_voiceover(True, None, config, remember=False) is True
    assert not config.exists()


def test_other_settings_in_the_config_file_are_kept(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[speech]\nrate_wpm = 185\n\n[wording]\nnote = "mine"\n', encoding="utf-8")
    wording.choose_voiceover(True, None, config)
    document = tomllib.loads(config.read_text(encoding="utf-8"))
    assert document == {"speech": {"rate_wpm": 185}, "wording": {"note": "mine", "voiceover": True}}


def test_an_unreadable_config_file_is_not_fatal(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes(b"\xff\xfe not toml [")
    assert wording.saved_voiceover(config) is None
    assert wording.choose_voiceover(None, lambda: False, config) is False
    assert wording.saved_voiceover(config) is False
    config.write_text("[wording]\nvoiceover = 'yes'\n", encoding="utf-8")
    assert wording.saved_voiceover(config) is None, "only true or false counts"


def test_voiceover_flag_chooses_the_wording_for_a_run_and_a_script_remembers_nothing(
    talk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--voiceover speaks the gestures, --no-voiceover the screen; a script never asks and
    never changes the remembered choice."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    said = ("yes", "yes", "stop")
    with_vo = talk.run(*said, fresh=True, extra=("--voiceover",))
    plain = talk.run(*said, fresh=True, extra=("--no-voiceover",))
    assert "swipe right" in with_vo.output and "swipe right" not in plain.output
    assert with_vo.asked == plain.asked == ["s1_apple_id"]
    assert not (tmp_path / "config").exists()


def test_check_refuses_a_language_without_the_voiceover_wording(tmp_path: Path) -> None:
    for path in PROMPTS_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    text = (tmp_path / "en.yaml").read_text(encoding="utf-8")
    node = text.index("\n  s3_free_space:", text.index("\nnodes:"))
    start = text.index("\n    voiceover:", node)
    end = text.index("\n  s4_", start)
    (tmp_path / "en.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    problems, _ = check_prompts(tmp_path)
    assert any("s3_free_space" in p and "voiceover" in p for p in problems), problems
