// CUDA entry bodies of the index and mask kernels (kernels/spec/index.yaml).
#pragma once

#include "common.cuh"
#include "jaggy/ops/index.h"

namespace jaggy::gpu {

template <typename T>
JAGGY_DEVICE void index_validity(const T* index, int64_t n, int64_t content_len,
                                 bool allow_missing, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::index_validity_at(index, content_len, allow_missing, i));
}

// Second step of option_compact: the glue (python/jaggy/_kernels/_cuda_glue.py) has written the
// inclusive count of valid entries up to i into outindex[i]; each thread reads its own entry
// before overwriting it, and thread n - 1 writes the total.
template <typename T>
JAGGY_DEVICE void option_compact(const T* index, int64_t* carry, int64_t* outindex,
                                 int64_t* nvalid, int64_t n, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t upto = outindex[i];
    if (index[i] >= T(0)) {
      carry[upto - 1] = static_cast<int64_t>(index[i]);
      outindex[i] = upto - 1;
    } else {
      outindex[i] = -1;
    }
    if (i == n - 1) nvalid[0] = upto;
  }
}

JAGGY_DEVICE void bytemask_to_index(const int8_t* mask, int64_t* index, int64_t n, bool valid_when,
                                    unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) ops::bytemask_to_index_at(mask, index, valid_when, i);
}

template <typename T>
JAGGY_DEVICE void bytemask_fill(const T* content, const int8_t* mask, const T* value, T* out,
                                int64_t n, bool valid_when, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) ops::bytemask_fill_at(content, mask, value[0], out, valid_when, i);
}

JAGGY_DEVICE void bitmask_to_bytemask(const uint8_t* bitmask, int8_t* bytemask, int64_t n,
                                      bool valid_when, bool lsb_order, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) ops::bitmask_to_bytemask_at(bitmask, bytemask, valid_when, lsb_order, i);
}

template <typename T>
JAGGY_DEVICE void union_validity(const int8_t* tags, const T* index, const int64_t* content_lens,
                                 int64_t n, int64_t ncontents, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::union_validity_at(tags, index, content_lens, ncontents, i));
  }
}

}  // namespace jaggy::gpu
