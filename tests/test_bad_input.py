"""Bad input gets a short message and exit code 2, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.paths import PROMPTS_DIR


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS_DIR, target)
    return target


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_missing_script(capsys, tmp_path):
    code, _, err = run(capsys, "--script", str(tmp_path / "nope.txt"), "--fresh",
                       "--state-file", str(tmp_path / "s.json"))  # fmt: skip
    assert code == 2
    assert "cannot read script" in err and "nope.txt" in err and "Traceback" not in err


def test_script_that_is_not_text(capsys, tmp_path):
    script = tmp_path / "bin.txt"
    script.write_bytes(b"\xff\xfe\x00yes")
    code, _, err = run(capsys, "--script", str(script), "--state-file", str(tmp_path / "s.json"))
    assert code == 2 and "cannot read script" in err


def test_check_accepts_the_shipped_prompts(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("OK:")


@pytest.mark.parametrize(
    ("file", "old", "new", "named"),
    [
        ("flow.yaml", "no: s1_sign_in", "no: s1_nowhere", "s1_nowhere"),
        ("flow.yaml", "{id: s1_sign_in, action: {done: s1_sync_on}}",
         "{id: s1_sign_in, action: {done: s1_sign_in}}", "s1_sign_in"),
        ("flow.yaml", "question: {yes: s1_sync_on, no: s1_sign_in}",
         "question: {yes: s1_sync_on, no: s1_sync_on}", "s1_sign_in"),
        ("en.yaml", "  s1_sync_on:\n    prompt:", "  s1_sync_on:\n    promt:",
         "nodes.s1_sync_on.prompt"),
        ("en.yaml", "where: \"You're on step {step}", "where: \"You're on step {stepp}",
         "dialog.where"),
        ("en.yaml", "intents:\n", "intents:\n  maybe: [perhaps]\n", "intents.maybe"),
        ("en.yaml", "dialog:\n", "dialog: [\n", "line"),
    ],
    ids=["unknown target", "unreachable and endless", "unreachable", "missing text",
         "unknown placeholder", "unknown intent", "not yaml"],
)  # fmt: skip
def test_check_names_the_file_and_key(capsys, prompts, file, old, new, named):
    path = prompts / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    code, _, err = run(capsys, "check", str(prompts))
    assert code == 2
    assert file in err and named in err
    assert "Traceback" not in err


def test_languages_must_have_the_same_keys(capsys, prompts):
    text = (prompts / "en.yaml").read_text()
    (prompts / "de.yaml").write_text(
        text.replace('    help: "The switch is green when', '    x: "', 1)
    )
    code, _, err = run(capsys, "check", str(prompts))
    assert code == 2 and "de.yaml" in err and "nodes.s1_sync_on.help" in err


def test_running_with_broken_prompts_exits_2(capsys, prompts, tmp_path):
    (prompts / "flow.yaml").write_text("steps: 3\n")
    script = tmp_path / "s.txt"
    script.write_text("yes\n")
    code, _, err = run(capsys, "--script", str(script), "--prompts", str(prompts),
                       "--state-file", str(tmp_path / "s.json"))  # fmt: skip
    assert code == 2 and "flow.yaml" in err and "steps" in err


def test_missing_language_exits_2(capsys, tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("yes\n")
    code, _, err = run(capsys, "--script", str(script), "--lang", "xx",
                       "--state-file", str(tmp_path / "s.json"))  # fmt: skip
    assert code == 2 and "xx.yaml" in err


def test_unknown_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-option"])
    assert exit_info.value.code == 2


def test_parse_reads_bytes_that_are_not_text_without_failing():
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "parse", "-"], input=b"yes\n\xff\xfe\nno\n",
        cwd=PROMPTS_DIR.parent, capture_output=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    intents = [json.loads(line)["intent"] for line in result.stdout.splitlines()]
    assert intents[0] == "yes" and intents[-1] == "no" and len(intents) == 3
