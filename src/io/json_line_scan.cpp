#include "io/json_line_scan.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace prefero::io_detail {

LineKeys::LineKeys(const std::vector<std::string>& keys) : keys_(keys) {
  for (size_t i = 0; i < keys_.size() && i < kMaxKeys; ++i) {
    const std::string& k = keys_[i];
    if (k.empty() || k.size() >= by_length_.size()) continue;
    by_length_[k.size()].push_back(static_cast<int>(i));
    if (k.size() > 7) continue;
    char word[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t at = 8 - k.size() - 1;
    word[at] = '"';
    std::memcpy(word + at + 1, k.data(), k.size());
    Short sh{0, ~uint64_t{0} << (8 * at), static_cast<int>(i)};
    std::memcpy(&sh.bytes, word, 8);
    short_.push_back(sh);
  }
}

int LineKeys::find_short(const char* close) const {
  uint64_t w;
  std::memcpy(&w, close - 8, 8);
  for (const Short& k : short_)
    if ((w & k.mask) == k.bytes) return k.id;
  return -1;
}

int LineKeys::find(const char* s, size_t n) const {
  if (n >= by_length_.size()) return -1;
  for (int i : by_length_[n])
    if (std::memcmp(keys_[static_cast<size_t>(i)].data(), s, n) == 0) return i;
  return -1;
}

// RFC 3629 §4: well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool plain_json_text(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned c = u[i];
    if (c < 0x20) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return false;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (u[i + 1] < lo || u[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if ((u[i + k] & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

namespace {

// Bit i of each mask describes byte i of a 64-byte block.
struct BlockMasks {
  uint64_t quote, backslash, colon, open, close, newline;
};

constexpr int kMaxBlocks = 64;  // lines up to 4 KB are scanned; longer ones are deferred

// Bit i = XOR of bits 0..i: 1 from an opening quote up to (not including) its closing quote.
inline uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

inline bool all_space(const char* b, const char* e) {
  for (; b < e; ++b)
    if (!is_space(*b)) return false;
  return true;
}

// Index of the highest set bit of quote[] below bit `at` of the line, or -1.
inline int64_t quote_before(const uint64_t* quote, size_t at) {
  size_t w = at / 64;
  uint64_t bits = quote[w] & ((uint64_t{1} << (at % 64)) - 1);
  for (;;) {
    if (bits) return static_cast<int64_t>(64 * w + 63 - static_cast<size_t>(std::countl_zero(bits)));
    if (w == 0) return -1;
    bits = quote[--w];
  }
}

// Index of the lowest set bit of quote[0, nb) above bit `at` of the line, or -1.
inline int64_t quote_after(const uint64_t* quote, int nb, size_t at) {
  size_t w = (at + 1) / 64;
  if (w >= static_cast<size_t>(nb)) return -1;
  uint64_t bits = quote[w] & (~uint64_t{0} << ((at + 1) % 64));
  for (;;) {
    if (bits) return static_cast<int64_t>(64 * w + static_cast<size_t>(std::countr_zero(bits)));
    if (++w == static_cast<size_t>(nb)) return -1;
    bits = quote[w];
  }
}

// The scan, given a block classifier; the entry points below compile it (with `flatten`, the
// classifier too) once per instruction set.
template <class Classify>
inline LineScan scan_line(const char* p, const LineKeys& keys, LineFields& out, const char*& line_end,
                          const char*& next, Classify classify) {
  uint64_t quote[kMaxBlocks], inside[kMaxBlocks], events[kMaxBlocks];
  uint64_t backslash = 0, in_string = 0;  // in_string: all ones while a string runs past a block end
  int nb = 0;
  size_t len = 0;  // of the line, '\n' excluded
  for (;;) {
    if (nb == kMaxBlocks) {  // too long to scan: find its end and defer it
      line_end = p + 64 * nb;
      while (*line_end != '\n') ++line_end;
      next = line_end + 1;
      return LineScan::defer;
    }
    BlockMasks m;
    classify(p + 64 * nb, m);
    uint64_t keep = ~uint64_t{0};
    bool last = m.newline != 0;
    if (last) {
      int at = std::countr_zero(m.newline);
      len = static_cast<size_t>(64 * nb + at);
      keep = (uint64_t{1} << at) - 1;
    }
    backslash |= m.backslash & keep;
    uint64_t q = m.quote & keep;
    uint64_t s = prefix_xor(q) ^ in_string;
    in_string = 0 - (s >> 63);  // after the last block: the parity of every quote in the line
    quote[nb] = q;
    inside[nb] = s;
    events[nb] = (m.colon | m.open | m.close) & ~s & keep;
    ++nb;
    if (last) break;
  }
  line_end = p + len;
  next = line_end + 1;
  // Escapes change which quotes count, and a string left open is an error: both for the parser.
  if (backslash || in_string) return LineScan::defer;

  for (auto& v : out.value) v = {};
  int depth = 0, objects = 0;
  size_t closed_at = 0;
  for (int w = 0; w < nb; ++w)
    for (uint64_t e = events[w]; e; e &= e - 1) {
      size_t i = static_cast<size_t>(64 * w + std::countr_zero(e));
      char c = p[i];
      if (c == ':') {
        if (depth != 1) continue;
        size_t k = i;  // the key's closing quote
        while (k > 0 && is_space(p[k - 1])) --k;
        if (k == 0 || p[k - 1] != '"') return LineScan::defer;
        --k;
        // A short key is read from the 8 bytes before its closing quote: the quote it starts
        // with must open a string (no backslash in the line, so every quote is one).
        int id = k >= 8 ? keys.find_short(p + k) : -1;
        if (id >= 0) {
          size_t o = k - keys.length(id) - 1;
          if (!((inside[o / 64] >> (o % 64)) & 1)) id = -1;
        }
        if (id < 0 && (k < 8 || !keys.all_short())) {
          int64_t o = quote_before(quote, k);
          if (o < 0) return LineScan::defer;
          id = keys.find(p + o + 1, k - static_cast<size_t>(o) - 1);
        }
        if (id < 0) continue;
        size_t v = i + 1;
        while (v < len && is_space(p[v])) ++v;
        if (v >= len || p[v] != '"') return LineScan::defer;  // not a plain string
        int64_t end = quote_after(quote, nb, v);
        if (end < 0) return LineScan::defer;
        out.value[static_cast<size_t>(id)] = std::string_view(p + v + 1, static_cast<size_t>(end) - v - 1);
      } else if (c == '{' || c == '[') {
        if (depth++ == 0 && (c != '{' || objects++ > 0 || !all_space(p, p + i))) return LineScan::defer;
      } else {
        if (--depth < 0) return LineScan::defer;
        if (depth == 0) closed_at = i;
      }
    }
  if (objects == 0) return all_space(p, p + len) ? LineScan::blank : LineScan::defer;
  if (depth != 0 || !all_space(p + closed_at + 1, p + len)) return LineScan::defer;
  return LineScan::fields;
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512bw"))) inline void classify_avx512(const char* p, BlockMasks& m) {
  __m512i b = _mm512_loadu_si512(p);
  __m512i folded = _mm512_or_si512(b, _mm512_set1_epi8(0x20));  // '[' -> '{', ']' -> '}'
  m.quote = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8('"'));
  m.backslash = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8('\\'));
  m.colon = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8(':'));
  m.open = _mm512_cmpeq_epi8_mask(folded, _mm512_set1_epi8('{'));
  m.close = _mm512_cmpeq_epi8_mask(folded, _mm512_set1_epi8('}'));
  m.newline = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8('\n'));
}

__attribute__((target("avx2"))) inline uint64_t mask_avx2(__m256i lo, __m256i hi, char c) {
  __m256i k = _mm256_set1_epi8(c);
  uint32_t a = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, k)));
  uint32_t b = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, k)));
  return uint64_t{b} << 32 | a;
}

__attribute__((target("avx2"))) inline void classify_avx2(const char* p, BlockMasks& m) {
  __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  __m256i x20 = _mm256_set1_epi8(0x20);
  __m256i flo = _mm256_or_si256(lo, x20), fhi = _mm256_or_si256(hi, x20);
  m.quote = mask_avx2(lo, hi, '"');
  m.backslash = mask_avx2(lo, hi, '\\');
  m.colon = mask_avx2(lo, hi, ':');
  m.open = mask_avx2(flo, fhi, '{');
  m.close = mask_avx2(flo, fhi, '}');
  m.newline = mask_avx2(lo, hi, '\n');
}
#endif

// Any CPU: byte by byte.
inline void classify_portable(const char* p, BlockMasks& m) {
  m = BlockMasks{0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 64; ++i) {
    uint64_t bit = uint64_t{1} << i;
    char c = p[i];
    char f = static_cast<char>(c | 0x20);
    if (c == '"') m.quote |= bit;
    if (c == '\\') m.backslash |= bit;
    if (c == ':') m.colon |= bit;
    if (f == '{') m.open |= bit;
    if (f == '}') m.close |= bit;
    if (c == '\n') m.newline |= bit;
  }
}

using ScanFn = LineScan (*)(const char*, const LineKeys&, LineFields&, const char*&, const char*&);

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512bw,popcnt,lzcnt,bmi,bmi2"), flatten)) LineScan scan_avx512(
    const char* p, const LineKeys& keys, LineFields& out, const char*& line_end, const char*& next) {
  return scan_line(p, keys, out, line_end, next, classify_avx512);
}
__attribute__((target("avx2,popcnt,lzcnt,bmi,bmi2"), flatten)) LineScan scan_avx2(
    const char* p, const LineKeys& keys, LineFields& out, const char*& line_end, const char*& next) {
  return scan_line(p, keys, out, line_end, next, classify_avx2);
}
#endif
LineScan scan_portable(const char* p, const LineKeys& keys, LineFields& out, const char*& line_end,
                       const char*& next) {
  return scan_line(p, keys, out, line_end, next, classify_portable);
}

ScanFn kernel_scan(ScanKernel k) {
#if defined(__x86_64__)
  if (k == ScanKernel::avx512) return scan_avx512;
  if (k == ScanKernel::avx2) return scan_avx2;
#endif
  (void)k;
  return scan_portable;
}

// The fastest scan this CPU runs (chosen once).
ScanFn pick_scan() {
  for (ScanKernel k : {ScanKernel::avx512, ScanKernel::avx2})
    if (scan_kernel_runs(k)) return kernel_scan(k);
  return scan_portable;
}

}  // namespace

// Every x86 CPU with AVX2 and BMI2 (Intel since Haswell, AMD since Excavator) also has LZCNT,
// which clang cannot test for by name.
bool scan_kernel_runs(ScanKernel k) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (k == ScanKernel::avx512) return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi2");
  if (k == ScanKernel::avx2) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
#endif
  return k == ScanKernel::portable;
}

LineScan scan_json_line_with(ScanKernel k, const char* p, const LineKeys& keys, LineFields& out,
                             const char*& line_end, const char*& next) {
  return kernel_scan(k)(p, keys, out, line_end, next);
}

namespace {
const ScanFn chosen_scan = pick_scan();
}  // namespace

LineScan scan_json_line(const char* p, const LineKeys& keys, LineFields& out, const char*& line_end,
                        const char*& next) {
  return chosen_scan(p, keys, out, line_end, next);
}

}  // namespace prefero::io_detail
