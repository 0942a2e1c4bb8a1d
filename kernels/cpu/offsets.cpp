// CPU loops of the offsets kernels (kernels/spec/offsets.yaml).
#include <type_traits>
#include "jaggy/ops/offsets.h"

namespace {

using jaggy::kOk;

template <typename T>
int64_t offsets_to_counts_impl(const T* offsets, int64_t* counts, int64_t n, int64_t* err_index) {
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::offsets_to_counts_at(offsets, counts, i); });
}

// Serial scan of counts[begin, end) into offsets[begin + 1, end + 1], from total; stops at the
// first negative count or overflow (its position in *err_index).
template <typename T>
int64_t scan_counts(const T* counts, int64_t* offsets, int64_t begin, int64_t end, int64_t total,
                    int64_t* err_index) {
  for (int64_t i = begin; i < end; i++) {
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

// Large inputs in two parallel passes: every chunk sums its counts (checking sign and overflow
// without a branch per item), then scans them from the sum of the chunks before it. Any failure
// falls back to the serial scan, which reports the first failing position.
template <typename T>
int64_t counts_to_offsets_impl(const T* counts, int64_t* offsets, int64_t n, int64_t* err_index) {
  offsets[0] = 0;
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= jaggy::kParallelThreshold && omp_get_max_threads() > 1) {
    constexpr int64_t kChunks = 64;
    const int64_t step = (n + kChunks - 1) / kChunks;
    int64_t base[kChunks + 1] = {0};
    int64_t bad = 0;
    // a chunk's sum cannot overflow when no count reaches 2^(62 - log2(chunk length)): checked
    // on the OR of the counts (a negative count sets the top bit), so the loop is a plain
    // vectorizable sum; anything else goes to the serial scan
    int shift = 62;
    for (int64_t len = step; len > 1; len = (len + 1) / 2) shift--;
    const uint64_t limit = shift > 0 ? (uint64_t(1) << shift) : 0;
#pragma omp parallel for schedule(dynamic, 1) reduction(| : bad)
    for (int64_t c = 0; c < kChunks; c++) {
      const int64_t b = c * step < n ? c * step : n, e = b + step < n ? b + step : n;
      uint64_t sum = 0, bits = 0;
      for (int64_t i = b; i < e; i++) {
        const uint64_t v = static_cast<uint64_t>(static_cast<int64_t>(counts[i]));
        sum += v;
        bits |= v;
      }
      base[c + 1] = static_cast<int64_t>(sum);
      bad |= static_cast<int64_t>(bits >= limit);
    }
    if (!bad) {
      for (int64_t c = 0; c < kChunks; c++) {
        if (__builtin_add_overflow(base[c], base[c + 1], &base[c + 1])) bad = 1;
      }
    }
    if (!bad) {
#pragma omp parallel for schedule(dynamic, 1)
      for (int64_t c = 0; c < kChunks; c++) {
        const int64_t b = c * step < n ? c * step : n, e = b + step < n ? b + step : n;
        int64_t total = base[c];
        for (int64_t i = b; i < e; i++) {
          total += static_cast<int64_t>(counts[i]);
          offsets[i + 1] = total;
        }
      }
      return kOk;
    }
  }
#endif
  return scan_counts(counts, offsets, 0, n, 0, err_index);
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
  // A block whose offsets never decrease is within the content when its last offset is. The
  // decrease test is a sign bit: OR-ing every offset (all >= 0 unless the block fails anyway)
  // and every difference (which cannot overflow between non-negative values) sets the top bit
  // exactly when the block has a negative offset or a decrease; unsigned arithmetic, so it
  // vectorizes with SSE2 (no 64-bit compare there). The first failure is found item by item.
  using U = std::make_unsigned_t<T>;
  auto fails = [&](int64_t lo, int64_t hi) {
    U acc = 0;
    for (int64_t i = lo; i < hi; i++) {
      const U next = static_cast<U>(offsets[i + 1]);
      acc |= next | static_cast<U>(next - static_cast<U>(offsets[i]));
    }
    return (acc >> (8 * sizeof(U) - 1)) != 0 || static_cast<int64_t>(offsets[hi]) > content_len;
  };
  return jaggy::for_each_checked_by_block(n, err_index, fails, [&](int64_t i) {
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
