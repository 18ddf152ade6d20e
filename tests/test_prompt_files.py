"""Prompt files from anyone: bounded, named in every error, parsed once per run; and what
passes `check` runs."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.conversation import prompt_files
from assistant.conversation.flow import Flow
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import Vocabulary
from assistant.paths import PROMPTS_DIR

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS_DIR, target)
    return target


def check(capsys, prompts: Path) -> tuple[int, str]:
    code = main(["check", str(prompts)])
    return code, capsys.readouterr().err


def run_script(capsys, prompts: Path, tmp_path: Path, *lines: str) -> tuple[int, str, str]:
    script = tmp_path / "answers.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["--script", str(script), "--prompts", str(prompts), "--fresh",
                 "--state-file", str(tmp_path / "s.json")])  # fmt: skip
    out, err = capsys.readouterr()
    return code, out, err


BROKEN = {
    "latin-1": ("en.yaml", b"Hello. I will help" + "\ncafé: x\n".encode("latin-1"),
                "not UTF-8"),
    "utf-16": ("en.yaml", "dialog: {greeting: hi}\n".encode("utf-16"), "not UTF-8"),
    "binary": ("flow.yaml", bytes(range(256)) * 4, "not UTF-8"),
    "control characters": ("flow.yaml", b"steps:\n  - id: s1\x00\n", "not valid YAML"),
    "deep nesting": ("en.yaml", b"dialog: " + b"[" * 100_000, "nested deeper"),
    "deep mappings": ("flow.yaml", b"a: " + b"{b: " * 5_000, "nested deeper"),
    "billion laughs": ("en.yaml", BILLION_LAUGHS.encode(), "aliases expand"),
    "alias loop": ("flow.yaml", b"steps: &s [{id: s1, nodes: *s}]\n", "contains it"),
    "too large": ("en.yaml", b"# " + b"x" * 2_000_000 + b"\n", "larger than"),
    "too many values": ("en.yaml", b"a: [" + b"1," * 30_000 + b"1]\n", "more than"),
}  # fmt: skip


@pytest.mark.parametrize(("file", "content", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_an_unreadable_prompt_file_is_named_by_check_and_run(
    capsys, prompts, tmp_path, file, content, problem
):
    (prompts / file).write_bytes(content)
    tracemalloc.start()
    code, err = check(capsys, prompts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == 2
    assert f"{file}:" in err and problem in err and "Traceback" not in err
    assert peak < 50_000_000, f"check grew by {peak / 1e6:.0f} MB"

    code, _, err = run_script(capsys, prompts, tmp_path, "yes")
    assert code == 2 and f"{file}:" in err and problem in err


def test_a_prompt_file_that_is_not_a_regular_file_is_refused(capsys, prompts):
    (prompts / "en.yaml").unlink()
    (prompts / "en.yaml").symlink_to("/dev/zero")
    code, err = check(capsys, prompts)
    assert code == 2 and "en.yaml: (file): not a regular file" in err


def test_the_error_names_the_line(capsys, prompts):
    text = (prompts / "en.yaml").read_text(encoding="utf-8")
    (prompts / "en.yaml").write_bytes(b"# one\n# two\n# caf\xe9\n" + text.encode())
    code, err = check(capsys, prompts)
    assert code == 2 and "en.yaml: line 3: not UTF-8" in err


@pytest.mark.parametrize(
    ("key_line", "bad"),
    [
        ("  start_question: ", '  start_question: "Shall we begin at step {step}?"'),
        ("  start_question: ", '  start_question: "Shall we begin, {name}?"'),
        ("  step_intro: ", '  step_intro: "Step {step!z} of {total}: {title}."'),
        ("  step_intro: ", '  step_intro: "Step {step:q} of {total}: {title}."'),
        ("  step_intro: ", '  step_intro: "Step {step.real.x} of {total}: {title}."'),
        ("  step_intro: ", '  step_intro: "Step {} of {total}: {title}."'),
        ("  confirm: ", '  confirm: "Did you say {answer[0]}{step}?"'),
        ("  where_start: ", '  where_start: "Not started {"'),
    ],
    ids=["step at the start", "unknown name", "bad conversion", "bad format", "bad attribute",
         "positional", "not given here", "unbalanced brace"],
)  # fmt: skip
def test_check_renders_every_text_as_the_run_fills_it(capsys, prompts, key_line, bad):
    path = prompts / "en.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(key_line))
    lines[index] = bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = check(capsys, prompts)
    key = key_line.strip().rstrip(":")
    assert code == 2 and f"en.yaml: dialog.{key}:" in err


def test_what_passes_check_runs(capsys, prompts, tmp_path):
    """{total} may be used in any text; a check that passes means the run can say it all."""
    path = prompts / "en.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('start_question: "Shall we begin?', 'start_question: "All {total} ready?')
    path.write_text(text, encoding="utf-8")
    assert check(capsys, prompts)[0] == 0
    code, out, _ = run_script(capsys, prompts, tmp_path, "yes", "yes", "yes", "stop")
    assert code == 0 and "All 7 ready?" in out


def test_each_prompt_file_is_parsed_once_per_run(monkeypatch, prompts):
    parsed: list[str] = []
    real_parse = prompt_files._parse

    def counting_parse(path: Path, text: str):
        parsed.append(path.name)
        return real_parse(path, text)

    monkeypatch.setattr(prompt_files, "_parse", counting_parse)
    flow = Flow.load(prompts)
    Texts.load(flow, "en", prompts)
    Vocabulary.load("en", prompts)
    Vocabulary.load("en", prompts)  # the listener's own
    assert sorted(parsed) == ["en.yaml", "flow.yaml"]
    assert load_yaml(prompts / "en.yaml") is load_yaml(prompts / "en.yaml")


def test_a_changed_prompt_file_is_parsed_again(prompts):
    path = prompts / "flow.yaml"
    before = load_yaml(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert load_yaml(path) is not before and load_yaml(path) == before


def test_a_prompt_error_is_one_line(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_bytes(b"\xff")
    with pytest.raises(PromptError) as info:
        load_yaml(bad)
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
