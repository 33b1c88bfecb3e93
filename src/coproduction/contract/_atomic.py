"""Atomic file writes (private): a file appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Write a file through a temporary file beside it, then rename it into place.

    If ``write`` raises, the temporary file is removed and any existing file at
    ``path`` is left untouched. (The command line first removes what a killed
    run left behind: :func:`remove_leftovers`.)

    Args:
        path: The file to create or replace.
        write: Called with a binary stream to fill.

    Returns:
        The path written.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        # mkstemp makes the file readable by its owner only; give it the mode any new file would get.
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


# tempfile.mkstemp's random part: 8 characters of this alphabet.
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.part")


def remove_leftovers(target: Path) -> None:
    """Remove the temporary files a killed run left beside ``target`` (only our own pattern, only for this name).

    A file is written to ``.NAME.<random>.part`` beside its target and then
    renamed into place; a process killed outright (``kill -9``, a power cut)
    in between cannot remove it, so the next run writing that target does.
    """
    directory = target.parent if str(target.parent) else Path(".")
    try:
        children = list(directory.iterdir())
    except OSError:
        return
    for child in children:
        match = _LEFTOVER.fullmatch(child.name)
        if match and match.group("name") == target.name and not child.is_symlink() and child.is_file():
            with contextlib.suppress(OSError):
                child.unlink()


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or that of a new file under the process's umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK
