// Prometheus metrics: request counts and latency histograms by route, plus gauges.
#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace accord::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  // Gauges are sampled at scrape time.
  void AddGauge(std::string name, std::string help, std::function<double()> sample);
  std::string Render() const;

 private:
  struct Series {
    uint64_t count = 0;
    double sum = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};
  };
  struct Gauge {
    std::string help;
    std::function<double()> sample;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, Series> series_;
  std::map<std::string, Gauge> gauges_;
};

// Resident set size of this process in bytes (from /proc/self/statm).
double ResidentMemoryBytes();

}  // namespace accord::http
