// Battles as JSON lines. The file is read in 16 MB chunks cut at a line end. Each line is first
// scanned for its fields without a DOM (io/json_line_scan); a line the scan leaves open (escapes,
// numbers it would have to read, anything unusual) is parsed on its own by simdjson's DOM API
// (which picks the fastest kernel for the CPU at run time, where On-Demand is fixed at compile
// time), and a line that is not one whole object hands the rest of the chunk to simdjson's
// document stream (pretty-printed objects, errors). Memory is bounded by the chunk plus the
// distinct (a, b, outcome, covariates) rows. On bad input the offending line is re-read on its
// own to name file:line:column.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <memory>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "core/error.hpp"
#include "io/json_line_scan.hpp"
#include "io/line_source.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {

namespace {

using io_detail::LineSource;

// Column of a key in the raw line (for messages; the line start when not found).
const char* key_position(std::string_view line, std::string_view key) {
  if (key.empty()) return line.data();
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t p = line.find(quoted);
  return p == std::string_view::npos ? line.data() : line.data() + p;
}

bool is_blank_line(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// One battle object's fields. read() returns "" or what is wrong, with the key it concerns in
// `key` ("" = the whole object).
struct BattleFields {
  BattleFields(const std::vector<std::string>& names, bool read_voters)
      : cov_names(names), cov(names.size()), seen(names.size()), want_voter(read_voters) {}

  std::string read(simdjson::dom::element doc, std::string& key) {
    key.clear();
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) return "expected a JSON object per line";
    bool has_a = false, has_b = false, has_w = false;
    std::string_view winner;
    weight = 1;
    has_voter = false;
    std::fill(seen.begin(), seen.end(), 0);
    for (auto field : obj) {
      std::string_view k = field.key;
      simdjson::dom::element v = field.value;
      // Strings are checked without building a message unless one is wrong (the hot path).
      auto want_string = [&](std::string_view& out, bool& has) {
        has = true;
        return !v.get_string().get(out);
      };
      std::string err;
      bool ok = true;
      if (k == "model_a") ok = want_string(ma, has_a);
      else if (k == "model_b") ok = want_string(mb, has_b);
      else if (k == "winner") ok = want_string(winner, has_w);
      else if (want_voter && (k == "judge" || k == "voter" || k == "worker")) {
        int64_t id = 0;
        if (!v.get_int64().get(id)) {  // an integer id (crowd files) is the voter of that name
          voter_buf = std::to_string(id);
          voter_name = voter_buf;
          has_voter = true;
        } else if (!want_string(voter_name, has_voter)) {
          err = "'" + std::string(k) + "' must be a string or an integer";
        }
      }
      else if (k == "weight" || k == "count") {
        if (v.get_double().get(weight) || !(weight > 0) || weight > 1e15)
          err = "'" + std::string(k) + "' must be a positive number";
      } else {
        for (size_t j = 0; j < cov_names.size(); ++j)
          if (k == cov_names[j]) {
            if (v.get_double().get(cov[j]) || !(cov[j] - cov[j] == 0))
              err = "covariate '" + std::string(k) + "' must be a finite number";
            seen[j] = 1;
          }
        // Anything else (tstamp, question_id, conversations ...) is ignored.
      }
      if (!ok) err = "'" + std::string(k) + "' must be a string";
      if (!err.empty()) return key = std::string(k), err;
    }
    if (!has_a || !has_b || !has_w)
      return std::string("missing field '") + (!has_a ? "model_a" : !has_b ? "model_b" : "winner") + "'";
    if (!parse_outcome(winner, outcome))
      return key = "winner", "winner '" + std::string(winner) + "' is not one of model_a, model_b, tie, tie (bothbad)";
    for (size_t j = 0; j < cov_names.size(); ++j)
      if (!seen[j]) return "missing covariate '" + cov_names[j] + "'";
    if (ma == mb) return key = "model_b", "a model cannot battle itself ('" + std::string(ma) + "')";
    return "";
  }

  // The keys the line scan looks for, in the order from_scan reads them.
  static std::vector<std::string> scan_keys(bool voters) {
    std::vector<std::string> k = {"model_a", "model_b", "winner", "weight", "count"};
    if (voters) k.insert(k.end(), {"judge", "voter", "worker"});
    return k;
  }

  // The fields of a scanned line, added to `b` when the line is a plain battle (three strings,
  // at most one voter string, no weight); false leaves the line to read() without adding it.
  bool add_scanned(const io_detail::LineFields& f, ComparisonsBuilder& b) {
    const auto& v = f.value;
    if (!v[0].data() || !v[1].data() || !v[2].data() || v[3].data() || v[4].data()) return false;
    if (!parse_outcome(v[2], outcome) || v[0] == v[1]) return false;
    std::string_view voter;
    if (want_voter) {
      int named = 0;
      for (size_t k = 5; k < 8; ++k)
        if (v[k].data()) voter = v[k], ++named;
      if (named > 1) return false;
    }
    size_t models = b.num_models(), voters = b.num_voters();
    int a = b.model(v[0]), bb = b.model(v[1]);
    int vo = voter.data() ? b.voter(voter) : -1;
    if (a < 0 || bb < 0 || (voter.data() && vo < 0)) return false;
    // A name seen for the first time is checked as the JSON parser would (UTF-8, no control byte).
    if ((static_cast<size_t>(a) >= models && !io_detail::plain_json_text(v[0])) ||
        (static_cast<size_t>(bb) >= models && !io_detail::plain_json_text(v[1])) ||
        (vo >= 0 && static_cast<size_t>(vo) >= voters && !io_detail::plain_json_text(voter)))
      return false;
    return b.add_pair(a, bb, outcome, 1, nullptr, vo);
  }

  // Adds the battle; "" or what is wrong.
  std::string add(ComparisonsBuilder& b) const {
    int a = b.model(ma), bb = b.model(mb);
    if (a < 0 || bb < 0) return "too many distinct models";
    int v = has_voter ? b.voter(voter_name) : -1;
    if (has_voter && v < 0) return "too many distinct voters";
    if (!b.add_pair(a, bb, outcome, weight, cov.data(), v)) return "too many distinct battle rows";
    return "";
  }

  const std::vector<std::string>& cov_names;
  std::vector<double> cov;
  std::vector<char> seen;
  bool want_voter = false, has_voter = false;
  std::string_view ma, mb, voter_name;
  std::string voter_buf;
  Outcome outcome = Outcome::tie;
  double weight = 1;
};

// Line by line (the reference semantics, used to report an error precisely): throws the
// InputError of the first bad line, or returns normally when every line is fine.
void parse_lines(LineSource& src, ComparisonsBuilder& b) {
  BattleFields f(b.options().covariates, b.options().voters);
  simdjson::dom::parser parser;
  std::string_view line;
  std::string key;
  while (src.next(line)) {
    if (is_blank_line(line)) continue;
    auto fail = [&](const char* at, const std::string& msg) {
      throw InputError(SourceLocation{src.name(), src.line_number(), static_cast<int>(at - line.data()) + 1}, msg);
    };
    simdjson::dom::element doc;
    bool padded = src.capacity_after(line) >= line.size() + simdjson::SIMDJSON_PADDING;
    if (parser.parse(line.data(), line.size(), !padded).get(doc)) fail(line.data(), "expected a JSON object per line");
    std::string err = f.read(doc, key);
    if (err.empty()) err = f.add(b);
    if (!err.empty()) fail(key_position(line, key), err);
  }
}

// The bytes of a file or of text in memory, read front to back.
class ByteSource {
 public:
  ByteSource(const std::string& path) : name_(path), path_(path) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw InputError(SourceLocation{path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
    struct stat st;
    if (fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<uint64_t>(st.st_size);
  }
  ByteSource(std::string_view text, std::string name) : name_(std::move(name)), text_(text), size_(text.size()) {}
  ~ByteSource() {
    if (file_) std::fclose(file_);
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Up to n bytes; fewer only at the end.
  size_t read(char* dst, size_t n) {
    if (!file_) {
      size_t k = std::min(n, text_.size() - pos_);
      if (k > 0) std::memcpy(dst, text_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    size_t got = std::fread(dst, 1, n, file_);
    if (got < n && std::ferror(file_)) throw InputError(SourceLocation{name_, 0, 0}, "read error");
    return got;
  }
  // Number of '\n' in bytes [0, offset) (re-reads a file; only used to report errors).
  int newlines_before(uint64_t offset) const {
    uint64_t count = 0;
    if (!file_) return static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) return 0;
    std::vector<char> buf(size_t{1} << 20);
    while (offset > 0) {
      size_t got = std::fread(buf.data(), 1, static_cast<size_t>(std::min<uint64_t>(offset, buf.size())), f);
      if (got == 0) break;
      count += static_cast<uint64_t>(std::count(buf.data(), buf.data() + got, '\n'));
      offset -= got;
    }
    std::fclose(f);
    return static_cast<int>(std::min<uint64_t>(count, 0x7fffffff));
  }
  const std::string& name() const { return name_; }
  // Bytes left for text in memory; unknown (the maximum) for a file.
  size_t size_hint() const { return file_ ? SIZE_MAX : text_.size() - pos_; }
  // Bytes in all, when they can be read at any offset (text, a regular file); 0 otherwise.
  uint64_t seekable_size() const { return size_; }
  // Up to n bytes from `offset` (seekable sources; any thread); fewer only at the end.
  size_t read_at(char* dst, size_t n, uint64_t offset) const {
    if (!file_) {
      size_t k = offset >= text_.size() ? 0 : std::min<size_t>(n, text_.size() - offset);
      if (k > 0) std::memcpy(dst, text_.data() + offset, k);
      return k;
    }
    size_t got = 0;
    while (got < n) {
      ssize_t r = pread(fileno(file_), dst + got, n - got, static_cast<off_t>(offset + got));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) throw InputError(SourceLocation{name_, 0, 0}, std::string("read error: ") + std::strerror(errno));
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    return got;
  }

 private:
  std::string name_, path_;
  std::FILE* file_ = nullptr;
  std::string_view text_;
  size_t pos_ = 0;
  uint64_t size_ = 0;
};

constexpr size_t kChunk = size_t{1} << 24;

// Parses chunks of documents into a builder, and turns bad input into a precise InputError.
class ChunkParser {
 public:
  ChunkParser(const ByteSource& src, const ComparisonsReadOptions& options)
      : src_(src),
        fields_(options.covariates, options.voters),
        keys_(BattleFields::scan_keys(options.voters)),
        scan_(options.covariates.empty()) {}

  void set_builder(ComparisonsBuilder& b) { b_ = &b; }

  // Parses the documents in buf[start, cut): line by line while each line is one object, then
  // (from the first line that is not) as a document stream. buf[cut - 1] or buf[cut] is '\n',
  // and 64 bytes after that may be read. Returns where the unparsed tail (an object cut by the
  // chunk end) begins.
  size_t parse_chunk(const char* buf, size_t start, size_t cut, uint64_t offset) {
    return parse_stream(buf, parse_lines_fast(buf, start, cut), cut, offset);
  }

  [[noreturn]] void report(uint64_t at, const std::string& msg) const {
    throw InputError(SourceLocation{src_.name(), src_.newlines_before(at) + 1, 1}, msg);
  }

 private:
  // The lines of buf[start, cut) while each is one battle object; returns where the first line
  // that is not begins (cut when none).
  size_t parse_lines_fast(const char* buf, size_t start, size_t cut) {
    if (!scan_) return start;
    const char* p = buf + start;
    const char* end = buf + cut;
    while (p < end) {
      const char *line_end, *next;
      io_detail::LineScan r = io_detail::scan_json_line(p, keys_, scanned_, line_end, next);
      if (r == io_detail::LineScan::fields && fields_.add_scanned(scanned_, *b_)) {
        p = next;
        continue;
      }
      if (r != io_detail::LineScan::blank) {  // the DOM parser reads the line, or the stream takes over
        simdjson::dom::element doc;
        auto len = static_cast<size_t>(line_end - p);
        if (parser_.parse(p, len, false).get(doc) || !fields_.read(doc, key_).empty() || !fields_.add(*b_).empty())
          return static_cast<size_t>(p - buf);
      }
      p = next;
    }
    return cut;
  }

  // Parses the documents in buf[start, cut) in batches of `batch` bytes (1 MB keeps the parse
  // tape in cache); returns where the unparsed tail (an object cut by the chunk end) begins.
  size_t parse_stream(const char* buf, size_t start, size_t cut, uint64_t offset, size_t batch = size_t{1} << 20) {
    if (start >= cut) return cut;
    batch = std::clamp<size_t>(batch, 4096, cut - start);
    simdjson::dom::document_stream stream;
    if (parser_.parse_many(reinterpret_cast<const uint8_t*>(buf) + start, cut - start, batch).get(stream))
      diagnose(buf, start, cut, offset);
    size_t last = start;  // start of the last document read
    bool any = false;
    for (auto it = stream.begin(); it != stream.end(); ++it) {
      simdjson::dom::element doc;
      auto error = (*it).get(doc);
      if (error) {
        size_t resume = any ? next_line(buf, last, cut) : start;
        if (error == simdjson::CAPACITY && batch < cut - start)  // a document longer than the batch
          return parse_stream(buf, resume, cut, offset, cut - resume);
        diagnose(buf, resume, cut, offset);
      }
      last = start + it.current_index();
      any = true;
      std::string err = fields_.read(doc, key_);
      if (err.empty()) err = fields_.add(*b_);
      if (!err.empty()) diagnose(buf, line_start(buf, last, start), cut, offset);
    }
    return cut - std::min(stream.truncated_bytes(), cut - start);
  }


  // Start of the line holding buf[p].
  static size_t line_start(const char* buf, size_t p, size_t lo) {
    while (p > lo && buf[p - 1] != '\n') --p;
    return p;
  }
  // Start of the line after the one holding buf[p].
  static size_t next_line(const char* buf, size_t p, size_t cut) {
    while (p < cut && buf[p] != '\n') ++p;
    return std::min(cut, p + 1);
  }

  // Re-reads buf[from, cut) line by line to throw a precise InputError; documents before `from`
  // were fine. The rows re-read go into a scratch builder that is thrown away.
  [[noreturn]] void diagnose(const char* buf, size_t from, size_t cut, uint64_t offset) {
    int line = src_.newlines_before(offset + from) + 1;
    LineSource lines(std::string_view(buf + from, cut - from), src_.name(), line);
    ComparisonsBuilder scratch(*b_);
    parse_lines(lines, scratch);
    report(offset + from, "malformed JSON");
  }

  const ByteSource& src_;
  ComparisonsBuilder* b_ = nullptr;
  BattleFields fields_;
  io_detail::LineKeys keys_;
  io_detail::LineFields scanned_;
  bool scan_;  // false with covariates (numbers): every line goes to the DOM parser
  simdjson::dom::parser parser_;
  std::string key_;
};

const char* last_newline(const char* p, size_t n) {
  for (size_t i = n; i-- > 0;)
    if (p[i] == '\n') return p + i;
  return nullptr;
}

// The reference reader: one chunk after another into one builder, carrying an object cut by
// the chunk end (or a line longer than the buffer) over to the next chunk.
void parse_sequential(ByteSource& src, ComparisonsBuilder& b) {
  ChunkParser cp(src, b.options());
  cp.set_builder(b);
  std::vector<char> buf(std::min(kChunk, std::max<size_t>(src.size_hint(), 4096)) + simdjson::SIMDJSON_PADDING);
  size_t carry = 0;      // bytes kept from the previous chunk (an unfinished line)
  uint64_t offset = 0;   // file offset of buf[0]
  bool eof = false;
  while (!eof) {
    size_t want = buf.size() - simdjson::SIMDJSON_PADDING - carry;
    size_t got = src.read(buf.data() + carry, want);
    eof = got < want;
    size_t end = carry + got, start = 0;
    std::memset(buf.data() + end, ' ', simdjson::SIMDJSON_PADDING);
    buf[end] = '\n';  // the line scan stops at a '\n' after the last line
    if (offset == 0 && end >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) start = 3;  // UTF-8 byte order mark
    size_t cut = end;
    if (!eof) {
      const char* nl = last_newline(buf.data() + start, end - start);
      if (!nl) {  // a line longer than the buffer: grow it
        carry = end;
        buf.resize(buf.size() * 2);
        continue;
      }
      cut = static_cast<size_t>(nl - buf.data()) + 1;
    }
    size_t done = cp.parse_chunk(buf.data(), start, cut, offset);
    if (done < cut && eof) cp.report(offset + done, "incomplete JSON object at the end of the input");
    if (done == start && !eof) {  // one object spans the whole buffer: grow it
      carry = end;
      buf.resize(buf.size() * 2);
      continue;
    }
    carry = end - done;
    std::memmove(buf.data(), buf.data() + done, carry);
    offset += done;
    if (eof && carry > 0) cp.report(offset, "incomplete JSON object at the end of the input");
  }
}

constexpr size_t kWindow = size_t{1} << 18;  // bytes read at a time by a worker (stays in cache)

// The lines that start in bytes [lo, hi) of a seekable source (a segment), parsed into the
// parser's builder. The line running through `lo` belongs to the segment before. Returns false
// when a document does not end within the segment's lines (a pretty-printed object cut by hi):
// the caller then reads the whole input with parse_sequential.
bool parse_segment(const ByteSource& src, uint64_t lo, uint64_t hi, ChunkParser& parser, std::vector<char>& buf) {
  const uint64_t size = src.seekable_size();
  if (buf.size() < kWindow + simdjson::SIMDJSON_PADDING) buf.resize(kWindow + simdjson::SIMDJSON_PADDING);
  bool skip = false;  // still inside the line that began before lo
  if (lo > 0) {
    char before = 0;
    skip = src.read_at(&before, 1, lo - 1) == 1 && before != '\n';
  }
  uint64_t offset = lo;  // file offset of buf[0]
  size_t have = 0;       // bytes kept at the front of buf (an unfinished line)
  for (;;) {
    size_t room = buf.size() - simdjson::SIMDJSON_PADDING - have;
    size_t got = src.read_at(buf.data() + have, room, offset + have);
    size_t end = have + got;
    bool eof = offset + end >= size;
    std::memset(buf.data() + end, ' ', simdjson::SIMDJSON_PADDING);
    buf[end] = '\n';  // the line scan stops at a '\n' after the last line
    size_t start = 0;
    if (offset == 0 && end >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) start = 3;  // UTF-8 byte order mark
    if (skip) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data(), '\n', end));
      if (!nl) {  // the line before lo runs past this window: drop it, read on
        if (eof) return true;
        offset += end, have = 0;
        continue;
      }
      skip = false;
      start = static_cast<size_t>(nl - buf.data()) + 1;
    }
    // Lines that start before hi: up to the '\n' at or after hi - 1 (all of them at the end).
    size_t cut = end;
    bool last = eof;
    if (offset + start >= hi) return true;
    if (hi - 1 - offset < end) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + (hi - 1 - offset), '\n', end - (hi - 1 - offset)));
      if (nl) cut = static_cast<size_t>(nl - buf.data()) + 1, last = true;
    }
    if (!last) {
      const char* nl = last_newline(buf.data() + start, end - start);
      if (!nl) {  // a line longer than the window: grow it
        buf.resize(2 * buf.size());
        offset += start, have = end - start;
        std::memmove(buf.data(), buf.data() + start, have);
        continue;
      }
      cut = static_cast<size_t>(nl - buf.data()) + 1;
    }
    size_t done = parser.parse_chunk(buf.data(), start, cut, offset);
    if (done < cut) {
      if (eof && cut == end) parser.report(offset + done, "incomplete JSON object at the end of the input");
      return false;
    }
    if (last) return true;
    have = end - cut;
    std::memmove(buf.data(), buf.data() + cut, have);
    offset += cut;
  }
}

// The segments of a seekable source parsed by `threads` workers, each into its own table,
// merged into `b` in segment order (the same rows, counts and order for any thread count).
// Workers read their segments themselves (the copy out of the page cache is shared too) and
// take the next one as soon as they are done, at most 2·threads ahead of the merge. Returns
// false when a document spans two segments: the caller then reads the input with
// parse_sequential.
bool parse_parallel(const ByteSource& src, ComparisonsBuilder& b, int threads) {
  const ComparisonsReadOptions local = b.options();
  const uint64_t size = src.seekable_size();
  const size_t count = static_cast<size_t>((size + kChunk - 1) / kChunk);
  enum class State { empty, parsing, parsed };
  struct Slot {
    ComparisonsBuilder part;
    State state = State::empty;
    bool complete = true;
    std::exception_ptr error;
    explicit Slot(const ComparisonsReadOptions& o) : part(o) {}
  };
  const size_t S = 2 * static_cast<size_t>(threads);
  std::vector<std::unique_ptr<Slot>> ring;
  for (size_t i = 0; i < S; ++i) ring.push_back(std::make_unique<Slot>(local));
  std::mutex mu;
  std::condition_variable cv;
  size_t next_parse = 0, next_merge = 0;
  bool stop = false;

  auto work = [&] {
    ChunkParser parser(src, local);
    std::vector<char> buf;
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stop || next_parse >= count || next_parse < next_merge + S; });
        if (stop || next_parse >= count) return;
        index = next_parse++;
        ring[index % S]->state = State::parsing;
      }
      Slot& slot = *ring[index % S];
      try {
        slot.part.reset();
        slot.part.set_covariate_names(local.covariates);
        parser.set_builder(slot.part);
        uint64_t lo = index * kChunk;
        slot.complete = parse_segment(src, lo, std::min<uint64_t>(size, lo + kChunk), parser, buf);
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        std::lock_guard lock(mu);
        slot.state = State::parsed;
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back(work);
  auto finish = [&] {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    cv.notify_all();
    for (auto& w : workers) w.join();
  };

  try {
    for (; next_merge < count;) {
      Slot& slot = *ring[next_merge % S];
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return slot.state == State::parsed; });
      }
      if (slot.error) std::rethrow_exception(slot.error);
      if (!slot.complete) {
        finish();
        return false;
      }
      std::string err = b.merge(slot.part.view());
      if (!err.empty()) throw InputError(SourceLocation{src.name(), 0, 0}, err);
      {
        std::lock_guard lock(mu);
        slot.state = State::empty;
        ++next_merge;
      }
      cv.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return true;
}

int reader_threads(const ComparisonsReadOptions& o) {
  int t = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(t, 1, 64);
}

}  // namespace

Comparisons read_battles_jsonl(const std::string& path, const ComparisonsReadOptions& options) {
  {
    ByteSource src(path);
    ComparisonsBuilder b(options);
    b.set_covariate_names(options.covariates);
    if (src.seekable_size() > 0 && parse_parallel(src, b, reader_threads(options))) return b.finish();
  }
  ByteSource src(path);
  ComparisonsBuilder b(options);
  b.set_covariate_names(options.covariates);
  parse_sequential(src, b);
  return b.finish();
}

Comparisons read_battles_jsonl_text(std::string_view text, const std::string& name, const ComparisonsReadOptions& options) {
  {
    ByteSource src(text, name);
    ComparisonsBuilder b(options);
    b.set_covariate_names(options.covariates);
    if (src.seekable_size() > 0 && parse_parallel(src, b, reader_threads(options))) return b.finish();
  }
  ByteSource src(text, name);
  ComparisonsBuilder b(options);
  b.set_covariate_names(options.covariates);
  parse_sequential(src, b);
  return b.finish();
}

}  // namespace prefero
