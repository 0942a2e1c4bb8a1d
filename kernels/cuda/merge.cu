// CUDA entry bodies of the merge kernels (kernels/spec/merge.yaml). The interleave kernels write
// list i at cursor[i]; the caller's cursors give disjoint ranges (as the CPU's serial loop
// assumes for a meaningful result), so threads never write the same element.
#pragma once

#include "common.cuh"
#include "jaggy/ops/merge.h"

namespace jaggy::gpu {

template <typename T>
JAGGY_DEVICE void merge_add_counts(const T* starts, const T* stops, int64_t* counts, int64_t n,
                                   unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::merge_add_counts_at(starts, stops, counts, i));
}

template <typename T>
JAGGY_DEVICE void merge_interleave_index(const T* starts, const T* stops, int64_t* cursor,
                                         int8_t* tags, int64_t* index, int64_t n, int64_t total,
                                         int64_t content_len, int64_t tag, int64_t base,
                                         unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::merge_interleave_index_at(starts, stops, cursor, tags, index, total,
                                                  content_len, tag, base, i));
  }
}

template <typename T, typename V>
JAGGY_DEVICE void merge_interleave_fill(const T* starts, const T* stops, const V* content,
                                        int64_t* cursor, V* out, int64_t n, int64_t content_len,
                                        int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::merge_interleave_fill_at(starts, stops, content, cursor, out, content_len,
                                                 total, i));
  }
}

}  // namespace jaggy::gpu
