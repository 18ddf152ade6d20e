"""The skill inside a real ovos-core 2.1 (ovoscope's MiniCroft, on the fake bus): ovos-core
picks the intent, routes answers to `get_response`, "stop" to its stop service and words
said while paused to converse, or to no skill. The app's answers end as the app's do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_ovos_skill import SCENARIOS, home, run_standalone  # noqa: F401 (home: a fixture)

from assistant.conversation.flow import Flow
from assistant.conversation.report import report_json
from assistant.paths import PROMPTS_DIR

if TYPE_CHECKING:
    from ovos_core_harness import OvosCore

# Stopping a question is OpenVoiceOS killing its own get_response thread with an exception.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")


@pytest.fixture
def core(home: Path) -> Iterator[OvosCore]:  # noqa: F811 (the fixture imported above)
    from ovos_core_harness import OvosCore  # imported once HOME is the temporary one

    ovos_core = OvosCore()
    yield ovos_core
    ovos_core.close()


def test_the_app_s_answers_end_the_same_way(core: OvosCore, tmp_path: Path, home: Path) -> None:  # noqa: F811
    answers = SCENARIOS["resolved-at-step-1"][0]
    outcome = core.talk("help me with iCloud photos", *answers)
    assert outcome is not None
    assert (outcome.outcome, outcome.resolved_at_step, outcome.fixed_by) == (
        "resolved", 1, "s1_turn_on")  # fmt: skip

    in_ovos = report_json(Flow.load(PROMPTS_DIR), outcome, "en")
    standalone, _ = run_standalone(tmp_path, home, answers)
    for field in ("outcome", "final_state", "questions", "changes", "turns"):
        assert in_ovos[field] == standalone[field], field


def test_stop_goes_through_the_stop_service_and_progress_is_saved(core: OvosCore) -> None:
    outcome = core.talk("my iCloud photos aren't syncing", "yes", "yes", "yes", "stop")
    assert outcome is not None
    assert (outcome.outcome, outcome.final_state) == ("stopped", "s2.s2_online")
    saved = json.loads((core.data_folder / "session.json").read_text(encoding="utf-8"))
    assert saved["state"] == "s2.s2_online"

    core.spoken.clear()
    again = core.talk("my iCloud photos aren't syncing", "yes", "no", "done", "it worked")
    assert "continue where we left off, at step 2" in core.spoken[1]
    assert again is not None
    assert (again.outcome, again.fixed_by) == ("resolved", "s2_fix_network")


def test_paused_it_leaves_other_words_to_other_skills_and_resumes(core: OvosCore) -> None:
    outcome = core.talk("my iCloud photos aren't syncing", "yes", "pause",
                        "<wake> what time is it|resume", "yes", "it's off", "done",
                        "it worked")  # fmt: skip
    assert core.not_understood == ["what time is it"]  # went past the skill: no skill here
    assert outcome is not None
    assert (outcome.outcome, outcome.fixed_by) == ("resolved", "s1_turn_on")


def test_other_requests_do_not_start_it(core: OvosCore) -> None:
    assert core.talk("what's the weather like tomorrow") is None
    assert core.spoken == []
