#pragma once
// Runs the built `prefero` binary as a user would (tests of the CLI faces share this).
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace prefero_test {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

inline CliRun run_cli(const std::string& args) {
  std::string cmd = std::string(PREFERO_CLI) + " " + args + " 2>&1";
  CliRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t got = 0;
  while ((got = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), got);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Writes `text` to a per-process temporary file and returns its path; the file is removed when
// the test process exits.
inline std::string temp_file(const std::string& name, const std::string& text) {
  struct Made {
    std::vector<std::filesystem::path> paths;
    ~Made() {
      std::error_code ec;
      for (const auto& p : paths) std::filesystem::remove(p, ec);
    }
  };
  static Made made;
  auto path = std::filesystem::temp_directory_path() / ("prefero_cli_" + std::to_string(getpid()) + "_" + name);
  std::ofstream(path) << text;
  made.paths.push_back(path);
  return path.string();
}

}  // namespace prefero_test
