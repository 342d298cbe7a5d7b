// Reader of the Condorcet Election Format (see cef_read.hpp for the format and its conventions).
#include "io/cef_read.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace prefero {

namespace {

// A piece of a line and where it starts (0-based offset into the line).
struct Span {
  std::string_view text;
  size_t offset = 0;
};

Span trim(Span s) {
  size_t b = 0, e = s.text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s.text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s.text[e - 1]))) --e;
  return {s.text.substr(b, e - b), s.offset + b};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits `s` at every `sep`, keeping offsets.
std::vector<Span> split(Span s, char sep) {
  std::vector<Span> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.text.size(); ++i) {
    if (i == s.text.size() || s.text[i] == sep) {
      parts.push_back({s.text.substr(start, i - start), s.offset + start});
      start = i + 1;
    }
  }
  return parts;
}

struct Vote {
  std::vector<std::vector<Cand>> tiers;
  int64_t count = 1;
};

class CefParser {
 public:
  explicit CefParser(std::string name) : name_(std::move(name)) {}

  Profile parse(std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("#/", 0) == 0) {
        parameter(line);
      } else {
        vote(line);
      }
    }
    return build();
  }

 private:
  [[noreturn]] void fail(size_t offset, const std::string& message) const {
    throw InputError(SourceLocation{name_, line_no_, static_cast<int>(offset) + 1}, message);
  }

  // `#/Name: value` (no comment allowed on a parameter line).
  void parameter(const std::string& line) {
    if (seen_vote_) fail(0, "parameter line after the first vote (parameters must come first)");
    Span body{std::string_view(line).substr(2), 2};
    size_t colon = body.text.find(':');
    if (colon == std::string_view::npos) fail(line.size(), "expected ':' after the parameter name");
    Span key = trim({body.text.substr(0, colon), body.offset});
    Span value = trim({body.text.substr(colon + 1), body.offset + colon + 1});
    std::string k = lower(key.text);
    if (!seen_params_.insert({k, line_no_}).second) fail(key.offset, "parameter '" + std::string(key.text) + "' given twice");
    if (k == "candidates") {
      candidates_declared_ = true;
      for (Span c : split(value, ';')) {
        Span n = trim(c);
        if (n.text.empty()) fail(c.offset, "empty candidate name in #/Candidates");
        if (index_.count(std::string(n.text))) fail(n.offset, "candidate '" + std::string(n.text) + "' listed twice");
        add_candidate(std::string(n.text));
      }
    } else if (k == "number of seats" || k == "number of seat") {
      int64_t seats = positive_integer(value, "number of seats");
      metadata_.emplace_back("Number of Seats", std::to_string(seats));
    } else if (k == "implicit ranking") {
      implicit_ranking_ = boolean(value);
    } else if (k == "weight allowed") {
      weight_allowed_ = boolean(value);
    } else {
      metadata_.emplace_back(std::string(key.text), std::string(value.text));  // software-specific parameter
    }
  }

  bool boolean(Span value) const {
    std::string v = lower(value.text);
    if (v == "true") return true;
    if (v == "false") return false;
    fail(value.offset, "expected true or false, got '" + std::string(value.text) + "'");
  }

  int64_t positive_integer(Span s, const std::string& what) const {
    Span t = trim(s);
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (t.text.empty() || ec != std::errc() || ptr != t.text.data() + t.text.size() || v <= 0)
      fail(t.offset, "expected a positive integer " + what + ", got '" + std::string(t.text) + "'");
    return v;
  }

  // `(tags ||) ranking (^weight) (* quantifier)`, `#` starting a comment.
  void vote(const std::string& line) {
    Span rest{std::string_view(line), 0};
    if (size_t hash = rest.text.find('#'); hash != std::string_view::npos) rest.text = rest.text.substr(0, hash);
    rest = trim(rest);
    if (rest.text.empty()) return;
    seen_vote_ = true;
    if (size_t bars = rest.text.find("||"); bars != std::string_view::npos)
      rest = trim({rest.text.substr(bars + 2), rest.offset + bars + 2});
    int64_t quantity = 1, weight = 1;
    size_t star = rest.text.find('*');
    size_t caret = rest.text.find('^');
    if (star != std::string_view::npos && caret != std::string_view::npos && caret > star)
      fail(rest.offset + caret, "the weight '^' must come before the quantifier '*'");
    if (star != std::string_view::npos) {
      quantity = positive_integer({rest.text.substr(star + 1), rest.offset + star + 1}, "after '*'");
      rest.text = rest.text.substr(0, star);
    }
    if (caret != std::string_view::npos) {
      weight = positive_integer({rest.text.substr(caret + 1), rest.offset + caret + 1}, "after '^'");
      rest.text = rest.text.substr(0, caret);
    }
    rest = trim(rest);
    Vote v;
    if (__builtin_mul_overflow(quantity, weight_allowed_ ? weight : 1, &v.count))
      fail(rest.offset, "quantity times weight is more than 2^63 - 1 voters");
    if (rest.text.empty()) fail(rest.offset, "vote without a ranking");
    if (rest.text != "/EMPTY/" && rest.text != "/EMPTY_RANKING/") v.tiers = ranking(rest);
    votes_.push_back(std::move(v));
  }

  std::vector<std::vector<Cand>> ranking(Span text) {
    std::vector<std::vector<Cand>> tiers;
    std::vector<char> used(index_.size(), 0);
    for (Span rank : split(text, '>')) {
      std::vector<Cand> tier;
      for (Span raw : split(rank, '=')) {
        Span n = trim(raw);
        if (n.text.empty()) fail(raw.offset, "empty candidate name in the ranking (a rank must not be empty)");
        if (n.text.find_first_of(";,/<^*") != std::string_view::npos)
          fail(n.offset, "unexpected character in candidate name '" + std::string(n.text) + "'");
        std::optional<Cand> c = candidate(std::string(n.text));
        if (!c) {
          ++ignored_names_;
          if (first_ignored_.empty()) first_ignored_ = "'" + std::string(n.text) + "' at line " + std::to_string(line_no_);
          continue;
        }
        if (static_cast<size_t>(*c) >= used.size()) used.resize(static_cast<size_t>(*c) + 1, 0);
        if (used[*c]) fail(n.offset, "candidate '" + std::string(n.text) + "' appears twice in one vote");
        used[*c] = 1;
        tier.push_back(*c);
      }
      if (!tier.empty()) tiers.push_back(std::move(tier));
    }
    return tiers;
  }

  // The candidate named `n`; a new one if candidates were not declared; none (ignored) otherwise.
  std::optional<Cand> candidate(const std::string& n) {
    if (auto it = index_.find(n); it != index_.end()) return it->second;
    if (candidates_declared_) return std::nullopt;
    return add_candidate(n);
  }

  Cand add_candidate(const std::string& n) {
    Cand c = static_cast<Cand>(names_.size());
    names_.push_back(n);
    index_.emplace(n, c);
    return c;
  }

  Profile build() {
    if (names_.empty()) throw InputError(SourceLocation{name_, 0, 0}, "no candidates (neither #/Candidates nor votes)");
    Candidates cands = Candidates::numbered(static_cast<int>(names_.size()));
    cands.names = names_;
    ProfileBuilder builder(cands, BallotKind::ranking);
    builder.add_metadata("Format", "Condorcet Election Format");
    builder.add_metadata("Implicit Ranking", implicit_ranking_ ? "true" : "false");
    builder.add_metadata("Weight Allowed", weight_allowed_ ? "true" : "false");
    for (auto& [k, v] : metadata_) builder.add_metadata(k, v);
    if (ignored_names_ > 0)
      builder.add_metadata("Ignored Candidate Names",
                           std::to_string(ignored_names_) + " (not in #/Candidates; first " + first_ignored_ + ")");
    for (const Vote& v : votes_) builder.add_tiers(v.tiers, v.count);
    return builder.finish();
  }

  std::string name_;
  int line_no_ = 0;
  bool seen_vote_ = false;
  bool candidates_declared_ = false;
  bool implicit_ranking_ = true;   // spec default
  bool weight_allowed_ = false;    // spec default
  std::map<std::string, int> seen_params_;
  std::vector<std::pair<std::string, std::string>> metadata_;
  std::vector<std::string> names_;
  std::map<std::string, Cand> index_;
  std::vector<Vote> votes_;
  int64_t ignored_names_ = 0;
  std::string first_ignored_;
};

}  // namespace

Profile read_cef(std::istream& in, const std::string& name) { return CefParser(name).parse(in); }

}  // namespace prefero
