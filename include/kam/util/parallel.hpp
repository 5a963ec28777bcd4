#pragma once
// f(0) .. f(n - 1) on up to `jobs` threads (the calling one among them), each
// taking the next index, so results written to slot i do not depend on
// scheduling. The first exception stops the others taking more work and is
// rethrown once all have finished.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kam {

template <typename F>
void parallel_for(size_t n, unsigned jobs, F f) {
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (size_t i = next++; i < n; i = next++) f(i);
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = n;
        }
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(n)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace kam
