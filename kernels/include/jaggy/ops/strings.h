// Per-string (or per-byte) bodies of the string kernels, shared by the CPU loops and CUDA launches.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

// Whether offsets[i], offsets[i + 1] describe a valid byte range of the characters.
JAGGY_HD bool string_range_ok(const int64_t* offsets, int64_t nchars, int64_t i) {
  int64_t a = offsets[i], b = offsets[i + 1];
  return a >= 0 && b >= a && b <= nchars;
}

JAGGY_HD bool pattern_at(const uint8_t* chars, const uint8_t* pattern, int64_t m, int64_t j) {
  for (int64_t t = 0; t < m; t++) {
    if (chars[j + t] != pattern[t]) return false;
  }
  return true;
}

JAGGY_HD int64_t utf8_length_at(const int64_t* offsets, const uint8_t* chars, int64_t* lengths,
                                       int64_t nchars, int64_t i) {
  if (!string_range_ok(offsets, nchars, i)) return utf8_length_err::bad_offsets;
  int64_t count = 0;
  for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) count += (chars[j] & 0xC0) != 0x80;
  lengths[i] = count;
  return kOk;
}

JAGGY_HD int64_t utf8_decode_at(const uint8_t* chars, int32_t* codepoints, int64_t n, int64_t i) {
  uint32_t c = chars[i];
  if (c < 0x80) {
    codepoints[i] = static_cast<int32_t>(c);
    return kOk;
  }
  if (c < 0xC0) {
    codepoints[i] = -1;
    return kOk;
  }
  int64_t k;
  uint32_t v;
  if (c < 0xE0) {
    k = 1;
    v = c & 0x1F;
  } else if (c < 0xF0) {
    k = 2;
    v = c & 0x0F;
  } else if (c < 0xF8) {
    k = 3;
    v = c & 0x07;
  } else {
    return utf8_decode_err::invalid;
  }
  if (i + k >= n) return utf8_decode_err::invalid;
  for (int64_t j = 1; j <= k; j++) {
    uint32_t d = chars[i + j];
    if ((d & 0xC0) != 0x80) return utf8_decode_err::invalid;
    v = (v << 6) | (d & 0x3F);
  }
  codepoints[i] = static_cast<int32_t>(v);
  return kOk;
}

JAGGY_HD int64_t utf8_encode_at(const int32_t* codepoints, const int64_t* byte_offsets, uint8_t* chars,
                                       int64_t nbytes, int64_t i) {
  int32_t c = codepoints[i];
  if (c < 0 || c > 0x10FFFF) return utf8_encode_err::bad_codepoint;
  int64_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  int64_t a = byte_offsets[i];
  if (a < 0 || byte_offsets[i + 1] - a != k || a + k > nbytes) return utf8_encode_err::bad_offsets;
  if (k == 1) {
    chars[a] = static_cast<uint8_t>(c);
    return kOk;
  }
  chars[a] = static_cast<uint8_t>(((0xF00 >> k) & 0xFF) | (c >> (6 * (k - 1))));
  for (int64_t j = 1; j < k; j++) chars[a + j] = static_cast<uint8_t>(0x80 | ((c >> (6 * (k - 1 - j))) & 0x3F));
  return kOk;
}

JAGGY_HD void ascii_case_at(const uint8_t* chars, uint8_t* out, int64_t mode, int64_t i) {
  uint8_t c = chars[i];
  bool upper = c >= 65 && c <= 90, lower = c >= 97 && c <= 122;
  if (mode != 1 && upper) c = static_cast<uint8_t>(c + 32);
  else if (mode != 0 && lower) c = static_cast<uint8_t>(c - 32);
  out[i] = c;
}

JAGGY_HD int64_t substring_count_at(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern,
                                           int64_t* counts, int64_t nchars, int64_t m, int64_t i) {
  if (!string_range_ok(offsets, nchars, i)) return substring_count_err::bad_offsets;
  int64_t b = offsets[i + 1], c = 0, j = offsets[i];
  while (j + m <= b) {
    if (pattern_at(chars, pattern, m, j)) {
      c++;
      j += m;
    } else {
      j++;
    }
  }
  counts[i] = c;
  return kOk;
}

JAGGY_HD int64_t substring_find_at(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern,
                                          int64_t* index, int64_t nchars, int64_t m, bool from_end, int64_t i) {
  if (!string_range_ok(offsets, nchars, i)) return substring_find_err::bad_offsets;
  int64_t a = offsets[i], b = offsets[i + 1], found = -1;
  if (from_end) {
    for (int64_t j = b - m; j >= a; j--) {
      if (pattern_at(chars, pattern, m, j)) {
        found = j - a;
        break;
      }
    }
  } else {
    for (int64_t j = a; j + m <= b; j++) {
      if (pattern_at(chars, pattern, m, j)) {
        found = j - a;
        break;
      }
    }
  }
  index[i] = found;
  return kOk;
}

JAGGY_HD int64_t substring_positions_at(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern,
                                               const int64_t* pos_offsets, int64_t* positions, int64_t nchars,
                                               int64_t m, int64_t total, int64_t i) {
  if (!string_range_ok(offsets, nchars, i)) return substring_positions_err::bad_offsets;
  int64_t p = pos_offsets[i], q = pos_offsets[i + 1];
  if (p < 0 || q < p || q > total) return substring_positions_err::too_few;
  int64_t b = offsets[i + 1], j = offsets[i];
  while (p < q && j + m <= b) {
    if (pattern_at(chars, pattern, m, j)) {
      positions[p++] = j;
      j += m;
    } else {
      j++;
    }
  }
  return p < q ? substring_positions_err::too_few : kOk;
}

}  // namespace jaggy::ops
