// CUDA entry bodies of the slicing kernels (kernels/spec/slicing.yaml): one thread per list.
#pragma once

#include "common.cuh"
#include "jaggy/ops/slicing.h"

namespace jaggy::gpu {

JAGGY_DEVICE void slice_list_at(const int64_t* starts, const int64_t* stops, int64_t* carry,
                                int64_t n, int64_t at, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::slice_list_at_at(starts, stops, carry, at, i));
}

template <typename T>
JAGGY_DEVICE void slice_list_at_take(const int64_t* starts, const int64_t* stops, const T* data,
                                     T* out, int64_t n, int64_t ndata, int64_t at,
                                     unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_list_at_take_at(starts, stops, data, out, ndata, at, i));
  }
}

JAGGY_DEVICE void slice_list_range(const int64_t* starts, const int64_t* stops,
                                   int64_t* outstarts, int64_t* counts, int64_t n, int64_t start,
                                   int64_t stop, int64_t step, bool has_start, bool has_stop,
                                   unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_list_range_at(starts, stops, outstarts, counts, start, stop, step,
                                            has_start, has_stop, i));
  }
}

JAGGY_DEVICE void slice_list_range_carry(const int64_t* outstarts, const int64_t* offsets,
                                         int64_t* carry, int64_t n, int64_t step, int64_t total,
                                         unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_list_range_carry_at(outstarts, offsets, carry, step, total, i));
  }
}

// The error is reported at the flat position i * m + j, which orders like (list, j).
JAGGY_DEVICE void slice_list_array(const int64_t* starts, const int64_t* stops,
                                   const int64_t* head, int64_t* carry, int64_t n, int64_t m,
                                   unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t r = ops::slice_list_array_at(starts, stops, head, carry, m, i);
    if (r != 0) report(err, r - 1, slice_list_array_err::out_of_range);
  }
}

JAGGY_DEVICE void slice_list_advanced(const int64_t* starts, const int64_t* stops,
                                      const int64_t* head, const int64_t* advanced,
                                      int64_t* carry, int64_t n, int64_t m,
                                      unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_list_advanced_at(starts, stops, head, advanced, carry, m, i));
  }
}

JAGGY_DEVICE void slice_jagged_mask_count(const int64_t* starts, const int64_t* stops,
                                          const int64_t* maskoffsets, const bool* mask,
                                          int64_t* counts, int64_t n, int64_t masklen,
                                          unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_jagged_mask_count_at(starts, stops, maskoffsets, mask, counts,
                                                   masklen, i));
  }
}

JAGGY_DEVICE void slice_jagged_mask_carry(const int64_t* starts, const int64_t* maskoffsets,
                                          const bool* mask, const int64_t* outoffsets,
                                          int64_t* carry, int64_t n, int64_t masklen,
                                          int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_jagged_mask_carry_at(starts, maskoffsets, mask, outoffsets, carry,
                                                   masklen, total, i));
  }
}

template <typename T>
JAGGY_DEVICE void slice_jagged_mask_take(const int64_t* starts, const int64_t* maskoffsets,
                                         const bool* mask, const int64_t* outoffsets,
                                         const T* data, T* out, int64_t n, int64_t masklen,
                                         int64_t ndata, int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::slice_jagged_mask_take_at(starts, maskoffsets, mask, outoffsets, data,
                                                  out, masklen, ndata, total, i));
  }
}

// Reported at the failing list (code 1 bad offsets, code 2 an index out of range); for code 2
// the glue finds the flat position inside that list, which is what the CPU reports.
JAGGY_DEVICE void slice_jagged_index(const int64_t* starts, const int64_t* stops,
                                     const int64_t* indexoffsets, const int64_t* index,
                                     int64_t* carry, int64_t n, int64_t total,
                                     unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t r = ops::slice_jagged_index_at(starts, stops, indexoffsets, index, carry, total, i);
    if (r < 0) report(err, i, slice_jagged_index_err::bad_offsets);
    if (r > 0) report(err, i, slice_jagged_index_err::out_of_range);
  }
}

}  // namespace jaggy::gpu
