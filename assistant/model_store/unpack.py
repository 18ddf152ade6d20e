"""Getting a model's files out of an archive or folder without trusting it.

Every read is bounded: the source must be a regular file (or a folder of regular files) of
a plausible size; a zip's central directory is sized from its end record before Python
parses it (a crafted one would otherwise cost gigabytes of memory); bytes are counted as
they are written, since a header can lie. Members whose path would leave the target
folder, links, and anything that is neither a file nor a folder are refused.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO

from assistant.model_store.catalog import UnusableSource

# The small English model unpacks to ~68 MB and the Korean one to ~265 MB; anything
# claiming more than this is not a small model but a zip bomb or the wrong file.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024
"""10,000 entries with 300-byte names; the models' archives need a few kilobytes."""
COPY_CHUNK_BYTES = 1024 * 1024

_END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory record
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")
_MAX_COMMENT_BYTES = 0xFFFF


def require_regular_file(path: Path, max_bytes: int = MAX_ARCHIVE_BYTES) -> int:
    """Size of path, which must be a regular file no larger than max_bytes."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UnusableSource(f"{path}: cannot read: {exc.strerror}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnusableSource(f"{path}: not a regular file (a model is a zip, .aar or folder)")
    if info.st_size > max_bytes:
        raise UnusableSource(
            f"{path}: {info.st_size / 1e6:.0f} MB is more than any small model "
            f"(limit {max_bytes / 1e6:.0f} MB)"
        )
    return info.st_size


def copy_bounded(source: IO[bytes], target: Path, budget_bytes: int) -> int:
    """Copy a stream into a new file, at most budget_bytes; returns the bytes written."""
    written = 0
    with target.open("xb") as sink:
        while block := source.read(COPY_CHUNK_BYTES):
            written += len(block)
            if written > budget_bytes:
                raise UnusableSource(
                    f"unpacks to more than {MAX_UNPACKED_BYTES / 1e6:.0f} MB; refusing"
                )
            sink.write(block)
    return written


def safe_relative(name: str) -> PurePosixPath:
    """An archive member name as a relative path that stays inside the target folder."""
    normalized = name.replace("\\", "/")
    path = PurePosixPath(normalized)
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        raise UnusableSource(f"archive member has an absolute path: {name!r}")
    if any(part == ".." for part in path.parts):
        raise UnusableSource(f"archive member leaves the target folder: {name!r}")
    return path


def _central_directory_size(handle: IO[bytes], size_bytes: int) -> tuple[int, int]:
    """(entries, bytes) of a zip's central directory, read from its end record."""
    tail_bytes = min(size_bytes, _END_RECORD.size + _MAX_COMMENT_BYTES)
    handle.seek(size_bytes - tail_bytes)
    tail = handle.read(tail_bytes)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END_RECORD.size > len(tail):
        raise ValueError("no end of central directory record")
    fields = _END_RECORD.unpack_from(tail, at)
    entries, cd_bytes = fields[4], fields[5]
    locator_at = at - _ZIP64_LOCATOR.size
    if (entries == 0xFFFF or cd_bytes == 0xFFFFFFFF) and locator_at >= 0:
        locator = _ZIP64_LOCATOR.unpack_from(tail, locator_at)
        if locator[0] == b"PK\x06\x07":
            handle.seek(locator[2])
            record = _ZIP64_END_RECORD.unpack(handle.read(_ZIP64_END_RECORD.size))
            if record[0] != b"PK\x06\x06":
                raise ValueError("damaged zip64 end record")
            entries, cd_bytes = record[7], record[8]
    return entries, cd_bytes


def _not_a_zip(archive: Path, exc: Exception) -> UnusableSource:
    return UnusableSource(f"{archive} is not a readable zip/aar archive: {exc}")


def open_zip(archive: Path) -> zipfile.ZipFile:
    """A zip/aar/wheel opened only after its size and directory were found plausible."""
    size_bytes = require_regular_file(archive)
    try:
        with archive.open("rb") as handle:
            entries, cd_bytes = _central_directory_size(handle, size_bytes)
    except (OSError, ValueError, struct.error) as exc:
        raise _not_a_zip(archive, exc) from exc
    if entries > MAX_MEMBERS or cd_bytes > MAX_CENTRAL_DIRECTORY_BYTES:
        raise UnusableSource(
            f"{archive}: archive lists {entries} members in {cd_bytes} bytes; refusing "
            f"(limit {MAX_MEMBERS} members)"
        )
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _not_a_zip(archive, exc) from exc


def _zip_member_is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def find_model_prefix(names: list[str], preferred_prefix: str | None) -> str:
    """The folder inside an archive that holds the model (has am/final.mdl, conf/model.conf)."""
    if preferred_prefix and preferred_prefix + "am/final.mdl" in names:
        return preferred_prefix
    name_set = set(names)
    prefixes = sorted(
        (n[: -len("am/final.mdl")] for n in names if n.endswith("am/final.mdl")), key=len
    )
    for prefix in prefixes:
        if prefix + "conf/model.conf" in name_set:
            return prefix
    raise UnusableSource("archive holds no Vosk model (no am/final.mdl with conf/model.conf)")


def extract_zip_model(archive: Path, destination: Path, preferred_prefix: str | None) -> None:
    """Unpack the model folder of a zip/aar/wheel into destination, an empty folder."""
    with open_zip(archive) as zf:
        infos = zf.infolist()
        for info in infos:
            safe_relative(info.filename)  # refuse the whole archive if any member is unsafe
        if len({i.filename for i in infos}) != len(infos):
            raise UnusableSource(f"{archive}: archive lists a member twice; refusing")
        prefix = find_model_prefix([i.filename for i in infos], preferred_prefix)
        members = [i for i in infos if i.filename.startswith(prefix) and not i.is_dir()]
        declared_bytes = sum(i.file_size for i in members)
        if declared_bytes > MAX_UNPACKED_BYTES:
            raise UnusableSource(
                f"archive would unpack to {declared_bytes / 1e6:.0f} MB; refusing "
                f"(limit {MAX_UNPACKED_BYTES / 1e6:.0f} MB)"
            )
        root = destination.resolve()
        budget = MAX_UNPACKED_BYTES
        for info in members:
            if _zip_member_is_link(info):
                raise UnusableSource(f"archive member is a link: {info.filename!r}")
            target = (root / safe_relative(info.filename[len(prefix) :])).resolve()
            if root not in target.parents:
                raise UnusableSource(f"archive member leaves the target folder: {info.filename!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as source:
                budget -= copy_bounded(source, target, budget)


def copy_model_folder(source: Path, destination: Path) -> None:
    """Copy a model folder into destination, an empty folder: regular files only, bounded."""
    files: list[tuple[Path, int]] = []
    total_bytes = 0
    for path in sorted(source.rglob("*")):
        if path.name == ".installed.json":
            continue  # the manifest is rewritten for the copy
        mode = path.lstat().st_mode
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            kind = "a link" if stat.S_ISLNK(mode) else "not a regular file"
            raise UnusableSource(f"refusing to copy from the model folder: {path} is {kind}")
        files.append((path, path.lstat().st_size))
        total_bytes += files[-1][1]
        if len(files) > MAX_MEMBERS or total_bytes > MAX_UNPACKED_BYTES:
            raise UnusableSource(f"{source} holds more than any small model; refusing")
    budget = MAX_UNPACKED_BYTES
    for path, _size in files:
        target = destination / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: the file cannot have been swapped for a link since it was checked.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            budget -= copy_bounded(handle, target, budget)
