#!/usr/bin/env python3
"""Writes python/jaggy/data/events.json: the small sample data set `python -m jaggy demo` tours.

Deterministic (fixed seed): 1,000 collision-like events, each a record with a variable number of
muons and jets (records), an optional missing-energy value, trigger names (strings) and, for some
events, a missing jets list. Run once; the output is committed.
"""

from __future__ import annotations

import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "python" / "jaggy" / "data" / "events.json"
TRIGGERS = ["IsoMu24", "Ele32", "PFJet500", "MET120", "DoubleMu"]


def particle(rng: np.random.Generator, charged: bool) -> dict:
    p = {
        "pt": round(float(rng.exponential(25.0)) + 5.0, 3),
        "eta": round(float(rng.normal(0.0, 1.4)), 3),
        "phi": round(float(rng.uniform(-np.pi, np.pi)), 3),
    }
    if charged:
        p["charge"] = int(rng.choice([-1, 1]))
    return p


def main() -> None:
    rng = np.random.default_rng(20261125)
    events = []
    for i in range(1000):
        muons = [particle(rng, True) for _ in range(rng.poisson(1.5))]
        jets = None if rng.random() < 0.05 else [particle(rng, False) for _ in range(rng.poisson(3.0))]
        met = None if rng.random() < 0.1 else round(float(rng.exponential(30.0)), 3)
        triggers = [t for t in TRIGGERS if rng.random() < 0.3]
        events.append({"run": 1, "event": 1000 + i, "muons": muons, "jets": jets, "met": met,
                       "triggers": triggers})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(json.dumps(e, separators=(",", ":")) for e in events) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
