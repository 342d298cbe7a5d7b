// Every registered single-winner rule on large inputs, each run in a child process with a time
// limit so one slow rule cannot stall the sweep. Prints a markdown table (seconds per run).
//
//   build/bin/bench_rules [--limit SECONDS] [--only ID,ID] [--param NAME=VALUE ...]
// (--param applies to every rule that declares NAME, e.g. --param pair_ties=fixed)
//
// Inputs: impartial culture 1M ballots x 10 candidates, 10k ballots x 1,000 candidates, and the
// largest PrefLib files under ../shared/refdata when present.
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "bench/synthetic.hpp"
#include "core/error.hpp"
#include "io/read.hpp"
#include "registry/registry.hpp"

using namespace prefero;
using Clock = std::chrono::steady_clock;

namespace {

struct Input {
  std::string name;
  Profile profile;
  double build_seconds = 0;
};

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Runs `rule` on `p` in a child; returns "0.123" seconds, "timeout", or "error: ...".
std::string timed_run(const MethodInfo& rule, const Profile& p, double limit,
                      const std::map<std::string, std::string>& given) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : given)
    for (const auto& spec : rule.params)
      if (spec.name == k) params[k] = v;
  int fd[2];
  if (pipe(fd) != 0) return "error: pipe";
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    std::string msg;
    try {
      auto t0 = Clock::now();
      ElectOutcome o = run_elect(rule, p, params);
      msg = fmt::format("{:.3f}", seconds_since(t0));
    } catch (const std::exception& e) {
      msg = std::string("error: ") + e.what();
    }
    if (write(fd[1], msg.data(), msg.size()) < 0) _exit(2);
    _exit(0);
  }
  close(fd[1]);
  auto t0 = Clock::now();
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (seconds_since(t0) > limit) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      close(fd[0]);
      return fmt::format("> {:.0f} (stopped)", limit);
    }
    usleep(2000);
  }
  char buf[512];
  ssize_t got = read(fd[0], buf, sizeof buf - 1);
  close(fd[0]);
  if (got <= 0) return "crashed";
  std::string out(buf, static_cast<size_t>(got));
  if (out.rfind("error: ", 0) == 0 && out.size() > 60) out = out.substr(0, 60) + "...";
  return out;
}

void add_synthetic(std::vector<Input>& inputs, const std::string& name, int m, int64_t n) {
  auto ballots = bench::impartial_culture(m, n, 42);
  auto t0 = Clock::now();
  Profile p = bench::build(m, ballots);
  inputs.push_back({name, std::move(p), seconds_since(t0)});
}

void add_file(std::vector<Input>& inputs, const std::string& name, const std::string& path) {
  if (!std::filesystem::exists(path)) return;
  auto t0 = Clock::now();
  try {
    Profile p = read_profile(path);
    inputs.push_back({name, std::move(p), seconds_since(t0)});
  } catch (const std::exception& e) {
    std::cerr << "skipping " << path << ": " << e.what() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  double limit = 10;
  std::string only;
  std::map<std::string, std::string> given;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--limit" && i + 1 < argc) limit = std::stod(argv[++i]);
    else if (a == "--only" && i + 1 < argc) only = "," + std::string(argv[++i]) + ",";
    else if (a == "--param" && i + 1 < argc && std::string(argv[i + 1]).find('=') != std::string::npos) {
      std::string kv = argv[++i];
      given[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
    }
    else {
      std::cerr << "usage: bench_rules [--limit SECONDS] [--only ID,ID] [--param NAME=VALUE ...]\n";
      return 2;
    }
  }
  std::vector<Input> inputs;
  add_synthetic(inputs, "IC 1M x 10", 10, 1000000);
  add_synthetic(inputs, "IC 10k x 1000", 1000, 10000);
  const std::string pl = std::string(PREFERO_SHARED_DIR) + "/refdata/preflib/datasets/";
  add_file(inputs, "irish meath (64k x 14)", pl + "00001-irish/00001-00000003.soi");
  add_file(inputs, "boardgames (130 x 885)", pl + "00041-boardgames/00041-00000001.soc");
  add_file(inputs, "parliaments 00057-6 (cat)", pl + "00057-parliaments/00057-00000006.cat");

  std::cout << "| rule |";
  for (const auto& in : inputs) std::cout << " " << in.name << " |";
  std::cout << "\n|---|";
  for (size_t i = 0; i < inputs.size(); ++i) std::cout << "---|";
  std::cout << "\n| (profile build, s) |";
  for (const auto& in : inputs) std::cout << fmt::format(" {:.3f} ({} unique) |", in.build_seconds, in.profile.num_ballots());
  std::cout << "\n" << std::flush;
  for (const auto& rule : methods()) {
    if (rule.family != "elect") continue;
    if (!only.empty() && only.find("," + rule.id + ",") == std::string::npos) continue;
    std::cout << "| " << rule.id << " |" << std::flush;
    for (const auto& in : inputs) std::cout << " " << timed_run(rule, in.profile, limit, given) << " |" << std::flush;
    std::cout << "\n";
  }
  return 0;
}
