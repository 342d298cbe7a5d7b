// `prefero serve`: arenas and polls over HTTP (issue 7). This file owns the command line, the
// admin token and the process lifetime (start, print the URL, stop on SIGINT/SIGTERM).
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>
#include <iostream>
#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "serve/http_auth.hpp"
#include "serve/http_message.hpp"
#include "serve/http_server.hpp"
#include "serve/http_static.hpp"
#include "serve/service.hpp"
#include "serve/vote_store.hpp"
#include "serve/web_assets.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

// The pages from --web DIR (a folder laid out as web/), for working on them without a rebuild:
// the browser path picks the file as for the built-in pages (serve::web_page), then
// serve::static_file reads it safely from DIR.
serve::Response page_from(const std::string& dir, const serve::Request& req) {
  serve::Response r = serve::web_page(req);
  if (r.status != 200) return r;
  for (const auto& a : serve::web_assets())
    if (a.bytes == r.body) {
      if (auto file = serve::static_file(dir, "/" + std::string(a.name))) return *file;
      return serve::error_response(404, "not_found", "no file " + std::string(a.name) + " in " + dir);
    }
  return r;
}

// Creates the arenas (*arena*.json) and polls (*poll*.json) of `dir` that do not exist yet,
// through the API with the admin token, and says what it did.
void load_samples(serve::Service& service, const std::string& dir, const std::string& admin_token) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".json") files.push_back(f.path());
  if (files.empty()) throw InputError("--sample " + dir + ": no .json files there");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string name = f.filename().string();
    bool arena = name.find("arena") != std::string::npos;
    if (!arena && name.find("poll") == std::string::npos) continue;
    std::ifstream in(f);
    serve::Request r;
    r.method = "POST";
    r.path = arena ? "/v1/arenas" : "/v1/polls";
    r.headers["authorization"] = "Bearer " + admin_token;
    r.body.assign(std::istreambuf_iterator<char>(in), {});
    r.client = "127.0.0.1";
    serve::Response res = service.handle(r);
    if (res.status == 201) std::cout << "prefero serve: created " << (arena ? "arena" : "poll") << " from " << f.string() << "\n";
    else if (res.status != 409) throw InputError(f.string() + ": " + res.body);
  }
}

std::string url_of(const std::string& host, uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}/", v6 ? "[" : "", host, v6 ? "]" : "", port);
}

struct ServeOptions {
  std::string db = "sqlite:prefero.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string admin_token;
  std::string web;
  std::string sample;
  int threads = 4;  // votes, ballots and battles wait for their commit without a thread
  double rate = 50;
  size_t max_body = 1 << 20;
};

void serve_main(const ServeOptions& o) {
  if (o.port < 0 || o.port > 65535) throw InputError(fmt::format("--port {}: must be 0..65535 (0 = any free port)", o.port));
  if (o.threads < 1 || o.threads > 256) throw InputError(fmt::format("--threads {}: must be 1..256", o.threads));
  if (o.rate < 0) throw InputError("--rate must be >= 0 (0 = no limit)");

  std::string admin_token = o.admin_token;
  bool generated = false;
  if (admin_token.empty()) {
    if (const char* env = std::getenv("PREFERO_ADMIN_TOKEN"); env && *env) admin_token = env;
  }
  if (admin_token.empty()) {
    admin_token = serve::random_token();
    generated = true;
  }

  // SIGINT/SIGTERM are blocked in every thread and taken below with sigwait, so shutdown runs as
  // ordinary code, not in a signal handler. Blocked before the store starts its threads (they
  // inherit the mask): a thread without the block would let the signal kill the process.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  struct MaskGuard {
    sigset_t old;
    explicit MaskGuard(const sigset_t& block) { pthread_sigmask(SIG_BLOCK, &block, &old); }
    ~MaskGuard() { pthread_sigmask(SIG_SETMASK, &old, nullptr); }
  } mask_guard(stop_signals);

  // The log is replayed into the service's state before the first request is taken.
  auto store = serve::open_vote_store(o.db);
  serve::ServiceOptions so;
  so.admin_token = admin_token;
  so.max_body = o.max_body;
  // Matchup nonces must differ between runs and between processes on one store: with a fixed
  // seed a restarted (or second) server issues the same matchup ids again, and a voter who
  // already voted on one gets 409 "already voted on this matchup".
  so.seed = std::stoull(serve::random_token().substr(0, 16), nullptr, 16);
  serve::Service service(*store, so);
  if (!o.sample.empty()) load_samples(service, o.sample, admin_token);
  serve::AsyncHandler handler = [&service, web = o.web](const serve::Request& r, serve::Respond reply) {
    if (r.path == "/v1" || r.path.rfind("/v1/", 0) == 0) return service.handle_async(r, std::move(reply));
    reply(web.empty() ? serve::web_page(r) : page_from(web, r));
  };

  serve::HttpLimits limits;
  limits.threads = o.threads;
  limits.rate_per_client = o.rate;
  limits.burst_per_client = o.rate * 2;
  limits.max_body = o.max_body;

  std::unique_ptr<serve::HttpServer> server;
  try {
    server = std::make_unique<serve::HttpServer>(o.host, static_cast<uint16_t>(o.port), handler, limits);
  } catch (const std::runtime_error& e) {
    throw InputError(fmt::format("{} (is another server running there? choose another --port, or 0 for any free one)", e.what()));
  }
  server->start();
  std::cout << "prefero serve: listening on " << url_of(o.host, server->port()) << "  (store: " << o.db << ")\n";
  if (generated)
    std::cout << "prefero serve: admin token (generated for this run; set PREFERO_ADMIN_TOKEN to keep one): " << admin_token
              << "\n";
  std::cout << "prefero serve: Ctrl-C stops" << std::endl;

  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::cout << "prefero serve: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
  server->stop();
  server.reset();
}

}  // namespace

void register_serve_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Run the arena and poll service: a REST API under /v1 (JSON) and web pages, on one port.\n"
      "Votes are stored in --db (an append-only log; a vote answered 201 is durable).\n"
      "The admin token (create arenas and polls, issue voter tokens, read audits) comes from\n"
      "--admin-token, else the environment variable PREFERO_ADMIN_TOKEN, else a random one printed at\n"
      "start. Prefer the environment variable: a command-line argument is visible to other users (ps).\n"
      "Clients send it as `Authorization: Bearer TOKEN`. Listens on 127.0.0.1 unless --host says\n"
      "otherwise; put a TLS proxy in front before exposing it. SIGINT/SIGTERM stop it cleanly.\n"
      "Examples:\n"
      "  prefero serve                                   # http://127.0.0.1:8080/, store prefero.db\n"
      "  PREFERO_ADMIN_TOKEN=s3cret prefero serve --db sqlite:votes.db --port 9000\n"
      "  prefero serve --db postgresql://arena@db.internal/arena --host 0.0.0.0 --port 80\n"
      "  prefero serve --db sqlite:demo.db --sample examples/serve   # with a sample arena and poll\n"
      "  curl http://127.0.0.1:8080/v1/health            # {\"status\":\"ok\"}\n"
      "API: /v1/openapi.json; pages: /, /arena/ID, /arena/ID/leaderboard, /poll/ID, /poll/ID/results, /admin;\n"
      "guide: docs/serve.md");
  static ServeOptions o;
  cmd->add_option("--db", o.db, "vote store: sqlite:PATH (default sqlite:prefero.db) or postgresql://USER@HOST/DB");
  cmd->add_option("--host", o.host, "address to listen on (default 127.0.0.1; 0.0.0.0 = every interface)");
  cmd->add_option("--port", o.port, "port to listen on (default 8080; 0 = any free port, printed at start)");
  cmd->add_option("--admin-token", o.admin_token, "admin token (default: $PREFERO_ADMIN_TOKEN, else random)");
  cmd->add_option("--web", o.web, "serve the web pages from this folder (laid out as web/) instead of the built-in ones");
  cmd->add_option("--sample", o.sample, "create the arenas (*arena*.json) and polls (*poll*.json) in this folder that do not exist yet");
  cmd->add_option("--threads", o.threads, "threads answering requests (default 4; a vote, ballot or battle waits for its group commit without holding one)");
  cmd->add_option("--rate", o.rate, "requests per second per client address, bursts of twice that (default 50; 0 = no limit)");
  cmd->add_option("--max-body", o.max_body, "largest request body in bytes (default 1048576; larger gets 413)");
  cmd->callback([] { serve_main(o); });
}

}  // namespace prefero
