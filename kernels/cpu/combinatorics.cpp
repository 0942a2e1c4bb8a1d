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
JAGGY_DEFINE_cartesian_count(cartesian_count_impl)
JAGGY_DEFINE_cartesian_fill(cartesian_fill_impl)
