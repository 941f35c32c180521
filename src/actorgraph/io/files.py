"""Atomic output: a failed or interrupted write leaves the old files intact.

Every file is written to a temporary file beside it and renamed into place. A new
file gets the mode the umask allows (as ``open`` would give it); a file replaced
keeps its mode (a ``chmod 600`` export stays private). A path that exists and is
not a regular file (a device such as ``/dev/null``, a pipe, a socket) is refused
rather than replaced. Several files that belong together (a CSV set, a report and
its picture) are written with :func:`write_all`: every temporary file first, then
every rename, so a failure while writing leaves all of them as they were.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from actorgraph.exceptions import OutputError

Content = str | bytes
"""What a file gets: text (written as UTF-8) or bytes."""


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write text (UTF-8) atomically; see :func:`write_all`."""
    return write_all({path: text})[0]


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; see :func:`write_all`.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "page.html"
    >>> write_atomic_bytes(target, b"<p>hi</p>").read_text()
    '<p>hi</p>'
    """
    return write_all({path: data})[0]


def _umask() -> int:
    with contextlib.suppress(OSError, ValueError):  # Linux says it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere reading it means setting it: put it straight back
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """The mode ``target`` keeps (it exists) or gets (it is new); refuse a special file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder; give a file name such as {target / 'graph.html'}")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"{target} exists and is not a regular file (a device, pipe or socket); "
            "refused rather than replaced: name a new file"
        )
    return stat.S_IMODE(info.st_mode)


def _temporary(target: Path, content: Content, mode: int) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def write_all(files: Mapping[str | os.PathLike[str], Content]) -> list[Path]:
    """Write several files that belong together; return their paths, in order.

    Every file is checked and written to a temporary file first; only when all of
    them are written are they renamed into place, one after the other. A failure
    before the renames leaves every old file as it was; a rename that fails (rare:
    the folder changed under us) raises :class:`OutputError` saying which files are
    new, which one failed, and which are left as they were.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_all({folder / "a.csv": "x\\n", folder / "b.csv": b"y\\n"})]
    ['a.csv', 'b.csv']
    """
    targets = [Path(path) for path in files]
    modes = [_mode_for(target) for target in targets]
    temporaries: list[str] = []
    try:
        for target, content, mode in zip(targets, files.values(), modes, strict=True):
            try:
                temporaries.append(_temporary(target, content, mode))
            except OSError as error:
                raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for index, (temporary, target) in enumerate(zip(temporaries, targets, strict=True)):
        try:
            os.replace(temporary, target)
        except OSError as error:
            for left in temporaries[index:]:
                with contextlib.suppress(OSError):
                    os.unlink(left)
            raise OutputError(_partial(targets, index, error)) from None
    return targets


def _partial(targets: list[Path], failed: int, error: OSError) -> str:
    text = f"cannot write {targets[failed]}: {error.strerror or error}"
    if failed:
        text += "; already written: " + ", ".join(map(str, targets[:failed]))
    if failed + 1 < len(targets):
        text += "; left as they were: " + ", ".join(map(str, targets[failed + 1 :]))
    return text + ("; the set is now mixed: write it again" if failed else "")
