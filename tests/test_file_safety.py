"""Files a user points the assistant at can't be harmed, and can't harm the run (issue 9).

Every case ends with exit 2 and one line naming the file, before the conversation starts, or
exit 0 with the documented fallback: never exit 1, never a traceback, and nothing that is
not a regular file is ever replaced.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.atomic_file import NotARegularFile, write_text_atomically
from assistant.cli.main import main
from assistant.text_mode import MAX_LINE_CHARS, MAX_SCRIPT_BYTES

CHECKOUT = Path(__file__).resolve().parent.parent


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "answers.txt"
    path.write_text("yes\nyes\nno\n")  # start, signed in, sync off: one saved answer at least
    return path


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


def refused(capsys, script: Path, *args: str) -> str:
    """Run with `args`; it must stop before the first question with exit 2."""
    code, err = run(capsys, "--script", str(script), "--fresh", *args)
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


def test_report_to_a_device_is_refused(capsys, script, tmp_path):
    err = refused(capsys, script, "--state-file", str(tmp_path / "s.json"), "--report", os.devnull)
    assert "/dev/null" in err and "device" in err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_state_file_on_standard_output_is_refused(capsys, script):
    err = refused(capsys, script, "--state-file", "/dev/stdout")
    assert "/dev/stdout" in err


@pytest.mark.parametrize("option", ["--report", "--state-file"])
def test_a_fifo_is_refused_and_left_alone(capsys, script, tmp_path, option):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    others = [] if option == "--state-file" else ["--state-file", str(tmp_path / "s.json")]
    err = refused(capsys, script, option, str(fifo), *others)
    assert str(fifo) in err and "FIFO" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("option", ["--report", "--state-file"])
def test_a_symbolic_link_is_refused_and_left_alone(capsys, script, tmp_path, option):
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    others = [] if option == "--state-file" else ["--state-file", str(tmp_path / "s.json")]
    err = refused(capsys, script, option, str(link), *others)
    assert "link.json" in err and "symbolic link" in err
    assert link.is_symlink() and target.read_text() == "keep me"


@pytest.mark.parametrize("option", ["--report", "--state-file"])
def test_a_directory_is_refused(capsys, script, tmp_path, option):
    folder = tmp_path / "folder"
    folder.mkdir()
    others = [] if option == "--state-file" else ["--state-file", str(tmp_path / "s.json")]
    err = refused(capsys, script, option, str(folder), *others)
    assert "folder" in err and "directory" in err
    assert folder.is_dir() and not any(folder.iterdir())


def test_state_file_under_a_regular_file_is_refused(capsys, script, tmp_path):
    err = refused(capsys, script, "--state-file", str(script / "s.json"))
    assert "answers.txt" in err and "not a folder" in err


def test_report_and_state_file_may_not_be_the_same_file(capsys, script, tmp_path):
    same = tmp_path / "s.json"
    err = refused(capsys, script, "--state-file", str(same), "--report", str(tmp_path / "s.json"))
    assert "same file" in err
    assert not same.exists()


def test_report_may_not_be_the_summary(capsys, script, tmp_path):
    err = refused(capsys, script, "--state-file", str(tmp_path / "s.json"),
                  "--report", str(tmp_path / "s-summary.md"))  # fmt: skip
    assert "summary" in err and "same file" in err


def test_summary_location_that_is_a_directory_is_refused(capsys, script, tmp_path):
    (tmp_path / "s-summary.md").mkdir()
    err = refused(capsys, script, "--state-file", str(tmp_path / "s.json"))
    assert "s-summary.md" in err


def test_state_folder_that_cannot_be_written_is_refused_before_starting(script, tmp_path):
    """A read-only folder, for a user who cannot write there (root can: run as nobody)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    for path in (tmp_path, *tmp_path.parents):  # nobody must be able to reach the files
        if path.stat().st_uid == os.getuid() and path != Path("/"):
            path.chmod(path.stat().st_mode | 0o011)
    script.chmod(0o644)
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    result = subprocess.run(
        [*(as_nobody if os.geteuid() == 0 else []), sys.executable, "-m", "assistant",
         "--script", str(script), "--fresh", "--state-file", str(folder / "s.json")],
        cwd=CHECKOUT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "read-only" in result.stderr and "Traceback" not in result.stderr
    assert "Step 1" not in result.stdout, "refused before the conversation started"


def test_new_folders_for_the_state_file_are_made(capsys, script, tmp_path):
    state = tmp_path / "new" / "deeper" / "s.json"
    code, _ = run(capsys, "--script", str(script), "--fresh", "--state-file", str(state))
    assert code == 0 and state.is_file() and (state.parent / "s-summary.md").is_file()


# --- bounded reads ---------------------------------------------------------------------


def test_endless_script_is_refused_at_the_limit(capsys, tmp_path):
    err = refused(capsys, Path("/dev/zero"), "--state-file", str(tmp_path / "s.json"))
    assert "/dev/zero" in err and f"{MAX_SCRIPT_BYTES:,}" in err


def test_script_just_over_the_limit_is_refused_and_at_the_limit_read(capsys, tmp_path):
    big = tmp_path / "big.txt"
    line = b"# a comment\n"
    big.write_bytes(line * (MAX_SCRIPT_BYTES // len(line)) + b"y" * (MAX_SCRIPT_BYTES % len(line)))
    assert big.stat().st_size == MAX_SCRIPT_BYTES
    code, _ = run(capsys, "--script", str(big), "--fresh", "--state-file", str(tmp_path / "s.json"))
    assert code == 0
    with big.open("ab") as handle:
        handle.write(b"\n")
    refused(capsys, big, "--state-file", str(tmp_path / "s.json"))


def test_endless_typed_line_ends_typed_input_with_progress_kept(tmp_path):
    """`--text < /dev/zero`: a line that never ends is not an answer; memory stays small."""
    state = tmp_path / "s.json"
    result = subprocess.run(
        ["bash", "-c", f'{{ printf "yes\\nno\\n"; exec cat /dev/zero; }} | "{sys.executable}" '
         f'-m assistant --text --fresh --state-file "{state}" --report "{tmp_path / "r.json"}"'],
        cwd=CHECKOUT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"longer than {MAX_LINE_CHARS} characters" in result.stderr
    assert "Traceback" not in result.stderr
    assert state.is_file() and "s1_sign_in" in state.read_text()


def test_typed_bytes_that_are_not_text_are_an_answer_like_any_other(tmp_path):
    report = tmp_path / "r.json"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--text", "--fresh",
         "--state-file", str(tmp_path / "s.json"), "--report", str(report)],
        input=b"yes\n\xff\xfe\x80\nstop\n", cwd=CHECKOUT, capture_output=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    turns = json.loads(report.read_text())["turns"]
    assert [t["heard"] for t in turns] == ["yes", "\ufffd\ufffd\ufffd", "stop"]


# --- the writer itself ---------------------------------------------------------------------


def test_atomic_write_never_replaces_a_device_or_a_link(tmp_path):
    link = tmp_path / "null-link"
    link.symlink_to(os.devnull)
    for target in (Path(os.devnull), link):
        with pytest.raises(NotARegularFile, match="not a regular file"):
            write_text_atomically(target, "x")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_atomic_write_replaces_a_regular_file(tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old")
    write_text_atomically(target, "new")
    assert target.read_text() == "new"
