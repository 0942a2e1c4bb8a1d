// CPU loops of the sorting and scan kernels (kernels/spec/sorting.yaml): one list per iteration,
// lists in parallel above the threshold; insertion sort for short lists, std::sort otherwise.
#include <algorithm>

#include "jaggy/ops/sorting.h"

namespace {

using jaggy::kOk;
using jaggy::ops::before;
using jaggy::ops::is_nan;

constexpr int64_t kShort = 24;

int64_t check_offsets(const int64_t* offsets, int64_t n, int64_t nvalues, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::segment_ok(offsets, nvalues, i) ? kOk : int64_t(1);
  });
}

template <typename T>
void sort_one(T* seg, int64_t len, bool ascending) {
  // NaN first (their order among themselves does not matter: they are all NaN)
  int64_t nnan = 0;
  for (int64_t j = 0; j < len; j++) {
    if (is_nan(seg[j])) std::swap(seg[j], seg[nnan++]);
  }
  T* a = seg + nnan;
  int64_t m = len - nnan;
  if (m <= kShort) {
    for (int64_t j = 1; j < m; j++) {
      T x = a[j];
      int64_t q = j;
      while (q > 0 && before(x, a[q - 1], ascending)) {
        a[q] = a[q - 1];
        q--;
      }
      a[q] = x;
    }
  } else if (ascending) {
    std::sort(a, a + m, [](T x, T y) { return x < y; });
  } else {
    std::sort(a, a + m, [](T x, T y) { return y < x; });
  }
}

template <typename T>
int64_t segmented_sort_impl(const int64_t* offsets, const T* values, T* out, int64_t n,
                            int64_t nvalues, bool ascending, int64_t* err_index) {
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    int64_t lo = offsets[i], hi = offsets[i + 1];
    std::copy(values + lo, values + hi, out + lo);
    sort_one(out + lo, hi - lo, ascending);
  });
  return kOk;
}

// Stable sort of local positions idx[0:m] by the values (all non-NaN, present).
template <typename T>
void argsort_range(const T* v, int64_t* idx, int64_t m, bool ascending) {
  if (m <= kShort) {
    for (int64_t j = 1; j < m; j++) {
      int64_t x = idx[j];
      int64_t q = j;
      while (q > 0 && before(v[x], v[idx[q - 1]], ascending)) {
        idx[q] = idx[q - 1];
        q--;
      }
      idx[q] = x;
    }
  } else if (ascending) {
    std::stable_sort(idx, idx + m, [v](int64_t x, int64_t y) { return v[x] < v[y]; });
  } else {
    std::stable_sort(idx, idx + m, [v](int64_t x, int64_t y) { return v[y] < v[x]; });
  }
}

template <typename T>
int64_t segmented_argsort_impl(const int64_t* offsets, const T* values, const int8_t* mask,
                               int64_t* out, int64_t n, int64_t nvalues, int64_t nmask,
                               bool ascending, int64_t* err_index) {
  if (nmask != 0 && nmask != nvalues) {
    *err_index = nmask;
    return jaggy::segmented_argsort_err::bad_mask;
  }
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    int64_t lo = offsets[i], len = offsets[i + 1] - lo;
    const T* v = values + lo;
    int64_t* o = out + lo;
    const int8_t* mk = nmask ? mask + lo : nullptr;
    // three stable classes written in order: NaN, values, missing (filled from the back)
    int64_t nnan = 0, nmiss = 0;
    for (int64_t j = 0; j < len; j++) {
      if (mk && mk[j] == 0) continue;
      if (is_nan(v[j])) o[nnan++] = j;
    }
    int64_t p = nnan;
    for (int64_t j = 0; j < len; j++) {
      if (mk && mk[j] == 0) {
        nmiss++;
        continue;
      }
      if (!is_nan(v[j])) o[p++] = j;
    }
    if (nmiss) {
      int64_t q = p;
      for (int64_t j = 0; j < len; j++) {
        if (mk[j] == 0) o[q++] = j;
      }
    }
    argsort_range(v, o + nnan, p - nnan, ascending);
  });
  return kOk;
}

template <typename T>
int64_t segmented_scan_impl(const int64_t* offsets, const T* values, T* out, int64_t n,
                            int64_t nvalues, int64_t op, int64_t* err_index) {
  if (op != 0 && op != 1) {
    *err_index = op;
    return jaggy::segmented_scan_err::bad_op;
  }
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::segmented_scan_at(offsets, values, out, op, i); });
  return kOk;
}

}  // namespace

JAGGY_DEFINE_segmented_sort(segmented_sort_impl)
JAGGY_DEFINE_segmented_argsort(segmented_argsort_impl)
JAGGY_DEFINE_segmented_scan(segmented_scan_impl)
