// Group commit: one writer thread, batches of whatever queued while the last batch was syncing.
#include "serve/store_group_commit.hpp"

#include <algorithm>
#include <future>
#include <memory>
#include <utility>

#include "serve/thread_name.hpp"

namespace prefero::serve {

GroupCommitter::GroupCommitter(WriteBatch write_batch, std::size_t max_batch)
    : write_batch_(std::move(write_batch)), max_batch_(std::max<std::size_t>(max_batch, 1)) {
  writer_ = std::thread([this] {
    name_this_thread("store-commit");
    run();
  });
  completer_ = std::thread([this] {
    name_this_thread("store-answer");
    complete();
  });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  queued_.notify_all();
  writer_.join();
  {
    std::lock_guard lock(done_mu_);
    writer_stopped_ = true;
  }
  committed_.notify_one();
  completer_.join();
}

void GroupCommitter::enqueue(PendingAppend* p) {
  bool was_empty = false;
  {
    std::lock_guard lock(mu_);
    was_empty = queue_.empty();
    queue_.push_back(p);
  }
  // The writer only sleeps on an empty queue: waking it for every append would cost a futex
  // call each (expensive on a VM) while it is busy writing the previous batch anyway.
  if (was_empty) queued_.notify_one();
}

AppendResult GroupCommitter::append(const StoredEvent& e) {
  std::promise<AppendResult> committed;
  std::future<AppendResult> result = committed.get_future();
  append_async(e, [&committed](const StoredEvent&, const AppendResult& r, std::exception_ptr error) {
    if (error) committed.set_exception(error);
    else committed.set_value(r);
  });
  return result.get();  // rethrows the batch's error
}

void GroupCommitter::append_async(StoredEvent e, AppendDone done) {
  enqueue(new PendingAppend{std::move(e), {}, std::move(done)});
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
    hand_over(std::move(batch), error);
    lock.lock();
  }
}

void GroupCommitter::hand_over(std::vector<PendingAppend*> answers, std::exception_ptr error) {
  bool was_empty = false;
  {
    std::lock_guard lock(done_mu_);
    was_empty = committed_queue_.empty();
    committed_queue_.push_back({std::move(answers), error});
  }
  if (was_empty) committed_.notify_one();  // else the completer is busy and will look again
}

// Calls on_done of every append, batch after batch, until the writer stopped and nothing is
// left.
void GroupCommitter::complete() {
  std::unique_lock lock(done_mu_);
  for (;;) {
    committed_.wait(lock, [&] { return writer_stopped_ || !committed_queue_.empty(); });
    if (committed_queue_.empty()) return;
    Committed c = std::move(committed_queue_.front());
    committed_queue_.pop_front();
    lock.unlock();
    for (PendingAppend* p : c.appends) {
      std::unique_ptr<PendingAppend> own(p);
      if (!c.error) p->event.seq = p->result.seq;
      try {
        p->on_done(p->event, p->result, c.error);
      } catch (...) {
        // AppendDone must not throw; one that does must not stop the answers for everyone.
      }
    }
    lock.lock();
  }
}

}  // namespace prefero::serve
