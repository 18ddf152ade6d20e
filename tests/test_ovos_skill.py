"""The assistant as an OpenVoiceOS skill: whole conversations on OpenVoiceOS's fake bus.

The skill, ovos-workshop's get_response/converse/stop machinery and the dialog are real; the
harness (ovos_harness.py) plays ovos-core's services. The same answers given to the
standalone app (`python -m assistant --script ... --report`) must end the same way.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant.conversation.flow import Flow
from assistant.conversation.prompt_files import load_yaml
from assistant.conversation.report import report_json
from assistant.paths import PROMPTS_DIR

if TYPE_CHECKING:
    from ovos_harness import OvosHarness

# Stopping a question is OpenVoiceOS killing its own get_response thread with an exception.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")

OPENING = "my iCloud photos aren't syncing"
UNRESOLVED = ["yes", "yes", "yes", "yes", "yes", "yes", "no", "yes", "done", "no", "no", "done",
              "no"]  # fmt: skip
SCENARIOS = {
    # id: (answers, (outcome, resolved_at_step, fixed_by), the skill's last words begin with)
    "resolved-at-step-1": (
        ["yes", "yeah I'm signed in", "nope, it's off", "okay I've turned it on", "it worked"],
        ("resolved", 1, "s1_turn_on"), "Great news!"),
    "unresolved": (UNRESOLVED, ("unresolved", None, None), "Sorry, your photos still"),
    "stop-mid-flow": (["yes", "yes", "yes", "stop"], ("stopped", None, None),
                      "Your progress is saved."),
    "repeat-and-back": (["yes", "repeat", "yes", "go back", "no", "done", "yes", "it worked"],
                        ("resolved", 1, "s1_sign_in"), "Great news!"),
    "cancel": (["yes", "cancel"], ("stopped", None, None), "Your progress is saved."),
    "silences": (["yes", "<silence>", "<silence>", "yes", "no", "<silence>", "done", "it worked"],
                 ("resolved", 1, "s1_turn_on"), "Great news!"),
}  # fmt: skip


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME (and so every OpenVoiceOS folder) in a temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path / "home"


@pytest.fixture
def ovos(home: Path) -> Iterator[OvosHarness]:
    from ovos_harness import OvosHarness  # imported once HOME is the temporary one

    harness = OvosHarness()
    yield harness
    harness.skill.default_shutdown()


def run_standalone(tmp_path: Path, home: Path, answers: list[str]) -> tuple[dict, Path]:
    """The standalone app's report for the same answers, run as a developer would, and
    where its Genius Bar summary goes."""
    script, report = tmp_path / "answers.txt", tmp_path / "report.json"
    script.write_text("\n".join(answers) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "assistant", "--script", str(script), "--fresh",
         "--report", str(report), "--state-file", str(tmp_path / "standalone.json")],
        env={**os.environ, "HOME": str(home)}, capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    return json.loads(report.read_text(encoding="utf-8")), tmp_path / "standalone-summary.md"


def undated(summary: Path) -> list[str] | None:
    """The summary's lines but its date (line 3); None when there is no summary."""
    if not summary.exists():
        return None
    return [line for i, line in enumerate(summary.read_text("utf-8").splitlines()) if i != 2]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_conversation_ends_as_the_standalone_app_does(
    ovos: OvosHarness, tmp_path: Path, home: Path, scenario: str
) -> None:
    answers, expected, last_words = SCENARIOS[scenario]
    outcome = ovos.talk(OPENING, *answers)
    assert (outcome.outcome, outcome.resolved_at_step, outcome.fixed_by) == expected
    assert ovos.spoken[-1].startswith(last_words)

    in_ovos = report_json(Flow.load(PROMPTS_DIR), outcome, "en")
    standalone, standalone_summary = run_standalone(tmp_path, home, answers)
    for field in ("outcome", "resolved_at_step", "fixed_by", "final_state", "questions",
                  "changes", "turns"):  # fmt: skip
        assert in_ovos[field] == standalone[field], field
    # The Genius Bar summary, in the skill's own data folder, is the app's.
    assert undated(ovos.data_folder / "session-summary.md") == undated(standalone_summary)


def test_the_intent_file_comes_from_the_language_file(ovos: OvosHarness) -> None:
    examples = load_yaml(PROMPTS_DIR / "en.yaml")["skill"]["intent"]
    assert list(ovos.intent_files.values()) == [examples]
    (name,) = ovos.intent_files
    assert name.endswith(":photos.not.syncing.intent")

    for said in (OPENING, "help me with iCloud photos", "iCloud photos stopped syncing",
                 "My iCloud Photos are not syncing"):  # fmt: skip
        assert ovos.match(said) == name, said
    assert ovos.match("what's the weather tomorrow") is None


def test_stop_said_to_ovos_saves_progress_and_the_next_time_continues(ovos: OvosHarness) -> None:
    stopped = ovos.talk(OPENING, "yes", "yes", "yes", "<stop>")
    assert (stopped.outcome, stopped.final_state) == ("stopped", "s2.s2_online")
    saved = json.loads((ovos.data_folder / "session.json").read_text(encoding="utf-8"))
    assert saved["state"] == "s2.s2_online"
    assert "whenever you want to continue where we stopped" in ovos.spoken[-1]

    ovos.spoken.clear()
    resumed = ovos.talk(OPENING, "yes", "no", "done", "it worked")
    assert "continue where we left off, at step 2" in ovos.spoken[1]
    assert (resumed.outcome, resumed.resolved_at_step, resumed.fixed_by) == (
        "resolved", 2, "s2_fix_network")  # fmt: skip
    assert not (ovos.data_folder / "session.json").exists()  # finished: nothing to resume


def test_pause_then_resume_after_waking_ovos(ovos: OvosHarness) -> None:
    outcome = ovos.talk(OPENING, "yes", "yes", "pause", "<wake> resume", "no", "done",
                        "it worked")  # fmt: skip
    assert outcome.outcome == "resolved"
    paused_at = next(i for i, s in enumerate(ovos.spoken) if s.startswith("Paused."))
    # After the pause the microphone opened once more, then the skill waited, silent, until
    # "resume" came through converse; then it asked the same question again.
    assert "Is Sync this iPhone turned on?" in ovos.spoken[paused_at - 1]
    assert "Is Sync this iPhone turned on?" in ovos.spoken[paused_at + 1]
    assert ovos.microphone_opened == 7


def test_while_paused_what_is_not_for_the_skill_is_left_to_other_skills(
    ovos: OvosHarness,
) -> None:
    outcome = ovos.talk(OPENING, "yes", "pause", "<wake> what's the weather like",
                        "<wake> resume", "yes", "it's off", "done", "it worked")  # fmt: skip
    assert ovos.left_to_other_skills == ["what's the weather like"]
    assert ovos.said("I'm paused") == 0
    assert (outcome.outcome, outcome.fixed_by) == ("resolved", "s1_turn_on")


def test_three_silences_pause_without_reopening_the_microphone(ovos: OvosHarness) -> None:
    # quiet three times, and after "I'll pause" too; later, woken, "stop"
    outcome = ovos.talk(OPENING, "yes", "<silence>", "<silence>", "<silence>", "<wake> stop")
    assert outcome.outcome == "stopped"
    assert ovos.said("I'll pause for now") == 1
    # start, the question, two re-prompts, once after "I'll pause": then only the wake word
    assert ovos.microphone_opened == 5


def test_left_paused_until_ovos_drops_the_skill_it_stops_with_progress_saved(
    ovos: OvosHarness,
) -> None:
    outcome = ovos.talk(OPENING, "yes", "yes", "pause", "<gone>")
    assert (outcome.outcome, outcome.final_state) == ("stopped", "s1.s1_sync_on")
    saved = json.loads((ovos.data_folder / "session.json").read_text(encoding="utf-8"))
    assert saved["state"] == "s1.s1_sync_on"
    assert "aren't syncing\" whenever you want to continue" in ovos.spoken[-1]


def test_repeat_says_the_question_again_and_go_back_returns(ovos: OvosHarness) -> None:
    ovos.talk(OPENING, "yes", "repeat", "yes", "go back", "stop")
    question = "are you signed in"
    assert [question in s for s in ovos.spoken[2:6]] == [True, True, False, True]


def test_speaking_rate_and_volume_are_ovos_settings(ovos: OvosHarness) -> None:
    ovos.talk(OPENING, "yes", "slow down", "speak up", "stop")
    settings = "Speaking rate and volume are set in OpenVoiceOS's own settings"
    assert [s.startswith(settings) for s in ovos.spoken[2:6]] == [False, True, False, True]
    assert "are you signed in" in ovos.spoken[4]  # then the question again
    assert ovos.said("Speaking slower") + ovos.said("go any further") == 0


def test_registered_for_ovos_skill_loaders(home: Path) -> None:
    from ovos_plugin_manager.skills import find_skill_plugins  # what ovos-core's loader asks

    from assistant.ovos_skill.skill import SKILL_ID, IcloudPhotosSkill

    assert find_skill_plugins()[SKILL_ID] is IcloudPhotosSkill
    for group in ("ovos.plugin.skill", "opm.skill"):  # the old loaders' group and the new
        entries = {e.name: e for e in importlib.metadata.entry_points(group=group)}
        assert entries[SKILL_ID].load() is IcloudPhotosSkill, group


def test_a_damaged_saved_session_is_kept_aside_and_the_skill_starts_fresh(
    ovos: OvosHarness,
) -> None:
    (ovos.data_folder / "session.json").write_text("{not json", encoding="utf-8")
    outcome = ovos.talk(OPENING, *SCENARIOS["resolved-at-step-1"][0])
    assert "Shall we begin?" in ovos.spoken[1]
    assert outcome.outcome == "resolved"
    assert len(list(ovos.data_folder.glob("session.json.corrupt-*"))) == 1


def test_a_skill_text_that_replaces_nothing_is_an_error(tmp_path: Path) -> None:
    from assistant.conversation.prompt_files import PromptError
    from assistant.ovos_skill.resources import skill_texts

    for name in ("flow.yaml", "en.yaml"):
        (tmp_path / name).write_text((PROMPTS_DIR / name).read_text("utf-8"), "utf-8")
    en = tmp_path / "en.yaml"
    en.write_text(en.read_text("utf-8").replace("    stopped_at_start:", "    stoped_at_start:"))
    with pytest.raises(PromptError, match="skill.dialog.stoped_at_start: replaces no text"):
        skill_texts(Flow.load(tmp_path), "en", tmp_path)
