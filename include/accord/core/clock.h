// The one injected clock: production uses SystemClock, tests a FakeClock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace accord {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
// For intervals (cache lifetimes, timeouts): never goes back when the wall clock is set.
using MonoTime = std::chrono::steady_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  virtual MonoTime Monotonic() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
  MonoTime Monotonic() const override { return std::chrono::steady_clock::now(); }
};

// Time moves only when a test says so: Advance moves both clocks; Set moves the wall clock
// and the monotonic one only forward.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : ms_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  MonoTime Monotonic() const override { return MonoTime(std::chrono::milliseconds(mono_.load())); }
  void Advance(std::chrono::milliseconds d) {
    ms_ += d.count();
    mono_ += d.count();
  }
  void Set(TimePoint t) {
    int64_t next = t.time_since_epoch().count();
    int64_t step = next - ms_.exchange(next);
    if (step > 0) mono_ += step;
  }

 private:
  std::atomic<int64_t> ms_;
  std::atomic<int64_t> mono_{1'000'000};
};

}  // namespace accord
