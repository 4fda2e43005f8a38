"""Leaving a finished build's objects to the operating system instead of freeing them one by one.

A build of 10,000 briefings ends with some 300,000 live objects (articles, briefs, related
lists, groups). When the interpreter exits it frees them one at a time, which takes about half
a second and changes nothing on disk. After a build has finished (`finalized`),
`skip_teardown_at_exit` registers, once, an exit hook that pins every object the garbage
collector tracks in a list that refers to itself and moves them all to its permanent generation
(`gc.freeze`), so the interpreter never frees them and the process ends at once.

Nothing is lost: the exit hook first flushes every file object still open for writing, the
interpreter still flushes the standard streams, and the other exit hooks (logging's, temporary
folders') run after this one as usual. The exit status is untouched.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
from typing import Any

_PINNED: list[list[Any]] = []  # the list of objects kept alive until the process ends
_REGISTERED = False


def pin_everything() -> int:
    """Exit hook: flush open writable files, then pin all tracked objects; returns how many."""
    objects = gc.get_objects()
    for obj in objects:
        if isinstance(obj, io.IOBase) and not obj.closed and obj.writable():
            with contextlib.suppress(OSError, ValueError):  # a broken stream: nothing to save
                obj.flush()
    objects.append(objects)  # a cycle the collector will never look at again
    _PINNED.append(objects)
    gc.freeze()
    return len(objects)


def skip_teardown_at_exit(_sender: Any = None) -> None:
    """`finalized` receiver: at process exit, leave this build's objects in place (see above)."""
    global _REGISTERED
    if not _REGISTERED:
        _REGISTERED = True
        atexit.register(pin_everything)
