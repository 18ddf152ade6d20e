"""The model store: lookup order, checksums, safe unpacking, downloads that fail cleanly."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model_store import store as models

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = models.spec_for("en")
AAR_CANDIDATES = [
    REPO_ROOT / ".cache" / "maven" / "vosk-model-en-0.3.45.aar",
]


def fake_model_files(prefix: str = "") -> dict[str, bytes]:
    """A tiny folder with the files a Vosk model must have (not a working model)."""
    return {prefix + rel: f"content of {rel}".encode() for rel in models.REQUIRED_FILES} | {
        prefix + "README": b"fake model"
    }


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path, monkeypatch):
    """Isolated lookup folders: a fake checkout models/ and a fake user data folder."""
    checkout = tmp_path / "checkout-models"
    user = tmp_path / "user-models"
    monkeypatch.setattr(models, "checkout_models_dir", lambda: checkout)
    monkeypatch.setattr(models, "user_models_dir", lambda: user)
    return checkout, user


def pin_zip(monkeypatch, archive: Path) -> None:
    """Pretend this archive is the official zip (pin its checksum)."""
    spec = models.ModelSpec(**{**SPEC.__dict__, "zip_sha256": sha256(archive)})
    monkeypatch.setitem(models.KNOWN_MODELS, "en", spec)


# --- lookup -----------------------------------------------------------------------------------


def test_nothing_installed_gives_none_and_a_message_with_the_command(store):
    assert models.find_model("en") is None
    message = models.missing_model_message("en")
    assert SPEC.name in message and "fetch-model" in message and "\n" not in message


def test_lookup_order_explicit_then_checkout_then_user(store, tmp_path):
    checkout, user = store
    for folder in (checkout / SPEC.name, user / SPEC.name):
        for rel, data in fake_model_files().items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
    assert models.find_model("en") == checkout / SPEC.name
    assert models.find_model("en", explicit=user / SPEC.name) == user / SPEC.name
    assert models.find_model("en", explicit=tmp_path / "nowhere") is None
    (checkout / SPEC.name / "am" / "final.mdl").unlink()  # incomplete: skipped
    assert models.find_model("en") == user / SPEC.name


def test_unknown_language_is_a_clear_error():
    with pytest.raises(models.ModelError, match="no speech model known"):
        models.spec_for("xx")


# --- install from zip / folder ----------------------------------------------------------------


def test_install_official_zip_checks_sha_and_unpacks_into_place(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    result = models.install_from(archive, "en", checkout)
    assert result.path == checkout / SPEC.name
    assert models.find_model("en") == result.path
    assert models.verify_model(result.path).ok
    assert [p.name for p in checkout.iterdir()] == [SPEC.name]  # no temp leftovers


def test_tampered_zip_is_refused_and_never_looks_installed(store, tmp_path):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    with pytest.raises(models.ModelError, match="checksum mismatch"):
        models.install_from(archive, "en", checkout)
    assert models.find_model("en") is None
    assert list(checkout.iterdir()) == []


def test_unpinned_archive_needs_no_verify(store, tmp_path):
    checkout, _ = store
    archive = make_zip(tmp_path / "custom.zip", fake_model_files("custom-model/"))
    with pytest.raises(models.ModelError, match="no-verify"):
        models.install_from(archive, "en", checkout)
    result = models.install_from(archive, "en", checkout, allow_unpinned=True)
    assert models.looks_like_model(result.path)


@pytest.mark.parametrize(
    "evil_name", ["../evil.txt", "/etc/evil.txt", "model/../../evil.txt", "C:/evil.txt"]
)
def test_members_leaving_the_target_are_refused(store, tmp_path, evil_name):
    checkout, _ = store
    files = fake_model_files("model/") | {evil_name: b"gotcha"}
    archive = make_zip(tmp_path / "evil.zip", files)
    with pytest.raises(models.ModelError, match="absolute|leaves"):
        models.install_from(archive, "en", checkout, allow_unpinned=True)
    assert not (tmp_path / "evil.txt").exists()
    assert models.find_model("en") is None


def test_symlink_members_are_refused(store, tmp_path):
    checkout, _ = store
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in fake_model_files("model/").items():
            zf.writestr(name, data)
        link = zipfile.ZipInfo("model/am/link")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    with pytest.raises(models.ModelError, match="link"):
        models.install_from(archive, "en", checkout, allow_unpinned=True)
    assert models.find_model("en") is None


def test_absurd_unpacked_size_is_refused(store, tmp_path, monkeypatch):
    checkout, _ = store
    monkeypatch.setattr(models, "MAX_UNPACKED_BYTES", 10_000)
    files = fake_model_files("model/") | {"model/am/huge.bin": b"\0" * 50_000}
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    assert archive.stat().st_size < 10_000  # small on disk, big unpacked
    with pytest.raises(models.ModelError, match="refusing"):
        models.install_from(archive, "en", checkout, allow_unpinned=True)
    assert models.find_model("en") is None


def test_archive_without_a_model_is_refused(store, tmp_path):
    checkout, _ = store
    archive = make_zip(tmp_path / "junk.zip", {"hello.txt": b"hi"})
    with pytest.raises(models.ModelError, match="no Vosk model"):
        models.install_from(archive, "en", checkout, allow_unpinned=True)


def test_not_a_zip_is_a_clear_error(store, tmp_path):
    checkout, _ = store
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"this is not a zip")
    with pytest.raises(models.ModelError, match="not a readable zip"):
        models.install_from(bogus, "en", checkout, allow_unpinned=True)


def test_install_from_folder_and_verify_detects_changes(store, tmp_path):
    checkout, _ = store
    source = tmp_path / SPEC.name
    for rel, data in fake_model_files().items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_bytes(data)
    result = models.install_from(source, "en", checkout)
    assert models.verify_model(result.path).ok
    (result.path / "conf" / "model.conf").write_text("tampered")
    verdict = models.verify_model(result.path)
    assert not verdict.ok and any("model.conf" in p for p in verdict.problems)
    (result.path / "am" / "final.mdl").unlink()
    assert not models.verify_model(result.path).ok


def test_reinstall_without_force_keeps_the_installed_model(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    models.install_from(archive, "en", checkout)
    again = models.install_from(archive, "en", checkout)
    assert again.already_installed
    forced = models.install_from(archive, "en", checkout, force=True)
    assert forced.replaced and models.verify_model(forced.path).ok


@pytest.mark.parametrize("aar", [p for p in AAR_CANDIDATES if p.exists()][:1] or [None])
def test_install_from_the_maven_aar(store, aar):
    if aar is None:
        pytest.skip("the Maven .aar is not cached here (script/fetch-model gets it)")
    checkout, _ = store
    result = models.install_from(aar, "en", checkout)
    assert result.archive_sha256 == SPEC.aar_sha256
    assert models.verify_model(result.path).ok
    assert (result.path / "graph" / "HCLr.fst").stat().st_size > 1_000_000


# --- download ---------------------------------------------------------------------------------


class FakeResponse(io.BytesIO):
    def __init__(self, data: bytes, length: int | None = None) -> None:
        super().__init__(data)
        self.headers = {"Content-Length": str(length if length is not None else len(data))}


def test_download_good_zip_installs(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    progress = io.StringIO()
    result = models.download(
        "en", checkout, opener=lambda url, t: FakeResponse(archive.read_bytes()),
        progress_stream=progress,
    )  # fmt: skip
    assert models.verify_model(result.path).ok
    assert "downloaded 100%" in progress.getvalue()  # plain lines: not a TTY
    assert [p.name for p in checkout.iterdir()] == [SPEC.name]


def test_download_tampered_is_not_installed(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    tampered = archive.read_bytes().replace(b"fake model", b"evil model")
    with pytest.raises(models.ModelError, match="tampered"):
        models.download("en", checkout, opener=lambda url, t: FakeResponse(tampered),
                        progress_stream=io.StringIO())  # fmt: skip
    assert models.find_model("en") is None
    assert list(checkout.iterdir()) == []  # no .part file left behind


def test_download_cut_short_is_not_installed(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / f"{SPEC.name}.zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    data = archive.read_bytes()

    class Broken(FakeResponse):
        def read(self, size: int | None = -1) -> bytes:
            if self.tell() > len(data) // 2:
                raise ConnectionResetError("connection reset by peer")
            return super().read(min(size or 100, 100))

    with pytest.raises(models.ModelError, match="could not download"):
        models.download("en", checkout, opener=lambda url, t: Broken(data, len(data)),
                        progress_stream=io.StringIO())  # fmt: skip
    assert models.find_model("en") is None
    assert list(checkout.iterdir()) == []


def test_download_offline_fails_cleanly_through_the_cli(tmp_path):
    """The Vosk site is unreachable here: one clear message, exit 1, nothing installed."""
    code = (
        "import argparse, sys\n"
        "from assistant.cli import models_command\n"
        "p = argparse.ArgumentParser(); sub = p.add_subparsers()\n"
        "models_command.register(sub)\n"
        "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "models", "download", "en", "--dir", str(tmp_path),
         "--url", "http://127.0.0.1:9/vosk-model-small-en-us-0.15.zip"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert proc.returncode == 1
    assert "could not download" in proc.stderr and "models install --from" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_on_a_tty_and_plain_lines_otherwise(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    tty = Tty()
    bar = models.Progress(1000, tty)
    bar.update(500)
    bar.finish()
    assert "\r[" in tty.getvalue() and "50%" in tty.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Tty()
    lines = models.Progress(1000, plain)
    for done in range(0, 1001, 100):
        lines.update(done)
    assert "\r" not in plain.getvalue()
    assert plain.getvalue().count("\n") == 11


# --- property: no member name, however odd, gets out of the target folder -------------------

_name_parts = st.sampled_from(["..", ".", "", "a", "b.txt", "/", "\\", "C:", "~", "am", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_name_parts, min_size=1, max_size=6).map("/".join))
def test_any_member_name_is_refused_or_stays_inside(tmp_path_factory, name):
    target = tmp_path_factory.mktemp("target").resolve()
    try:
        rel = models._safe_relative(name)
    except models.ModelError:
        return
    assert target == (target / rel).resolve() or target in (target / rel).resolve().parents


def test_renamed_official_archive_is_recognized_by_its_checksum(store, tmp_path, monkeypatch):
    checkout, _ = store
    archive = make_zip(tmp_path / "download (1).zip", fake_model_files(f"{SPEC.name}/"))
    pin_zip(monkeypatch, archive)
    result = models.install_from(archive, "en", checkout)  # no --no-verify needed
    assert result.archive_sha256 == models.spec_for("en").zip_sha256
