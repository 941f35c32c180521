"""A quiet progress line on stderr for work that takes more than a moment.

Nothing is shown when stderr is not a terminal (pipes, CI, tests), nor for
work that ends within ``delay`` seconds.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

from actorgraph.text import terminal_safe

_FRAMES = "|/-\\"


@contextlib.contextmanager
def working(
    label: str, delay: float = 2.0, stream: TextIO | None = None, interactive: bool | None = None
) -> Iterator[None]:
    """Show ``label`` with a spinner and elapsed seconds while the block runs."""
    out = stream or sys.stderr
    if not (out.isatty() if interactive is None else interactive):
        yield
        return
    out = getattr(out, "unguarded", out)  # its own \r must reach the terminal as is
    label = terminal_safe(label)  # a file name in it must not
    done = threading.Event()
    start = time.monotonic()

    def spin() -> None:
        if done.wait(delay):
            return
        frame = 0
        while not done.wait(0.2):
            out.write(f"\r{label} {_FRAMES[frame % 4]} {time.monotonic() - start:.0f}s ")
            out.flush()
            frame += 1

    thread = threading.Thread(target=spin, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if time.monotonic() - start >= delay:
            out.write(f"\r{label} done in {time.monotonic() - start:.1f}s\n")
            out.flush()
