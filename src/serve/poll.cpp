// Polls: validation, ballots, the profile and the result (see poll.hpp).
#include "serve/poll.hpp"

#include <algorithm>

#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

namespace {

bool rule_fits(const std::string& ballot, const std::string& input) {
  if (ballot == "ranking") return input == "ranking" || input == "approval";
  if (ballot == "approval") return input == "approval";
  return input == "scores" || input == "approval";  // score: approval rules read grades >= min_grade
}

std::string input_error(const InputError& e) { return e.detail().empty() ? e.what() : e.detail(); }

}  // namespace

json normalize_poll(const json& b) {
  json p = json::object();
  const std::string id = get_string(b, "id", "", false, "");
  if (!id.empty() && !valid_id(id)) throw bad_request("'id' must be 1-64 letters, digits, '-', '_' or '.'", "id");
  p["id"] = id;
  p["title"] = get_string(b, "title", "", true);
  auto cands = b.find("candidates");
  if (cands == b.end() || !cands->is_array() || cands->size() < 2)
    throw bad_request("'candidates' must be an array of at least two names", "candidates");
  json names = json::array();
  for (size_t i = 0; i < cands->size(); ++i) {
    const std::string f = "candidates[" + std::to_string(i) + "]";
    const json& c = (*cands)[i];
    if (!c.is_string() || c.get<std::string>().empty()) throw bad_request("'" + f + "' must be a non-empty name", f);
    if (c.get<std::string>().find_first_of("\n\r") != std::string::npos)
      throw bad_request("'" + f + "' must be one line", f);
    for (const auto& n : names)
      if (n == c) throw bad_request("candidate '" + c.get<std::string>() + "' appears twice", f);
    names.push_back(c);
  }
  p["candidates"] = names;
  const std::string ballot = get_string(b, "ballot", "", false, "ranking");
  if (ballot != "ranking" && ballot != "approval" && ballot != "score")
    throw bad_request("'ballot' must be ranking, approval or score", "ballot");
  p["ballot"] = ballot;
  const std::string rule = get_string(b, "rule", "", true);
  const MethodInfo* m = find_method(rule);
  if (!m) throw bad_request("'rule' must be a registry method id (prefero methods), got '" + rule + "'", "rule");
  if (m->family != "elect" && m->family != "committee")
    throw bad_request("'" + m->id + "' is a " + m->family + " method; a poll needs a single-winner (elect) or committee rule",
                      "rule");
  if (!rule_fits(ballot, m->input))
    throw bad_request("'" + m->id + "' takes " + m->input + " ballots; this poll collects " + ballot + " ballots", "rule");
  p["rule"] = m->id;
  const auto m_count = static_cast<int64_t>(names.size());
  const int64_t seats = get_int(b, "seats", "", 1, 1, m_count);
  if (m->family == "elect" && seats != 1)
    throw bad_request("'" + m->id + "' elects one winner; for " + std::to_string(seats) + " seats use a committee rule",
                      "seats");
  p["seats"] = seats;
  const auto params = params_of(b.value("params", json::object()), "params");
  try {
    resolve_params(m->id, m->params, params);
  } catch (const InputError& e) {
    throw bad_request(input_error(e), "params");
  }
  p["params"] = b.value("params", json::object());
  p["opens_at"] = b.contains("opens_at") && !b["opens_at"].is_null() ? parse_time_ms(b["opens_at"], "opens_at") : 0;
  p["closes_at"] = b.contains("closes_at") && !b["closes_at"].is_null() ? parse_time_ms(b["closes_at"], "closes_at") : 0;
  if (p["closes_at"].get<int64_t>() != 0 && p["closes_at"].get<int64_t>() <= p["opens_at"].get<int64_t>())
    throw bad_request("'closes_at' must be after 'opens_at'", "closes_at");
  const std::string voting = get_string(b, "voting", "", false, "anonymous");
  if (voting != "anonymous" && voting != "token") throw bad_request("'voting' must be anonymous or token", "voting");
  p["voting"] = voting;
  p["replace"] = get_bool(b, "replace", "", false);
  p["max_score"] = get_int(b, "max_score", "", 10, 1, 1000000);
  return p;
}

PollState poll_from_config(const json& c) {
  PollState p;
  p.config = c;
  p.id = c.at("id").get<std::string>();
  p.title = c.at("title").get<std::string>();
  p.ballot = c.at("ballot").get<std::string>();
  p.rule = c.at("rule").get<std::string>();
  p.voting = c.at("voting").get<std::string>();
  p.params = params_of(c.at("params"), "params");
  p.seats = c.at("seats").get<int>();
  p.opens_at = c.at("opens_at").get<int64_t>();
  p.closes_at = c.at("closes_at").get<int64_t>();
  p.replace = c.at("replace").get<bool>();
  p.max_score = c.at("max_score").get<int64_t>();
  for (const auto& n : c.at("candidates")) {
    p.cand_index[n.get<std::string>()] = static_cast<int>(p.candidates.size());
    p.candidates.push_back(n.get<std::string>());
  }
  return p;
}

json normalize_ballot(const PollState& p, const json& b) {
  auto name_of = [&](const json& x, const std::string& field) {
    if (!x.is_string() || !p.cand_index.count(x.get<std::string>()))
      throw bad_request(x.dump() + " is not a candidate of this poll", field);
    return x.get<std::string>();
  };
  std::vector<char> seen(p.candidates.size(), 0);
  auto once = [&](const std::string& name, const std::string& field) {
    if (seen[static_cast<size_t>(p.cand_index.at(name))]++) throw bad_request("'" + name + "' appears twice", field);
  };
  if (p.ballot == "ranking") {
    if (!b.contains("ranking") || !b["ranking"].is_array() || b["ranking"].empty())
      throw bad_request("this poll takes {\"ranking\": [[\"a\"], [\"b\", \"c\"]]} (tiers, best first)", "ranking");
    json tiers = json::array();
    for (const auto& tier : b["ranking"]) {
      json t = json::array();
      if (tier.is_string()) t.push_back(name_of(tier, "ranking"));
      else if (tier.is_array())
        for (const auto& x : tier) t.push_back(name_of(x, "ranking"));
      else throw bad_request("each tier of 'ranking' must be a name or an array of names", "ranking");
      for (const auto& x : t) once(x.get<std::string>(), "ranking");
      if (!t.empty()) tiers.push_back(t);
    }
    if (tiers.empty()) throw bad_request("'ranking' ranks nobody", "ranking");
    return json{{"ranking", tiers}};
  }
  if (p.ballot == "approval") {
    if (!b.contains("approve") || !b["approve"].is_array())
      throw bad_request("this poll takes {\"approve\": [\"a\", ...]}", "approve");
    json out = json::array();
    for (const auto& x : b["approve"]) {
      out.push_back(name_of(x, "approve"));
      once(out.back().get<std::string>(), "approve");
    }
    return json{{"approve", out}};
  }
  if (!b.contains("scores") || !b["scores"].is_object())
    throw bad_request("this poll takes {\"scores\": {\"a\": 3, ...}}", "scores");
  json out = json::object();
  for (auto it = b["scores"].begin(); it != b["scores"].end(); ++it) {
    const std::string f = "scores." + it.key();
    name_of(json(it.key()), f);
    if (!it.value().is_number_integer() || it.value().get<int64_t>() < 0 || it.value().get<int64_t>() > p.max_score)
      throw bad_request("'" + f + "' must be an integer from 0 to " + std::to_string(p.max_score), f);
    out[it.key()] = it.value();
  }
  return json{{"scores", out}};
}

void decode_ballot(const PollState& p, PollBallot& b) {
  b.tiers.clear();
  b.approved.clear();
  b.grades.assign(p.candidates.size(), kNoGrade);
  if (b.body.contains("ranking"))
    for (const auto& tier : b.body["ranking"]) {
      b.tiers.emplace_back();
      for (const auto& x : tier) b.tiers.back().push_back(p.cand_index.at(x.get<std::string>()));
    }
  if (b.body.contains("approve"))
    for (const auto& x : b.body["approve"]) b.approved.push_back(p.cand_index.at(x.get<std::string>()));
  if (b.body.contains("scores"))
    for (auto it = b.body["scores"].begin(); it != b.body["scores"].end(); ++it)
      b.grades[static_cast<size_t>(p.cand_index.at(it.key()))] = it.value().get<int64_t>();
}

Profile poll_profile(const PollState& p, bool as_ranking) {
  Candidates cands;
  for (size_t i = 0; i < p.candidates.size(); ++i) {
    cands.ids.push_back(static_cast<int64_t>(i) + 1);
    cands.names.push_back(p.candidates[i]);
  }
  const size_t m = p.candidates.size();
  if (p.ballot == "ranking" || (p.ballot == "score" && as_ranking)) {
    ProfileBuilder builder(cands, BallotKind::ranking);
    for (const auto& b : p.ballots) {
      if (p.ballot == "ranking") {
        builder.add_tiers(b.tiers, 1);
        continue;
      }
      std::vector<int32_t> levels(m, kUnranked);
      for (size_t c = 0; c < m; ++c)
        if (b.grades[c] != kNoGrade) levels[c] = static_cast<int32_t>(p.max_score - b.grades[c]);
      builder.add_levels(levels, 1);  // higher grade = better level; compacted by the builder
    }
    return builder.finish();
  }
  if (p.ballot == "approval") {
    ProfileBuilder builder(cands, BallotKind::categorical);
    builder.set_category_names({"approved", "not approved"});
    for (const auto& b : p.ballots) {
      std::vector<int32_t> levels(m, 1);
      for (int c : b.approved) levels[static_cast<size_t>(c)] = 0;
      builder.add_levels(levels, 1);
    }
    return builder.finish();
  }
  ProfileBuilder builder(cands, BallotKind::scores);
  for (const auto& b : p.ballots) builder.add_grades(b.grades, 1);
  return builder.finish();
}

json poll_results(const PollState& p) {
  const MethodInfo& m = require_method(p.rule);
  json out = {{"rule", m.id}, {"seats", p.seats}, {"ballots", p.ballots.size()}};
  json cands = json::array();
  for (size_t i = 0; i < p.candidates.size(); ++i) cands.push_back({{"id", i + 1}, {"name", p.candidates[i]}});
  out["candidates"] = cands;
  if (p.ballots.empty()) {
    out["winners"] = json::array();
    out["tied"] = false;
    out["explanation"] = json::object();
    return out;
  }
  const Profile profile = poll_profile(p);
  auto names = [&](const std::vector<Cand>& cs) {
    json j = json::array();
    for (Cand c : cs) j.push_back(p.candidates[static_cast<size_t>(c)]);
    return j;
  };
  try {
    if (m.family == "elect") {
      const ElectOutcome r = run_elect(m, profile, p.params);
      out["winners"] = names(r.result.winners);
      out["tied"] = r.result.winners.size() > 1;
      out["params"] = r.params.values();
      out["explanation"] = r.result.explanation;
    } else {
      const CommitteeOutcome r = run_committee(m, profile, p.seats, p.params);
      json committees = json::array();
      for (const auto& c : r.result.committees) committees.push_back(names(c));
      out["committees"] = committees;
      // One winning committee: its members; tied committees: the candidates in every one.
      std::vector<Cand> common = r.result.committees.empty() ? std::vector<Cand>{} : r.result.committees[0];
      for (const auto& c : r.result.committees) {
        std::vector<Cand> keep;
        std::set_intersection(common.begin(), common.end(), c.begin(), c.end(), std::back_inserter(keep));
        common = keep;
      }
      out["winners"] = names(common);
      out["tied"] = r.result.committees.size() > 1;
      out["proven"] = r.result.proven;
      out["params"] = r.params.values();
      out["explanation"] = r.result.explanation;
    }
  } catch (const InputError& e) {
    throw ApiError(409, "conflict", m.id + " cannot count these ballots: " + input_error(e), "rule");
  }
  return out;
}

}  // namespace prefero::serve
