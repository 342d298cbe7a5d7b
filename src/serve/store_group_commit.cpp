// Group commit: one writer thread, batches of whatever queued while the last batch was syncing.
#include "serve/store_group_commit.hpp"

#include <algorithm>
#include <utility>

namespace prefero::serve {

GroupCommitter::GroupCommitter(WriteBatch write_batch, std::size_t max_batch)
    : write_batch_(std::move(write_batch)), max_batch_(std::max<std::size_t>(max_batch, 1)) {
  writer_ = std::thread([this] { run(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  queued_.notify_all();
  writer_.join();
}

AppendResult GroupCommitter::append(const StoredEvent& e) {
  PendingAppend p;
  p.event = &e;
  {
    std::lock_guard lock(mu_);
    queue_.push_back(&p);
  }
  queued_.notify_one();
  std::unique_lock lock(p.mu);
  p.cv.wait(lock, [&] { return p.done; });
  if (p.error) std::rethrow_exception(p.error);
  return p.result;
}

// Runs until the committer is destroyed and the queue is empty; each turn writes one batch.
void GroupCommitter::run() {
  std::vector<PendingAppend*> batch;
  std::unique_lock lock(mu_);
  for (;;) {
    queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping and nothing left
    std::size_t take = std::min(queue_.size(), max_batch_);
    batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
    lock.unlock();
    std::exception_ptr error;
    try {
      write_batch_(batch);
    } catch (...) {
      error = std::current_exception();
    }
    // Notify under the caller's lock: the caller cannot return (and free *p) before the unlock.
    for (PendingAppend* p : batch) {
      std::lock_guard done_lock(p->mu);
      if (error) p->error = error;
      p->done = true;
      p->cv.notify_one();
    }
    lock.lock();
  }
}

}  // namespace prefero::serve
