// Per-list bodies of the broadcasting kernels, shared by the CPU loops and the CUDA launches.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

JAGGY_HD int64_t broadcast_offsets_check_at(const int64_t* a, const int64_t* b, int64_t i) {
  if (a[i + 1] - a[i] != b[i + 1] - b[i]) return broadcast_offsets_check_err::mismatch;
  return kOk;
}

JAGGY_HD int64_t broadcast_regular_check_at(const int64_t* offsets, int64_t size, int64_t i) {
  if (offsets[i + 1] - offsets[i] != size) return broadcast_regular_check_err::mismatch;
  return kOk;
}

JAGGY_HD int64_t broadcast_parents_at(const int64_t* offsets, int64_t* parents, int64_t total,
                                             int64_t i) {
  int64_t lo = offsets[i] - offsets[0], hi = offsets[i + 1] - offsets[0];
  if (hi < lo || lo < 0 || hi > total) return broadcast_parents_err::bad_offsets;
  for (int64_t j = lo; j < hi; j++) parents[j] = i;
  return kOk;
}

}  // namespace jaggy::ops
