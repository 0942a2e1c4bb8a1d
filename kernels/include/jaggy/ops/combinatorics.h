// Per-list bodies of the combinations and cartesian kernels (kernels/spec/combinatorics.yaml).
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

// Binomial coefficient C(m, k) into *out; false when it does not fit in int64.
JAGGY_HD bool binomial(int64_t m, int64_t k, int64_t* out) {
  if (k < 0 || m < k) {
    *out = 0;
    return true;
  }
  if (m - k < k) k = m - k;  // the partial products then only grow
  __int128 c = 1;
  for (int64_t j = 0; j < k; j++) {
    const __int128 p = c * (m - j);  // c <= INT64_MAX and m - j <= INT64_MAX: no overflow
    // (divisions of 128-bit numbers are library calls: the common small cases avoid them)
    if (j == 0) {
      c = p;
    } else if (j == 1) {
      c = p >> 1;  // p >= 0
    } else if (p <= static_cast<__int128>(INT64_MAX)) {
      c = static_cast<int64_t>(p) / (j + 1);
    } else {
      c = p / (j + 1);
    }
    if (c > static_cast<__int128>(INT64_MAX)) return false;
  }
  *out = static_cast<int64_t>(c);
  return true;
}

JAGGY_HD int64_t combinations_count_at(const int64_t* lengths, int64_t* counts, int64_t k,
                                       bool replacement, int64_t i) {
  int64_t len = lengths[i];
  if (len < 0) return combinations_count_err::negative;
  __int128 m = static_cast<__int128>(len) + (replacement ? k - 1 : 0);
  if (m > static_cast<__int128>(INT64_MAX)) return combinations_count_err::overflow;
  if (!binomial(static_cast<int64_t>(m), k, &counts[i])) return combinations_count_err::overflow;
  return kOk;
}

// Combinations of one list, lexicographic; each row is derived from the previous row in carry.
JAGGY_HD void combinations_fill_at(const int64_t* starts, const int64_t* lengths,
                                   const int64_t* offsets, int64_t* carry, int64_t k,
                                   int64_t total, bool replacement, int64_t i) {
  int64_t lo = offsets[i], hi = offsets[i + 1], len = lengths[i], s = starts[i];
  if (hi <= lo) return;
  for (int64_t m = 0; m < k; m++) carry[m * total + lo] = s + (replacement ? 0 : m);
  for (int64_t p = lo + 1; p < hi; p++) {
    int64_t m = k - 1;
    for (; m >= 0; m--) {
      int64_t c = carry[m * total + p - 1] - s;
      int64_t limit = replacement ? len - 1 : len - k + m;
      if (c < limit) break;
    }
    if (m < 0) {  // fewer combinations than the offsets ask for: cannot happen with sized offsets
      for (; p < hi; p++)
        for (int64_t q = 0; q < k; q++) carry[q * total + p] = carry[q * total + p - 1];
      return;
    }
    for (int64_t q = 0; q < m; q++) carry[q * total + p] = carry[q * total + p - 1];
    int64_t c = carry[m * total + p - 1] + 1;
    carry[m * total + p] = c;
    for (int64_t q = m + 1; q < k; q++) carry[q * total + p] = replacement ? c : c + (q - m);
  }
}

JAGGY_HD int64_t cartesian_size(const int64_t* lengths, int64_t n, int64_t k, int64_t i,
                                int64_t* out) {
  for (int64_t m = 0; m < k; m++)
    if (lengths[m * n + i] < 0) return cartesian_count_err::negative;
  __int128 c = 1;
  for (int64_t m = 0; m < k; m++) {
    c *= lengths[m * n + i];
    if (c > static_cast<__int128>(INT64_MAX)) return cartesian_count_err::overflow;
  }
  *out = static_cast<int64_t>(c);
  return kOk;
}

JAGGY_HD int64_t cartesian_count_at(const int64_t* lengths, int64_t* counts, int64_t n, int64_t k,
                                    int64_t i) {
  return cartesian_size(lengths, n, k, i, &counts[i]);
}

// Cartesian product of one list (an odometer, the last array fastest), rows derived as above.
JAGGY_HD void cartesian_fill_at(const int64_t* starts, const int64_t* lengths,
                                const int64_t* offsets, int64_t* carry, int64_t n, int64_t k,
                                int64_t total, int64_t i) {
  int64_t lo = offsets[i], hi = offsets[i + 1];
  if (hi <= lo) return;
  for (int64_t m = 0; m < k; m++) carry[m * total + lo] = starts[m * n + i];
  for (int64_t p = lo + 1; p < hi; p++) {
    bool carry_on = true;
    for (int64_t m = k - 1; m >= 0; m--) {
      int64_t prev = carry[m * total + p - 1];
      if (!carry_on) {
        carry[m * total + p] = prev;
        continue;
      }
      int64_t s = starts[m * n + i];
      if (prev - s + 1 < lengths[m * n + i]) {
        carry[m * total + p] = prev + 1;
        carry_on = false;
      } else {
        carry[m * total + p] = s;
      }
    }
  }
}

}  // namespace jaggy::ops
