"""Test configuration shared by every test directory.

Hypothesis runs derandomized by default (the same examples on every run, so CI is reproducible);
``HYPOTHESIS_PROFILE=explore`` draws new random examples, for hunting bugs locally.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
