"""A built wheel works on its own: installed into a fresh venv, run from outside the checkout.

The wheel is built offline from a copy of the sources (pip wheel --no-build-isolation, with
the setuptools of the test environment). The fresh venv gets the wheel only; the
dependencies come from the test environment's site-packages folders as plain path entries,
so its editable install of this project (a .pth hook) is not active and the checkout is
never imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "assistant", "prompts")

# README's example: resolved at step 1, "Sync this iPhone" was off.
RESOLVED_AT_STEP_1 = ["yes", "yeah I'm signed in", "nope, it's off", "okay I've turned it on",
                      "it worked"]  # fmt: skip


def run(*cmd: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kwargs
    )
    assert proc.returncode == 0, f"{cmd}: {proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in SOURCES:
        origin = REPO_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", work / "dist", source)  # fmt: skip
    (built,) = (work / "dist").glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel; returns its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel)  # fmt: skip
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                   .stdout.strip())  # fmt: skip
    # Where this test environment imports its dependencies from (site-packages folders only:
    # never the checkout).
    site_dirs = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]
    (purelib / "test_dependencies.pth").write_text("".join(f"{d}\n" for d in site_dirs))
    return venv / "bin"


def test_the_wheel_holds_every_module_and_prompt_file(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "assistant").rglob("*.py")}
    prompts = {
        f"assistant/prompts/{p.relative_to(REPO_ROOT / 'prompts').as_posix()}"
        for p in (REPO_ROOT / "prompts").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert modules - names == set()  # a package missing from pyproject.toml's list shows here
    assert prompts and prompts - names == set()  # a file type missing from its package-data


def isolated_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return env | {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
                  "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip


def test_the_installed_copy_is_what_runs(installed: Path, tmp_path: Path):
    where = run(installed / "python", "-c",
                "import assistant, assistant.paths as p; print(assistant.__file__, p.PROMPTS_DIR)",
                cwd=tmp_path, env=isolated_env(tmp_path)).stdout.split()  # fmt: skip
    assert all(Path(path).is_relative_to(installed.parent) for path in where), where
    checked = run(installed / "icloud-photos-assistant", "check", cwd=tmp_path,
                  env=isolated_env(tmp_path))  # fmt: skip
    assert "Traceback" not in checked.stderr


def test_a_scripted_conversation_runs_to_its_end_from_the_wheel(installed: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "answers.txt").write_text("\n".join(RESOLVED_AT_STEP_1) + "\n")
    proc = run(installed / "icloud-photos-assistant", "--script", "answers.txt", "--fresh",
               "--report", "report.json", "--state-file", "session.json",
               cwd=outside, env=isolated_env(tmp_path))  # fmt: skip
    report = json.loads((outside / "report.json").read_text())
    assert report["outcome"] == "resolved" and report["fixed_by"] == "s1_turn_on"
    assert "> it worked" in proc.stdout and "Traceback" not in proc.stderr
    assert (outside / "session-summary.md").is_file()
