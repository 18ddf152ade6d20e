"""The audio libraries' own messages go to the log, not over the conversation on the screen.

Real libasound, in a subprocess (its error handler is process-wide): asking it for a device
that does not exist makes it print "ALSA lib ... Unknown PCM" on stderr, the same path its
"underrun occurred" takes.
"""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

OPEN_MISSING_PCM = """
import ctypes, logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="LOG %(message)s")
from assistant.audio import library_noise
if sys.argv[1] == "routed":
    assert library_noise.route_alsa_errors_to_log()
asound = ctypes.CDLL("libasound.so.2")
pcm = ctypes.c_void_p()
print("open returned", asound.snd_pcm_open(ctypes.byref(pcm), b"no_such_pcm_xyz", 0, 0))
"""


def run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, timeout=30, cwd=REPO_ROOT,
    )  # fmt: skip


@pytest.mark.skipif(ctypes.util.find_library("asound") is None, reason="no libasound")
def test_alsa_messages_go_to_the_log_not_stderr():
    plain = run(OPEN_MISSING_PCM, "plain")
    assert "ALSA lib" in plain.stderr and "no_such_pcm_xyz" in plain.stderr  # the noise is real
    routed = run(OPEN_MISSING_PCM, "routed")
    assert routed.returncode == 0, routed.stderr
    assert routed.stderr == ""
    assert "LOG ALSA pcm.c" in routed.stdout and "Unknown PCM" in routed.stdout
    assert "open returned -" in routed.stdout  # the call still fails normally


def test_what_a_library_prints_while_a_device_opens_is_logged():
    code = """
import logging, os, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="LOG %(message)s")
from assistant.audio import library_noise
with library_noise.stderr_to_log("opening"):
    os.write(2, b"Expression 'snd_pcm_hw_params' failed\\n")
os.write(2, b"after\\n")
"""
    proc = run(code)
    assert proc.stderr == "after\n"
    assert "LOG opening: Expression 'snd_pcm_hw_params' failed" in proc.stdout
