// CUDA entry bodies of the broadcasting kernels (kernels/spec/broadcast.yaml).
#pragma once

#include "common.cuh"
#include "jaggy/ops/broadcast.h"

namespace jaggy::gpu {

JAGGY_DEVICE void broadcast_offsets_check(const int64_t* offsets_a, const int64_t* offsets_b,
                                          int64_t n, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::broadcast_offsets_check_at(offsets_a, offsets_b, i));
}

JAGGY_DEVICE void broadcast_regular_check(const int64_t* offsets, int64_t n, int64_t size,
                                          unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::broadcast_regular_check_at(offsets, size, i));
}

JAGGY_DEVICE void broadcast_parents(const int64_t* offsets, int64_t* parents, int64_t n,
                                    int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::broadcast_parents_at(offsets, parents, total, i));
}

template <typename T>
JAGGY_DEVICE void broadcast_repeat(const int64_t* offsets, const T* values, T* out, int64_t n,
                                   int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t lo = offsets[i] - offsets[0], hi = offsets[i + 1] - offsets[0];
    if (hi < lo || lo < 0 || hi > total) {
      report(err, i, broadcast_repeat_err::bad_offsets);
      continue;
    }
    T v = values[i];
    for (int64_t j = lo; j < hi; j++) out[j] = v;
  }
}

}  // namespace jaggy::gpu
