"""The Korean voice: espeak-ng speaking through MBROLA's recorded Korean diphones (hn1).

espeak-ng's own Korean is a formant voice the Korean speech model hardly understands (CER
~89%); MBROLA's hn1 is a recording of a Korean speaker (bench/history/korean.md, "Korean"). Debian
ships `mbrola` (contrib) and `mbrola-hn1` (non-free), which script/setup installs, but
espeak-ng 1.51 has no voice file for hn1 and its hn1 phoneme table is out of step with its
Korean phonemes. So the project writes both into a data folder of its own (in the user data
folder: ``espeak/espeak-ng-data``): links to every entry of the system's espeak-ng data, plus
``voices/mb/mb-hn1`` and ``mbrola_ph/hn1ko_phtrans`` compiled from
``prompts/pronunciations.ko.mbrola-hn1.txt``. ESPEAK_DATA_PATH names it before espeak-ng
starts, which libespeak-ng reads at initialization (so pyttsx3's espeak driver sees it);
every other voice is the system's own, through the links.

Where MBROLA or hn1 is missing, Korean is spoken by espeak-ng's ``ko`` (one note says so).

    python -m assistant.speaking.korean_voice     # build the folder (script/setup runs this)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.paths import PROMPTS_DIR, user_data_dir
from assistant.speaking.synthesizer import VoiceInfo

VOICE_ID = "mb/mb-hn1"
"""The espeak-ng voice name (voices/mb/mb-hn1 of the data folder)."""
FALLBACK_VOICE_ID = "ko"
TABLE = PROMPTS_DIR / "pronunciations.ko.mbrola-hn1.txt"
TABLE_NAME = "hn1ko"
VOICE_FILE = (
    f"name korean-mbrola-hn1\nlanguage ko 8\ngender male\nmbrola hn1 {TABLE_NAME}_phtrans\n"
)
MBROLA_VOICE_PATHS = (Path("/usr/share/mbrola/hn1/hn1"), Path("/usr/share/mbrola/hn1"))
STAMP = ".icloud-photos-assistant-ko"
MISSING_NOTE = (
    "Korean voice: espeak-ng's own, because MBROLA's Korean voice (hn1) is not installed "
    "(script/setup installs it)."
)


def mbrola_installed() -> bool:
    """The mbrola program and the hn1 voice's diphone file."""
    return shutil.which("mbrola") is not None and any(p.is_file() for p in MBROLA_VOICE_PATHS)


def data_root() -> Path:
    """The folder ESPEAK_DATA_PATH names (espeak-ng reads its ``espeak-ng-data`` inside)."""
    return user_data_dir() / "espeak"


def _system_data() -> Path | None:
    """espeak-ng's own data folder, as the command reports it without our ESPEAK_DATA_PATH."""
    env = {k: v for k, v in os.environ.items() if k != "ESPEAK_DATA_PATH"}
    try:
        out = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True,
                             env=env, timeout=10, check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"Data at: (\S+)", out)
    return Path(match.group(1)) if match and Path(match.group(1)).is_dir() else None


def _stamp_text(system: Path) -> str:
    digest = hashlib.sha256(TABLE.read_bytes() + VOICE_FILE.encode()).hexdigest()
    return f"{system}\n{digest}\n"


def build(root: Path | None = None) -> Path | None:
    """The data folder with the hn1 voice, built (or rebuilt when the table, the voice file or
    the system's data folder changed); None when MBROLA, hn1 or espeak-ng is missing or the
    table does not compile. Cheap when it is already there."""
    if not mbrola_installed():
        return None
    system = _system_data()
    if system is None:
        return None
    root = root or data_root()
    data = root / "espeak-ng-data"
    stamp = data / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == _stamp_text(system):
        return root
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="espeak-", dir=root)) / "espeak-ng-data"
    try:
        _populate(staging, system)
        if not _compile(staging):
            return None
        (staging / STAMP).write_text(_stamp_text(system), encoding="utf-8")
        old = root / f".old-{os.getpid()}"
        if data.exists():
            data.rename(old)
        staging.rename(data)
        shutil.rmtree(old, ignore_errors=True)
        return root
    finally:
        shutil.rmtree(staging.parent, ignore_errors=True)


def _populate(data: Path, system: Path) -> None:
    """Links to the system's entries; voices/ and mbrola_ph/ as real folders of links, so our
    two files can sit beside the system's."""
    data.mkdir(parents=True)
    own = ("voices", "mbrola_ph")
    for entry in system.iterdir():
        if entry.name not in own:
            (data / entry.name).symlink_to(entry)
    for name in own:
        (data / name).mkdir()
        if (system / name).is_dir():
            for entry in (system / name).iterdir():
                (data / name / entry.name).symlink_to(entry)
    voices_mb = data / "voices" / "mb"
    if voices_mb.is_symlink():  # the system's mb/ folder: ours holds its entries too
        target = voices_mb.resolve()
        voices_mb.unlink()
        voices_mb.mkdir()
        for entry in target.iterdir():
            (voices_mb / entry.name).symlink_to(entry)
    voices_mb.mkdir(exist_ok=True)
    (voices_mb / "mb-hn1").unlink(missing_ok=True)
    (voices_mb / "mb-hn1").write_text(VOICE_FILE, encoding="utf-8")


def _compile(data: Path) -> bool:
    """espeak-ng --compile-mbrola writes mbrola_ph/<name>_phtrans into the data folder."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / TABLE_NAME
        source.write_bytes(TABLE.read_bytes())
        env = dict(os.environ, ESPEAK_DATA_PATH=str(data.parent))
        try:
            subprocess.run(["espeak-ng", f"--compile-mbrola={source}"], env=env,
                           capture_output=True, timeout=60, check=True)  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return False
    return (data / "mbrola_ph" / f"{TABLE_NAME}_phtrans").is_file()


def use_data_path() -> bool:
    """Points ESPEAK_DATA_PATH at the folder (building it if needed) unless the user set it;
    must run before espeak-ng initializes. True when the hn1 voice is there to use."""
    if os.environ.get("ESPEAK_DATA_PATH"):
        return ready()
    try:
        root = build()
    except OSError:
        return False
    if root is None:
        return False
    os.environ["ESPEAK_DATA_PATH"] = str(root)
    return True


def ready() -> bool:
    """The hn1 voice is in the data folder espeak-ng reads (after use_data_path())."""
    path = os.environ.get("ESPEAK_DATA_PATH")
    return path is not None and (Path(path) / "espeak-ng-data" / "voices" / VOICE_ID).is_file()


def voices(engine: str) -> list[VoiceInfo]:
    """The hn1 voice, which espeak-ng's voice list leaves out (it lists no MBROLA voice)."""
    return [VoiceInfo(VOICE_ID, "korean-mbrola-hn1", ("ko",), engine)] if ready() else []


def main() -> int:
    if not mbrola_installed():
        print(MISSING_NOTE, file=sys.stderr)
        return 1
    root = build()
    if root is None:
        print("Korean voice: the MBROLA hn1 table did not compile; espeak-ng's own voice is used.",
              file=sys.stderr)  # fmt: skip
        return 1
    print(f"Korean voice: MBROLA hn1, espeak-ng data in {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
