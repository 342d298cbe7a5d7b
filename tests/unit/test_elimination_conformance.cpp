// The pref_voting cases our elimination rules disagree with by default, each reproduced under
// the convention pref_voting's report used (see kKnown in tests/conformance/pref_voting_cases.cpp).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

// Case `id` of axiom_violation_cases.jsonl.
nlohmann::json pv_case(int id) {
  std::ifstream in(std::string(PREFERO_SHARED_DIR) + "/refdata/pref_voting/axiom_violation_cases.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    auto c = nlohmann::json::parse(line);
    if (c.at("id").get<int>() == id) return c;
  }
  ADD_FAILURE() << "no case " << id;
  return {};
}

// The case's profile; pref_voting's candidate numbers become our external ids.
Profile pv_profile(const nlohmann::json& c) {
  Candidates cands;
  for (const auto& id : c.at("candidates")) {
    cands.ids.push_back(id.get<int64_t>());
    cands.names.push_back(std::to_string(id.get<int64_t>()));
  }
  ProfileBuilder b(cands, BallotKind::ranking);
  for (const auto& ballot : c.at("ballots")) {
    std::vector<std::vector<Cand>> tiers;
    for (const auto& tier : ballot.at("ranking")) {
      tiers.emplace_back();
      for (const auto& id : tier) tiers.back().push_back(*cands.find_id(id.get<int64_t>()));
    }
    b.add_tiers(tiers, ballot.at("count").get<int64_t>());
  }
  return b.finish();
}

std::vector<int64_t> ids(const Profile& p, const std::vector<Cand>& cands) {
  std::vector<int64_t> out;
  for (Cand c : cands) out.push_back(p.id(c));
  return out;
}

std::vector<int64_t> expected(const nlohmann::json& c) { return c.at("winners").get<std::vector<int64_t>>(); }

}  // namespace

TEST(EliminationConformance, ExtendedStrictPreferenceReportsAgreeWithUnrankedTiedLast) {
  for (auto [method, id] : std::vector<std::pair<const char*, int>>{{"iterated_removal_cl", 1358},
                                                                    {"iterated_removal_cl", 1386},
                                                                    {"iterated_removal_cl", 3351},
                                                                    {"raynaud", 1943},
                                                                    {"raynaud", 1945},
                                                                    {"raynaud", 1988},
                                                                    {"raynaud", 2001},
                                                                    {"raynaud", 3699},
                                                                    {"raynaud", 3701}}) {
    auto c = pv_case(id);
    Profile p = pv_profile(c);
    auto out = run_elect(require_method(method), p, {{"unranked", "tied_last"}});
    EXPECT_EQ(ids(p, out.result.winners), expected(c)) << method << " pv#" << id;
    // and the default (incomparable) really differs, so the known entry is needed
    EXPECT_NE(ids(p, run_elect(require_method(method), p, {}).result.winners), expected(c)) << method << " pv#" << id;
  }
}

TEST(EliminationConformance, KnockoutOnTheFullProfileRestrictedAgreesWithDerivedCases) {
  // The derived case removes a candidate from the profile; pref_voting computed it as knockout on
  // the full profile (the case just before it) with curr_cands = the remaining candidates.
  const MethodInfo& knockout = require_method("knockout");
  Params params = resolve_params(knockout.id, knockout.params, {});
  for (int id : {1438, 1440, 1442, 1465}) {
    auto derived = pv_case(id);
    auto full = pv_case(id - 1);
    Profile p = pv_profile(full);
    CandidateSet cands;
    for (const auto& c : derived.at("candidates")) cands.push_back(*p.candidates.find_id(c.get<int64_t>()));
    EXPECT_EQ(ids(p, knockout.elect(p, cands, params).winners), expected(derived)) << "pv#" << id;
  }
}

TEST(EliminationConformance, WeakNansonDerivedCaseByHand) {
  // pv#2911: 1 x 2 > 3 > 1, 2 x 3 > 2 > 1. Borda 1: 0, 2: 4, 3: 5, average 3 -> 1 out;
  // then 2: 1, 3: 2, average 1.5 -> 2 out: {3} (pref_voting reports {2, 3}).
  auto c = pv_case(2911);
  Profile p = pv_profile(c);
  EXPECT_EQ(ids(p, run_elect(require_method("weak_nanson"), p, {}).result.winners), std::vector<int64_t>{3});
}
