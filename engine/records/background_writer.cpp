#include "records/background_writer.hpp"

#include <utility>

namespace sightline::records {

BackgroundWriter::BackgroundWriter(std::ostream& out) : out_(out), thread_([this] { run(); }) {}

BackgroundWriter::~BackgroundWriter() {
    stop();
}

void BackgroundWriter::submit(std::string& buffer) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !has_pending_ || error_; });
    if (error_) {
        std::rethrow_exception(error_);
    }
    pending_.swap(buffer);
    has_pending_ = true;
    buffer.swap(spare_);
    buffer.clear();
    changed_.notify_all();
}

void BackgroundWriter::finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return (!has_pending_ && !writing_) || error_; });
    if (error_) {
        std::rethrow_exception(error_);
    }
}

void BackgroundWriter::stop() noexcept {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void BackgroundWriter::run() {
    std::string buffer;
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return has_pending_ || closing_; });
        if (!has_pending_) {
            return; // closing, and everything submitted is written
        }
        buffer.swap(pending_);
        has_pending_ = false;
        writing_ = true;
        changed_.notify_all(); // the producer may submit the next buffer
        lock.unlock();
        std::exception_ptr error;
        try {
            out_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        } catch (...) { // only when the caller enabled the stream's exceptions
            error = std::current_exception();
        }
        buffer.clear();
        lock.lock();
        writing_ = false;
        if (error) {
            error_ = error;
        }
        if (spare_.capacity() < buffer.capacity()) {
            spare_.swap(buffer);
        }
        changed_.notify_all();
        if (error_) {
            return;
        }
    }
}

} // namespace sightline::records
