// CUDA entry bodies of the offsets kernels (kernels/spec/offsets.yaml). counts_to_offsets and
// compact_offsets write the per-list lengths here; the glue (python/jaggy/_kernels/_cuda_glue.py)
// turns them into offsets with a device scan (xp.cumsum).
#pragma once

#include "common.cuh"
#include "jaggy/ops/offsets.h"

namespace jaggy::gpu {

template <typename T>
JAGGY_DEVICE void offsets_to_counts(const T* offsets, int64_t* counts, int64_t n,
                                    unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::offsets_to_counts_at(offsets, counts, i));
}

template <typename T>
JAGGY_DEVICE void counts_to_offsets(const T* counts, int64_t* offsets, int64_t n,
                                    unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    T c = counts[i];
    int64_t code = kOk;
    if (c < T(0)) code = counts_to_offsets_err::negative;
    else if (static_cast<uint64_t>(c) > static_cast<uint64_t>(INT64_MAX))
      code = counts_to_offsets_err::overflow;
    offsets[i + 1] = code == kOk ? static_cast<int64_t>(c) : 0;
    report(err, i, code);
  }
}

template <typename T>
JAGGY_DEVICE void list_first_index(const T* starts, const T* stops, int64_t* index, int64_t n,
                                   unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) ops::list_first_index_at(starts, stops, index, i);
}

template <typename T>
JAGGY_DEVICE void list_validity(const T* starts, const T* stops, int64_t n, int64_t content_len,
                                unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::list_validity_at(starts, stops, content_len, i));
}

template <typename T>
JAGGY_DEVICE void compact_offsets(const T* starts, const T* stops, int64_t* offsets, int64_t n,
                                  unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    if (stops[i] < starts[i]) {
      offsets[i + 1] = 0;
      report(err, i, compact_offsets_err::start_after_stop);
    } else {
      offsets[i + 1] = static_cast<int64_t>(stops[i]) - static_cast<int64_t>(starts[i]);
    }
  }
}

template <typename T>
JAGGY_DEVICE void list_carry(const T* starts, const int64_t* offsets, int64_t* carry, int64_t n,
                             int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::list_carry_at(starts, offsets, carry, total, i));
}

// n + 1 threads: thread 0 also checks offsets[0] (reported at index 0 with the smaller code,
// which wins over a code 2 or 3 at list 0, as on the CPU); thread n only does that when n == 0.
template <typename T>
JAGGY_DEVICE void offsets_validity(const T* offsets, int64_t n, int64_t content_len,
                                   unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n + 1) {
    if (i == 0 && offsets[0] < T(0)) report(err, 0, offsets_validity_err::negative);
    if (i < n) report(err, i, ops::offsets_validity_at(offsets, content_len, i));
  }
}

}  // namespace jaggy::gpu
