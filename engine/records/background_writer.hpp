// Writes large buffers to a stream on a thread of its own, so that preparing
// the next buffer overlaps the kernel's copying of the last one. An export of
// a million xAPI statements is about 2 GB, and write(2) takes nearly as long
// as the formatting; on two cores the two now run side by side.
#pragma once

#include <condition_variable>
#include <exception>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace sightline::records {

class BackgroundWriter {
  public:
    explicit BackgroundWriter(std::ostream& out);
    // Waits for the pending write; errors are only reported by finish().
    ~BackgroundWriter();
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;

    // Queues `buffer`'s contents and hands back an empty buffer (with the
    // capacity of one already written). Blocks while another buffer waits, so
    // at most three exist: one being written, one waiting, the caller's.
    // Rethrows what a failed write threw.
    void submit(std::string& buffer);
    // Waits until everything submitted is written. Rethrows a write's exception.
    void finish();

  private:
    void run();
    void stop() noexcept;

    std::ostream& out_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::string pending_; // submitted, not yet taken by the thread
    bool has_pending_ = false;
    bool writing_ = false; // the thread holds a buffer
    bool closing_ = false;
    std::string spare_; // written; its capacity is reused
    std::exception_ptr error_;
    std::thread thread_; // last: starts once the rest exists
};

} // namespace sightline::records
