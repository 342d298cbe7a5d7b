// `prefero rate FILE --model ID`: ratings of models from battles, pair counts or K-wise rankings,
// with bootstrap or sandwich intervals; any registered method of family "rate".
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"
#include "rate/anchor.hpp"
#include "rate/bootstrap.hpp"
#include "rate/rating_result.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

namespace {

bool declares(const MethodInfo& m, const std::string& name) {
  for (const auto& p : m.params)
    if (p.name == name) return true;
  return false;
}

void progress(size_t done, size_t total) {
  std::cerr << fmt::format("\rbootstrap {}/{} ", done, total);
  if (done == total) std::cerr << "\n";
  std::cerr.flush();
}


}  // namespace

void register_rate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "rate",
      "Rate models from pairwise battles (.jsonl/.csv), pair counts (.json) or K-wise rankings (.jsonl).\n"
      "Examples:\n"
      "  prefero rate battles.jsonl --model bradley_terry --bootstrap 1000 --seed 1\n"
      "  prefero rate chatbotarena_20240814.json --model bt --anchor mixtral-8x7b-instruct-v0.1=1114 --json\n"
      "  prefero rate battles.csv --model bt --param intervals=sandwich\n"
      "  prefero rate battles.jsonl --model bt_style --covariates len_diff,bold_diff\n"
      "  prefero rate votes.csv --model davidson --param details=true --json\n"
      "  prefero rate battles.jsonl --model bt_mixture --groups 2 --seed 1 --json   (needs a judge per battle)\n"
      "Models and their parameters: prefero methods --family rate");
  static std::string path, model, anchor, covariates, order = "auto";
  static std::vector<std::string> params;
  static int64_t rounds = -1, seed = -1, threads = -1, groups = -1;
  static bool as_json = false;
  cmd->add_option("FILE", path, "battles (.jsonl, .csv), pair counts (.json) or rankings (.jsonl)")->required();
  cmd->add_option("--model,-m", model, "rating method id, e.g. bradley_terry (bt), rao_kupper, davidson, bt_style")
      ->required();
  cmd->add_option("--bootstrap,-b", rounds, "bootstrap rounds in count space (0 = none)");
  cmd->add_option("--seed", seed, "bootstrap seed (default 0)");
  cmd->add_option("--groups", groups, "latent voter groups K (bt_mixture; default 2)");
  cmd->add_option("--anchor", anchor, "NAME=VALUE: shift ratings so model NAME has VALUE");
  cmd->add_option("--threads", threads, "bootstrap and JSONL reader threads (default: all cores; results do not depend on it)");
  cmd->add_option("--param,-p", params, "NAME=VALUE, repeatable (e.g. --param l2=0.5)");
  cmd->add_option("--covariates", covariates, "comma-separated numeric battle fields read as covariates (bt_style)");
  cmd->add_option("--order", order,
                  "auto | file | compressed: keep every battle in file order (online models) or compress into "
                  "unique rows; auto = compressed for the order-free MLE models, file order otherwise")
      ->check(CLI::IsMember({"auto", "file", "compressed"}));
  cmd->add_flag("--json", as_json, "one JSON object: model, params, ratings [{name, rating, ci_low, ci_high, rank_ub, votes}], explanation");
  cmd->callback([] {
    const MethodInfo& m = require_method(model);
    if (m.family != "rate" || !m.rate)
      throw InputError("'" + m.id + "' is not a rating method (family " + m.family + "); see prefero methods --family rate");
    auto given = parse_param_pairs(params);
    // Generic options go to the method when it declares them; otherwise the CLI applies them.
    bool generic_bootstrap = false, generic_anchor = false;
    auto route = [&](const std::string& name, const std::string& value, bool& generic) {
      if (declares(m, name)) given[name] = value;
      else generic = true;
    };
    bool unused = false;
    if (rounds >= 0) route("bootstrap", std::to_string(rounds), generic_bootstrap);
    if (seed >= 0) route("seed", std::to_string(seed), unused);
    if (threads >= 0) route("threads", std::to_string(threads), unused);
    if (!anchor.empty()) route("anchor", anchor, generic_anchor);
    if (groups >= 0) {
      if (!declares(m, "groups")) throw InputError("--groups applies to bt_mixture only");
      given["groups"] = std::to_string(groups);
    }
    if (rounds < 0 && given.count("bootstrap")) rounds = std::stoll(given["bootstrap"]);
    Params resolved = resolve_params(m.id, m.params, given);

    ComparisonsReadOptions opt;
    static const std::set<std::string> order_free = {"bradley_terry", "rao_kupper", "davidson", "bt_style", "bt_mixture"};
    opt.keep_order = order == "file" || (order == "auto" && !order_free.count(m.id));
    opt.voters = m.id == "bt_mixture";
    if (threads > 0) opt.threads = static_cast<int>(std::min<int64_t>(threads, 64));  // the JSONL reader's too  // per-voter rows (judge/voter field) only where a method uses them
    if (!covariates.empty()) {
      std::stringstream ss(covariates);
      std::string name;
      while (std::getline(ss, name, ','))
        if (!name.empty()) opt.covariates.push_back(name);
    }
    Comparisons c = read_comparisons(path, opt);
    if (rounds > 0 && isatty(2)) rate::set_progress_hook(progress);
    RatingResult r = m.rate(c, resolved);
    if (generic_bootstrap && rounds > 0)
      rate::bootstrap_any(m, c, resolved, r, static_cast<int>(rounds), static_cast<uint64_t>(std::max<int64_t>(seed, 0)),
                          static_cast<int>(std::max<int64_t>(threads, 0)), 0.05);
    if (generic_anchor) rate::shift_to_anchor(c, r, rate::parse_anchor(anchor, "--anchor"), "cli (point and interval shifted)");
    rate::set_progress_hook(nullptr);
    json out = rating_json(m, resolved, c, r);
    if (as_json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}: {} models\n", m.id, r.ratings.size());
    std::cout << fmt::format("{:>4}  {:<40} {:>9} {:>19} {:>10}\n", "ub", "model", "rating", "interval", "votes");
    for (const auto& x : r.ratings)
      std::cout << fmt::format("{:>4}  {:<40} {:>9.2f} {:>19} {:>10}\n", x.rank_ub, c.models[static_cast<size_t>(x.model)],
                               x.rating,
                               x.ci_low == x.rating && x.ci_high == x.rating
                                   ? std::string("-")
                                   : fmt::format("[{:.2f}, {:.2f}]", x.ci_low, x.ci_high),
                               x.votes);
  });
}

}  // namespace prefero
