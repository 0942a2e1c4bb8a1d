// CPU loops of the string kernels (kernels/spec/strings.yaml).
#include "jaggy/ops/strings.h"

namespace {

using jaggy::kOk;

int64_t utf8_length_impl(const int64_t* offsets, const uint8_t* chars, int64_t* lengths, int64_t n,
                         int64_t nchars, int64_t* err_index) {
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::utf8_length_at(offsets, chars, lengths, nchars, i); });
}

int64_t utf8_decode_impl(const uint8_t* chars, int32_t* codepoints, int64_t n, int64_t* err_index) {
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::utf8_decode_at(chars, codepoints, n, i); });
}

int64_t utf8_encode_impl(const int32_t* codepoints, const int64_t* byte_offsets, uint8_t* chars, int64_t n,
                         int64_t nbytes, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::utf8_encode_at(codepoints, byte_offsets, chars, nbytes, i);
  });
}

int64_t ascii_case_impl(const uint8_t* chars, uint8_t* out, int64_t n, int64_t mode, int64_t* err_index) {
  if (mode < 0 || mode > 2) {
    *err_index = 0;
    return jaggy::ascii_case_err::bad_mode;
  }
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::ascii_case_at(chars, out, mode, i); });
  return kOk;
}

int64_t substring_count_impl(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern, int64_t* counts,
                             int64_t n, int64_t nchars, int64_t m, int64_t* err_index) {
  if (m < 1) {
    *err_index = 0;
    return jaggy::substring_count_err::empty_pattern;
  }
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::substring_count_at(offsets, chars, pattern, counts, nchars, m, i);
  });
}

int64_t substring_find_impl(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern, int64_t* index,
                            int64_t n, int64_t nchars, int64_t m, bool from_end, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::substring_find_at(offsets, chars, pattern, index, nchars, m, from_end, i);
  });
}

int64_t substring_positions_impl(const int64_t* offsets, const uint8_t* chars, const uint8_t* pattern,
                                 const int64_t* pos_offsets, int64_t* positions, int64_t n, int64_t nchars,
                                 int64_t m, int64_t total, int64_t* err_index) {
  if (m < 1) {
    *err_index = 0;
    return jaggy::substring_positions_err::empty_pattern;
  }
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::substring_positions_at(offsets, chars, pattern, pos_offsets, positions, nchars, m, total, i);
  });
}

}  // namespace

JAGGY_DEFINE_utf8_length(utf8_length_impl)
JAGGY_DEFINE_utf8_decode(utf8_decode_impl)
JAGGY_DEFINE_utf8_encode(utf8_encode_impl)
JAGGY_DEFINE_ascii_case(ascii_case_impl)
JAGGY_DEFINE_substring_count(substring_count_impl)
JAGGY_DEFINE_substring_find(substring_find_impl)
JAGGY_DEFINE_substring_positions(substring_positions_impl)
