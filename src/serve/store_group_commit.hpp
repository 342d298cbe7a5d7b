#pragma once
// Group commit for the durable vote stores: appends from many threads wait in one queue; one
// writer thread takes everything queued, writes it in one transaction (one sync to disk for the
// whole batch) and then wakes the callers of that batch. A caller returns only after its batch
// committed, so "append returned" still means "durable", while the cost of a sync is shared by
// every append that arrived during the previous one.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "serve/vote_store.hpp"

namespace prefero::serve {

// One append waiting for its batch, owned by the queue: the event, the result the batch writer
// fills in, and what to call once the batch committed or failed. A blocking append is an
// asynchronous one whose callback fulfils the promise its caller waits on, so the caller is
// woken alone (no herd of waiting threads on one mutex after each commit).
struct PendingAppend {
  StoredEvent event;
  AppendResult result;
  AppendDone on_done;
};

class GroupCommitter {
 public:
  // Writes one batch inside one transaction: fills result of every entry (duplicates included,
  // also a key repeated inside the batch) and throws when the transaction did not commit.
  using WriteBatch = std::function<void(std::vector<PendingAppend*>& batch)>;

  // max_batch bounds one transaction (the rest waits for the next one).
  GroupCommitter(WriteBatch write_batch, std::size_t max_batch = 4096);
  ~GroupCommitter();  // writes what is queued, then stops the writer thread
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Blocks until the event's batch committed; rethrows the batch's error. Not from an AppendDone
  // callback: it would wait for the completer thread it runs on.
  AppendResult append(const StoredEvent& e);
  // Queues the event and returns at once; `done` runs after its batch committed (or failed),
  // with the event's seq set, on the completer thread: in commit order, while the writer already
  // writes the next batch.
  void append_async(StoredEvent e, AppendDone done);

 private:
  void run();
  void complete();
  void enqueue(PendingAppend* p);
  void hand_over(std::vector<PendingAppend*> answers, std::exception_ptr error);

  WriteBatch write_batch_;
  std::size_t max_batch_;
  std::mutex mu_;
  std::condition_variable queued_;     // the writer waits for work
  std::vector<PendingAppend*> queue_;
  bool stopping_ = false;
  // Committed (or failed) batches, oldest first, for the completer thread.
  struct Committed {
    std::vector<PendingAppend*> appends;
    std::exception_ptr error;
  };
  std::mutex done_mu_;
  std::condition_variable committed_;
  std::deque<Committed> committed_queue_;
  bool writer_stopped_ = false;
  std::thread writer_, completer_;
};

}  // namespace prefero::serve
