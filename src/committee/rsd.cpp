// Random Serial Dictator (abcvoting "rsd"): voters in a random order each add their approved
// candidates (smaller index first) while seats remain; any seats left go to random candidates.
// Seeded with a portable generator, so a seed gives the same committee everywhere.
#include <algorithm>
#include <cstdint>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// splitmix64 (S. Vigna): fixed and portable.
uint64_t next_random(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Uniform in [0, n) by rejection (no modulo bias).
size_t uniform_below(uint64_t& state, size_t n) {
  const uint64_t bound = static_cast<uint64_t>(n);
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    uint64_t x = next_random(state);
    if (x < limit) return static_cast<size_t>(x % bound);
  }
}

template <class T>
void shuffle(std::vector<T>& v, uint64_t& state) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_below(state, i)]);
}

CommitteeResult rsd_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "rsd");
  uint64_t state = static_cast<uint64_t>(params.integer("seed"));
  std::vector<int> order;  // one entry per voter
  for (int b = 0; b < a.num_ballots(); ++b)
    for (int64_t i = 0; i < a.weight[static_cast<size_t>(b)]; ++i) order.push_back(b);
  shuffle(order, state);
  std::vector<char> in(static_cast<size_t>(a.num_cand), 0);
  int size = 0;
  json dictators = json::array();
  for (int b : order) {
    if (size == k) break;
    bool took = false;
    for (Cand c : a.approved[static_cast<size_t>(b)]) {
      if (size == k) break;
      if (!in[static_cast<size_t>(c)]) in[static_cast<size_t>(c)] = 1, ++size, took = true;
    }
    if (took) dictators.push_back(b);
  }
  std::vector<Cand> rest;
  for (Cand c = 0; c < a.num_cand; ++c)
    if (!in[static_cast<size_t>(c)]) rest.push_back(c);
  shuffle(rest, state);
  for (size_t i = 0; size < k; ++i) in[static_cast<size_t>(rest[i])] = 1, ++size;
  CommitteeResult r;
  std::vector<Cand> committee;
  for (Cand c = 0; c < a.num_cand; ++c)
    if (in[static_cast<size_t>(c)]) committee.push_back(c);
  r.committees = {committee};
  r.explanation["rule"] = "rsd";
  r.explanation["seed"] = params.integer("seed");
  r.explanation["dictator_ballots_in_order"] = dictators;
  return r;
}

}  // namespace

static const Registration rsd_registration{MethodInfo{
    .id = "rsd",
    .aliases = {"random_serial_dictator"},
    .family = "committee",
    .input = "approval",
    .summary = "Random Serial Dictator: voters in a seeded random order add their approved candidates while "
               "seats remain (random fillers); always one committee",
    .citation = "abcvoting rsd (random serial dictatorship, e.g. Aziz et al., Justified representation in "
                "approval-based committee voting, 2017)",
    .params = committee_params({{"seed", ParamType::integer, "0", "seed of the voter order (same seed, same committee)", {}}}),
    .resolute = true,
    .committee = rsd_rule,
}};

}  // namespace prefero
