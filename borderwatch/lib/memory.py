"""Keep the garbage collector off what a server process loads once.

A web process holds some 100,000 long-lived objects after start-up (Django, the URL
resolver, the API's schemas, the geography). Python's full (generation 2) collection walks
all of them; measured on the benchmark machine it took 35–50 ms and ran every twenty or so
requests, which was most of the API's 95th-percentile latency. `settle()` collects once
and freezes what is left, so later collections look only at what requests create.
"""

import gc


def settle() -> None:
    """Collect, then move every object alive now out of the collector's generations."""
    gc.collect()
    gc.freeze()
