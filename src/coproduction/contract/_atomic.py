"""Atomic file writes (private): a file appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Write a file through a temporary file beside it, then rename it into place.

    If ``write`` raises, the temporary file is removed and any existing file at
    ``path`` is left untouched.

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
