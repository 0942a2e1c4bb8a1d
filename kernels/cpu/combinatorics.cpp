// CPU loops of the combinations and cartesian kernels (kernels/spec/combinatorics.yaml).
#include "jaggy/ops/combinatorics.h"

namespace {

using jaggy::kOk;

int64_t combinations_count_impl(const int64_t* lengths, int64_t* counts, int64_t n, int64_t k,
                                bool replacement, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::combinations_count_at(lengths, counts, k, replacement, i);
  });
}

int64_t combinations_fill_impl(const int64_t* starts, const int64_t* lengths,
                               const int64_t* offsets, int64_t* carry, int64_t n, int64_t k,
                               int64_t total, bool replacement, int64_t* err_index) {
  int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    bool ok = offsets[i] >= 0 && offsets[i + 1] >= offsets[i] && offsets[i + 1] <= total;
    if (!ok) return int64_t(jaggy::combinations_fill_err::bad_offsets);
    int64_t c = -1;
    bool fits = lengths[i] >= 0 &&
                (!replacement || lengths[i] <= INT64_MAX - k) &&
                jaggy::ops::binomial(lengths[i] + (replacement ? k - 1 : 0), k, &c);
    if (!fits || c != offsets[i + 1] - offsets[i])
      return int64_t(jaggy::combinations_fill_err::wrong_count);
    return kOk;
  });
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    jaggy::ops::combinations_fill_at(starts, lengths, offsets, carry, k, total, replacement, i);
  });
  return kOk;
}

template <typename T>
int64_t combinations2_take_impl(const int64_t* offsets, const T* data, const int64_t* outoffsets,
                                T* first, T* second, int64_t n, int64_t ndata, int64_t total,
                                bool replacement, int64_t* err_index) {
  int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    int64_t lo = offsets[i], hi = offsets[i + 1];
    bool ok = lo >= 0 && hi >= lo && hi <= ndata && outoffsets[i] >= 0 &&
              outoffsets[i + 1] >= outoffsets[i] && outoffsets[i + 1] <= total;
    if (!ok) return int64_t(jaggy::combinations2_take_err::bad_offsets);
    __int128 m = hi - lo;
    __int128 pairs = replacement ? m * (m + 1) / 2 : m * (m - 1) / 2;
    if (pairs != outoffsets[i + 1] - outoffsets[i])
      return int64_t(jaggy::combinations2_take_err::wrong_count);
    return kOk;
  });
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    int64_t p = outoffsets[i], lo = offsets[i], hi = offsets[i + 1];
    for (int64_t a = lo; a < hi; a++) {
      T va = data[a];
      for (int64_t b = replacement ? a : a + 1; b < hi; b++, p++) {
        first[p] = va;
        second[p] = data[b];
      }
    }
  });
  return kOk;
}

template <typename T>
int64_t cartesian2_take_impl(const int64_t* offsets1, const T* data1, const int64_t* offsets2,
                             const T* data2, const int64_t* outoffsets, T* first, T* second,
                             int64_t n, int64_t ndata1, int64_t ndata2, int64_t total,
                             int64_t* err_index) {
  int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    int64_t a0 = offsets1[i], a1 = offsets1[i + 1], b0 = offsets2[i], b1 = offsets2[i + 1];
    bool ok = a0 >= 0 && a1 >= a0 && a1 <= ndata1 && b0 >= 0 && b1 >= b0 && b1 <= ndata2 &&
              outoffsets[i] >= 0 && outoffsets[i + 1] >= outoffsets[i] && outoffsets[i + 1] <= total;
    if (!ok) return int64_t(jaggy::cartesian2_take_err::bad_offsets);
    if (__int128(a1 - a0) * (b1 - b0) != outoffsets[i + 1] - outoffsets[i])
      return int64_t(jaggy::cartesian2_take_err::wrong_count);
    return kOk;
  });
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    int64_t p = outoffsets[i];
    for (int64_t a = offsets1[i]; a < offsets1[i + 1]; a++) {
      T va = data1[a];
      for (int64_t b = offsets2[i]; b < offsets2[i + 1]; b++, p++) {
        first[p] = va;
        second[p] = data2[b];
      }
    }
  });
  return kOk;
}

int64_t cartesian_count_impl(const int64_t* lengths, int64_t* counts, int64_t n, int64_t k,
                             int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::cartesian_count_at(lengths, counts, n, k, i);
  });
}

int64_t cartesian_fill_impl(const int64_t* starts, const int64_t* lengths, const int64_t* offsets,
                            int64_t* carry, int64_t n, int64_t k, int64_t total,
                            int64_t* err_index) {
  int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    bool ok = offsets[i] >= 0 && offsets[i + 1] >= offsets[i] && offsets[i + 1] <= total;
    if (!ok) return int64_t(jaggy::cartesian_fill_err::bad_offsets);
    int64_t c = -1;
    if (jaggy::ops::cartesian_size(lengths, n, k, i, &c) != kOk ||
        c != offsets[i + 1] - offsets[i])
      return int64_t(jaggy::cartesian_fill_err::wrong_count);
    return kOk;
  });
  if (status != kOk) return status;
  if (k == 2) {
    // the common pair product as two plain nested loops (no odometer, no read-back)
    int64_t* first = carry;
    int64_t* second = carry + total;
    jaggy::for_each(n, [&](int64_t i) {
      int64_t p = offsets[i];
      const int64_t s0 = starts[i], s1 = starts[n + i];
      const int64_t l0 = lengths[i], l1 = lengths[n + i];
      for (int64_t a = 0; a < l0; a++) {
        for (int64_t b = 0; b < l1; b++) {
          first[p + b] = s0 + a;
          second[p + b] = s1 + b;
        }
        p += l1;
      }
    });
    return kOk;
  }
  jaggy::for_each(n, [&](int64_t i) {
    jaggy::ops::cartesian_fill_at(starts, lengths, offsets, carry, n, k, total, i);
  });
  return kOk;
}

}  // namespace

JAGGY_DEFINE_combinations_count(combinations_count_impl)
JAGGY_DEFINE_combinations_fill(combinations_fill_impl)
JAGGY_DEFINE_combinations2_take(combinations2_take_impl)
JAGGY_DEFINE_cartesian2_take(cartesian2_take_impl)
JAGGY_DEFINE_cartesian_count(cartesian_count_impl)
JAGGY_DEFINE_cartesian_fill(cartesian_fill_impl)
