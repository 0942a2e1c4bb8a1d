// Per-list bodies of the sorting and scan kernels (kernels/spec/sorting.yaml).
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

JAGGY_HD bool segment_ok(const int64_t* offsets, int64_t nvalues, int64_t i) {
  return offsets[i] >= 0 && offsets[i + 1] >= offsets[i] && offsets[i + 1] <= nvalues;
}

template <typename T>
JAGGY_HD bool is_nan(T x) {
  return x != x;
}

// "a goes before b" among non-NaN values.
template <typename T>
JAGGY_HD bool before(T a, T b, bool ascending) {
  return ascending ? (a < b) : (b < a);
}

// Inclusive scan of one list: op 0 = sum, op 1 = product.
template <typename T>
JAGGY_HD void segmented_scan_at(const int64_t* offsets, const T* values, T* out, int64_t op,
                                int64_t i) {
  T acc = op == 0 ? T(0) : T(1);
  for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) {
    acc = op == 0 ? T(acc + values[j]) : T(acc * values[j]);
    out[j] = acc;
  }
}

}  // namespace jaggy::ops
