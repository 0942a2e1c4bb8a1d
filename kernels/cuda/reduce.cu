// CUDA entry bodies of the segmented reductions (kernels/spec/reduce.yaml): one thread per group,
// each group reduced sequentially with the shared bodies, so results match the CPU's.
#pragma once

#include "common.cuh"
#include "jaggy/ops/reduce.h"

// A thread per group; body(g, lo, hi) runs after the group's bounds are checked (code 1).
#define JAGGY_FOR_GROUPS(body)                                      \
  JAGGY_GRID_STRIDE(g, n) {                                         \
    if (!ops::reduce_group_ok(offsets, ndata, g)) {                 \
      report(err, g, 1);                                            \
      continue;                                                     \
    }                                                               \
    const int64_t lo = offsets[g], hi = offsets[g + 1];             \
    body;                                                           \
  }

namespace jaggy::gpu {

template <typename T>
JAGGY_DEVICE void reduce_sum(const int64_t* offsets, const T* data, T* out, int64_t n,
                             int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_sum(data + lo, hi - lo))
}

template <typename T>
JAGGY_DEVICE void reduce_mean(const int64_t* offsets, const T* data, const double* empty,
                              double* out, int64_t n, int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_mean(data + lo, hi - lo, empty[0]))
}

template <typename T>
JAGGY_DEVICE void reduce_prod(const int64_t* offsets, const T* data, T* out, int64_t n,
                              int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_prod(data + lo, hi - lo))
}

template <typename T>
JAGGY_DEVICE void reduce_max(const int64_t* offsets, const T* data, const T* identity, T* out,
                             int64_t n, int64_t ndata, unsigned long long* err) {
  const T start = n > 0 ? identity[0] : T(0);
  JAGGY_FOR_GROUPS(out[g] = ops::group_max(data + lo, hi - lo, start))
}

template <typename T>
JAGGY_DEVICE void reduce_min(const int64_t* offsets, const T* data, const T* identity, T* out,
                             int64_t n, int64_t ndata, unsigned long long* err) {
  const T start = n > 0 ? identity[0] : T(0);
  JAGGY_FOR_GROUPS(out[g] = ops::group_min(data + lo, hi - lo, start))
}

template <typename T>
JAGGY_DEVICE void reduce_max_masked(const int64_t* offsets, const T* data, const T* identity,
                                    T* out, bool* valid, int64_t n, int64_t ndata,
                                    unsigned long long* err) {
  const T start = n > 0 ? identity[0] : T(0);
  JAGGY_FOR_GROUPS((out[g] = ops::group_max(data + lo, hi - lo, start), valid[g] = hi > lo))
}

template <typename T>
JAGGY_DEVICE void reduce_min_masked(const int64_t* offsets, const T* data, const T* identity,
                                    T* out, bool* valid, int64_t n, int64_t ndata,
                                    unsigned long long* err) {
  const T start = n > 0 ? identity[0] : T(0);
  JAGGY_FOR_GROUPS((out[g] = ops::group_min(data + lo, hi - lo, start), valid[g] = hi > lo))
}

template <typename T>
JAGGY_DEVICE void reduce_argmax(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                                int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS((out[g] = ops::group_arg<T, true>(data, lo, hi)))
}

template <typename T>
JAGGY_DEVICE void reduce_argmin(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                                int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS((out[g] = ops::group_arg<T, false>(data, lo, hi)))
}

template <typename T>
JAGGY_DEVICE void reduce_count_nonzero(const int64_t* offsets, const T* data, int64_t* out,
                                       int64_t n, int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_count_nonzero(data + lo, hi - lo))
}

template <typename T>
JAGGY_DEVICE void reduce_any(const int64_t* offsets, const T* data, bool* out, int64_t n,
                             int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_any(data + lo, hi - lo))
}

template <typename T>
JAGGY_DEVICE void reduce_all(const int64_t* offsets, const T* data, bool* out, int64_t n,
                             int64_t ndata, unsigned long long* err) {
  JAGGY_FOR_GROUPS(out[g] = ops::group_all(data + lo, hi - lo))
}

}  // namespace jaggy::gpu

#undef JAGGY_FOR_GROUPS
