// Single transferable vote in exact rational arithmetic: Droop / Hare quotas; Gregory (weighted
// inclusive Gregory), last-parcel Gregory, Meek and Condorcet PHP's transfer rules; a stage-by-stage
// transcript; exclusion ties as parameters (none = every outcome, parallel universes).
#include <algorithm>
#include <map>
#include <optional>

#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

enum class Status { hopeful, elected, excluded };

struct Paper {
  size_t ballot = 0;  // index into Ballots::seq
  size_t pos = 0;     // position of the current candidate in the ballot's sequence
  Rational value;     // total value of the bundle (multiplicity x transfer values)
};
using Parcel = std::vector<Paper>;

struct StvOptions {
  std::string quota, transfer, tie_break;
  std::vector<Cand> favour;  // tie_break_order: most favoured first (excluded last)
  int max_branches = 64;
};

// Every ballot as a strict sequence of candidates (ties skipped or ending the ballot).
struct Ballots {
  std::vector<std::vector<Cand>> seq;
  std::vector<int64_t> count;
};

Ballots sequences(const Profile& p, bool skip_ties, bool unranked_last) {
  Ballots out;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto tiers = p.tiers(b);
    if (unranked_last) {
      std::vector<Cand> rest;
      for (Cand c = 0; c < p.num_candidates(); ++c)
        if (p.ballot(b)[static_cast<size_t>(c)] == kUnranked) rest.push_back(c);
      if (!rest.empty()) tiers.push_back(rest);
    }
    std::vector<Cand> s;
    for (const auto& t : tiers) {
      if (t.size() == 1) s.push_back(t[0]);
      else if (t.size() > 1 && !skip_ties) break;
    }
    out.seq.push_back(std::move(s));
    out.count.push_back(p.counts[b]);
  }
  return out;
}

json id_of(const Profile& p, Cand c) { return p.id(c); }

json tallies_json(const Profile& p, const std::vector<Rational>& tally, const std::vector<Status>& status) {
  json j = json::object();
  for (Cand c = 0; c < p.num_candidates(); ++c)
    if (status[static_cast<size_t>(c)] != Status::excluded || tally[static_cast<size_t>(c)] != 0)
      j[std::to_string(p.id(c))] = to_string(tally[static_cast<size_t>(c)]);
  return j;
}

// Quota of `total` valid votes for `seats`; `strict`: elected only above it.
Rational quota_of(const std::string& kind, const Rational& total, int seats, bool& strict) {
  strict = false;
  if (kind == "droop") {
    mpz_class q = total.get_num() / (total.get_den() * (seats + 1));  // floor
    return Rational(q + 1);
  }
  if (kind == "droop_exact") {
    strict = true;
    return total / (seats + 1);
  }
  if (kind == "hagenbach_bischoff") return total / (seats + 1);
  return total / seats;  // hare
}

// Among tied candidates, the one to exclude (tie_break = fixed or backward).
Cand least_favoured(const std::vector<Cand>& tied, const StvOptions& o) {
  Cand worst = tied.front();
  auto rank = [&](Cand c) { return std::find(o.favour.begin(), o.favour.end(), c) - o.favour.begin(); };
  for (Cand c : tied)
    if (rank(c) > rank(worst)) worst = c;
  return worst;
}

// The state of one count (copied at every branching tie).
struct Count {
  const Profile* p = nullptr;
  const Ballots* ballots = nullptr;
  const StvOptions* o = nullptr;
  int seats = 0;
  Rational quota;
  bool strict = false;
  std::vector<Status> status;
  std::vector<Rational> tally;
  std::vector<std::vector<Parcel>> piles;
  std::vector<Cand> elected;           // in order of election
  std::vector<Cand> pending_surplus;   // elected, surplus not yet transferred
  std::vector<std::vector<Rational>> history;  // tallies after every stage (backward tie-break)
  Rational exhausted = 0;
  json stages = json::array();
  json ties = json::array();
  bool record = true;  // only the first branch keeps a transcript

  int hopeful_count() const {
    return static_cast<int>(std::count(status.begin(), status.end(), Status::hopeful));
  }

  // Moves the paper to its next hopeful candidate (appending to `moved`), or exhausts it.
  void forward(Paper paper, std::map<Cand, Parcel>& moved) {
    const auto& s = ballots->seq[paper.ballot];
    while (paper.pos < s.size() && status[static_cast<size_t>(s[paper.pos])] != Status::hopeful) ++paper.pos;
    if (paper.pos == s.size()) {
      exhausted += paper.value;
      return;
    }
    moved[s[paper.pos]].push_back(std::move(paper));
  }

  void receive(std::map<Cand, Parcel>& moved) {
    for (auto& [c, parcel] : moved) {
      for (const auto& paper : parcel) tally[static_cast<size_t>(c)] += paper.value;
      piles[static_cast<size_t>(c)].push_back(std::move(parcel));
    }
  }

  bool reaches_quota(Cand c) const {
    return strict ? tally[static_cast<size_t>(c)] > quota : tally[static_cast<size_t>(c)] >= quota;
  }

  void stage(json entry) {
    history.push_back(tally);
    if (!record) return;
    entry["tallies"] = tallies_json(*p, tally, status);
    entry["exhausted"] = to_string(exhausted);
    stages.push_back(std::move(entry));
  }

  // Elects every hopeful candidate at or above the quota, largest tally first.
  json elect_at_quota() {
    std::vector<Cand> now;
    for (Cand c = 0; c < p->num_candidates(); ++c)
      if (status[static_cast<size_t>(c)] == Status::hopeful && reaches_quota(c)) now.push_back(c);
    std::stable_sort(now.begin(), now.end(), [&](Cand a, Cand b) { return tally[static_cast<size_t>(a)] > tally[static_cast<size_t>(b)]; });
    json ids = json::array();
    for (Cand c : now) {
      if (static_cast<int>(elected.size()) == seats) break;
      status[static_cast<size_t>(c)] = Status::elected;
      elected.push_back(c);
      pending_surplus.push_back(c);
      ids.push_back(id_of(*p, c));
    }
    return ids;
  }

  void transfer_surplus(Cand c) {
    const Rational surplus = tally[static_cast<size_t>(c)] - quota;
    json entry = {{"action", "transfer_surplus"}, {"candidate", id_of(*p, c)}, {"surplus", to_string(surplus)}};
    std::map<Cand, Parcel> moved;
    auto& pile = piles[static_cast<size_t>(c)];
    if (surplus > 0) {
      if (o->transfer == "last_parcel") {
        Parcel last = std::move(pile.back());
        pile.pop_back();
        Rational value = 0;
        for (const auto& paper : last) value += paper.value;
        Rational tv = surplus < value ? Rational(surplus / value) : Rational(1);
        entry["transfer_value"] = to_string(tv);
        entry["parcel_value"] = to_string(value);
        for (auto paper : last) {
          paper.value *= tv;
          forward(std::move(paper), moved);
        }
        tally[static_cast<size_t>(c)] -= value * tv;
      } else {  // gregory (weighted inclusive)
        const Rational tv = surplus / tally[static_cast<size_t>(c)];
        entry["transfer_value"] = to_string(tv);
        for (auto& parcel : pile)
          for (auto paper : parcel) {
            paper.value *= tv;
            forward(std::move(paper), moved);
          }
        pile.clear();
        tally[static_cast<size_t>(c)] = quota;
      }
    }
    receive(moved);
    entry["elected"] = elect_at_quota();
    stage(std::move(entry));
  }

  void exclude(Cand c) {
    status[static_cast<size_t>(c)] = Status::excluded;
    std::map<Cand, Parcel> moved;
    for (auto& parcel : piles[static_cast<size_t>(c)])
      for (auto& paper : parcel) forward(std::move(paper), moved);
    piles[static_cast<size_t>(c)].clear();
    tally[static_cast<size_t>(c)] = 0;
    receive(moved);
    json entry = {{"action", "exclude"}, {"candidate", id_of(*p, c)}};
    entry["elected"] = elect_at_quota();
    stage(std::move(entry));
  }

  std::vector<Cand> lowest_hopefuls() const {
    std::optional<Rational> low;
    std::vector<Cand> out;
    for (Cand c = 0; c < p->num_candidates(); ++c) {
      if (status[static_cast<size_t>(c)] != Status::hopeful) continue;
      if (!low || tally[static_cast<size_t>(c)] < *low) low = tally[static_cast<size_t>(c)], out.clear();
      if (tally[static_cast<size_t>(c)] == *low) out.push_back(c);
    }
    return out;
  }

  // Backward tie-break: the candidate lowest at the latest earlier stage where the tied differ.
  std::vector<Cand> backward(std::vector<Cand> tied) const {
    for (auto it = history.rbegin(); it != history.rend() && tied.size() > 1; ++it) {
      Rational low = (*it)[static_cast<size_t>(tied[0])];
      for (Cand c : tied) low = std::min(low, (*it)[static_cast<size_t>(c)]);
      std::vector<Cand> keep;
      for (Cand c : tied)
        if ((*it)[static_cast<size_t>(c)] == low) keep.push_back(c);
      tied = keep;
    }
    return tied;
  }
};

struct Outcomes {
  std::vector<std::vector<Cand>> committees;
  int branches = 0;
  bool cap_reached = false;
  json transcript;
  json ties = json::array();
};

void finish(Count& s, Outcomes& out) {
  auto w = s.elected;
  std::sort(w.begin(), w.end());
  out.committees.push_back(w);
  if (s.record) {
    json order = json::array();
    for (Cand c : s.elected) order.push_back(id_of(*s.p, c));
    out.transcript = {{"order_of_election", order}, {"stages", s.stages}};
  }
}

// Runs the count to its end from state s, branching at exclusion ties when tie_break = none.
void run_count(Count s, Outcomes& out) {
  while (true) {
    if (static_cast<int>(s.elected.size()) == s.seats) return finish(s, out);
    if (static_cast<int>(s.elected.size()) + s.hopeful_count() <= s.seats) {
      json ids = json::array();
      for (Cand c = 0; c < s.p->num_candidates(); ++c)
        if (s.status[static_cast<size_t>(c)] == Status::hopeful) {
          s.status[static_cast<size_t>(c)] = Status::elected;
          s.elected.push_back(c);
          ids.push_back(id_of(*s.p, c));
        }
      s.stage({{"action", "elect_remaining"}, {"elected", ids}});
      return finish(s, out);
    }
    if (!s.pending_surplus.empty()) {
      // Largest surplus first (ties: earlier election).
      auto it = std::max_element(s.pending_surplus.begin(), s.pending_surplus.end(), [&](Cand a, Cand b) {
        return s.tally[static_cast<size_t>(a)] < s.tally[static_cast<size_t>(b)];
      });
      const Cand c = *it;
      s.pending_surplus.erase(it);
      s.transfer_surplus(c);
      continue;
    }
    auto tied = s.lowest_hopefuls();
    if (tied.size() > 1 && s.o->tie_break == "backward") tied = s.backward(tied);
    if (tied.size() > 1 && s.o->tie_break != "none") tied = {least_favoured(tied, *s.o)};
    if (tied.size() > 1) {
      json t = json::array();
      for (Cand c : tied) t.push_back(id_of(*s.p, c));
      out.ties.push_back({{"stage", s.history.size()}, {"tied_for_exclusion", t}});
      for (size_t i = 0; i < tied.size(); ++i) {
        if (++out.branches > s.o->max_branches) {
          out.cap_reached = true;
          return;
        }
        Count branch = s;
        branch.record = s.record && i == 0;
        branch.exclude(tied[i]);
        run_count(std::move(branch), out);
      }
      return;
    }
    s.exclude(tied[0]);
  }
}

// Meek's method (Hill, Wichmann & Woodall 1987): keep values k_c; a ballot gives each candidate
// in turn k_c of what is left of it. Keep values are rounded up to 10^-9 (as Droop.py and stv-rs
// fixed9); iteration stops when every elected candidate is within 10^-6 of the quota.
struct Meek {
  const Profile* p;
  const Ballots* ballots;
  int seats;
  std::string quota_kind;
  std::vector<Status> status;
  std::vector<Rational> keep;
  std::vector<Rational> tally;
  Rational exhausted, quota;

  void distribute() {
    const int m = p->num_candidates();
    tally.assign(static_cast<size_t>(m), 0);
    exhausted = 0;
    for (size_t b = 0; b < ballots->seq.size(); ++b) {
      Rational rest = ballots->count[b];
      for (Cand c : ballots->seq[b]) {
        if (rest == 0) break;
        const Rational& k = keep[static_cast<size_t>(c)];
        if (k == 0) continue;
        tally[static_cast<size_t>(c)] += rest * k;
        rest *= 1 - k;
      }
      exhausted += rest;
    }
    Rational total = 0;
    for (auto count : ballots->count) total += count;
    quota = (total - exhausted) / (quota_kind == "hare" ? seats : seats + 1);
  }

  static Rational round_up(const Rational& v) {
    const mpz_class scale = 1000000000;
    mpz_class n = v.get_num() * scale;
    mpz_class q;
    mpz_cdiv_q(q.get_mpz_t(), n.get_mpz_t(), v.get_den_mpz_t());
    return Rational(q, scale);
  }

  int converge() {
    const Rational omega(1, 1000000);
    int iterations = 0;
    for (; iterations < 1000; ++iterations) {
      distribute();
      Rational surplus = 0;
      bool changed = false;
      for (Cand c = 0; c < p->num_candidates(); ++c) {
        if (status[static_cast<size_t>(c)] != Status::elected) continue;
        surplus += tally[static_cast<size_t>(c)] - quota;
        Rational k = round_up(keep[static_cast<size_t>(c)] * quota / tally[static_cast<size_t>(c)]);
        if (k > 1) k = 1;
        if (k != keep[static_cast<size_t>(c)]) changed = true;
        keep[static_cast<size_t>(c)] = k;
      }
      if (surplus < omega || !changed) break;
    }
    distribute();
    return iterations;
  }
};

CommitteeResult meek_count(const Profile& p, const Ballots& ballots, int seats, const StvOptions& o) {
  const int m = p.num_candidates();
  Meek s{&p, &ballots, seats, o.quota, std::vector<Status>(static_cast<size_t>(m), Status::hopeful),
         std::vector<Rational>(static_cast<size_t>(m), Rational(1)), {}, 0, 0};
  std::vector<Cand> elected;
  json stages = json::array();
  CommitteeResult r;
  json ties = json::array();
  while (static_cast<int>(elected.size()) < seats) {
    const int iterations = s.converge();
    json entry = {{"quota", to_string(s.quota)}, {"iterations", iterations}};
    json keep = json::object(), tallies = json::object();
    for (Cand c = 0; c < m; ++c) {
      if (s.status[static_cast<size_t>(c)] == Status::excluded) continue;
      tallies[std::to_string(p.id(c))] = to_string(s.tally[static_cast<size_t>(c)]);
      keep[std::to_string(p.id(c))] = to_string(s.keep[static_cast<size_t>(c)]);
    }
    entry["tallies"] = tallies;
    entry["keep_values"] = keep;
    entry["exhausted"] = to_string(s.exhausted);
    int hopeful = 0;
    std::vector<Cand> now;
    for (Cand c = 0; c < m; ++c) {
      if (s.status[static_cast<size_t>(c)] != Status::hopeful) continue;
      ++hopeful;
      if (s.tally[static_cast<size_t>(c)] > s.quota) now.push_back(c);
    }
    json ids = json::array();
    if (static_cast<int>(elected.size()) + hopeful <= seats) {
      for (Cand c = 0; c < m; ++c)
        if (s.status[static_cast<size_t>(c)] == Status::hopeful) now.push_back(c);
      entry["action"] = "elect_remaining";
    }
    std::stable_sort(now.begin(), now.end(), [&](Cand a, Cand b) { return s.tally[static_cast<size_t>(a)] > s.tally[static_cast<size_t>(b)]; });
    for (Cand c : now) {
      if (static_cast<int>(elected.size()) == seats) break;
      s.status[static_cast<size_t>(c)] = Status::elected;
      elected.push_back(c);
      ids.push_back(p.id(c));
    }
    if (!now.empty()) {
      if (!entry.contains("action")) entry["action"] = "elect";
      entry["elected"] = ids;
    } else {
      std::optional<Rational> low;
      std::vector<Cand> tied;
      for (Cand c = 0; c < m; ++c) {
        if (s.status[static_cast<size_t>(c)] != Status::hopeful) continue;
        if (!low || s.tally[static_cast<size_t>(c)] < *low) low = s.tally[static_cast<size_t>(c)], tied.clear();
        if (s.tally[static_cast<size_t>(c)] == *low) tied.push_back(c);
      }
      const Cand out = least_favoured(tied, o);
      if (tied.size() > 1) {
        json t = json::array();
        for (Cand c : tied) t.push_back(p.id(c));
        ties.push_back({{"stage", stages.size()}, {"tied_for_exclusion", t}, {"excluded", p.id(out)}});
      }
      s.status[static_cast<size_t>(out)] = Status::excluded;
      s.keep[static_cast<size_t>(out)] = 0;
      entry["action"] = "exclude";
      entry["candidate"] = p.id(out);
    }
    stages.push_back(std::move(entry));
  }
  auto w = elected;
  std::sort(w.begin(), w.end());
  r.committees.push_back(w);
  json order = json::array();
  for (Cand c : elected) order.push_back(p.id(c));
  r.explanation["order_of_election"] = order;
  r.explanation["stages"] = stages;
  if (!ties.empty()) r.explanation["ties_broken_by_order"] = ties;
  return r;
}

// Condorcet PHP's STV (SingleTransferableVote.php, v4-v5): every round recounts all ballots; a
// ballot whose first preference is elected carries weight x surplus/total of that candidate (only
// the first preference's ratio ever applies), one whose first preference is excluded carries its
// full weight, and both go to the next hopeful candidate. Every hopeful candidate at the quota is
// elected in the round; otherwise the lowest is excluded. When hopefuls run out, the most
// recently excluded fill the remaining seats. Exact rationals (Condorcet PHP rounds to 8 decimals).
struct CondorcetState {
  std::vector<Status> status;
  std::vector<Rational> surplus, total;
  std::vector<Cand> elected, excluded;
  json rounds = json::array();
  bool record = true;
};

void condorcet_count(const Profile& p, const Ballots& ballots, int seats, const Rational& quota, const StvOptions& o,
                     CondorcetState s, Outcomes& out) {
  const int m = p.num_candidates();
  while (true) {
    std::vector<Rational> score(static_cast<size_t>(m), 0);
    bool any_hopeful = false;
    for (Cand c = 0; c < m; ++c) any_hopeful |= s.status[static_cast<size_t>(c)] == Status::hopeful;
    for (size_t b = 0; b < ballots.seq.size(); ++b) {
      const auto& seq = ballots.seq[b];
      if (seq.empty()) continue;
      Rational value = ballots.count[b];
      const Cand first = seq[0];
      if (s.status[static_cast<size_t>(first)] == Status::elected)
        value = value * s.surplus[static_cast<size_t>(first)] / s.total[static_cast<size_t>(first)];
      for (Cand c : seq)
        if (s.status[static_cast<size_t>(c)] == Status::hopeful) {
          score[static_cast<size_t>(c)] += value;
          break;
        }
    }
    json tallies = json::object();
    std::vector<Cand> hopefuls;
    for (Cand c = 0; c < m; ++c)
      if (s.status[static_cast<size_t>(c)] == Status::hopeful) {
        hopefuls.push_back(c);
        tallies[std::to_string(p.id(c))] = to_string(score[static_cast<size_t>(c)]);
      }
    std::stable_sort(hopefuls.begin(), hopefuls.end(), [&](Cand a, Cand b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
    json entry = {{"tallies", tallies}};
    json ids = json::array();
    for (Cand c : hopefuls)
      if (score[static_cast<size_t>(c)] >= quota) {
        s.status[static_cast<size_t>(c)] = Status::elected;
        s.elected.push_back(c);
        s.surplus[static_cast<size_t>(c)] += score[static_cast<size_t>(c)] - quota;
        s.total[static_cast<size_t>(c)] += score[static_cast<size_t>(c)];
        ids.push_back(p.id(c));
      }
    if (!ids.empty()) entry["elected"] = ids;
    if (ids.empty() && any_hopeful) {
      std::vector<Cand> tied;
      for (Cand c : hopefuls)
        if (score[static_cast<size_t>(c)] == score[static_cast<size_t>(hopefuls.back())]) tied.push_back(c);
      std::sort(tied.begin(), tied.end());
      if (tied.size() > 1 && o.tie_break != "none") tied = {least_favoured(tied, o)};
      if (tied.size() > 1) {
        json t = json::array();
        for (Cand c : tied) t.push_back(p.id(c));
        out.ties.push_back({{"round", s.rounds.size() + 1}, {"tied_for_exclusion", t}});
        if (s.record) s.rounds.push_back(entry);
        for (size_t i = 0; i < tied.size(); ++i) {
          if (++out.branches > o.max_branches) {
            out.cap_reached = true;
            return;
          }
          CondorcetState branch = s;
          branch.record = s.record && i == 0;
          branch.status[static_cast<size_t>(tied[i])] = Status::excluded;
          branch.excluded.push_back(tied[i]);
          if (branch.record) branch.rounds.back()["excluded"] = p.id(tied[i]);
          condorcet_count(p, ballots, seats, quota, o, std::move(branch), out);
        }
        return;
      }
      s.status[static_cast<size_t>(tied[0])] = Status::excluded;
      s.excluded.push_back(tied[0]);
      entry["excluded"] = p.id(tied[0]);
      if (s.record) s.rounds.push_back(entry);
      continue;
    }
    if (s.record && any_hopeful) s.rounds.push_back(entry);  // a round with no hopeful left is not a round
    if (!any_hopeful || static_cast<int>(s.elected.size()) >= seats) break;
  }
  std::vector<Cand> order = s.elected;
  while (static_cast<int>(order.size()) < seats && !s.excluded.empty()) {
    order.push_back(s.excluded.back());
    s.excluded.pop_back();
  }
  // More candidates can reach the quota in one round than seats remain; the first `seats` of
  // Condorcet PHP's ranking are the winners.
  if (static_cast<int>(order.size()) > seats) order.resize(static_cast<size_t>(seats));
  auto w = order;
  std::sort(w.begin(), w.end());
  out.committees.push_back(w);
  if (s.record) {
    json ids = json::array();
    for (Cand c : order) ids.push_back(p.id(c));
    out.transcript = {{"order_of_election", ids}, {"rounds", s.rounds}};
  }
}

StvOptions options_of(const Profile& p, const Params& params) {
  StvOptions o;
  o.quota = params.text("quota");
  o.transfer = params.text("transfer");
  o.tie_break = params.text("tie_break");
  const int64_t branches = params.integer("max_branches");
  if (branches < 1 || branches > 100000) throw InputError("stv: max_branches must be between 1 and 100000");
  o.max_branches = static_cast<int>(branches);
  std::vector<char> seen(static_cast<size_t>(p.num_candidates()), 0);
  const std::string& order = params.text("tie_break_order");
  size_t start = 0;
  while (start < order.size()) {
    size_t comma = order.find(',', start);
    if (comma == std::string::npos) comma = order.size();
    const std::string key = order.substr(start, comma - start);
    start = comma + 1;
    if (key.empty()) continue;
    const auto c = p.candidates.find(key);
    if (!c) throw InputError("stv: tie_break_order names unknown candidate '" + key + "'");
    if (!seen[static_cast<size_t>(*c)]) o.favour.push_back(*c), seen[static_cast<size_t>(*c)] = 1;
  }
  for (Cand c = 0; c < p.num_candidates(); ++c)
    if (!seen[static_cast<size_t>(c)]) o.favour.push_back(c);
  return o;
}

}  // namespace

// Single transferable vote (T. Hare 1857; Droop 1881 quota; Gregory 1880 fractional transfers;
// weighted inclusive Gregory as in the Scottish STV Order 2007; Meek 1969/1970 as specified by
// Hill, Wichmann & Woodall, Computer Journal 1987).
CommitteeResult stv(const Profile& p, int seats, const Params& params) {
  const int m = p.num_candidates();
  if (seats < 1 || seats > m)
    throw InputError("stv: committee size " + std::to_string(seats) + " is not between 1 and the number of candidates (" +
                     std::to_string(m) + ")");
  const StvOptions o = options_of(p, params);
  const bool unranked_last = params.text("unranked") == "tied_last";
  const Ballots ballots = sequences(p, params.text("ballot_ties") == "skip", unranked_last);
  Rational total = 0;
  for (size_t b = 0; b < ballots.seq.size(); ++b)
    if (o.transfer == "condorcet_php" || !ballots.seq[b].empty()) total += ballots.count[b];
  if (total == 0) throw InputError("stv: no valid ballot");

  CommitteeResult r;
  r.explanation["quota_rule"] = o.quota;
  r.explanation["transfer"] = o.transfer;
  r.explanation["valid_votes"] = to_string(total);
  if (o.transfer == "meek") {
    auto meek = meek_count(p, ballots, seats, o);
    r.committees = meek.committees;
    for (auto& [k, v] : meek.explanation.items()) r.explanation[k] = v;
    return r;
  }
  bool strict = false;
  const Rational quota = quota_of(o.quota, total, seats, strict);
  r.explanation["quota"] = to_string(quota);
  r.explanation["elected_when"] = strict ? "above the quota" : "at or above the quota";
  Outcomes out;
  if (o.transfer == "condorcet_php") {
    if (strict) throw InputError("stv: transfer=condorcet_php elects at the quota; use quota=droop, hare or hagenbach_bischoff");
    CondorcetState s;
    s.status.assign(static_cast<size_t>(m), Status::hopeful);
    s.surplus.assign(static_cast<size_t>(m), 0);
    s.total.assign(static_cast<size_t>(m), 0);
    condorcet_count(p, ballots, seats, quota, o, std::move(s), out);
  } else {
    Count s;
    s.p = &p;
    s.ballots = &ballots;
    s.o = &o;
    s.seats = seats;
    s.quota = quota;
    s.strict = strict;
    s.status.assign(static_cast<size_t>(m), Status::hopeful);
    s.tally.assign(static_cast<size_t>(m), 0);
    s.piles.assign(static_cast<size_t>(m), {});
    std::map<Cand, Parcel> first;
    for (size_t b = 0; b < ballots.seq.size(); ++b)
      if (!ballots.seq[b].empty()) s.forward(Paper{b, 0, Rational(ballots.count[b])}, first);
    s.receive(first);
    json entry = {{"action", "first_preferences"}};
    entry["elected"] = s.elect_at_quota();
    s.stage(std::move(entry));
    run_count(std::move(s), out);
  }
  auto& list = out.committees;
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  if (params.text("tie_break") == "none" && params.boolean("resolute") && list.size() > 1) list.resize(1);
  r.committees = list;
  for (auto& [k, v] : out.transcript.items()) r.explanation[k] = v;
  if (!out.ties.empty()) r.explanation["exclusion_ties"] = out.ties;
  if (out.cap_reached) r.explanation["cap_reached"] = true;
  return r;
}

static const Registration stv_registration{MethodInfo{
    .id = "stv",
    .aliases = {"STV", "single_transferable_vote"},
    .family = "committee",
    .input = "ranking",
    .summary = "single transferable vote: Droop/Hare quota, Gregory (WIG), last-parcel, Meek or Condorcet PHP transfers, "
               "exact rationals, stage-by-stage transcript",
    .citation = "T. Hare 1857; H. R. Droop 1881; Scottish STV Order 2007 (WIG); I. D. Hill, B. A. Wichmann, "
                "D. R. Woodall, Algorithm 123: Single transferable vote by Meek's method, Computer J. 30, 1987",
    .params = committee_params({
            {"quota", ParamType::choice, "droop",
             "droop = floor(V/(k+1)) + 1, elected at it; droop_exact = V/(k+1), elected above it; hagenbach_bischoff "
             "= V/(k+1), elected at it; hare = V/k (V = valid votes, k = seats). Meek recomputes V/(k+1) (V/k for "
             "hare) from the active votes and elects above it",
             {"droop", "droop_exact", "hagenbach_bischoff", "hare"}},
            {"transfer", ParamType::choice, "gregory",
             "gregory = weighted inclusive Gregory (every ballot of the elected candidate at surplus/total of its "
             "current value); last_parcel = only the last parcel received; meek = keep values; condorcet_php = "
             "Condorcet PHP's recount (only the first preference's surplus ratio applies)",
             {"gregory", "last_parcel", "meek", "condorcet_php"}},
            {"ballot_ties", ParamType::choice, "skip",
             "a rank holding several candidates: skip it (Condorcet PHP) or exhaust the ballot there", {"skip", "exhaust"}},
            {"unranked", ParamType::choice, "incomparable",
             "incomparable = unranked candidates get nothing; tied_last = they form a last rank (used when it holds one "
             "candidate, Condorcet PHP's implicit mode)",
             {"incomparable", "tied_last"}},
            {"tie_break", ParamType::choice, "none",
             "who is excluded when several hopefuls tie for last: none = every outcome (each tied candidate in turn), "
             "backward = lowest at the latest earlier stage where they differ, then fixed; fixed = the least favoured "
             "in tie_break_order (Meek: always fixed)",
             {"none", "backward", "fixed"}},
            {"tie_break_order", ParamType::candidate_list, "",
             "candidate ids or names, most favoured first; default ascending id (so the highest id is excluded first, "
             "as Condorcet PHP)", {}},
            {"max_branches", ParamType::integer, "64", "tie_break=none: stop exploring after this many tie branches", {}},
        }),
    .committee = stv}};

}  // namespace prefero
