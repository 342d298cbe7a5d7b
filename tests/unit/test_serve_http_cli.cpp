// `prefero serve` as a user runs it: the built binary on 127.0.0.1 with --port 0, the URL it
// prints, the health check, the admin token rules and a clean stop on SIGTERM / SIGINT.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "cli_test_util.hpp"
#include "test_serve_http_client.hpp"

namespace {

// The server process with its stdout+stderr on a pipe.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args, const char* env_token = nullptr) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      dup2(fds[1], 2);
      close(fds[0]);
      close(fds[1]);
      if (env_token) setenv("PREFERO_ADMIN_TOKEN", env_token, 1);
      else unsetenv("PREFERO_ADMIN_TOKEN");
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(PREFERO_CLI));
      argv.push_back(const_cast<char*>("serve"));
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(PREFERO_CLI, argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_fd_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
  }

  // Reads output until `needle` appears or `ms` pass; true when it appeared.
  bool wait_for(const std::string& needle, int ms = 10000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (out_.find(needle) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      pollfd p{out_fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      char buf[4096];
      const ssize_t n = read(out_fd_, buf, sizeof buf);
      if (n <= 0) return false;
      out_.append(buf, static_cast<size_t>(n));
    }
    return true;
  }

  // The port of the printed URL http://127.0.0.1:PORT/ (0 if none).
  uint16_t port() {
    if (!wait_for("Ctrl-C")) return 0;
    const std::string tag = "http://127.0.0.1:";
    const size_t at = out_.find(tag);
    if (at == std::string::npos) return 0;
    return static_cast<uint16_t>(std::stoi(out_.substr(at + tag.size())));
  }

  // Sends `sig` and waits (bounded) for the exit; the exit code, or -1.
  int stop(int sig) {
    kill(pid_, sig);
    for (int i = 0; i < 500; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        wait_for("\x01", 200);  // collect the last output
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  const std::string& output() const { return out_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  bool reaped_ = false;
  std::string out_;
};

}  // namespace

TEST(ServeHttpCli, HelpTeaches) {
  auto r = prefero_test::run_cli("serve --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* s : {"--db", "--host", "--port", "--admin-token", "--web", "PREFERO_ADMIN_TOKEN", "Examples:", "/v1/health"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(ServeHttpCli, BadPortIsAUsageError) {
  auto r = prefero_test::run_cli("serve --port 70000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--port"), std::string::npos) << r.out;
}

TEST(ServeHttpCli, ServesHealthAndStopsOnSigterm) {
  const std::string db = "sqlite:" + prefero_test::temp_file("serve.db", "");  // a temporary store, never the working folder
  ServeProcess p({"--host", "127.0.0.1", "--port", "0", "--admin-token", "given-token", "--db", db});
  const uint16_t port = p.port();
  ASSERT_NE(port, 0) << p.output();
  EXPECT_EQ(p.output().find("given-token"), std::string::npos);  // a given token is never printed
  {
    prefero_test::Conn c(port);
    ASSERT_TRUE(c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body.rfind(R"({"status":"ok")", 0), 0u) << r.body;
    ASSERT_TRUE(c.send("GET /v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n"));
    r = c.read();
    EXPECT_EQ(r.status, 404);
    EXPECT_NE(r.body.find("not_found"), std::string::npos);
  }
  EXPECT_EQ(p.stop(SIGTERM), 0) << p.output();
  EXPECT_NE(p.output().find("stopping (SIGTERM)"), std::string::npos) << p.output();
}

TEST(ServeHttpCli, TokenFromEnvironmentOrRandomAndSigint) {
  {
    ServeProcess p({"--port", "0", "--db", "sqlite:" + prefero_test::temp_file("serve-env.db", "")}, "env-token");
    ASSERT_NE(p.port(), 0) << p.output();
    EXPECT_EQ(p.output().find("admin token"), std::string::npos);
    EXPECT_EQ(p.stop(SIGINT), 0) << p.output();
  }
  {
    ServeProcess p({"--port", "0", "--db", "sqlite:" + prefero_test::temp_file("serve-random.db", "")});
    ASSERT_NE(p.port(), 0) << p.output();
    const size_t at = p.output().find("admin token");
    ASSERT_NE(at, std::string::npos) << p.output();
    const std::string rest = p.output().substr(p.output().find(": ", at) + 2, 64);
    EXPECT_EQ(rest.find_first_not_of("0123456789abcdef"), std::string::npos) << rest;
    EXPECT_EQ(p.stop(SIGINT), 0) << p.output();
    EXPECT_NE(p.output().find("stopping (SIGINT)"), std::string::npos);
  }
}
