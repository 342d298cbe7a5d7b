#pragma once
// The durable VoteStore backends, chosen by open_vote_store (store_open.cpp).
#include <memory>
#include <string>

#include "serve/vote_store.hpp"

namespace prefero::serve {

// SQLite file at `path` (created when missing): WAL journal, synchronous=FULL, group commit.
std::unique_ptr<VoteStore> open_sqlite_store(const std::string& path);

// PostgreSQL at a libpq URL ("postgresql://user@host:port/db"); the events table is created when
// missing. InputError when the build has no PostgreSQL support or the server cannot be reached.
std::unique_ptr<VoteStore> open_postgres_store(const std::string& url);

// True when this build links libpqxx.
bool postgres_store_available();

}  // namespace prefero::serve
