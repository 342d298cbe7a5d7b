// The chunked scan loop shared by the SQLite and PostgreSQL stores (store_backends.hpp).
#include "serve/store_backends.hpp"

namespace prefero::serve {

void scan_in_chunks(int64_t after, int64_t until, const ReadChunk& read_chunk,
                    const std::function<void(const StoredEvent&)>& on_event) {
  for (int64_t from = after; from < until;) {  // each turn advances `from` by >= 1 row
    const std::vector<StoredEvent> chunk = read_chunk(from, until, kScanChunk);
    if (chunk.empty()) break;
    from = chunk.back().seq;
    for (const auto& ev : chunk) on_event(ev);
  }
}

}  // namespace prefero::serve
