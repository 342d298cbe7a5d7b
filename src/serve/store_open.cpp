// open_vote_store: the --db URL of `prefero serve` to a VoteStore backend.
#include <string>

#include "core/error.hpp"
#include "serve/store_backends.hpp"
#include "serve/vote_store.hpp"

namespace prefero::serve {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::unique_ptr<VoteStore> open_vote_store(const std::string& url) {
  if (starts_with(url, "sqlite:")) {
    std::string path = url.substr(7);
    // sqlite:///abs/path and sqlite://rel are accepted too (the URL spelling of other tools).
    if (starts_with(path, "//")) path = path.substr(2);
    return open_sqlite_store(path);
  }
  if (url == "memory:") return make_memory_store();
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) return open_postgres_store(url);
  throw InputError("unknown vote store '" + url +
                   "': use sqlite:PATH (a SQLite file, created when missing), postgresql://USER@HOST:PORT/DB "
                   "(or postgres://...), or memory: (not durable, for tests)");
}

}  // namespace prefero::serve
