"""The sample data set shipped with jaggy (1,000 collision-like events; see tools/make_sample.py)."""

from __future__ import annotations

import json
import pathlib
from typing import Any

EVENTS = pathlib.Path(__file__).with_name("events.json")


def load_events() -> Any:
    """The sample events as a jaggy.Array of records (muons, jets, met, triggers)."""
    from jaggy.operations.from_iter import from_iter

    with EVENTS.open(encoding="utf-8") as fh:
        return from_iter([json.loads(line) for line in fh])
