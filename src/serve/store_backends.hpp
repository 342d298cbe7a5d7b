#pragma once
// The durable VoteStore backends, chosen by open_vote_store (store_open.cpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "serve/vote_store.hpp"

namespace prefero::serve {

// SQLite file at `path` (created when missing): WAL journal, synchronous=FULL, group commit.
std::unique_ptr<VoteStore> open_sqlite_store(const std::string& path);

// PostgreSQL at a libpq URL ("postgresql://user@host:port/db"); the events table is created when
// missing. InputError when the build has no PostgreSQL support or the server cannot be reached.
std::unique_ptr<VoteStore> open_postgres_store(const std::string& url);

// True when this build links libpqxx.
bool postgres_store_available();

// Rows a backend reads per chunk in scan_in_chunks: at most kScanChunk, and fewer when the
// events are large (about kScanChunkBytes of bodies a chunk).
constexpr int64_t kScanChunk = 1024;
constexpr size_t kScanChunkBytes = size_t{8} << 20;

// Up to `limit` events with from < seq <= until, in seq order (fewer only when no more exist).
using ReadChunk = std::function<std::vector<StoredEvent>(int64_t from, int64_t until, int64_t limit)>;

// VoteStore::scan of the backends: calls on_event for every event with after < seq <= until, in
// seq order, reading chunks of rows from read_chunk. The caller passes its last_seq()
// as `until`: a snapshot of what is committed now. Chunks keep on_event outside the backend's
// read lock (on_event may append or scan itself) and keep every read transaction short.
void scan_in_chunks(int64_t after, int64_t until, const ReadChunk& read_chunk,
                    const std::function<void(const StoredEvent&)>& on_event);

}  // namespace prefero::serve
