"""Shared test set-up.

Tests that need real audio (the sound server, espeak-ng, the Vosk model) carry the `audio`
marker and skip on a machine without them. ASSISTANT_REQUIRE_AUDIO=1 turns every such skip
into a failure: a voice test that did not run has not passed. ASSISTANT_NO_SKIPS=1 (CI sets
both) does the same for every skip, marked or not: in CI, a test that did not run fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

pytest_plugins = ["audio_fixtures", "conversation"]

# The tests get config and data folders of their own, for themselves and every process they
# start: what a run remembers (a voice, the VoiceOver wording, a saved session) must neither
# come from the user's real folders nor land in them, or one run changes the next.
_PRIVATE_HOME = tempfile.mkdtemp(prefix="assistant-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_PRIVATE_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_PRIVATE_HOME, "data")
# The language follows the locale when --lang is not given: the tests choose it themselves,
# so a developer with LANG=ko_KR.UTF-8 runs the English tests in English.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PRIVATE_HOME, ignore_errors=True)


REQUIRE_AUDIO = os.environ.get("ASSISTANT_REQUIRE_AUDIO") == "1"
NO_SKIPS = os.environ.get("ASSISTANT_NO_SKIPS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):  # an expected failure is no skip
        return
    if not (NO_SKIPS or (REQUIRE_AUDIO and item.get_closest_marker("audio"))):
        return
    setting = "ASSISTANT_NO_SKIPS=1" if NO_SKIPS else "ASSISTANT_REQUIRE_AUDIO=1"
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
    report.outcome = "failed"
    report.longrepr = f"{setting} but this test skipped: {reason}"


# The Korean tests share the real Korean model and MBROLA's Korean voice (module-scoped:
# each test file loads them once; a missing one skips, which CI turns into a failure).
@pytest.fixture(scope="module")
def korean_model_dir():
    from assistant.model_store import store

    found = store.find_model("ko")
    if found is None:
        pytest.skip(f"Korean model missing: {store.missing_model_message('ko')}")
    return found


@pytest.fixture(scope="module")
def korean_engine(korean_model_dir):
    from assistant.listening import vosk_recognizer

    return vosk_recognizer.load_engine(korean_model_dir)


@pytest.fixture(scope="module")
def hn1():
    from assistant.speaking import korean_voice
    from assistant.speaking import synthesizer as synthesizers

    if not korean_voice.mbrola_installed():
        pytest.skip("MBROLA's Korean voice is not installed (script/setup installs it)")
    voice = synthesizers.create("espeak", lang="ko")
    yield voice
    voice.close()


@pytest.fixture(scope="module")
def ko():
    """The Korean vocabulary (prompts/ko.yaml), read as the dialog reads answers."""
    from assistant.conversation.understanding import Vocabulary

    return Vocabulary.load("ko")


@pytest.fixture(scope="module")
def en():
    """The English vocabulary (prompts/en.yaml), read as the dialog reads answers."""
    from assistant.conversation.understanding import Vocabulary

    return Vocabulary.load("en")
