// CUDA entry bodies of the combinations and cartesian kernels (kernels/spec/combinatorics.yaml).
// A thread checks its list and fills it; lists with valid offsets never overlap.
#pragma once

#include "common.cuh"
#include "jaggy/ops/combinatorics.h"

namespace jaggy::gpu {

JAGGY_DEVICE void combinations_count(const int64_t* lengths, int64_t* counts, int64_t n, int64_t k,
                                     bool replacement, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    report(err, i, ops::combinations_count_at(lengths, counts, k, replacement, i));
  }
}

JAGGY_DEVICE void combinations_fill(const int64_t* starts, const int64_t* lengths,
                                    const int64_t* offsets, int64_t* carry, int64_t n, int64_t k,
                                    int64_t total, bool replacement, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    if (!(offsets[i] >= 0 && offsets[i + 1] >= offsets[i] && offsets[i + 1] <= total)) {
      report(err, i, combinations_fill_err::bad_offsets);
      continue;
    }
    int64_t c = -1;
    bool fits = lengths[i] >= 0 && (!replacement || lengths[i] <= INT64_MAX - k) &&
                ops::binomial(lengths[i] + (replacement ? k - 1 : 0), k, &c);
    if (!fits || c != offsets[i + 1] - offsets[i]) {
      report(err, i, combinations_fill_err::wrong_count);
      continue;
    }
    ops::combinations_fill_at(starts, lengths, offsets, carry, k, total, replacement, i);
  }
}

template <typename T>
JAGGY_DEVICE void combinations2_take(const int64_t* offsets, const T* data,
                                     const int64_t* outoffsets, T* first, T* second, int64_t n,
                                     int64_t ndata, int64_t total, bool replacement,
                                     unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t lo = offsets[i], hi = offsets[i + 1];
    bool ok = lo >= 0 && hi >= lo && hi <= ndata && outoffsets[i] >= 0 &&
              outoffsets[i + 1] >= outoffsets[i] && outoffsets[i + 1] <= total;
    if (!ok) {
      report(err, i, combinations2_take_err::bad_offsets);
      continue;
    }
    __int128 m = hi - lo;
    __int128 pairs = replacement ? m * (m + 1) / 2 : m * (m - 1) / 2;
    if (pairs != outoffsets[i + 1] - outoffsets[i]) {
      report(err, i, combinations2_take_err::wrong_count);
      continue;
    }
    int64_t p = outoffsets[i];
    for (int64_t a = lo; a < hi; a++) {
      T va = data[a];
      for (int64_t b = replacement ? a : a + 1; b < hi; b++, p++) {
        first[p] = va;
        second[p] = data[b];
      }
    }
  }
}

template <typename T>
JAGGY_DEVICE void cartesian2_take(const int64_t* offsets1, const T* data1, const int64_t* offsets2,
                                  const T* data2, const int64_t* outoffsets, T* first, T* second,
                                  int64_t n, int64_t ndata1, int64_t ndata2, int64_t total,
                                  unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    int64_t a0 = offsets1[i], a1 = offsets1[i + 1], b0 = offsets2[i], b1 = offsets2[i + 1];
    bool ok = a0 >= 0 && a1 >= a0 && a1 <= ndata1 && b0 >= 0 && b1 >= b0 && b1 <= ndata2 &&
              outoffsets[i] >= 0 && outoffsets[i + 1] >= outoffsets[i] &&
              outoffsets[i + 1] <= total;
    if (!ok) {
      report(err, i, cartesian2_take_err::bad_offsets);
      continue;
    }
    if (static_cast<__int128>(a1 - a0) * (b1 - b0) != outoffsets[i + 1] - outoffsets[i]) {
      report(err, i, cartesian2_take_err::wrong_count);
      continue;
    }
    int64_t p = outoffsets[i];
    for (int64_t a = a0; a < a1; a++) {
      T va = data1[a];
      for (int64_t b = b0; b < b1; b++, p++) {
        first[p] = va;
        second[p] = data2[b];
      }
    }
  }
}

JAGGY_DEVICE void cartesian_count(const int64_t* lengths, int64_t* counts, int64_t n, int64_t k,
                                  unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) report(err, i, ops::cartesian_count_at(lengths, counts, n, k, i));
}

JAGGY_DEVICE void cartesian_fill(const int64_t* starts, const int64_t* lengths,
                                 const int64_t* offsets, int64_t* carry, int64_t n, int64_t k,
                                 int64_t total, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    if (!(offsets[i] >= 0 && offsets[i + 1] >= offsets[i] && offsets[i + 1] <= total)) {
      report(err, i, cartesian_fill_err::bad_offsets);
      continue;
    }
    int64_t c = -1;
    if (ops::cartesian_size(lengths, n, k, i, &c) != kOk || c != offsets[i + 1] - offsets[i]) {
      report(err, i, cartesian_fill_err::wrong_count);
      continue;
    }
    ops::cartesian_fill_at(starts, lengths, offsets, carry, n, k, total, i);
  }
}

}  // namespace jaggy::gpu
