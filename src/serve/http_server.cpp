// The HTTP/1.1 server of `prefero serve` on Boost.Beast + Asio. Beast stays in this one file
// (compile time); the rest of the service sees serve::Request / serve::Response only.
#include "serve/http_server.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

// Boost's headers trip our warning flags; they are not our code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include "serve/thread_name.hpp"

namespace prefero::serve {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// ---- Parsing ----

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

using BeastRequest = http::request<http::string_body>;
using Parser = http::request_parser<http::string_body>;

void apply_limits(Parser& p, const HttpLimits& limits) {
  p.body_limit(static_cast<std::uint64_t>(limits.max_body));
  p.header_limit(static_cast<std::uint32_t>(std::min<size_t>(limits.max_header, UINT32_MAX)));
}

// The status the server answers a parse error with; 0 = not a request error (the peer is gone).
int status_for(const beast::error_code& ec) {
  if (ec == http::error::body_limit) return 413;
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return 0;
  if (ec.category() == http::make_error_code(http::error::bad_method).category()) return 400;
  return 0;
}

// Moves a parsed Beast request into `out`; 0 or 400.
int to_request(BeastRequest&& r, Request& out) {
  out.method = std::string(r.method_string());
  if (!parse_target(std::string_view(r.target().data(), r.target().size()), out)) return 400;
  for (const auto& field : r) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), lower);
    std::string value(field.value());
    auto [it, inserted] = out.headers.emplace(std::move(name), value);
    if (!inserted) it->second += ", " + value;  // RFC 9110 5.3: repeated fields join with commas
  }
  out.body = std::move(r.body());
  return 0;
}

Response error_for(int status) {
  if (status == 413) return error_response(413, "payload_too_large", "the request body is larger than the server accepts");
  return error_response(400, "bad_request", "malformed HTTP request");
}

bool token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A header the handler may set: a token name, a value without control line breaks, and not one
// the server owns (framing).
bool safe_header(const std::string& name, const std::string& value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), token_char)) return false;
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) return false;
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), lower);
  return n != "content-length" && n != "transfer-encoding" && n != "connection" && n != "content-type";
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool parse_target(std::string_view target, Request& out) {
  if (target.empty() || target[0] != '/') return false;
  target = target.substr(0, target.find('#'));
  const size_t q = target.find('?');
  auto path = percent_decode(target.substr(0, q), false);
  if (!path) return false;
  out.path = std::move(*path);
  out.query.clear();
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!key || !value) return false;
    out.query.emplace(std::move(*key), std::move(*value));
  }
  return true;
}

int parse_request(std::string_view bytes, const HttpLimits& limits, Request& out) {
  Parser p;
  apply_limits(p, limits);
  p.eager(true);
  size_t offset = 0;
  while (!p.is_done()) {
    beast::error_code ec;
    const size_t used = p.put(net::buffer(bytes.data() + offset, bytes.size() - offset), ec);
    offset += used;
    // need_more: every byte was offered and the request goes on past them (Beast expects the
    // next put to bring more data than the last one, so no retry with the same bytes).
    if (ec == http::error::need_more) return -1;
    if (ec) return status_for(ec) == 413 ? 413 : 400;
    if (!p.is_done() && used == 0) return -1;
  }
  return to_request(p.release(), out);
}

// ---- Serving ----

namespace {

// Token buckets per client address: `rate` tokens a second up to `burst`; a request takes one.
class RateLimiter {
 public:
  RateLimiter(double rate, double burst) : rate_(rate), burst_(std::max(burst, 1.0)) {}

  // 0 when the request may go ahead, else the whole seconds until it may (for Retry-After).
  int take(const std::string& client) {
    if (rate_ <= 0) return 0;
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    if (buckets_.size() > kMaxClients) prune(now);
    auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) b.tokens = std::min(burst_, b.tokens + rate_ * seconds(now - b.at));
    b.at = now;
    if (b.tokens >= 1.0) {
      b.tokens -= 1.0;
      return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_)));
  }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  static constexpr size_t kMaxClients = 100000;
  static double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
  // Forgets clients whose bucket has refilled (they are as if new).
  void prune(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();)
      it = it->second.tokens + rate_ * seconds(now - it->second.at) >= burst_ ? buckets_.erase(it) : std::next(it);
  }
  double rate_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

struct Shared {
  Shared(AsyncHandler h, const HttpLimits& l, net::io_context::executor_type ex)
      : handler(std::move(h)), limits(l), rate(l.rate_per_client, l.burst_per_client), io(ex) {}
  AsyncHandler handler;
  HttpLimits limits;
  RateLimiter rate;
  std::atomic<int> open{0};       // sessions alive
  std::atomic<int> busy{0};       // requests read whose answer is not written yet
  std::atomic<int> rejecting{0};  // 503 writers alive
  std::atomic<int> awaiting{0};   // handler calls whose reply was not called yet
  net::io_context::executor_type io;
  // Answers given on a thread outside the server (a store's completer thread, a batch at a time)
  // wait here and reach the server's threads in one post per burst: one wake-up per batch, not
  // one per answer (wake-ups are what costs most on a VM).
  std::mutex outbox_mu;
  std::vector<std::function<void()>> outbox;
  void send_from_outside(std::function<void()> write) {
    bool first = false;
    {
      std::lock_guard lock(outbox_mu);
      first = outbox.empty();
      outbox.push_back(std::move(write));
    }
    if (first) net::post(io, [this] { drain_outbox(); });
  }
  void drain_outbox() {
    std::vector<std::function<void()>> writes;
    {
      std::lock_guard lock(outbox_mu);
      writes.swap(outbox);
    }
    for (auto& w : writes) w();
  }
  std::chrono::milliseconds timeout() const { return std::chrono::milliseconds(std::max(1, limits.read_timeout_ms)); }
};

std::string client_address(const tcp::socket& s) {
  beast::error_code ec;
  auto addr = s.remote_endpoint(ec).address();
  if (ec) return "";
  if (addr.is_v6() && addr.to_v6().is_v4_mapped()) addr = net::ip::make_address_v4(net::ip::v4_mapped, addr.to_v6());
  return addr.to_string();
}

http::response<http::string_body> to_beast(const Response& r, unsigned version, bool keep_alive, bool head) {
  const int status = r.status >= 100 && r.status <= 599 ? r.status : 500;
  http::response<http::string_body> res{static_cast<http::status>(status), version};
  std::string type = r.content_type.empty() ? "application/octet-stream" : r.content_type;
  if (type.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) type = "application/octet-stream";
  res.set(http::field::content_type, type);
  res.set("X-Content-Type-Options", "nosniff");
  if (type.rfind("text/html", 0) == 0) res.set("Content-Security-Policy", "default-src 'self'; img-src * data:");
  for (const auto& [name, value] : r.headers)
    if (safe_header(name, value)) res.set(name, value);
  res.keep_alive(keep_alive);
  res.body() = r.body;
  res.prepare_payload();
  if (head) res.body().clear();  // Content-Length stays that of the GET answer
  return res;
}

// One connection: read a request, answer it, repeat while keep-alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<Shared> shared)
      : stream_(std::move(socket)), shared_(std::move(shared)), client_(client_address(stream_.socket())) {
    ++shared_->open;
  }
  ~Session() {
    if (in_request_) --shared_->busy;
    --shared_->open;
  }

  void start() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_header, shared_from_this())); }

 private:
  void read_header() {
    parser_.emplace();
    apply_limits(*parser_, shared_->limits);
    stream_.expires_after(shared_->timeout());  // the whole request must arrive in time
    http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, size_t) {
    if (ec) return fail(ec);
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
      continue_ = http::response<http::empty_body>{http::status::continue_, parser_->get().version()};
      http::async_write(stream_, continue_, [self = shared_from_this()](beast::error_code wec, size_t) {
        if (wec) return self->close();
        self->stream_.expires_after(self->shared_->timeout());
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() { http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this())); }

  void on_read(beast::error_code ec, size_t) {
    if (ec) return fail(ec);
    ++shared_->busy;
    in_request_ = true;
    const unsigned version = parser_->get().version();
    const bool keep_alive = parser_->get().keep_alive();
    const bool head = parser_->get().method() == http::verb::head;
    Request req;
    if (to_request(parser_->release(), req) != 0) return reply(error_for(400), version, false, head);
    req.client = client_;
    if (const int wait = shared_->rate.take(client_); wait > 0) {
      Response r = error_response(429, "too_many_requests", "too many requests from this address; retry later");
      r.headers["Retry-After"] = std::to_string(wait);
      return reply(r, version, keep_alive, head);
    }
    call_handler(req, [self = shared_from_this(), version, keep_alive, head](Response r) {
      // Written on this session's strand: at once when answered on a server thread, else through
      // the outbox (e.g. from the store's completer thread once a vote is durable).
      auto write = [self, r = std::move(r), version, keep_alive, head]() mutable {
        net::dispatch(self->stream_.get_executor(),
                      [self, r = std::move(r), version, keep_alive, head] { self->reply(r, version, keep_alive, head); });
      };
      Shared& shared = *self->shared_;
      if (shared.io.running_in_this_thread()) write();
      else shared.send_from_outside(std::move(write));
      --shared.awaiting;
    });
  }

  void call_handler(const Request& req, Respond done) {
    ++shared_->awaiting;
    try {
      return shared_->handler(req, done);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "prefero serve: internal error on %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
    } catch (...) {
      std::fprintf(stderr, "prefero serve: internal error on %s %s\n", req.method.c_str(), req.path.c_str());
    }
    done(error_response(500, "internal", "internal server error"));
  }

  // A read that ended without a request: answer malformed or oversized ones, else just close.
  void fail(const beast::error_code& ec) {
    const int status = status_for(ec);
    if (status == 0) return close();
    reply(error_for(status), 11, false, false);
  }

  void reply(const Response& r, unsigned version, bool keep_alive, bool head) {
    res_ = to_beast(r, version, keep_alive, head);
    stream_.expires_after(shared_->timeout());
    http::async_write(stream_, res_, [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
      if (self->in_request_) {
        self->in_request_ = false;
        --self->shared_->busy;
      }
      if (ec) return self->close();
      if (keep_alive) return self->read_header();
      self->linger();
    });
  }

  // Closing with unread request bytes would reset the connection and may destroy the answer
  // before the client reads it: half-close, then discard what the client still sends, bounded
  // in time and bytes.
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(std::min(shared_->timeout(), std::chrono::milliseconds(2000)));
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > 4 * self->shared_->limits.max_body + (1u << 20)) return self->close();
      self->drain();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  std::shared_ptr<Shared> shared_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  http::response<http::empty_body> continue_;
  http::response<http::string_body> res_;
  std::array<char, 16384> discard_{};
  size_t drained_ = 0;
  bool in_request_ = false;  // counted in shared_->busy
};

// Beyond max_connections: answer 503 at once and close (without reading the request).
class Rejecter : public std::enable_shared_from_this<Rejecter> {
 public:
  Rejecter(tcp::socket&& socket, std::shared_ptr<Shared> shared) : stream_(std::move(socket)), shared_(std::move(shared)) {
    ++shared_->rejecting;
  }
  ~Rejecter() { --shared_->rejecting; }
  void start() {
    Response r = error_response(503, "unavailable", "the server has too many open connections; retry later");
    r.headers["Retry-After"] = "1";
    res_ = to_beast(r, 11, false, false);
    stream_.expires_after(std::chrono::milliseconds(1000));
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code, size_t) {
      beast::error_code ec;
      self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      self->stream_.socket().close(ec);
    });
  }

 private:
  beast::tcp_stream stream_;
  std::shared_ptr<Shared> shared_;
  http::response<http::string_body> res_;
};

tcp::endpoint resolve(net::io_context& ioc, const std::string& host, uint16_t port) {
  beast::error_code ec;
  const auto addr = net::ip::make_address(host, ec);
  if (!ec) return {addr, port};
  tcp::resolver resolver(ioc);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) throw std::runtime_error("cannot resolve host '" + host + "': " + ec.message());
  return results.begin()->endpoint();
}

}  // namespace

struct HttpServer::Impl {
  net::io_context ioc;
  // The acceptor's handlers and stop()'s close run on one strand (an acceptor is not thread-safe).
  net::strand<net::io_context::executor_type> accept_strand = net::make_strand(ioc);
  tcp::acceptor acceptor{accept_strand};
  net::steady_timer retry{accept_strand};
  std::shared_ptr<Shared> shared;
  std::mutex threads_mutex;
  std::vector<std::thread> threads;
  int thread_count = 1;
  std::atomic<int> running{0};  // threads inside ioc.run()

  void serve() {
    name_this_thread("serve-http");
    ++running;
    ioc.run();
    --running;
  }

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted) return;
      if (ec) {  // e.g. out of file descriptors: pause instead of spinning
        retry.expires_after(std::chrono::milliseconds(50));
        retry.async_wait([this](beast::error_code wec) {
          if (!wec) accept();
        });
        return;
      }
      beast::error_code opt_ec;
      socket.set_option(tcp::no_delay(true), opt_ec);  // small answers go out at once (no Nagle wait)
      if (shared->open.load() < shared->limits.max_connections) {
        std::make_shared<Session>(std::move(socket), shared)->start();
      } else if (shared->rejecting.load() < std::max(64, shared->limits.max_connections)) {
        std::make_shared<Rejecter>(std::move(socket), shared)->start();
      }  // else the socket closes here
      accept();
    });
  }

  void join_all() {
    std::vector<std::thread> mine;
    {
      std::lock_guard lock(threads_mutex);
      mine.swap(threads);
    }
    for (auto& t : mine) {
      if (t.get_id() == std::this_thread::get_id()) t.detach();
      else if (t.joinable()) t.join();
    }
  }
};

HttpServer::HttpServer(std::string host, uint16_t port, Handler handler, HttpLimits limits)
    : HttpServer(std::move(host), port,
                 AsyncHandler([h = std::move(handler)](const Request& r, Respond reply) { reply(h(r)); }), limits) {}

HttpServer::HttpServer(std::string host, uint16_t port, AsyncHandler handler, HttpLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->thread_count = std::max(1, limits.threads);
  impl_->shared = std::make_shared<Shared>(std::move(handler), limits, impl_->ioc.get_executor());
  const tcp::endpoint ep = resolve(impl_->ioc, host, port);
  beast::error_code ec;
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  impl_->accept();
}

HttpServer::~HttpServer() {
  stop();
  // A reply still to come (a vote waiting for its commit) refers to the io_context: wait for it
  // (bounded; stores answer within one commit).
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (impl_->shared->awaiting.load() > 0 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // Answers that came after the stop hold their sessions (which hold `shared`): drop them now,
  // while the io_context their sockets belong to still exists.
  std::vector<std::function<void()>> unsent;
  {
    std::lock_guard lock(impl_->shared->outbox_mu);
    unsent.swap(impl_->shared->outbox);
  }
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void HttpServer::start() {
  std::lock_guard lock(impl_->threads_mutex);
  for (int i = 0; i < impl_->thread_count; ++i) impl_->threads.emplace_back([this] { impl_->serve(); });
}

void HttpServer::run() {
  {
    std::lock_guard lock(impl_->threads_mutex);
    for (int i = 1; i < impl_->thread_count; ++i) impl_->threads.emplace_back([this] { impl_->serve(); });
  }
  impl_->serve();
  impl_->join_all();
}

void HttpServer::stop() {
  // Graceful part: no new connections, and requests being answered get up to 2 s to finish
  // (their handlers may be writing votes; the client should see the 201).
  if (impl_->running.load() > 0 && !impl_->ioc.stopped() && !impl_->ioc.get_executor().running_in_this_thread()) {
    net::post(impl_->accept_strand, [impl = impl_.get()] {
      beast::error_code ec;
      impl->acceptor.close(ec);
    });
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    while (impl_->shared->busy.load() > 0 && impl_->running.load() > 0 && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  impl_->ioc.stop();
  impl_->join_all();
  beast::error_code ec;
  impl_->acceptor.close(ec);  // frees the port
}

}  // namespace prefero::serve
