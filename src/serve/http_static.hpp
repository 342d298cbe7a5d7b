#pragma once
// Static files for the web pages of `prefero serve` (--web DIR): maps a request path under a
// folder to a file, safely (no "..", no hidden files, no symlinks out of the folder), with the
// content type from the extension.
#include <optional>
#include <string>

#include "serve/http_message.hpp"

namespace prefero::serve {

// The file for `request_path` ("/", "/arena/x.js", ...) under `root`: "/" and paths ending in
// '/' mean index.html in that folder. nullopt when there is no such regular file or the path
// is not acceptable (a ".." or "." segment, a segment starting with '.', a backslash, a NUL, a
// file outside root after resolving symlinks, or a file over max_bytes). The Response has
// status 200, the content type and the bytes; "Cache-Control: no-cache" so edits show at once.
std::optional<Response> static_file(const std::string& root, const std::string& request_path,
                                    size_t max_bytes = 16u << 20);

// The content type for a file name by its extension ("application/octet-stream" if unknown).
std::string content_type_for(const std::string& file_name);

}  // namespace prefero::serve
