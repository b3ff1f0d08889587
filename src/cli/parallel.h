// The attache command's worker pool: documents are read on the calling
// thread (one stream), worked on by N threads, and their results handed back
// on the calling thread in input order, so the output of N workers is byte
// for byte that of one. At most `window` documents are in flight, so memory
// stays bounded whatever the size of the input. Public headers only.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "attache/attache.h"

namespace attache_cli {

// The number of cores (at least 1): the default of --jobs.
unsigned DefaultJobs();

// Parses a --jobs value: a whole number from 1 to 256.
bool ParseJobs(const std::string& s, unsigned* out);

// Runs `work` on every submitted item on `jobs` threads and `emit` on each
// result on the submitting thread, in submission order. With jobs <= 1 no
// thread is started: each item is worked and emitted inside Submit().
// `work` gets the index of the worker running it (0..jobs-1), so it can keep
// per-worker state without locks. `emit` may be slow (it is the one writer);
// the workers go on meanwhile, up to `window` items ahead.
template <typename In, typename Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&, unsigned worker)>;
  using Emit = std::function<void(Out&)>;

  OrderedPool(unsigned jobs, Work work, Emit emit, size_t window = 0)
      : work_(std::move(work)), emit_(std::move(emit)), window_(window ? window : 16 * size_t{jobs}) {
    if (jobs > 1) {
      for (unsigned i = 0; i < jobs; ++i) threads_.emplace_back([this, i] { WorkerLoop(i); });
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Without Finish() (an exception on the way out): the workers stop after
  // the item in hand, and what is still in flight is dropped unemitted.
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      abort_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

  // Hands `in` to the workers. Emits every result that is ready in order
  // first; blocks while `window` items are in flight.
  void Submit(In in) {
    if (threads_.empty()) {
      Out out = work_(in, 0);
      emit_(out);
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    // A full window: emit to make room, waiting for the oldest if need be.
    while (slots_.size() >= window_) {
      if (!EmitOne(lock)) done_cv_.wait(lock);
    }
    slots_.emplace_back();
    slots_.back().in.emplace(std::move(in));
    work_cv_.notify_one();
    // Then at most one result per document read: the writer keeps pace with
    // the reader, and the workers are handed the next document before a
    // run of ready results is written (a slow writer that emptied the whole
    // window at once left the workers idle meanwhile).
    EmitOne(lock);
  }

  // Waits for every item in flight and emits the rest; stops the workers.
  void Finish() {
    if (threads_.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (true) {
        EmitReady(lock);
        if (slots_.empty()) break;
        done_cv_.wait(lock);
      }
      abort_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
  }

 private:
  struct Slot {
    std::optional<In> in;
    std::optional<Out> out;
  };

  // Emits the front result if it is finished, without holding the lock
  // while `emit_` runs. Returns whether it did.
  bool EmitOne(std::unique_lock<std::mutex>& lock) {
    if (slots_.empty() || !slots_.front().out) return false;
    Out out = std::move(*slots_.front().out);
    slots_.pop_front();
    ++head_;
    lock.unlock();
    emit_(out);
    lock.lock();
    return true;
  }

  // Emits the finished results at the front, in order.
  void EmitReady(std::unique_lock<std::mutex>& lock) {
    while (EmitOne(lock)) {
    }
  }

  void WorkerLoop(unsigned index) {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_cv_.wait(lock, [&] { return abort_ || next_ < head_ + slots_.size(); });
      if (abort_) return;
      const uint64_t seq = next_++;
      In in = std::move(*slots_[seq - head_].in);
      slots_[seq - head_].in.reset();
      lock.unlock();
      Out out = work_(in, index);
      lock.lock();
      // The slot is still there: the front is only removed once finished.
      slots_[seq - head_].out.emplace(std::move(out));
      if (seq == head_) done_cv_.notify_one();
    }
  }

  Work work_;
  Emit emit_;
  const size_t window_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Slot> slots_;  // in flight, oldest first; slots_[i] is item head_ + i
  uint64_t head_ = 0;       // sequence number of slots_.front()
  uint64_t next_ = 0;       // next sequence number a worker takes
  bool abort_ = false;
};

// What the reader hands the pool: a document, or the error that stood in
// its place (kept in the stream so messages come in input order too).
struct ReadItem {
  attache::RawDocument doc;
  bool read_failed = false;
  attache::Status read_error;  // when read_failed; doc.source names the document
};

// Reads every path (one stream) and submits each document or read error
// in order. `stop` is asked before each document: once it says true,
// documents are no longer handed on and no further path is opened (the
// path being read is read to its end: ReadPath cannot stop midway; read
// errors are still handed on). Returns false when no path could be opened.
bool ReadAll(const std::vector<std::string>& paths, const attache::InputLimits& limits,
             const std::function<void(ReadItem&&)>& submit, const std::function<bool()>& stop = {});

}  // namespace attache_cli
