// CUDA entry bodies of the sorting and scan kernels (kernels/spec/sorting.yaml): one thread per
// list. Lists are sorted with an in-place heap sort (O(len log len), no extra memory); the
// argsort breaks ties by position, which makes it stable like the CPU's std::stable_sort.
// Long lists are sorted by one thread each: fine for the short lists of typical jagged data, a
// CUB segmented sort is the faster path for long ones.
#pragma once

#include "common.cuh"
#include "jaggy/ops/sorting.h"

namespace jaggy::gpu {

// Heap sort of a[0:m] so that less(a[j], a[j + 1]) or equality holds; less is a strict order.
template <typename K, typename Less>
JAGGY_DEVICE void heap_sort(K* a, int64_t m, Less less) {
  auto sift = [&](int64_t root, int64_t end) {
    while (true) {
      int64_t child = 2 * root + 1;
      if (child >= end) return;
      if (child + 1 < end && less(a[child], a[child + 1])) child++;
      if (!less(a[root], a[child])) return;
      K t = a[root];
      a[root] = a[child];
      a[child] = t;
      root = child;
    }
  };
  for (int64_t s = m / 2 - 1; s >= 0; s--) sift(s, m);
  for (int64_t end = m - 1; end > 0; end--) {
    K t = a[0];
    a[0] = a[end];
    a[end] = t;
    sift(0, end);
  }
}

template <typename T>
JAGGY_DEVICE void segmented_sort(const int64_t* offsets, const T* values, T* out, int64_t n,
                                 int64_t nvalues, bool ascending, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, n) {
    if (!ops::segment_ok(offsets, nvalues, i)) {
      report(err, i, segmented_sort_err::bad_offsets);
      continue;
    }
    int64_t lo = offsets[i], len = offsets[i + 1] - lo;
    T* seg = out + lo;
    int64_t nnan = 0;
    for (int64_t j = 0; j < len; j++) {  // NaN first, then the other values
      T x = values[lo + j];
      if (ops::is_nan(x)) {
        seg[j] = seg[nnan];
        seg[nnan++] = x;
      } else {
        seg[j] = x;
      }
    }
    heap_sort(seg + nnan, len - nnan, [ascending](T x, T y) { return ops::before(x, y, ascending); });
  }
}

template <typename T>
JAGGY_DEVICE void segmented_argsort(const int64_t* offsets, const T* values, const int8_t* mask,
                                    int64_t* out, int64_t n, int64_t nvalues, int64_t nmask,
                                    bool ascending, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, at_least_one(n)) {
    if (nmask != 0 && nmask != nvalues) {
      if (i == 0) report(err, nmask, segmented_argsort_err::bad_mask);
      continue;
    }
    if (i >= n) continue;
    if (!ops::segment_ok(offsets, nvalues, i)) {
      report(err, i, segmented_argsort_err::bad_offsets);
      continue;
    }
    int64_t lo = offsets[i], len = offsets[i + 1] - lo;
    const T* v = values + lo;
    int64_t* o = out + lo;
    const int8_t* mk = nmask ? mask + lo : nullptr;
    // three stable classes in order: NaN, values, missing
    int64_t p = 0;
    for (int64_t j = 0; j < len; j++) {
      if (!(mk && mk[j] == 0) && ops::is_nan(v[j])) o[p++] = j;
    }
    int64_t nnan = p;
    for (int64_t j = 0; j < len; j++) {
      if (!(mk && mk[j] == 0) && !ops::is_nan(v[j])) o[p++] = j;
    }
    int64_t nvals = p - nnan;
    for (int64_t j = 0; j < len; j++) {
      if (mk && mk[j] == 0) o[p++] = j;
    }
    heap_sort(o + nnan, nvals, [v, ascending](int64_t x, int64_t y) {
      if (ops::before(v[x], v[y], ascending)) return true;
      if (ops::before(v[y], v[x], ascending)) return false;
      return x < y;
    });
  }
}

template <typename T>
JAGGY_DEVICE void segmented_scan(const int64_t* offsets, const T* values, T* out, int64_t n,
                                 int64_t nvalues, int64_t op, unsigned long long* err) {
  JAGGY_GRID_STRIDE(i, at_least_one(n)) {
    if (op != 0 && op != 1) {
      if (i == 0) report(err, op, segmented_scan_err::bad_op);
      continue;
    }
    if (i >= n) continue;
    if (!ops::segment_ok(offsets, nvalues, i)) {
      report(err, i, segmented_scan_err::bad_offsets);
      continue;
    }
    ops::segmented_scan_at(offsets, values, out, op, i);
  }
}

}  // namespace jaggy::gpu
