"""Access to the compiled kernels: ``from jaggy._kernels import api; api.offsets_to_counts(...)``."""

from __future__ import annotations

from jaggy._kernels import _api_generated as api
from jaggy._kernels._signatures_generated import KERNELS

__all__ = ["KERNELS", "api"]
