#pragma once
// The service's web pages (web/ in the source tree), compiled into the binary by
// cmake/embed_web.cmake, and the page a browser path maps to.
#include <string>
#include <string_view>
#include <vector>

#include "serve/http_message.hpp"

namespace prefero::serve {

struct WebAsset {
  std::string_view name;          // file name in web/: "arena.html", "common.js"
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view bytes;
};

// Every embedded file (generated source).
const std::vector<WebAsset>& web_assets();

// GET of a page or asset: "/" (index), "/arena/ID", "/arena/ID/leaderboard", "/poll/ID",
// "/poll/ID/results", "/admin", "/static/NAME"; 404 (JSON error) for anything else.
Response web_page(const Request& request);

}  // namespace prefero::serve
