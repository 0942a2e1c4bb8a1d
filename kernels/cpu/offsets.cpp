// CPU loops of the offsets kernels (kernels/spec/offsets.yaml).
#include "jaggy/ops/offsets.h"

namespace {

using jaggy::kOk;

template <typename T>
int64_t offsets_to_counts_impl(const T* offsets, int64_t* counts, int64_t n, int64_t* err_index) {
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::offsets_to_counts_at(offsets, counts, i); });
}

template <typename T>
int64_t counts_to_offsets_impl(const T* counts, int64_t* offsets, int64_t n, int64_t* err_index) {
  offsets[0] = 0;
  int64_t total = 0;
  for (int64_t i = 0; i < n; i++) {
    T c = counts[i];
    if (c < T(0)) {
      *err_index = i;
      return jaggy::counts_to_offsets_err::negative;
    }
    if (__builtin_add_overflow(total, static_cast<int64_t>(c), &total) ||
        static_cast<uint64_t>(c) > static_cast<uint64_t>(INT64_MAX)) {
      *err_index = i;
      return jaggy::counts_to_offsets_err::overflow;
    }
    offsets[i + 1] = total;
  }
  return kOk;
}

template <typename T>
int64_t list_first_index_impl(const T* starts, const T* stops, int64_t* index, int64_t n,
                              int64_t* err_index) {
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::list_first_index_at(starts, stops, index, i); });
  return kOk;
}

template <typename T>
int64_t list_validity_impl(const T* starts, const T* stops, int64_t n, int64_t content_len,
                           int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::list_validity_at(starts, stops, content_len, i);
  });
}

template <typename T>
int64_t compact_offsets_impl(const T* starts, const T* stops, int64_t* offsets, int64_t n,
                             int64_t* err_index) {
  offsets[0] = 0;
  int64_t total = 0;
  for (int64_t i = 0; i < n; i++) {
    if (stops[i] < starts[i]) {
      *err_index = i;
      return jaggy::compact_offsets_err::start_after_stop;
    }
    total += static_cast<int64_t>(stops[i]) - static_cast<int64_t>(starts[i]);
    offsets[i + 1] = total;
  }
  return kOk;
}

template <typename T>
int64_t list_carry_impl(const T* starts, const int64_t* offsets, int64_t* carry, int64_t n,
                        int64_t total, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::list_carry_at(starts, offsets, carry, total, i);
  });
}

template <typename T>
int64_t offsets_validity_impl(const T* offsets, int64_t n, int64_t content_len, int64_t* err_index) {
  if (offsets[0] < T(0)) {
    *err_index = 0;
    return jaggy::offsets_validity_err::negative;
  }
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::offsets_validity_at(offsets, content_len, i);
  });
}

}  // namespace

JAGGY_DEFINE_offsets_validity(offsets_validity_impl)
JAGGY_DEFINE_list_first_index(list_first_index_impl)
JAGGY_DEFINE_offsets_to_counts(offsets_to_counts_impl)
JAGGY_DEFINE_counts_to_offsets(counts_to_offsets_impl)
JAGGY_DEFINE_list_validity(list_validity_impl)
JAGGY_DEFINE_compact_offsets(compact_offsets_impl)
JAGGY_DEFINE_list_carry(list_carry_impl)
