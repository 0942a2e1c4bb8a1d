"""The CI tier of the fuzzer (``python -m jaggy.testing.fuzz``): thousands of corrupted
``from_buffers`` inputs, garbage Python data, builder call sequences, random indexes, random
kernel arguments and printing of garbage layouts give results or Python exceptions only. The
inputs run in worker processes, so a crash or a hang is reported with its seed instead of ending
the test run."""

from __future__ import annotations

import pytest
from jaggy.testing import fuzz


@pytest.mark.parametrize(("target", "count"), [("from_buffers", 3000), ("printing", 1000),
                                               ("from_iter", 1000), ("builder", 1000),
                                               ("getitem", 1000), ("kernels", 1000)])
def test_fuzz_target(target, count):
    done, failures, _ = fuzz.run(target, 0, count, timeout=60.0)
    assert done == count
    assert failures == [], "\n".join(f"seed {seed}: {info}" for seed, info in failures[:5])
