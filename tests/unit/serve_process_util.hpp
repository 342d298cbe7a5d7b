#pragma once
// `prefero serve` as a child process, for the process-level tests: the built binary (PREFERO_CLI)
// spawned with posix_spawn, stdout+stderr on a pipe, the port read from the URL it prints
// (`--port 0` lets it pick a free one), and SIGKILL + waitpid on every path (the destructor), so
// no test leaves a server behind. TempDir is a private folder removed with everything in it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace prefero_test {

// A fresh folder under the system's temporary directory, removed (with its files) at the end.
class TempDir {
 public:
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "prefero_serve_XXXXXX").string();
    if (::mkdtemp(t.data())) path_ = t;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  bool ok() const { return !path_.empty(); }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// One `prefero serve ARGS...` process. Every wait is bounded; the destructor kills and reaps.
class ServeChild {
 public:
  explicit ServeChild(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);  // dup2 clears O_CLOEXEC on 1 and 2
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    std::vector<std::string> all = {PREFERO_CLI, "serve"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (::posix_spawn(&pid, PREFERO_CLI, &actions, nullptr, argv.data(), environ) == 0) pid_ = pid;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_fd_ = fds[0];
  }
  ~ServeChild() {
    kill_hard();
    if (out_fd_ >= 0) ::close(out_fd_);
  }
  ServeChild(const ServeChild&) = delete;
  ServeChild& operator=(const ServeChild&) = delete;

  // Reads output until `needle` appears, the output ends or `ms` pass; true when it appeared.
  bool wait_for(const std::string& needle, int ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (out_.find(needle) == std::string::npos) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0 || out_fd_ < 0) return false;
      pollfd p{out_fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      char buf[4096];
      const ssize_t n = ::read(out_fd_, buf, sizeof buf);
      if (n <= 0) return false;  // the child closed its output (it exited)
      out_.append(buf, static_cast<size_t>(n));
    }
    return true;
  }

  // The port of the printed "listening on http://127.0.0.1:PORT/" (0 when the server did not
  // start within `ms`; output() then says why).
  uint16_t port(int ms = 30000) {
    if (port_ != 0) return port_;
    if (pid_ <= 0 || !wait_for("Ctrl-C stops", ms)) return 0;
    const std::string tag = "listening on http://127.0.0.1:";
    const size_t at = out_.find(tag);
    if (at == std::string::npos) return 0;
    port_ = static_cast<uint16_t>(std::atoi(out_.c_str() + at + tag.size()));
    return port_;
  }

  // kill -9 and reap (a no-op when already reaped).
  void kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // Sends `sig` and waits at most `ms` for the exit: the exit code, or -1 (then killed).
  int stop(int sig, int ms = 20000) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, sig);
    for (int waited = 0; waited < ms; waited += 10) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        wait_for("\x01", 200);  // collect the last output
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill_hard();
    return -1;
  }

  const std::string& output() const { return out_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  uint16_t port_ = 0;
  std::string out_;
};

}  // namespace prefero_test
