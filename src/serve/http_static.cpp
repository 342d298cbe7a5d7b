#include "serve/http_static.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>

namespace prefero::serve {

namespace fs = std::filesystem;

std::string content_type_for(const std::string& file_name) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"}, {".json", "application/json"}, {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".map", "application/json"}, {".webmanifest", "application/manifest+json"}};
  const size_t dot = file_name.rfind('.');
  if (dot == std::string::npos || file_name.find('/', dot) != std::string::npos) return "application/octet-stream";
  std::string ext = file_name.substr(dot);
  for (char& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

namespace {

// The relative path of an acceptable request path ("" = the root folder itself).
std::optional<fs::path> relative_path(const std::string& request_path) {
  if (request_path.empty() || request_path[0] != '/') return std::nullopt;
  if (request_path.find_first_of(std::string("\\\0", 2)) != std::string::npos) return std::nullopt;
  fs::path rel;
  size_t start = 1;
  while (start <= request_path.size()) {
    size_t slash = request_path.find('/', start);
    if (slash == std::string::npos) slash = request_path.size();
    const std::string segment = request_path.substr(start, slash - start);
    if (!segment.empty()) {
      if (segment[0] == '.') return std::nullopt;  // ".", "..", hidden files
      rel /= segment;
    }
    start = slash + 1;
  }
  return rel;
}

}  // namespace

std::optional<Response> static_file(const std::string& root, const std::string& request_path, size_t max_bytes) {
  auto rel = relative_path(request_path);
  if (!rel || root.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path file = base / *rel;
  if (request_path.back() == '/' || rel->empty() || fs::is_directory(file, ec)) file /= "index.html";
  const fs::path real = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  // Inside root after resolving symlinks: real must have base as a prefix, segment by segment.
  auto b = base.begin();
  auto r = real.begin();
  for (; b != base.end(); ++b, ++r)
    if (r == real.end() || *r != *b) return std::nullopt;
  const auto size = fs::file_size(real, ec);
  if (ec || size > max_bytes) return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  Response out;
  out.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  out.content_type = content_type_for(real.filename().string());
  out.headers["Cache-Control"] = "no-cache";
  return out;
}

}  // namespace prefero::serve
