// Browser paths -> embedded pages. The pages read their ids from the URL and talk to /v1.
#include <string>
#include <vector>

#include "serve/web_assets.hpp"

namespace prefero::serve {

namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// The file that serves `path`, or "".
std::string page_file(const std::string& path) {
  auto s = segments(path);
  if (s.empty()) return "index.html";
  if (s[0] == "admin" && s.size() == 1) return "admin.html";
  if (s[0] == "static" && s.size() == 2) return s[1];
  if (s[0] == "arena" && s.size() == 2) return "arena.html";
  if (s[0] == "arena" && s.size() == 3 && s[2] == "leaderboard") return "leaderboard.html";
  if (s[0] == "poll" && s.size() == 2) return "poll.html";
  if (s[0] == "poll" && s.size() == 3 && s[2] == "results") return "results.html";
  return "";
}

}  // namespace

Response web_page(const Request& request) {
  if (request.method != "GET" && request.method != "HEAD")
    return error_response(405, "method_not_allowed", "pages are read with GET");
  std::string file = page_file(request.path);
  for (const WebAsset& a : web_assets())
    if (!file.empty() && a.name == file) {
      Response r;
      r.content_type = std::string(a.content_type);
      r.body = std::string(a.bytes);
      r.headers["Cache-Control"] = "no-cache";
      return r;
    }
  return error_response(404, "not_found", "no page at " + request.path);
}

}  // namespace prefero::serve
