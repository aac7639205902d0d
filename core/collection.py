"""Rendering a big response without the cyclic garbage collector's pauses.

A feed of a big programme builds some 30,000 objects (rows, model instances, the feed's
structures) that hold no reference cycles: they are freed by reference counting once the
response is written. Each of them still counts towards the collector's thresholds, so a
render set off two dozen collections, some of them of the whole heap (the application's
100,000 objects and more), which took a fifth of the render (18 ms of 80 on the big
conference). While paused, nothing is collected; the collector runs again as usual
afterwards and finds any cycle made in between.

The programme page is rendered paused too. Its rows do hold cycles (a slot and its
appearances point at each other): ``public.queries.outline`` unlinks each slot once
printed, so that they too are freed at once rather than walked by the next collection.
"""

import contextlib
import gc


@contextlib.contextmanager
def collection_paused():
    """No cyclic garbage collection in the block (or the view it decorates).

    The collector is process-wide: a thread that finds it already paused leaves it to the
    thread that paused it, which turns it on again when its own block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
