#pragma once
// The HTTP/1.1 front of `prefero serve` (Boost.Beast + Asio inside http_server.cpp only): reads
// requests into serve::Request, calls one Handler, writes its serve::Response back. Limits against
// abuse: body and header sizes, a read timeout for slow clients, a connection cap and a
// per-client token-bucket rate limit. Routing (404, 405, ...) is the handler's business.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "serve/http_message.hpp"

namespace prefero::serve {

struct HttpLimits {
  size_t max_body = 1 << 20;      // bytes; a larger body gets 413 payload_too_large
  size_t max_header = 16 << 10;   // bytes of request line + headers; more gets 400 bad_request
  int read_timeout_ms = 10000;    // a request (or an idle keep-alive gap) must arrive within this
  int max_connections = 1024;     // open connections; one more gets 503 and is closed
  double rate_per_client = 50;    // requests/s per client address (token bucket); 0 = no limit
  double burst_per_client = 100;  // bucket size: requests a client may send at once
  int threads = 2;                // threads running the handler
};

using Handler = std::function<Response(const Request&)>;
// An asynchronous handler calls its Respond exactly once, from any thread, now or later (e.g. once
// a vote is durable), so no server thread waits for the database; it must not throw after that.
using AsyncHandler = std::function<void(const Request&, Respond)>;

class HttpServer {
 public:
  // Listens on host:port at once (port 0 = a free port, see port()). Throws std::runtime_error
  // when the address cannot be bound.
  HttpServer(std::string host, uint16_t port, Handler handler, HttpLimits limits = {});
  HttpServer(std::string host, uint16_t port, AsyncHandler handler, HttpLimits limits = {});
  ~HttpServer();  // stop()s
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  uint16_t port() const;
  void run();    // serves on the calling thread plus threads - 1 others until stop()
  void start();  // serves on `threads` background threads; returns at once
  // Stops listening, gives requests being answered up to 2 s to finish, then drops open
  // connections and joins the threads (idempotent; the port is free afterwards).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Parsing, exposed for tests and the fuzzer (no sockets needed) ----

// %XX-decoding; `plus_is_space` for query strings (application/x-www-form-urlencoded).
// nullopt on a malformed escape ("%", "%4", "%zz") or an escaped NUL byte.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// Splits an origin-form request target "/path?k=v&k2" into the decoded path and query (a key
// without '=' gets ""; of repeated keys the first one counts). False when the target does not
// start with '/' or has a malformed escape.
bool parse_target(std::string_view target, Request& out);

// Parses one complete HTTP/1.x request from `bytes` as the server does (same limits and checks)
// into `out`. Returns 0 when a request was read, else the status the server would answer with
// (400 malformed, 413 body too large) or -1 when `bytes` end before the request does.
int parse_request(std::string_view bytes, const HttpLimits& limits, Request& out);

}  // namespace prefero::serve
