// The embedded pages: every browser path of the service maps to its page; every page's
// /static/ references (stylesheets, scripts, module imports) name an embedded file; no page has an
// inline script or handler (the Content-Security-Policy allows only 'self'); and text from the
// API reaches the DOM only through textContent (no innerHTML in the scripts).
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <vector>
#include <string>

#include "serve/web_assets.hpp"

namespace prefero::serve {
namespace {

Response get(const std::string& path) {
  Request r;
  r.method = "GET";
  r.path = path;
  return web_page(r);
}

std::string title_of(const std::string& html) {
  size_t a = html.find("<title>"), b = html.find("</title>");
  return a == std::string::npos || b == std::string::npos ? "" : html.substr(a + 7, b - a - 7);
}

// The file names after each "/static/" in text.
std::vector<std::string> static_refs(const std::string& text) {
  std::vector<std::string> out;
  for (size_t p = text.find("/static/"); p != std::string::npos; p = text.find("/static/", p + 1)) {
    size_t e = p + 8;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '.' || text[e] == '-')) ++e;
    out.push_back(text.substr(p + 8, e - p - 8));
  }
  return out;
}

// A <script> tag without src=, or an on...= attribute.
bool has_inline_script(const std::string& html) {
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1))
    if (html.substr(p, html.find('>', p) - p).find(" src=") == std::string::npos) return true;
  return false;
}
bool has_inline_handler(const std::string& html) {
  for (size_t p = html.find(" on"); p != std::string::npos; p = html.find(" on", p + 1)) {
    size_t e = p + 3;
    while (e < html.size() && std::islower(static_cast<unsigned char>(html[e]))) ++e;
    if (e > p + 3 && e < html.size() && html[e] == '=') return true;
  }
  return false;
}

TEST(ServeWeb, PathsMapToTheirPages) {
  EXPECT_EQ(title_of(get("/").body), "Arenas and polls · Prefero");
  EXPECT_EQ(title_of(get("/arena/a1").body), "Vote · Prefero");
  EXPECT_EQ(title_of(get("/arena/a1/leaderboard").body), "Leaderboard · Prefero");
  EXPECT_EQ(title_of(get("/poll/p1").body), "Ballot · Prefero");
  EXPECT_EQ(title_of(get("/poll/p1/results").body), "Results · Prefero");
  EXPECT_EQ(title_of(get("/admin").body), "Admin · Prefero");
  EXPECT_EQ(get("/static/app.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get("/static/common.js").content_type, "text/javascript; charset=utf-8");
  for (const char* missing : {"/static/nope.js", "/arena", "/arena/a1/x", "/poll/p1/results/x", "/v2"})
    EXPECT_EQ(get(missing).status, 404) << missing;
  Request post;
  post.method = "POST";
  post.path = "/";
  EXPECT_EQ(web_page(post).status, 405);
}

TEST(ServeWeb, EveryStaticReferenceIsEmbeddedAndNoScriptIsInline) {
  std::set<std::string> names;
  for (const auto& a : web_assets()) names.insert(std::string(a.name));
  ASSERT_TRUE(names.count("index.html") && names.count("common.js"));
  int refs = 0;
  for (const auto& a : web_assets()) {
    std::string text(a.bytes);
    for (const std::string& name : static_refs(text)) {
      ++refs;
      EXPECT_TRUE(names.count(name)) << a.name << " refers to a missing /static/" << name;
    }
    if (a.name.ends_with(".html")) {
      EXPECT_FALSE(has_inline_script(text)) << a.name << " has an inline script";
      EXPECT_FALSE(has_inline_handler(text)) << a.name << " has an inline handler";
      EXPECT_NE(text.find("<meta name=\"viewport\""), std::string::npos) << a.name << " is not set up for phones";
      EXPECT_NE(text.find("<html lang="), std::string::npos) << a.name;
    }
    if (a.name.ends_with(".js")) {
      EXPECT_EQ(text.find("innerHTML"), std::string::npos) << a.name;
      EXPECT_EQ(text.find("insertAdjacentHTML"), std::string::npos) << a.name;
    }
  }
  EXPECT_GT(refs, 10);
}

}  // namespace
}  // namespace prefero::serve
