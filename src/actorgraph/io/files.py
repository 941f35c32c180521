"""Atomic output: a failed or interrupted write leaves the old file intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from actorgraph.exceptions import OutputError


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write text (UTF-8) atomically; see :func:`write_atomic_bytes`."""
    return write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    Readers see either the old file or the complete new one, never a partial
    write; a crash leaves at most a hidden ``.NAME.*.tmp`` beside it.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "page.html"
    >>> write_atomic_bytes(target, b"<p>hi</p>").read_text()
    '<p>hi</p>'
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name such as {target / 'graph.html'}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
        raise
    return target
