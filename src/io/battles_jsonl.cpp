// Battles as JSON lines. The file is read in 16 MB chunks cut at a line end, and each chunk is
// parsed as one batch by simdjson's document stream (parse_many; the DOM API, which picks the
// fastest kernel for the CPU at run time, where On-Demand is fixed at compile time and falls
// back to the portable kernel without -mavx2), so memory is bounded by the chunk plus the distinct
// (a, b, outcome, covariates) rows. On bad input the offending line is re-read on its own to
// name file:line:column.
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
#include <vector>

#include "core/error.hpp"
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
  }
  ByteSource(std::string_view text, std::string name) : name_(std::move(name)), text_(text) {}
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

 private:
  std::string name_, path_;
  std::FILE* file_ = nullptr;
  std::string_view text_;
  size_t pos_ = 0;
};

constexpr size_t kChunk = size_t{1} << 24;

// Parses chunks of documents into a builder, and turns bad input into a precise InputError.
class ChunkParser {
 public:
  ChunkParser(const ByteSource& src, const ComparisonsReadOptions& options)
      : src_(src), fields_(options.covariates, options.voters) {}

  void set_builder(ComparisonsBuilder& b) { b_ = &b; }

  // Parses the documents in buf[start, cut) in batches of `batch` bytes (1 MB keeps the parse
  // tape in cache); returns where the unparsed tail (an object cut by the chunk end) begins.
  size_t parse_chunk(const char* buf, size_t start, size_t cut, uint64_t offset, size_t batch = size_t{1} << 20) {
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
          return parse_chunk(buf, resume, cut, offset, cut - resume);
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

  [[noreturn]] void report(uint64_t at, const std::string& msg) const {
    throw InputError(SourceLocation{src_.name(), src_.newlines_before(at) + 1, 1}, msg);
  }

 private:
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

// One chunk of whole lines for the parallel reader.
struct Chunk {
  std::vector<char> buf;  // bytes [0, end), then padding
  size_t start = 0, end = 0;
  uint64_t offset = 0;    // file offset of buf[0]
  bool complete = true;   // every byte parsed (no object cut by the chunk end)
  std::exception_ptr error;
};

// Cuts the input into chunks of whole lines (at most kChunk bytes each, the last line carried).
class Chunker {
 public:
  explicit Chunker(ByteSource& src) : src_(src) {}
  // false at the end; `too_long` when a line does not fit in a chunk (the caller falls back).
  bool next(Chunk& c, bool& too_long) {
    too_long = false;
    c.complete = true;
    c.error = nullptr;
    if (eof_ && carry_.empty()) return false;
    size_t hint = src_.size_hint();
    size_t cap = hint >= kChunk ? kChunk : std::clamp<size_t>(hint + carry_.size(), 4096, kChunk);
    if (carry_.size() >= cap) return too_long = true, true;
    if (c.buf.size() < cap + simdjson::SIMDJSON_PADDING) c.buf.resize(cap + simdjson::SIMDJSON_PADDING);
    if (!carry_.empty()) std::memcpy(c.buf.data(), carry_.data(), carry_.size());
    size_t want = cap - carry_.size();
    size_t got = eof_ ? 0 : src_.read(c.buf.data() + carry_.size(), want);
    if (got < want) eof_ = true;
    size_t end = carry_.size() + got;
    c.offset = offset_;
    c.start = offset_ == 0 && end >= 3 && std::memcmp(c.buf.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t cut = end;
    if (!eof_) {
      const char* nl = last_newline(c.buf.data() + c.start, end - c.start);
      if (!nl) return too_long = true, true;
      cut = static_cast<size_t>(nl - c.buf.data()) + 1;
    }
    carry_.assign(c.buf.data() + cut, c.buf.data() + end);
    std::memset(c.buf.data() + cut, ' ', simdjson::SIMDJSON_PADDING);
    c.end = cut;
    offset_ += cut;
    return true;
  }

 private:
  ByteSource& src_;
  std::vector<char> carry_;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

// Chunks parsed by `threads` workers, each into its own table, merged into `b` in chunk order
// (the same rows, counts and order for any thread count). The calling thread reads chunks into
// a ring of 2·threads slots and merges them in order; workers take the next chunk as soon as it
// is read (no barrier per batch, which on a loaded machine waits for the slowest thread).
// Returns false when an object spans chunks or a line is longer than a chunk: the caller then
// reads the input again with parse_sequential.
bool parse_parallel(ByteSource& src, ComparisonsBuilder& b, int threads) {
  const ComparisonsReadOptions local = b.options();
  enum class State { empty, filled, parsed };
  struct Slot {
    Chunk chunk;
    ComparisonsBuilder part;
    State state = State::empty;
    size_t index = 0;
    explicit Slot(const ComparisonsReadOptions& o) : part(o) {}
  };
  const size_t S = 2 * static_cast<size_t>(threads);
  std::vector<std::unique_ptr<Slot>> ring;
  for (size_t i = 0; i < S; ++i) ring.push_back(std::make_unique<Slot>(local));
  std::mutex mu;
  std::condition_variable cv;
  size_t next_parse = 0, total = SIZE_MAX;  // total: chunks read, once reading has ended
  bool stop = false;

  auto work = [&] {
    ChunkParser parser(src, local);
    for (;;) {
      Slot* slot;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] {
          if (stop || next_parse >= total) return true;
          const Slot& s = *ring[next_parse % S];
          return s.state == State::filled && s.index == next_parse;
        });
        if (stop || next_parse >= total) return;
        slot = ring[next_parse++ % S].get();
      }
      Chunk& c = slot->chunk;
      try {
        slot->part.reset();
        slot->part.set_covariate_names(local.covariates);
        parser.set_builder(slot->part);
        c.complete = parser.parse_chunk(c.buf.data(), c.start, c.end, c.offset) == c.end;
      } catch (...) {
        c.error = std::current_exception();
      }
      {
        std::lock_guard lock(mu);
        slot->state = State::parsed;
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

  Chunker chunker(src);
  size_t next_read = 0, next_merge = 0;
  bool reading = true, too_long = false;
  try {
    for (;;) {
      while (reading && next_read - next_merge < S) {
        Slot& slot = *ring[next_read % S];  // free: merged (or never used)
        if (!chunker.next(slot.chunk, too_long) || too_long) {
          reading = false;
          {
            std::lock_guard lock(mu);
            total = next_read;
          }
          cv.notify_all();
          break;
        }
        {
          std::lock_guard lock(mu);
          slot.index = next_read++;
          slot.state = State::filled;
        }
        cv.notify_all();
      }
      if (next_merge == next_read) break;
      Slot& slot = *ring[next_merge % S];
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return slot.state == State::parsed; });
      }
      if (slot.chunk.error) std::rethrow_exception(slot.chunk.error);
      if (!slot.chunk.complete) {
        finish();
        return false;
      }
      std::string err = b.merge(slot.part.view());
      if (!err.empty()) throw InputError(SourceLocation{src.name(), 0, 0}, err);
      {
        std::lock_guard lock(mu);
        slot.state = State::empty;
      }
      ++next_merge;
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return !too_long;
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
    if (parse_parallel(src, b, reader_threads(options))) return b.finish();
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
    if (parse_parallel(src, b, reader_threads(options))) return b.finish();
  }
  ByteSource src(text, name);
  ComparisonsBuilder b(options);
  b.set_covariate_names(options.covariates);
  parse_sequential(src, b);
  return b.finish();
}

}  // namespace prefero
