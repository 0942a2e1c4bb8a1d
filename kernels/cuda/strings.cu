// CUDA entry bodies of the string kernels (kernels/spec/strings.yaml). Kernels with a bad-scalar
// precondition (reported at index 0, before any per-string error) run at least one thread.
#pragma once

#include "common.cuh"
#include "jaggy/ops/strings.h"

namespace jaggy::gpu {

JAGGY_DEVICE void utf8_length(const int64_t* offsets, const uint8_t* chars, int64_t* lengths,
                              int64_t n, int64_t nchars, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::utf8_length_at(offsets, chars, lengths, nchars, i));
}

JAGGY_DEVICE void utf8_decode(const uint8_t* chars, int32_t* codepoints, int64_t n,
                              unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::utf8_decode_at(chars, codepoints, n, i));
}

JAGGY_DEVICE void utf8_encode(const int32_t* codepoints, const int64_t* byte_offsets,
                              uint8_t* chars, int64_t n, int64_t nbytes,
                              unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::utf8_encode_at(codepoints, byte_offsets, chars, nbytes, i));
  }
}

JAGGY_DEVICE void ascii_case(const uint8_t* chars, uint8_t* out, int64_t n, int64_t mode,
                             unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, at_least_one(n)) {
    if (mode < 0 || mode > 2) {
      if (i == 0) report(err, 0, ascii_case_err::bad_mode);
      continue;
    }
    if (i < n) ops::ascii_case_at(chars, out, mode, i);
  }
}

JAGGY_DEVICE void substring_count(const int64_t* offsets, const uint8_t* chars,
                                  const uint8_t* pattern, int64_t* counts, int64_t n,
                                  int64_t nchars, int64_t m, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, at_least_one(n)) {
    if (m < 1) {
      if (i == 0) report(err, 0, substring_count_err::empty_pattern);
      continue;
    }
    if (i < n) report(err, i, ops::substring_count_at(offsets, chars, pattern, counts, nchars, m, i));
  }
}

JAGGY_DEVICE void substring_find(const int64_t* offsets, const uint8_t* chars,
                                 const uint8_t* pattern, int64_t* index, int64_t n,
                                 int64_t nchars, int64_t m, bool from_end,
                                 unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::substring_find_at(offsets, chars, pattern, index, nchars, m, from_end, i));
  }
}

JAGGY_DEVICE void substring_positions(const int64_t* offsets, const uint8_t* chars,
                                      const uint8_t* pattern, const int64_t* pos_offsets,
                                      int64_t* positions, int64_t n, int64_t nchars, int64_t m,
                                      int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, at_least_one(n)) {
    if (m < 1) {
      if (i == 0) report(err, 0, substring_positions_err::empty_pattern);
      continue;
    }
    if (i < n) {
      report(err, i, ops::substring_positions_at(offsets, chars, pattern, pos_offsets, positions,
                                                 nchars, m, total, i));
    }
  }
}

}  // namespace jaggy::gpu
