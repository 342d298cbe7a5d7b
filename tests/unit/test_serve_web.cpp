// The embedded pages: every browser path of the service maps to its page; every page's
// /static/ references (stylesheets, scripts, module imports) name an embedded file; no page has an
// inline script or handler (the Content-Security-Policy allows only 'self'); and text from the
// API reaches the DOM only through textContent (no innerHTML in the scripts).
#include <gtest/gtest.h>

#include <regex>
#include <set>
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
  std::smatch m;
  return std::regex_search(html, m, std::regex("<title>([^<]*)</title>")) ? m[1].str() : "";
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
  std::regex ref("/static/([A-Za-z0-9_.-]+)");
  int refs = 0;
  for (const auto& a : web_assets()) {
    std::string text(a.bytes);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it, ++refs)
      EXPECT_TRUE(names.count((*it)[1].str())) << a.name << " refers to a missing /static/" << (*it)[1].str();
    if (a.name.ends_with(".html")) {
      EXPECT_FALSE(std::regex_search(text, std::regex("<script(?![^>]*\\bsrc=)[^>]*>"))) << a.name << " has an inline script";
      EXPECT_FALSE(std::regex_search(text, std::regex("\\son[a-z]+\\s*="))) << a.name << " has an inline handler";
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
