// Per-group bodies of the segmented reductions (kernels/spec/reduce.yaml), shared by the CPU
// loops and the CUDA launches. A group is data[offsets[g] : offsets[g + 1]].
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

// Status of group g's bounds: offsets must be non-negative, non-decreasing and within data.
JAGGY_HD bool reduce_group_ok(const int64_t* offsets, int64_t ndata, int64_t g) {
  int64_t lo = offsets[g], hi = offsets[g + 1];
  return lo >= 0 && hi >= lo && hi <= ndata;
}

// Pairwise sum in double precision (like NumPy's): blocks of up to 128 elements are summed with
// eight independent accumulators, larger ranges are split in halves. Error grows as O(log n).
template <typename T>
JAGGY_HD double pairwise_sum(const T* x, int64_t len) {
  if (len < 8) {
    double s = 0.0;
    for (int64_t i = 0; i < len; i++) s += static_cast<double>(x[i]);
    return s;
  }
  if (len <= 128) {
    double r[8];
    for (int k = 0; k < 8; k++) r[k] = static_cast<double>(x[k]);
    int64_t i = 8;
    for (; i + 8 <= len; i += 8) {
      for (int k = 0; k < 8; k++) r[k] += static_cast<double>(x[i + k]);
    }
    double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < len; i++) s += static_cast<double>(x[i]);
    return s;
  }
  int64_t half = (len / 2) & ~int64_t(7);
  return pairwise_sum(x, half) + pairwise_sum(x + half, len - half);
}

template <typename T>
JAGGY_HD T group_sum(const T* x, int64_t len) {
  T s = T(0);
  for (int64_t i = 0; i < len; i++) s = static_cast<T>(s + x[i]);
  return s;
}
template <>
JAGGY_HD double group_sum<double>(const double* x, int64_t len) { return pairwise_sum(x, len); }
template <>
JAGGY_HD float group_sum<float>(const float* x, int64_t len) {
  return static_cast<float>(pairwise_sum(x, len));
}

// sum / count in double precision (the sum as group_sum's), or empty for an empty group.
template <typename T>
JAGGY_HD double group_mean(const T* x, int64_t len, double empty) {
  return len > 0 ? static_cast<double>(group_sum(x, len)) / static_cast<double>(len) : empty;
}

template <typename T>
JAGGY_HD T group_prod(const T* x, int64_t len) {
  T p = T(1);
  for (int64_t i = 0; i < len; i++) p = static_cast<T>(p * x[i]);
  return p;
}

// Comparisons that skip NaN: a NaN is never greater or less than the running value.
template <typename T>
JAGGY_HD T group_max(const T* x, int64_t len, T start) {
  T m = start;
  for (int64_t i = 0; i < len; i++) m = (x[i] > m) ? x[i] : m;
  return m;
}
template <typename T>
JAGGY_HD T group_min(const T* x, int64_t len, T start) {
  T m = start;
  for (int64_t i = 0; i < len; i++) m = (x[i] < m) ? x[i] : m;
  return m;
}

// Absolute position of the first maximum (the first element is always taken, then replaced
// only by a strictly greater one), or -1 for an empty group.
template <typename T, bool Greater>
JAGGY_HD int64_t group_arg(const T* data, int64_t lo, int64_t hi) {
  if (hi <= lo) return -1;
  int64_t best = lo;
  T bv = data[lo];
  for (int64_t i = lo + 1; i < hi; i++) {
    T v = data[i];
    if (Greater ? (v > bv) : (v < bv)) {
      best = i;
      bv = v;
    }
  }
  return best;
}

template <typename T>
JAGGY_HD int64_t group_count_nonzero(const T* x, int64_t len) {
  int64_t c = 0;
  for (int64_t i = 0; i < len; i++) c += (x[i] != T(0)) ? 1 : 0;
  return c;
}

template <typename T>
JAGGY_HD bool group_any(const T* x, int64_t len) {
  for (int64_t i = 0; i < len; i++)
    if (x[i] != T(0)) return true;
  return false;
}

template <typename T>
JAGGY_HD bool group_all(const T* x, int64_t len) {
  for (int64_t i = 0; i < len; i++)
    if (x[i] == T(0)) return false;
  return true;
}

}  // namespace jaggy::ops
