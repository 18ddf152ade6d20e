"""Writing a file so that readers see the old version or the new one, never half of one.

The bytes go to a temporary file in the same folder, are flushed to disk, and the file is
renamed over the target: a crash, Ctrl-C or power cut cannot leave a torn file behind.

Only regular files are ever replaced. A target that is a device (/dev/null, /dev/stdout), a
FIFO, a socket, a directory or a symbolic link is refused: renaming over it would put a
regular file where the system (or the user) keeps something else.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFile(OSError):
    """The target exists and is not a regular file; str() names it and says what it is."""


def _kind(mode: int) -> str | None:
    """What a file of this mode is, if it is not a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None)


def unwritable_reason(path: Path) -> str | None:
    """Why `path` cannot be written safely by write_atomically, or None if it can.

    The target must be a regular file or not exist yet; its folder (or, when the folder does
    not exist yet, the nearest existing one above it, where the folders will be made) must
    let this process create a file: tried for real, as permissions alone do not tell (root,
    read-only file systems, /proc).
    """
    if not path.name:
        return "it is a folder, not a file name"
    try:
        kind = _kind(path.lstat().st_mode)
    except FileNotFoundError:
        kind = None
    except OSError as err:  # e.g. a parent that is a regular file: ENOTDIR
        return _folder_reason(path.parent) or err.strerror or str(err)
    if kind is not None:
        return f"it is {kind}, not a regular file"
    return _folder_reason(path.parent)


def _folder_reason(folder: Path) -> str | None:
    existing = folder.absolute()
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as err:
        return f"cannot create files in {existing}: {err.strerror or err}"
    return None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; raises NotARegularFile if path is anything but a file."""
    _refuse_non_regular(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _refuse_non_regular(path)  # it may have been swapped while we wrote
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _refuse_non_regular(path: Path) -> None:
    try:
        kind = _kind(path.lstat().st_mode)
    except FileNotFoundError:
        return
    if kind is not None:
        raise NotARegularFile(f"{path} is {kind}, not a regular file: not replaced")


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, text.encode("utf-8"))
