"""The garbage collector in a build: collect less often, and leave the objects in place at exit.

A build of 10,000 briefings holds some 300,000 live objects (articles, briefs, related lists,
groups) that live until the end, and makes few reference cycles. With Python's default
thresholds the collector runs a full collection over all of them every few hundred thousand
allocations: about 0.7 s of a 3 s rebuild that changes nothing. `collect_less` (at
`initialized`, and in ingest's workers) raises the thresholds to `GC_THRESHOLDS`, so young
collections are rarer and full ones all but vanish; memory stays the same.

When the interpreter exits it frees the objects one at a time, which takes about half a
second and changes nothing on disk. After a build has finished (`finalized`),
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

GC_THRESHOLDS = (10_000, 50, 100)  # Python's defaults: (700, 10, 10)
_PINNED: list[list[Any]] = []  # the list of objects kept alive until the process ends
_REGISTERED = False


def collect_less(_sender: Any = None) -> None:
    """Raise the collector's thresholds to GC_THRESHOLDS (a signal receiver, or called)."""
    gc.set_threshold(*GC_THRESHOLDS)


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
