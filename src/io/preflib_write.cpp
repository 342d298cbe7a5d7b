// PrefLib writer (new format, spec: PrefLib-Data FORMAT_SPECIFICATION.md): the header with
// correct counts and the most restrictive data type, then one `count: a, {b, c}, d` line per
// unique ballot, most frequent first (PrefLib's own order). Alternatives keep their ids when
// they are 1..m; otherwise they are renumbered 1..m by internal index.
#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "io/write.hpp"

namespace prefero {

namespace {

bool ids_are_one_to_m(const Profile& p) {
  std::vector<char> seen(static_cast<size_t>(p.num_candidates()), 0);
  for (Cand c = 0; c < p.num_candidates(); ++c) {
    const int64_t id = p.id(c);
    if (id < 1 || id > p.num_candidates() || seen[static_cast<size_t>(id - 1)]) return false;
    seen[static_cast<size_t>(id - 1)] = 1;
  }
  return true;
}

// A header value must stay on one line.
std::string one_line(std::string_view what, const std::string& value) {
  if (value.find('\n') != std::string::npos)
    throw InputError(std::string(what) + " contains a line break, which a PrefLib header cannot hold");
  return value;
}

int num_categories(const Profile& p) {
  int32_t top = -1;
  for (int32_t l : p.levels) top = std::max(top, l);
  return std::max(static_cast<int>(p.category_names.size()), top + 1);
}

// Descriptive header fields in the spec's order; the counts and names are written separately.
constexpr const char* kDescriptive[] = {"FILE NAME",         "TITLE",       "DESCRIPTION",
                                        "DATA TYPE",         "MODIFICATION TYPE", "RELATES TO",
                                        "RELATED FILES",     "PUBLICATION DATE",  "MODIFICATION DATE"};

bool computed_field(const std::string& key) {
  return key == "DATA TYPE" || key.rfind("NUMBER ", 0) == 0 || key.rfind("ALTERNATIVE NAME ", 0) == 0 ||
         key.rfind("CATEGORY NAME ", 0) == 0;
}

void write_group(std::ostream& out, const std::vector<Cand>& group, const std::vector<int64_t>& ext, bool brace_single) {
  if (group.size() == 1 && !brace_single) {
    out << ext[group[0]];
    return;
  }
  out << '{';
  for (size_t i = 0; i < group.size(); ++i) out << (i ? "," : "") << ext[group[i]];
  out << '}';
}

}  // namespace

std::string preflib_data_type(const Profile& p) {
  if (p.kind == BallotKind::categorical) return "cat";
  if (p.kind == BallotKind::scores)
    throw InputError("PrefLib has no data type for score ballots (write them as rankings or approvals first)");
  bool complete = true, strict = true;
  const int m = p.num_candidates();
  std::vector<int> per_level(static_cast<size_t>(m));
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    std::fill(per_level.begin(), per_level.end(), 0);
    for (int32_t l : p.ballot(b)) {
      if (l == kUnranked) {
        complete = false;
        continue;
      }
      if (l < m && per_level[l]++) strict = false;
    }
  }
  if (strict) return complete ? "soc" : "soi";
  return complete ? "toc" : "toi";
}

void write_preflib(const Profile& p, std::ostream& out) {
  const std::string type = preflib_data_type(p);
  const int m = p.num_candidates();
  std::vector<int64_t> ext(static_cast<size_t>(m));
  const bool keep_ids = ids_are_one_to_m(p);
  for (Cand c = 0; c < m; ++c) ext[c] = keep_ids ? p.id(c) : c + 1;

  for (const char* key : kDescriptive) {
    std::string value = key == std::string_view("DATA TYPE") ? type : p.meta(key).value_or("");
    out << "# " << key << ": " << one_line(key, value) << '\n';
  }
  for (const auto& [key, value] : p.metadata) {  // other fields (e.g. OFFICIAL RESULTS), as read
    if (computed_field(key) || std::find(std::begin(kDescriptive), std::end(kDescriptive), key) != std::end(kDescriptive))
      continue;
    if (key.empty() || key.find(':') != std::string::npos)
      throw InputError("metadata key '" + key + "' cannot be written as a PrefLib header key");
    out << "# " << one_line("metadata key", key) << ": " << one_line(key, value) << '\n';
  }
  out << "# NUMBER ALTERNATIVES: " << m << '\n';
  out << "# NUMBER VOTERS: " << p.num_voters << '\n';
  const bool cat = p.kind == BallotKind::categorical;
  const int k = cat ? num_categories(p) : 0;
  if (cat) {
    out << "# NUMBER UNIQUE PREFERENCES: " << p.num_ballots() << '\n';
    out << "# NUMBER CATEGORIES: " << k << '\n';
    for (int i = 0; i < k; ++i) {
      std::string name = i < static_cast<int>(p.category_names.size()) ? p.category_names[i] : std::to_string(i + 1);
      out << "# CATEGORY NAME " << i + 1 << ": " << one_line("category name", name) << '\n';
    }
  } else {
    out << "# NUMBER UNIQUE ORDERS: " << p.num_ballots() << '\n';
  }
  std::vector<Cand> by_id(static_cast<size_t>(m));
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](Cand a, Cand b) { return ext[a] < ext[b]; });
  for (Cand c : by_id) out << "# ALTERNATIVE NAME " << ext[c] << ": " << one_line("alternative name", p.name(c)) << '\n';

  std::vector<size_t> order(p.num_ballots());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p.counts[a] > p.counts[b]; });
  for (size_t b : order) {
    out << p.counts[b] << ": ";
    auto tiers = p.tiers(b);
    if (cat) tiers.resize(static_cast<size_t>(k));
    bool first = true;
    for (auto& tier : tiers) {
      if (tier.empty() && !cat) continue;
      std::sort(tier.begin(), tier.end(), [&](Cand a, Cand c) { return ext[a] < ext[c]; });
      out << (first ? "" : ",");
      first = false;
      write_group(out, tier, ext, false);
    }
    out << '\n';
  }
}

}  // namespace prefero
