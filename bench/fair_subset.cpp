// The experiment of Boehmer, Celis, Huang, Mehrotra & Vishnoi, 'Subset Selection Based On Multiple
// Rankings in the Presence of Bias: Effectiveness of Fairness Constraints for Multiwinner Voting
// Score Functions' (ICML 2023), in its simplest form: candidates have latent utilities w_c ~ U(0,1)
// and belong to group A (advantaged) or B (disadvantaged, half of them); every voter ranks the
// candidates by w_c * (theta if c in B else 1) + N(0, noise^2); a committee of k is selected by a
// score-based rule without and with proportional group bounds (each group at least
// floor(k * share)); quality = latent utility of the committee / utility of the latent top k.
// Printed: mean quality (and mean number of B members) per rule, number of voters and setting.
//
// usage: fair_subset [--m 20] [--k 6] [--voters 1,5,25,125] [--theta 0.5] [--noise 0.1]
//                    [--trials 20] [--seed 1] [--rules sntv,bloc,k_borda,chamberlin_courant_borda] [--greedy]
#include <fmt/core.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "committee/fairness_bounds.hpp"
#include "committee/score_rules.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

// splitmix64: a fixed, portable generator (same seed, same numbers everywhere).
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t x = (state += 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double normal() {  // Box-Muller
    const double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }
};

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(item);
  return out;
}

struct Setting {
  int m = 20, k = 6, trials = 20;
  std::vector<int> voters = {1, 5, 25, 125};
  double theta = 0.5, noise = 0.1;
  uint64_t seed = 1;
  std::vector<std::string> rules = {"sntv", "bloc", "k_borda", "chamberlin_courant_borda"};
  bool greedy = false;
};

double utility(const std::vector<double>& w, const std::vector<Cand>& s) {
  double u = 0;
  for (Cand c : s) u += w[static_cast<size_t>(c)];
  return u;
}

int run(const Setting& st) {
  const int m = st.m, k = st.k;
  Groups groups;
  groups.names = {"A", "B"};
  groups.members.resize(2);
  for (Cand c = 0; c < m; ++c) groups.members[c < m / 2 ? 0 : 1].push_back(c);
  GroupBounds bounds;
  for (int g = 0; g < 2; ++g) {
    const int size = static_cast<int>(groups.members[static_cast<size_t>(g)].size());
    bounds.push_back({g, (k * size) / m, k});
  }
  fmt::print("fair_subset: m={} k={} theta={} noise={} trials={} seed={}; bounds A>={} B>={}\n", m, k, st.theta, st.noise,
             st.trials, st.seed, bounds[0].lower, bounds[1].lower);
  fmt::print("{:<26} {:>7} {:>14} {:>14} {:>10} {:>10}{}\n", "rule", "voters", "quality", "quality+bds", "B members",
             "B+bds", st.greedy ? "   greedy+bds  gap" : "");
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& rule : st.rules) {
    const MethodInfo& info = require_method(rule);
    const Params params = resolve_params(info.id, info.params, {{"resolute", "true"}});
    OptimizeOptions opt;
    opt.all = false;
    for (int n : st.voters) {
      Rng rng{st.seed};
      double q = 0, qb = 0, bm = 0, bmb = 0, qg = 0, gap = 0;
      for (int t = 0; t < st.trials; ++t) {
        std::vector<double> w(static_cast<size_t>(m));
        for (auto& x : w) x = rng.uniform();
        std::vector<Cand> best(static_cast<size_t>(m));
        for (Cand c = 0; c < m; ++c) best[static_cast<size_t>(c)] = c;
        std::sort(best.begin(), best.end(), [&](Cand a, Cand b) { return w[static_cast<size_t>(a)] > w[static_cast<size_t>(b)]; });
        best.resize(static_cast<size_t>(k));
        const double top = utility(w, best);
        ProfileBuilder pb(Candidates::numbered(m), BallotKind::ranking);
        for (int v = 0; v < n; ++v) {
          std::vector<std::pair<double, Cand>> seen;
          for (Cand c = 0; c < m; ++c)
            seen.push_back({w[static_cast<size_t>(c)] * (c < m / 2 ? 1.0 : st.theta) + st.noise * rng.normal(), c});
          std::sort(seen.rbegin(), seen.rend());
          std::vector<std::vector<Cand>> tiers;
          for (const auto& [_, c] : seen) tiers.push_back({c});
          pb.add_tiers(tiers, 1);
        }
        const Profile p = pb.finish();
        const auto objective = *objective_for_rule(info.id, p, k, params);
        const auto plain = optimal_committees(objective, k, {}, {}, opt).committees.front();
        const auto fair = optimal_committees(objective, k, groups, bounds, opt).committees.front();
        auto b_members = [&](const std::vector<Cand>& s) {
          return static_cast<double>(std::count_if(s.begin(), s.end(), [&](Cand c) { return c >= m / 2; }));
        };
        q += utility(w, plain) / top;
        qb += utility(w, fair) / top;
        bm += b_members(plain);
        bmb += b_members(fair);
        if (st.greedy) {
          const auto g = greedy_committee(objective, k, groups, bounds);
          qg += utility(w, g.committee) / top;
          gap += Rational(objective.evaluate(fair) - g.score).get_d() / std::max(1e-12, objective.evaluate(fair).get_d());
        }
      }
      const double T = st.trials;
      fmt::print("{:<26} {:>7} {:>14.4f} {:>14.4f} {:>10.2f} {:>10.2f}", rule, n, q / T, qb / T, bm / T, bmb / T);
      if (st.greedy) fmt::print(" {:>12.4f} {:>5.3f}", qg / T, gap / T);
      fmt::print("\n");
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("time: {:.2f} s\n", secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Setting st;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw InputError(a + " needs a value");
        return argv[++i];
      };
      if (a == "--m") st.m = std::stoi(value());
      else if (a == "--k") st.k = std::stoi(value());
      else if (a == "--trials") st.trials = std::stoi(value());
      else if (a == "--theta") st.theta = std::stod(value());
      else if (a == "--noise") st.noise = std::stod(value());
      else if (a == "--seed") st.seed = std::stoull(value());
      else if (a == "--greedy") st.greedy = true;
      else if (a == "--rules") st.rules = split_list(value());
      else if (a == "--voters") {
        st.voters.clear();
        for (const auto& v : split_list(value())) st.voters.push_back(std::stoi(v));
      } else throw InputError("unknown option " + a);
    }
    if (st.m < 2 || st.m > 200 || st.k < 1 || st.k >= st.m || st.trials < 1) throw InputError("need 2 <= m <= 200, 1 <= k < m, trials >= 1");
    return run(st);
  } catch (const InputError& e) {
    fmt::print(stderr, "fair_subset: {}\nusage: fair_subset [--m 20] [--k 6] [--voters 1,5,25,125] [--theta 0.5] "
               "[--noise 0.1] [--trials 20] [--seed 1] [--rules sntv,bloc,k_borda,chamberlin_courant_borda] [--greedy]\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "fair_subset: {}\n", e.what());
    return 1;
  }
}
