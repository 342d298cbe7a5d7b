// The chunked scan loop shared by the SQLite and PostgreSQL stores (store_backends.hpp).
#include "serve/store_backends.hpp"

#include <algorithm>

namespace prefero::serve {

void scan_in_chunks(int64_t after, int64_t until, const ReadChunk& read_chunk,
                    const std::function<void(const StoredEvent&)>& on_event) {
  int64_t limit = kScanChunk;
  for (int64_t from = after; from < until;) {  // each turn advances `from` by >= 1 row
    const std::vector<StoredEvent> chunk = read_chunk(from, until, limit);
    if (chunk.empty()) break;
    from = chunk.back().seq;
    size_t bytes = 1;
    for (const auto& ev : chunk) bytes += ev.body.size();
    for (const auto& ev : chunk) on_event(ev);
    // The next chunk: about kScanChunkBytes at this chunk's mean event size (a 10,000-battle
    // event is 700 KB: 1,024 of them at once were most of a replay's peak memory).
    const double rows = static_cast<double>(kScanChunkBytes) * static_cast<double>(chunk.size()) / static_cast<double>(bytes);
    limit = std::clamp<int64_t>(static_cast<int64_t>(rows), 1, kScanChunk);
  }
}

}  // namespace prefero::serve
