// The HTTP front of `prefero serve` over real sockets on 127.0.0.1 (the blocking POSIX-socket
// client of test_serve_http_client.hpp), its request parsing without sockets, and the token helpers against
// the published test vectors (FIPS 180-4 examples, RFC 4231).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "serve/http_auth.hpp"
#include "serve/http_server.hpp"
#include "serve/service_sign.hpp"  // to_hex
#include "test_serve_http_client.hpp"

using namespace prefero::serve;
using ojson = nlohmann::ordered_json;

namespace {

using prefero_test::Conn;
using prefero_test::Reply;

// Echoes what the server made of the request; /html answers a page, /throw throws.
Response echo(const Request& req) {
  if (req.path == "/throw") throw std::runtime_error("boom");
  Response r;
  if (req.path == "/html") {
    r.content_type = "text/html; charset=utf-8";
    r.body = "<p>hi</p>";
    return r;
  }
  ojson q = ojson::object();
  for (const auto& [k, v] : req.query) q[k] = v;
  r.body = ojson{{"method", req.method}, {"path", req.path}, {"query", q}, {"body", req.body}, {"client", req.client},
                 {"x-test", req.header("x-test")}, {"token", req.token()}}
               .dump();
  r.headers["X-Extra"] = "yes";
  r.headers["X-Bad"] = "a\r\nInjected: 1";  // dropped: a header value may not break the line
  return r;
}

struct TestServer {
  explicit TestServer(HttpLimits limits = {}, Handler h = echo) : server("127.0.0.1", 0, std::move(h), limits) { server.start(); }
  ~TestServer() { server.stop(); }
  uint16_t port() const { return server.port(); }
  HttpServer server;
};

std::string get(const std::string& target, const std::string& extra = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

}  // namespace

TEST(ServeHttp, GetAndPostRoundTrip) {
  TestServer s;
  ASSERT_NE(s.port(), 0);
  Conn c(s.port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send(get("/v1/health", "X-Test: Yes\r\nAuthorization: Bearer abc\r\n")));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  const auto j = ojson::parse(r.body);
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["path"], "/v1/health");
  EXPECT_EQ(j["client"], "127.0.0.1");
  EXPECT_EQ(j["x-test"], "Yes");
  EXPECT_EQ(j["token"], "abc");

  const std::string body = R"({"winner": "A"})";
  ASSERT_TRUE(c.send("POST /v1/arenas/a1/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body));
  r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  const auto p = ojson::parse(r.body);
  EXPECT_EQ(p["method"], "POST");
  EXPECT_EQ(p["path"], "/v1/arenas/a1/votes");
  EXPECT_EQ(p["body"], body);
}

TEST(ServeHttp, ChunkedBodyAndExpectContinue) {
  TestServer s;
  Conn c(s.port());
  ASSERT_TRUE(c.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(ojson::parse(r.body)["body"], "abcde");
  // curl sends `Expect: 100-continue` for larger bodies and waits for the interim answer.
  ASSERT_TRUE(c.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
  r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 100);
  ASSERT_TRUE(c.send("wxyz"));
  r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(ojson::parse(r.body)["body"], "wxyz");
}

TEST(ServeHttp, KeepAliveServesTwoRequestsOnOneConnection) {
  TestServer s;
  Conn c(s.port());
  // Both requests at once (pipelined), then both answers in order.
  ASSERT_TRUE(c.send(get("/one") + get("/two")));
  Reply a = c.read(), b = c.read();
  ASSERT_TRUE(a.ok);
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(ojson::parse(a.body)["path"], "/one");
  EXPECT_EQ(ojson::parse(b.body)["path"], "/two");
  // And a third after the answers, on the same connection.
  ASSERT_TRUE(c.send(get("/three")));
  Reply d = c.read();
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(ojson::parse(d.body)["path"], "/three");
  // `Connection: close` is honoured: the answer comes, then the end of the connection.
  ASSERT_TRUE(c.send(get("/last", "Connection: close\r\n")));
  Reply e = c.read();
  ASSERT_TRUE(e.ok);
  EXPECT_EQ(e.header("connection"), "close");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST(ServeHttp, PathAndQueryArePercentDecoded) {
  TestServer s;
  Conn c(s.port());
  ASSERT_TRUE(c.send(get("/v1/a%20b/%C3%A9+x?q=1+2&amp=%26%3D&flag&q=second&e=")));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  const auto j = ojson::parse(r.body);
  EXPECT_EQ(j["path"], "/v1/a b/\xC3\xA9+x");  // '+' is a space only in the query
  EXPECT_EQ(j["query"]["q"], "1 2");            // the first of repeated keys counts
  EXPECT_EQ(j["query"]["amp"], "&=");
  EXPECT_EQ(j["query"]["flag"], "");
  EXPECT_EQ(j["query"]["e"], "");
  EXPECT_EQ(j["query"].size(), 4u);
}

TEST(ServeHttp, OversizedBodyGets413) {
  HttpLimits limits;
  limits.max_body = 1000;
  TestServer s(limits);
  {
    Conn c(s.port());
    const std::string body(1001, 'x');
    ASSERT_TRUE(c.send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + body));
    Reply r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(ojson::parse(r.body)["error"]["code"], "payload_too_large");
    EXPECT_EQ(r.header("content-type"), "application/json");
  }
  {  // the same limit for a chunked body
    Conn c(s.port());
    ASSERT_TRUE(c.send("POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n" + std::string(1001, 'y') +
                       "\r\n0\r\n\r\n"));
    Reply r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 413);
  }
  {  // exactly the limit is fine
    Conn c(s.port());
    ASSERT_TRUE(c.send("POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + std::string(1000, 'z')));
    Reply r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 200);
  }
}

TEST(ServeHttp, MalformedRequestsGet400) {
  HttpLimits limits;
  limits.max_header = 2048;
  TestServer s(limits);
  const std::string bad[] = {
      "HELLO THERE\r\n\r\n",
      "GET /x HTTP/9.9\r\n\r\n",
      "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n",  // malformed escape
      "GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n",  // escaped NUL
      "GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n",  // not origin-form
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "GET /x HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'h') + "\r\n\r\n",  // headers over the limit
  };
  for (const auto& request : bad) {
    Conn c(s.port());
    ASSERT_TRUE(c.send(request));
    Reply r = c.read();
    ASSERT_TRUE(r.ok) << request.substr(0, 40);
    EXPECT_EQ(r.status, 400) << request.substr(0, 40);
    EXPECT_EQ(ojson::parse(r.body)["error"]["code"], "bad_request");
  }
}

TEST(ServeHttp, RateLimitAnswers429AfterTheBurst) {
  HttpLimits limits;
  limits.rate_per_client = 0.5;  // one token per 2 s: none comes back during the test
  limits.burst_per_client = 4;
  TestServer s(limits);
  Conn c(s.port());
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(c.send(get("/n")));
    Reply r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 200) << i;
  }
  ASSERT_TRUE(c.send(get("/n")));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(ojson::parse(r.body)["error"]["code"], "too_many_requests");
  EXPECT_GE(std::stoi(r.header("retry-after")), 1);
  // The connection stays usable (the answer is a normal one) and the limit is per client, not
  // per connection.
  Conn other(s.port());
  ASSERT_TRUE(other.send(get("/n")));
  EXPECT_EQ(other.read().status, 429);
}

TEST(ServeHttp, RateLimitOffServesEveryRequest) {
  HttpLimits limits;
  limits.rate_per_client = 0;
  limits.burst_per_client = 1;
  TestServer s(limits);
  Conn c(s.port());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(c.send(get("/n")));
    EXPECT_EQ(c.read().status, 200);
  }
}

TEST(ServeHttp, SlowClientIsCutOff) {
  HttpLimits limits;
  limits.read_timeout_ms = 300;
  TestServer s(limits);
  Conn c(s.port(), 5000);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.send("GET /slow HTTP/1.1\r\nHost: x\r\n"));  // half a request, then nothing
  EXPECT_TRUE(c.closed_by_peer());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(ms, 250);
  EXPECT_LT(ms, 4000);
  // A client that trickles a byte at a time still has only the one deadline for the request.
  Conn t(s.port(), 5000);
  const auto t1 = std::chrono::steady_clock::now();
  bool cut = false;
  const std::string req = get("/trickle", "X-Pad: " + std::string(100, 'p') + "\r\n");
  for (size_t i = 0; i < req.size() && !cut; ++i) {
    if (!t.send(req.substr(i, 1))) cut = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (std::chrono::steady_clock::now() - t1 > std::chrono::seconds(4)) break;
  }
  if (!cut) cut = t.closed_by_peer();
  EXPECT_TRUE(cut);
  EXPECT_LT(std::chrono::steady_clock::now() - t1, std::chrono::seconds(4));
}

TEST(ServeHttp, IdleKeepAliveConnectionIsClosed) {
  HttpLimits limits;
  limits.read_timeout_ms = 300;
  TestServer s(limits);
  Conn c(s.port());
  ASSERT_TRUE(c.send(get("/a")));
  ASSERT_TRUE(c.read().ok);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST(ServeHttp, ResponsesCarryTheSecurityHeaders) {
  TestServer s;
  Conn c(s.port());
  ASSERT_TRUE(c.send(get("/x")));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-extra"), "yes");
  EXPECT_EQ(r.header("x-bad"), "");
  EXPECT_EQ(r.header("injected"), "");
  EXPECT_EQ(r.header("content-security-policy"), "");  // only pages get a CSP
  ASSERT_TRUE(c.send(get("/html")));
  r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("content-security-policy"), "default-src 'self'; img-src * data:");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.body, "<p>hi</p>");
  // HEAD: the GET answer's headers, no body.
  ASSERT_TRUE(c.send("HEAD /html HTTP/1.1\r\nHost: x\r\n\r\n" + get("/after")));
  r = c.read(true);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("content-length"), "9");
  r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(ojson::parse(r.body)["path"], "/after");  // so the HEAD answer had no body
}

TEST(ServeHttp, HandlerExceptionIs500AndTheServerGoesOn) {
  TestServer s;
  Conn c(s.port());
  ASSERT_TRUE(c.send(get("/throw")));
  Reply r = c.read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(ojson::parse(r.body)["error"]["message"], "internal server error");  // no internals leak
  ASSERT_TRUE(c.send(get("/fine")));
  EXPECT_EQ(c.read().status, 200);
}

TEST(ServeHttp, ConnectionsBeyondTheLimitGet503) {
  HttpLimits limits;
  limits.max_connections = 2;
  TestServer s(limits);
  auto a = std::make_unique<Conn>(s.port());
  Conn b(s.port());
  // The sessions exist once a request has been answered on each.
  ASSERT_TRUE(a->send(get("/a")));
  ASSERT_TRUE(a->read().ok);
  ASSERT_TRUE(b.send(get("/b")));
  ASSERT_TRUE(b.read().ok);
  {
    Conn c(s.port());
    Reply r = c.read();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 503);
  }
  a.reset();  // a slot frees up once the server sees the close
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    Conn d(s.port());
    ASSERT_TRUE(d.send(get("/d")));
    status = d.read().status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
}

TEST(ServeHttp, ConcurrentClientsGetTheirOwnAnswers) {
  HttpLimits limits;
  limits.rate_per_client = 0;
  limits.threads = 3;
  std::atomic<int> calls{0};
  TestServer s(limits, [&calls](const Request& r) {
    ++calls;
    return echo(r);
  });
  constexpr int kClients = 8, kRequests = 50;
  std::atomic<int> right{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      Conn conn(s.port());
      for (int i = 0; i < kRequests; ++i) {
        const std::string path = "/c" + std::to_string(c) + "/r" + std::to_string(i);
        if (!conn.send(get(path))) return;
        Reply r = conn.read();
        if (!r.ok) return;
        if (r.status == 200 && ojson::parse(r.body)["path"] == path) ++right;
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(right.load(), kClients * kRequests);
  EXPECT_EQ(calls.load(), kClients * kRequests);
}

TEST(ServeHttp, StopEndsServingAndFreesThePort) {
  auto server = std::make_unique<HttpServer>("127.0.0.1", 0, echo);
  const uint16_t port = server->port();
  std::thread runner([&] { server->run(); });
  {
    Conn c(port);
    ASSERT_TRUE(c.send(get("/x")));
    EXPECT_EQ(c.read().status, 200);
  }
  server->stop();
  runner.join();
  server.reset();
  // The port can be bound again.
  HttpServer again("127.0.0.1", port, echo);
  EXPECT_EQ(again.port(), port);
}

TEST(ServeHttp, StopLetsARequestInProgressFinish) {
  // The answer is larger than the socket buffers and the client reads it only once stop() has
  // begun, so it is written over many turns of the event loop, which stop() must keep running
  // until the answer is out.
  const std::string big(8u << 20, 'v');
  std::atomic<bool> stopping{false};
  std::atomic<bool> entered{false};
  auto server = std::make_unique<HttpServer>("127.0.0.1", 0, [&](const Request&) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // e.g. a vote being written
    Response r;
    r.content_type = "text/plain";
    r.body = big;
    return r;
  });
  server->start();
  Reply r;
  std::thread client([&r, &stopping, port = server->port()] {
    Conn c(port);
    if (!c.send(get("/slow-vote"))) return;
    for (int i = 0; i < 1000 && !stopping; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    r = c.read();
  });
  for (int i = 0; i < 1000 && !entered; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_TRUE(entered.load());
  std::this_thread::sleep_for(std::chrono::milliseconds(250));  // the handler is done, the write is pending
  const auto t0 = std::chrono::steady_clock::now();
  stopping = true;
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
  client.join();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.size(), big.size());
}

TEST(ServeHttp, BindFailureIsAClearError) {
  HttpServer first("127.0.0.1", 0, echo);
  HttpLimits limits;
  try {
    HttpServer second("127.0.0.1", first.port(), echo, limits);
    FAIL() << "bound a port in use";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:"), std::string::npos) << e.what();
  }
}

// ---- Parsing without sockets ----

TEST(ServeHttpParse, PercentDecode) {
  EXPECT_EQ(percent_decode("a%20b%2Fc", false), "a b/c");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%e2%82%AC", true), "\xE2\x82\xAC");
  EXPECT_EQ(percent_decode("", true), "");
  EXPECT_FALSE(percent_decode("%", true));
  EXPECT_FALSE(percent_decode("ab%4", true));
  EXPECT_FALSE(percent_decode("%g0", true));
  EXPECT_FALSE(percent_decode("%00", true));
}

TEST(ServeHttpParse, Target) {
  Request r;
  ASSERT_TRUE(parse_target("/v1/x?a=1&&b=%3D&a=2#frag", r));
  EXPECT_EQ(r.path, "/v1/x");
  EXPECT_EQ(r.query, (std::map<std::string, std::string>{{"a", "1"}, {"b", "="}}));
  EXPECT_FALSE(parse_target("", r));
  EXPECT_FALSE(parse_target("v1", r));
  EXPECT_FALSE(parse_target("/x?k=%zz", r));
}

TEST(ServeHttpParse, WholeRequests) {
  HttpLimits limits;
  limits.max_body = 10;
  Request r;
  EXPECT_EQ(parse_request("POST /p?x=1 HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 3\r\n\r\nabc", limits, r), 0);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/p");
  EXPECT_EQ(r.query.at("x"), "1");
  EXPECT_EQ(r.header("x-a"), "1, 2");
  EXPECT_EQ(r.header("host"), "h");
  EXPECT_EQ(r.body, "abc");
  EXPECT_EQ(parse_request("GET / HTTP/1.1\r\nHost: h\r\n", limits, r), -1);  // incomplete
  EXPECT_EQ(parse_request("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", limits, r), -1);
  EXPECT_EQ(parse_request("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits, r), 413);
  EXPECT_EQ(parse_request("GET / HTTP/1.1\r\nBad Header\r\n\r\n", limits, r), 400);
  EXPECT_EQ(parse_request("GET nope HTTP/1.1\r\n\r\n", limits, r), 400);
}

// ---- Tokens ----

TEST(ServeHttpAuth, Sha256NistVectors) {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", one-block, two-block and long messages).
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Padding boundaries (55/56 bytes: the length fits / does not fit the last block; 63/64),
  // expected values from coreutils sha256sum.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(63, 'a')), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(ServeHttpAuth, HmacSha256Rfc4231) {
  // Test case 1
  EXPECT_EQ(to_hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6 (a key longer than the block is hashed first)
  EXPECT_EQ(to_hex(hmac_sha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(ServeHttpAuth, SameToken) {
  EXPECT_TRUE(same_token("", ""));
  EXPECT_TRUE(same_token("secret-token", "secret-token"));
  EXPECT_FALSE(same_token("secret-token", "Secret-token"));
  EXPECT_FALSE(same_token("secret-token", "secret-tokeN"));
  EXPECT_FALSE(same_token("secret-token", "secret-token2"));
  EXPECT_FALSE(same_token("secret", ""));
  EXPECT_FALSE(same_token("", "secret"));
  EXPECT_FALSE(same_token(std::string("a\0", 2), "a"));
}

TEST(ServeHttpAuth, RandomToken) {
  const std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}
