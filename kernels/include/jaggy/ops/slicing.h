// Per-list bodies of the slicing kernels (kernels/spec/slicing.yaml), shared by the CPU loops and
// the CUDA launches. Index values equal to kMissing stand for None and select nothing.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

constexpr int64_t kMissing = INT64_MIN;

// Index h into a list of `length` elements (negative counts from the end); -1 if out of range.
JAGGY_HD int64_t wrap_index(int64_t h, int64_t length) {
  int64_t j = h < 0 ? h + length : h;
  return (j < 0 || j >= length) ? -1 : j;
}

JAGGY_HD int64_t slice_list_at_at(const int64_t* starts, const int64_t* stops, int64_t* carry,
                                  int64_t at, int64_t i) {
  int64_t j = wrap_index(at, stops[i] - starts[i]);
  if (j < 0) return slice_list_at_err::out_of_range;
  carry[i] = starts[i] + j;
  return kOk;
}

template <typename T>
JAGGY_HD int64_t slice_list_at_take_at(const int64_t* starts, const int64_t* stops, const T* data,
                                       T* out, int64_t ndata, int64_t at, int64_t i) {
  int64_t j = wrap_index(at, stops[i] - starts[i]);
  if (j < 0) return slice_list_at_take_err::out_of_range;
  int64_t p = starts[i] + j;
  if (p < 0 || p >= ndata) return slice_list_at_take_err::bad_content;
  out[i] = data[p];
  return kOk;
}

// Python's slice(start, stop, step).indices(length): first position and number of elements.
JAGGY_HD void slice_bounds(int64_t length, int64_t start, int64_t stop, int64_t step,
                           bool has_start, bool has_stop, int64_t* first, int64_t* count) {
  int64_t lower = step < 0 ? -1 : 0;
  int64_t upper = step < 0 ? length - 1 : length;
  int64_t a, b;
  if (has_start) {
    a = start < 0 ? start + length : start;
    if (a < lower) a = lower;
    if (a > upper) a = upper;
  } else {
    a = step < 0 ? upper : lower;
  }
  if (has_stop) {
    b = stop < 0 ? stop + length : stop;
    if (b < lower) b = lower;
    if (b > upper) b = upper;
  } else {
    b = step < 0 ? lower : upper;
  }
  int64_t c = 0;
  if (step > 0 && b > a) c = (b - a - 1) / step + 1;
  if (step < 0 && a > b) c = (a - b - 1) / (-step) + 1;
  *first = a;
  *count = c;
}

JAGGY_HD int64_t slice_list_range_at(const int64_t* starts, const int64_t* stops,
                                     int64_t* outstarts, int64_t* counts, int64_t start,
                                     int64_t stop, int64_t step, bool has_start, bool has_stop,
                                     int64_t i) {
  if (step == 0) return slice_list_range_err::zero_step;
  if (stops[i] < starts[i]) return slice_list_range_err::negative_length;
  int64_t first, count;
  slice_bounds(stops[i] - starts[i], start, stop, step, has_start, has_stop, &first, &count);
  outstarts[i] = starts[i] + first;
  counts[i] = count;
  return kOk;
}

JAGGY_HD int64_t slice_list_range_carry_at(const int64_t* outstarts, const int64_t* offsets,
                                           int64_t* carry, int64_t step, int64_t total,
                                           int64_t i) {
  int64_t a = offsets[i], b = offsets[i + 1];
  if (a < 0 || b < a || b > total) return slice_list_range_carry_err::bad_offsets;
  for (int64_t k = 0; k < b - a; k++) carry[a + k] = outstarts[i] + k * step;
  return kOk;
}

// Returns the failing flat position + 1 (0 = ok) so that the caller can report it.
JAGGY_HD int64_t slice_list_array_at(const int64_t* starts, const int64_t* stops,
                                     const int64_t* head, int64_t* carry, int64_t m, int64_t i) {
  int64_t length = stops[i] - starts[i];
  for (int64_t j = 0; j < m; j++) {
    int64_t h = head[j];
    if (h == kMissing) {
      carry[i * m + j] = -1;
      continue;
    }
    int64_t k = wrap_index(h, length);
    if (k < 0) return i * m + j + 1;
    carry[i * m + j] = starts[i] + k;
  }
  return 0;
}

JAGGY_HD int64_t slice_list_advanced_at(const int64_t* starts, const int64_t* stops,
                                        const int64_t* head, const int64_t* advanced,
                                        int64_t* carry, int64_t m, int64_t i) {
  int64_t a = advanced[i];
  if (a < 0 || a >= m) return slice_list_advanced_err::bad_advanced;
  int64_t h = head[a];
  if (h == kMissing) {
    carry[i] = -1;
    return kOk;
  }
  int64_t k = wrap_index(h, stops[i] - starts[i]);
  if (k < 0) return slice_list_advanced_err::out_of_range;
  carry[i] = starts[i] + k;
  return kOk;
}

// Number of nonzero bytes (True entries) of mask[0:len]. On the CPU, a list of at most 16
// entries whose 16-byte window lies inside the buffer (window_ok) is counted with two word loads
// and no branch on its length; otherwise one entry at a time.
JAGGY_HD int64_t count_true(const bool* mask, int64_t len, bool window_ok) {
#if !defined(__CUDA_ARCH__)
  if (window_ok && len <= 16) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    int64_t zeros = 0;
    for (int w = 0; w < 2; w++) {
      uint64_t word;
      __builtin_memcpy(&word, reinterpret_cast<const unsigned char*>(mask) + 8 * w, 8);
      // high bit of each byte set iff that byte is zero
      uint64_t zero = ~(((word & low7) + low7) | word | low7);
      int64_t keep = len - 8 * w;  // bytes of this word inside the list (little-endian order)
      uint64_t inside = keep >= 8 ? ~uint64_t(0) : (keep <= 0 ? 0 : (uint64_t(1) << (8 * keep)) - 1);
      zeros += __builtin_popcountll(zero & inside);
    }
    return len - zeros;
  }
#endif
  int64_t c = 0;
  for (int64_t j = 0; j < len; j++) c += mask[j] ? 1 : 0;
  return c;
}

JAGGY_HD int64_t slice_jagged_mask_count_at(const int64_t* starts, const int64_t* stops,
                                            const int64_t* maskoffsets, const bool* mask,
                                            int64_t* counts, int64_t masklen, int64_t i) {
  int64_t a = maskoffsets[i], b = maskoffsets[i + 1];
  if (a < 0 || b < a || b > masklen) return slice_jagged_mask_count_err::bad_offsets;
  if (b - a != stops[i] - starts[i]) return slice_jagged_mask_count_err::length_mismatch;
  counts[i] = count_true(mask + a, b - a, a + 16 <= masklen);
  return kOk;
}

JAGGY_HD int64_t slice_jagged_mask_carry_at(const int64_t* starts, const int64_t* maskoffsets,
                                            const bool* mask, const int64_t* outoffsets,
                                            int64_t* carry, int64_t masklen, int64_t total,
                                            int64_t i) {
  int64_t k = outoffsets[i], end = outoffsets[i + 1];
  int64_t a = maskoffsets[i], b = maskoffsets[i + 1];
  if (a < 0 || b < a || b > masklen) return slice_jagged_mask_carry_err::bad_offsets;
  int64_t selected = count_true(mask + a, b - a, a + 16 <= masklen);
  if (k < 0 || end > total || end - k != selected) return slice_jagged_mask_carry_err::overflow;
  // Branch-free compaction: every item is written at the next free slot, which only a selected
  // item claims (k advances); an unselected item's write is overwritten by the next selected
  // one, and the count check above guarantees that one exists for every slot below end.
  int64_t shift = starts[i] - a;
  for (int64_t j = a; j < b; j++) {
    if (k < end) carry[k] = shift + j;
    k += mask[j] ? 1 : 0;
  }
  return kOk;
}

template <typename T>
JAGGY_HD int64_t slice_jagged_mask_take_at(const int64_t* starts, const int64_t* maskoffsets,
                                           const bool* mask, const int64_t* outoffsets,
                                           const T* data, T* out, int64_t masklen, int64_t ndata,
                                           int64_t total, int64_t i) {
  int64_t k = outoffsets[i], end = outoffsets[i + 1];
  int64_t a = maskoffsets[i], b = maskoffsets[i + 1];
  if (a < 0 || b < a || b > masklen) return slice_jagged_mask_take_err::bad_offsets;
  int64_t selected = count_true(mask + a, b - a, a + 16 <= masklen);
  if (k < 0 || end > total || end - k != selected) return slice_jagged_mask_take_err::overflow;
  if (b > a && (starts[i] < 0 || starts[i] > ndata - (b - a))) {
    return slice_jagged_mask_take_err::bad_content;
  }
  // branch-free compaction, as in slice_jagged_mask_carry_at
  const T* src = data + (starts[i] - a);
  for (int64_t j = a; j < b; j++) {
    if (k < end) out[k] = src[j];
    k += mask[j] ? 1 : 0;
  }
  return kOk;
}

// Returns the failing flat position + 1 for an out-of-range index, or -(error code) for bad offsets.
JAGGY_HD int64_t slice_jagged_index_at(const int64_t* starts, const int64_t* stops,
                                       const int64_t* indexoffsets, const int64_t* index,
                                       int64_t* carry, int64_t total, int64_t i) {
  int64_t a = indexoffsets[i], b = indexoffsets[i + 1];
  if (a < 0 || b < a || b > total) return -1;
  int64_t length = stops[i] - starts[i];
  for (int64_t p = a; p < b; p++) {
    int64_t h = index[p];
    if (h == kMissing) {
      carry[p] = -1;
      continue;
    }
    int64_t k = wrap_index(h, length);
    if (k < 0) return p + 1;
    carry[p] = starts[i] + k;
  }
  return 0;
}

}  // namespace jaggy::ops
