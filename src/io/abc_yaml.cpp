#include "io/abc_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/rational.hpp"
#include "io/read.hpp"

namespace prefero {

namespace {

struct Ctx {
  std::string name;
  int64_t max_cand = 10000;
  [[noreturn]] void fail(const YAML::Mark& m, const std::string& msg) const {
    throw InputError(SourceLocation{name, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1}, msg);
  }
  [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const { fail(n.Mark(), msg); }
};

std::string scalar_text(const Ctx& ctx, const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar()) ctx.fail(n, what + ": expected a single value");
  return n.Scalar();
}

int64_t to_int(const Ctx& ctx, const YAML::Node& n, const std::string& what, int64_t lo, int64_t hi) {
  std::string s = scalar_text(ctx, n, what);
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i == s.size()) ctx.fail(n, what + ": expected an integer, found '" + s + "'");
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') ctx.fail(n, what + ": expected an integer, found '" + s + "'");
    if (v > (hi + 10) / 10) ctx.fail(n, what + ": " + s + " is too large");
    v = v * 10 + (s[i] - '0');
  }
  if (neg) v = -v;
  if (v < lo || v > hi)
    ctx.fail(n, what + ": " + s + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
  return v;
}

// A positive weight written as an integer, a decimal (1.3, 2e-1 not accepted) or a fraction p/q.
Rational to_weight(const Ctx& ctx, const YAML::Node& n) {
  std::string s = scalar_text(ctx, n, "voter_weights");
  auto bad = [&] { ctx.fail(n, "voter_weights: expected a positive number (e.g. 2, 1.5 or 3/2), found '" + s + "'"); };
  if (s.empty() || s.size() > 40) bad();
  Rational r;
  auto slash = s.find('/');
  auto digits = [](const std::string& t) { return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if (slash != std::string::npos) {
    std::string p = s.substr(0, slash), q = s.substr(slash + 1);
    if (!digits(p) || !digits(q)) bad();
    if (mpz_class(q) == 0) bad();
    r = Rational(mpz_class(p), mpz_class(q));
    r.canonicalize();
  } else {
    auto dot = s.find('.');
    std::string ip = dot == std::string::npos ? s : s.substr(0, dot);
    std::string fp = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (ip.empty()) ip = "0";
    if (!digits(ip) || (dot != std::string::npos && !fp.empty() && !digits(fp))) bad();
    mpz_class den = 1;
    for (size_t i = 0; i < fp.size(); ++i) den *= 10;
    r = Rational(mpz_class(ip + fp), den);
    r.canonicalize();
  }
  if (r <= 0) bad();
  return r;
}

// An approval set: a sequence [1, 2] or a YAML set {1, 2} (a map with null values).
std::vector<int64_t> cand_set(const Ctx& ctx, const YAML::Node& n, const std::string& what) {
  std::vector<int64_t> out;
  if (n.IsNull()) return out;
  if (n.IsSequence()) {
    for (const auto& x : n) out.push_back(to_int(ctx, x, what, 0, ctx.max_cand - 1));
  } else if (n.IsMap()) {
    for (const auto& kv : n) {
      if (!kv.second.IsNull()) ctx.fail(kv.second, what + ": expected a set like {1, 2}");
      out.push_back(to_int(ctx, kv.first, what, 0, ctx.max_cand - 1));
    }
  } else {
    ctx.fail(n, what + ": expected a list [1, 2] or a set {1, 2} of candidates");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool to_bool(const Ctx& ctx, const YAML::Node& n, const std::string& what) {
  std::string s = scalar_text(ctx, n, what);
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "true" || l == "yes") return true;
  if (l == "false" || l == "no") return false;
  ctx.fail(n, what + ": expected true or false, found '" + s + "'");
}

AbcCompute read_compute(const Ctx& ctx, const YAML::Node& n) {
  if (!n.IsMap()) ctx.fail(n, "compute: each entry must be a mapping with at least rule_id");
  AbcCompute c;
  c.where = SourceLocation{ctx.name, n.Mark().line + 1, n.Mark().column + 1};
  bool has_rule = false;
  for (const auto& kv : n) {
    std::string key = scalar_text(ctx, kv.first, "compute key");
    if (key == "rule_id") {
      c.rule_id = scalar_text(ctx, kv.second, "rule_id");
      has_rule = true;
    } else if (key == "resolute") {
      c.resolute = to_bool(ctx, kv.second, "resolute");
    } else if (key == "result") {
      if (kv.second.IsNull()) continue;
      if (!kv.second.IsSequence()) ctx.fail(kv.second, "result: expected a list of committees or null");
      std::vector<std::vector<Cand>> committees;
      for (const auto& com : kv.second) {
        std::vector<Cand> w;
        for (int64_t x : cand_set(ctx, com, "result")) w.push_back(static_cast<Cand>(x));
        committees.push_back(std::move(w));
      }
      c.result = std::move(committees);
    } else {
      c.kwargs.emplace_back(key, kv.second.IsNull() ? std::string() : YAML::Dump(kv.second));
    }
  }
  if (!has_rule) ctx.fail(n, "compute: entry without rule_id (each entry names the rule it runs)");
  return c;
}

}  // namespace

AbcInstance read_abc_yaml_text(std::string_view text, const std::string& name, const ReadLimits& limits) {
  Ctx ctx{name, limits.max_alternatives};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    ctx.fail(e.mark, "malformed YAML: " + e.msg);
  }
  if (!root.IsMap()) ctx.fail(root, "expected a mapping with the keys profile, num_cand, committeesize, compute ...");
  try {
    YAML::Node profile, num_cand, weights, size, compute, description;
    bool has_profile = false, has_num_cand = false, has_weights = false, has_size = false, has_compute = false,
         has_description = false;
    for (const auto& kv : root) {
      std::string key = scalar_text(ctx, kv.first, "key");
      if (key == "profile") profile = kv.second, has_profile = true;
      else if (key == "num_cand") num_cand = kv.second, has_num_cand = true;
      else if (key == "voter_weights") weights = kv.second, has_weights = true;
      else if (key == "committeesize") size = kv.second, has_size = true;
      else if (key == "compute") compute = kv.second, has_compute = true;
      else if (key == "description") description = kv.second, has_description = true;
      else
        ctx.fail(kv.first, "unknown key '" + key +
                               "' (allowed: profile, num_cand, voter_weights, committeesize, description, compute)");
    }
    if (!has_profile) ctx.fail(root, "missing key 'profile' (a list of approval sets)");
    if (!profile.IsSequence()) ctx.fail(profile, "profile: expected a list of approval sets");
    std::vector<std::vector<int64_t>> ballots;
    int64_t max_cand = -1;
    for (const auto& b : profile) {
      ballots.push_back(cand_set(ctx, b, "profile"));
      if (!ballots.back().empty()) max_cand = std::max(max_cand, ballots.back().back());
    }
    int64_t m = max_cand + 1;
    if (has_num_cand) {
      m = to_int(ctx, num_cand, "num_cand", 1, ctx.max_cand);
      if (max_cand >= m)
        ctx.fail(num_cand, "num_cand is " + std::to_string(m) + " but the profile approves candidate " +
                               std::to_string(max_cand) + " (candidates are 0.." + std::to_string(m - 1) + ")");
    }
    if (m < 1) ctx.fail(profile, "the profile names no candidate; give num_cand");
    std::vector<Rational> w(ballots.size(), Rational(1));
    if (has_weights) {
      if (!weights.IsSequence()) ctx.fail(weights, "voter_weights: expected a list of numbers");
      if (weights.size() != ballots.size())
        ctx.fail(weights, "voter_weights has " + std::to_string(weights.size()) + " entries but the profile has " +
                              std::to_string(ballots.size()) + " voters");
      for (size_t i = 0; i < ballots.size(); ++i) w[i] = to_weight(ctx, weights[i]);
    }
    mpz_class scale = 1;
    for (const auto& x : w) scale = lcm(scale, mpz_class(x.get_den()));
    AbcInstance inst;
    Candidates cands;
    for (int64_t c = 0; c < m; ++c) {
      cands.ids.push_back(c);
      cands.names.push_back(std::to_string(c));
    }
    ProfileBuilder builder(std::move(cands), BallotKind::categorical);
    builder.set_category_names({"approved", "not approved"});
    std::vector<int32_t> levels(static_cast<size_t>(m));
    // Voters in file order as unique-ballot indices (the builder keeps first appearances in order):
    // rules that are not anonymous in their tie-breaking (greedy Monroe) read it back.
    std::map<std::vector<int64_t>, size_t> unique_index;
    std::string voter_order;
    for (size_t i = 0; i < ballots.size(); ++i) {
      auto [it, fresh] = unique_index.emplace(ballots[i], unique_index.size());
      voter_order += (i ? "," : "") + std::to_string(it->second);
    }
    if (ballots.size() <= 100000) builder.add_metadata("voter_order", voter_order);
    for (size_t i = 0; i < ballots.size(); ++i) {
      std::fill(levels.begin(), levels.end(), 1);
      for (int64_t c : ballots[i]) levels[static_cast<size_t>(c)] = 0;
      Rational count = w[i] * scale;
      mpz_class n = count.get_num();
      if (n > mpz_class("1000000000000")) ctx.fail(weights[i], "voter weight too large after scaling to integers");
      builder.add_levels(levels, static_cast<int64_t>(n.get_si()));
    }
    if (scale != 1) builder.add_metadata("weight_scale", scale.get_str());
    if (has_description) {
      inst.description = description.IsScalar() ? description.Scalar() : YAML::Dump(description);
      builder.add_metadata("description", inst.description);
    }
    inst.profile = builder.finish();
    if (has_size) inst.committee_size = static_cast<int>(to_int(ctx, size, "committeesize", 1, m));
    if (has_compute && !compute.IsNull()) {
      if (!compute.IsSequence()) ctx.fail(compute, "compute: expected a list of rule runs");
      for (const auto& c : compute) inst.compute.push_back(read_compute(ctx, c));
    }
    return inst;
  } catch (const YAML::Exception& e) {
    ctx.fail(e.mark, "malformed YAML: " + e.msg);
  }
}

AbcInstance read_abc_yaml(const std::string& path) { return read_abc_yaml_text(read_whole_file(path), path); }

bool is_abc_yaml_path(const std::string& path) {
  auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
  return ends(".yaml") || ends(".yml");
}

}  // namespace prefero
