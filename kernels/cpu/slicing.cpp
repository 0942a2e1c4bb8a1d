// CPU loops of the slicing kernels (kernels/spec/slicing.yaml): one iteration per list.
#include "jaggy/ops/slicing.h"

namespace {

using jaggy::kOk;
namespace ops = jaggy::ops;

int64_t slice_list_at_impl(const int64_t* starts, const int64_t* stops, int64_t* carry, int64_t n,
                           int64_t at, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_list_at_at(starts, stops, carry, at, i);
  });
}

template <typename T>
int64_t slice_list_at_take_impl(const int64_t* starts, const int64_t* stops, const T* data, T* out,
                                int64_t n, int64_t ndata, int64_t at, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_list_at_take_at(starts, stops, data, out, ndata, at, i);
  });
}

// Branch-free compaction of lists [begin, end) to slots from k0: each list is written at the next
// free slot, which only a selected list claims; writes stop at limit (the first slot that is not
// this range's). Returns the next free slot.
int64_t compact_lists(const int64_t* starts, const int64_t* stops, const bool* mask,
                      int64_t* outstarts, int64_t* outstops, int64_t begin, int64_t end,
                      int64_t k0, int64_t limit) {
  int64_t k = k0;
  for (int64_t i = begin; i < end; i++) {
    if (k < limit) {
      outstarts[k] = starts[i];
      outstops[k] = stops[i];
    }
    k += mask[i] ? 1 : 0;
  }
  return k;
}

// In parallel: count the selected lists of each chunk, then compact every chunk from its prefix.
// A count different from total is reported (nothing is written past total either way).
int64_t slice_lists_by_mask_impl(const int64_t* starts, const int64_t* stops, const bool* mask,
                                 int64_t* outstarts, int64_t* outstops, int64_t n, int64_t total,
                                 int64_t* err_index) {
  int64_t k = 0;
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= jaggy::kParallelThreshold && omp_get_max_threads() > 1) {
    constexpr int64_t kChunks = 64;
    const int64_t step = (n + kChunks - 1) / kChunks;
    int64_t first[kChunks + 1] = {0};
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t c = 0; c < kChunks; c++) {
      const int64_t b = c * step < n ? c * step : n, e = b + step < n ? b + step : n;
      int64_t count = 0;
      for (int64_t i = b; i < e; i++) count += mask[i] ? 1 : 0;
      first[c + 1] = count;
    }
    for (int64_t c = 0; c < kChunks; c++) first[c + 1] += first[c];
    k = first[kChunks];
    if (k == total) {
#pragma omp parallel for schedule(dynamic, 1)
      for (int64_t c = 0; c < kChunks; c++) {
        const int64_t b = c * step < n ? c * step : n, e = b + step < n ? b + step : n;
        compact_lists(starts, stops, mask, outstarts, outstops, b, e, first[c], first[c + 1]);
      }
    }
  } else
#endif
  {
    k = compact_lists(starts, stops, mask, outstarts, outstops, 0, n, 0, total);
  }
  if (k != total) {
    *err_index = k;
    return jaggy::slice_lists_by_mask_err::wrong_total;
  }
  return kOk;
}

int64_t slice_list_range_impl(const int64_t* starts, const int64_t* stops, int64_t* outstarts,
                              int64_t* counts, int64_t n, int64_t start, int64_t stop,
                              int64_t step, bool has_start, bool has_stop, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_list_range_at(starts, stops, outstarts, counts, start, stop, step,
                                    has_start, has_stop, i);
  });
}

int64_t slice_list_range_carry_impl(const int64_t* outstarts, const int64_t* offsets,
                                    int64_t* carry, int64_t n, int64_t step, int64_t total,
                                    int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_list_range_carry_at(outstarts, offsets, carry, step, total, i);
  });
}

// Errors at a flat position: the per-list body returns position + 1; report the smallest.
int64_t slice_list_array_impl(const int64_t* starts, const int64_t* stops, const int64_t* head,
                              int64_t* carry, int64_t n, int64_t m, int64_t* err_index) {
  int64_t list = -1;
  int64_t status = jaggy::for_each_checked(n, &list, [&](int64_t i) {
    return ops::slice_list_array_at(starts, stops, head, carry, m, i) == 0 ? kOk : int64_t(1);
  });
  if (status == kOk) return kOk;
  *err_index = ops::slice_list_array_at(starts, stops, head, carry, m, list) - 1;
  return jaggy::slice_list_array_err::out_of_range;
}

int64_t slice_list_advanced_impl(const int64_t* starts, const int64_t* stops, const int64_t* head,
                                 const int64_t* advanced, int64_t* carry, int64_t n, int64_t m,
                                 int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_list_advanced_at(starts, stops, head, advanced, carry, m, i);
  });
}

int64_t slice_jagged_mask_count_impl(const int64_t* starts, const int64_t* stops,
                                     const int64_t* maskoffsets, const bool* mask,
                                     int64_t* counts, int64_t n, int64_t masklen,
                                     int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_jagged_mask_count_at(starts, stops, maskoffsets, mask, counts, masklen, i);
  });
}

int64_t slice_jagged_mask_carry_impl(const int64_t* starts, const int64_t* maskoffsets,
                                     const bool* mask, const int64_t* outoffsets, int64_t* carry,
                                     int64_t n, int64_t masklen, int64_t total,
                                     int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_jagged_mask_carry_at(starts, maskoffsets, mask, outoffsets, carry, masklen,
                                           total, i);
  });
}

template <typename T>
int64_t slice_jagged_mask_take_impl(const int64_t* starts, const int64_t* maskoffsets,
                                    const bool* mask, const int64_t* outoffsets, const T* data,
                                    T* out, int64_t n, int64_t masklen, int64_t ndata,
                                    int64_t total, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return ops::slice_jagged_mask_take_at(starts, maskoffsets, mask, outoffsets, data, out,
                                          masklen, ndata, total, i);
  });
}

int64_t slice_jagged_index_impl(const int64_t* starts, const int64_t* stops,
                                const int64_t* indexoffsets, const int64_t* index, int64_t* carry,
                                int64_t n, int64_t total, int64_t* err_index) {
  int64_t list = -1;
  int64_t status = jaggy::for_each_checked(n, &list, [&](int64_t i) {
    return ops::slice_jagged_index_at(starts, stops, indexoffsets, index, carry, total, i) == 0
               ? kOk : int64_t(1);
  });
  if (status == kOk) return kOk;
  int64_t r = ops::slice_jagged_index_at(starts, stops, indexoffsets, index, carry, total, list);
  if (r < 0) {
    *err_index = list;
    return jaggy::slice_jagged_index_err::bad_offsets;
  }
  *err_index = r - 1;
  return jaggy::slice_jagged_index_err::out_of_range;
}

}  // namespace

JAGGY_DEFINE_slice_list_at(slice_list_at_impl)
JAGGY_DEFINE_slice_lists_by_mask(slice_lists_by_mask_impl)
JAGGY_DEFINE_slice_list_at_take(slice_list_at_take_impl)
JAGGY_DEFINE_slice_list_range(slice_list_range_impl)
JAGGY_DEFINE_slice_list_range_carry(slice_list_range_carry_impl)
JAGGY_DEFINE_slice_list_array(slice_list_array_impl)
JAGGY_DEFINE_slice_list_advanced(slice_list_advanced_impl)
JAGGY_DEFINE_slice_jagged_mask_count(slice_jagged_mask_count_impl)
JAGGY_DEFINE_slice_jagged_mask_carry(slice_jagged_mask_carry_impl)
JAGGY_DEFINE_slice_jagged_mask_take(slice_jagged_mask_take_impl)
JAGGY_DEFINE_slice_jagged_index(slice_jagged_index_impl)
