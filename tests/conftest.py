"""Shared test set-up.

Tests that need real audio (the sound server, espeak-ng, the Vosk model) carry the `audio`
marker and skip on a machine without them. CI sets ASSISTANT_REQUIRE_AUDIO=1, which turns
every such skip into a failure: a voice test that did not run has not passed.
"""

from __future__ import annotations

import os

import pytest

pytest_plugins = ["audio_fixtures", "conversation"]

REQUIRE_AUDIO = os.environ.get("ASSISTANT_REQUIRE_AUDIO") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_AUDIO and report.skipped and item.get_closest_marker("audio"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"ASSISTANT_REQUIRE_AUDIO=1 but this audio test skipped: {reason}"
