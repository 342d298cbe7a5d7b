// libFuzzer target: the request parsing of `prefero serve` (serve/http_server.hpp) without
// sockets: a whole HTTP/1.x request through the server's parser and limits, and the same bytes
// as a request target and as percent-encoded text. Any exception, sanitizer report or broken
// invariant is a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "serve/http_server.hpp"

using namespace prefero::serve;

namespace {
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_http_request: invariant broken: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  HttpLimits limits;
  limits.max_body = 512;
  limits.max_header = 1024;
  Request req;
  const int status = parse_request(bytes, limits, req);
  check(status == 0 || status == -1 || status == 400 || status == 413, "parse_request status");
  if (status == 0) {
    check(!req.path.empty() && req.path[0] == '/', "decoded path starts with /");
    check(req.body.size() <= limits.max_body, "body within the limit");
    for (const auto& [name, value] : req.headers)
      for (char c : name) check(!(c >= 'A' && c <= 'Z'), "header names are lower-case");
  }
  Request t;
  if (parse_target(bytes, t)) check(!t.path.empty() && t.path[0] == '/', "target path starts with /");
  for (bool plus : {false, true}) {
    const auto decoded = percent_decode(bytes, plus);
    if (decoded) {
      check(decoded->size() <= size, "decoding never grows the text");
      check(decoded->find('\0') == std::string::npos || bytes.find('\0') != std::string_view::npos, "no escaped NUL");
    }
  }
  return 0;
}
