// The in-memory VoteStore (tests of the service logic; `memory:`).
#include <map>
#include <mutex>
#include <utility>

#include "serve/vote_store.hpp"

namespace prefero::serve {

namespace {

class MemoryStore : public VoteStore {
 public:
  AppendResult append(const StoredEvent& e) override {
    std::lock_guard lock(mu_);
    if (!e.idempotency_key.empty()) {
      auto it = keys_.find({e.stream, e.idempotency_key});
      if (it != keys_.end()) return {it->second, true};
    }
    StoredEvent copy = e;
    copy.seq = static_cast<int64_t>(log_.size()) + 1;
    log_.push_back(copy);
    if (!e.idempotency_key.empty()) keys_[{e.stream, e.idempotency_key}] = copy.seq;
    return {copy.seq, false};
  }
  void scan(int64_t after, const std::function<void(const StoredEvent&)>& on_event) override {
    std::vector<StoredEvent> copy;
    {
      std::lock_guard lock(mu_);
      if (after < static_cast<int64_t>(log_.size()))
        copy.assign(log_.begin() + std::max<int64_t>(after, 0), log_.end());
    }
    for (const auto& e : copy) on_event(e);
  }
  int64_t last_seq() override {
    std::lock_guard lock(mu_);
    return static_cast<int64_t>(log_.size());
  }

 private:
  std::mutex mu_;
  std::vector<StoredEvent> log_;
  std::map<std::pair<std::string, std::string>, int64_t> keys_;
};

}  // namespace

std::unique_ptr<VoteStore> make_memory_store() { return std::make_unique<MemoryStore>(); }

}  // namespace prefero::serve
