// Static files for the web pages (serve/http_static.hpp): the mapping of request paths to files
// in a temporary folder, and every way out of the folder refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve/http_static.hpp"

using namespace prefero::serve;
namespace fs = std::filesystem;

namespace {

struct WebFolder {
  WebFolder() {
    top = fs::temp_directory_path() / ("prefero_static_" + std::to_string(getpid()));
    fs::remove_all(top);
    root = top / "web";
    fs::create_directories(root / "sub");
    write(root / "index.html", "<h1>home</h1>");
    write(root / "app.js", "let x = 1;");
    write(root / "Logo.PNG", "png-bytes");
    write(root / "sub" / "index.html", "<h1>sub</h1>");
    write(root / ".secret", "token");
    write(top / "outside.txt", "outside");
    fs::create_symlink(top / "outside.txt", root / "link.txt");
  }
  ~WebFolder() { fs::remove_all(top); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
  fs::path top, root;
};

}  // namespace

TEST(ServeHttpStatic, ServesFilesWithTheirTypes) {
  WebFolder w;
  const std::string root = w.root.string();
  auto r = static_file(root, "/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<h1>home</h1>");
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->headers.at("Cache-Control"), "no-cache");
  r = static_file(root, "/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  r = static_file(root, "/Logo.PNG");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "image/png");
  for (const char* p : {"/sub/", "/sub", "//sub//"}) {
    r = static_file(root, p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->body, "<h1>sub</h1>") << p;
  }
}

TEST(ServeHttpStatic, RefusesEveryWayOut) {
  WebFolder w;
  const std::string root = w.root.string();
  for (const char* p : {"/../outside.txt", "/sub/../app.js", "/./app.js", "/.secret", "/link.txt", "/missing.html",
                        "/app.js/", "/sub\\..\\app.js", "app.js", ""})
    EXPECT_FALSE(static_file(root, p)) << p;
  EXPECT_FALSE(static_file(root, std::string("/app.js\0.html", 13)));
  EXPECT_FALSE(static_file(root, "/app.js", 3));  // over max_bytes
  EXPECT_TRUE(static_file(root, "/app.js", 10));  // exactly max_bytes
  EXPECT_FALSE(static_file((w.top / "nope").string(), "/"));
  EXPECT_FALSE(static_file("", "/"));
}

TEST(ServeHttpStatic, ContentTypes) {
  EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.SVG"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.json"), "application/json");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("dir.d/file"), "application/octet-stream");
  EXPECT_EQ(content_type_for("a.exe"), "application/octet-stream");
}
