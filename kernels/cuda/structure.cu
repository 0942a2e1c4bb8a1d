// CUDA entry bodies of the structure kernels (kernels/spec/structure.yaml).
#pragma once

#include "common.cuh"
#include "jaggy/ops/structure.h"

namespace jaggy::gpu {

JAGGY_DEVICE void local_index(const int64_t* offsets, int64_t* out, int64_t n, int64_t total,
                              unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::local_index_at(offsets, out, total, i));
}

template <typename T>
JAGGY_DEVICE void pad_index(const T* starts, const T* stops, const int64_t* outoffsets,
                            int64_t* index, int64_t n, int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::pad_index_at(starts, stops, outoffsets, index, total, i));
}

template <typename T>
JAGGY_DEVICE void index_fill(const T* content, const int64_t* index, const T* value, T* out,
                             int64_t n, int64_t m, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::index_fill_at(content, index, value[0], out, m, i));
}

}  // namespace jaggy::gpu
