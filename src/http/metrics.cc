#include "accord/http/metrics.h"

#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

namespace accord::http {

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::lock_guard lock(mu_);
  Series& s = series_[{route, method, status}];
  ++s.count;
  s.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> sample) {
  std::lock_guard lock(mu_);
  gauges_[std::move(name)] = Gauge{std::move(help), std::move(sample)};
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP accord_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE accord_http_requests_total counter\n";
  for (const auto& [key, s] : series_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("accord_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    route, method, status, s.count);
  }
  out += "# HELP accord_http_request_duration_seconds HTTP request latency.\n";
  out += "# TYPE accord_http_request_duration_seconds histogram\n";
  // Aggregate status codes away: latency by route and method.
  std::map<std::pair<std::string, std::string>, Series> by_route;
  for (const auto& [key, s] : series_) {
    Series& agg = by_route[{std::get<0>(key), std::get<1>(key)}];
    agg.count += s.count;
    agg.sum += s.sum;
    for (size_t i = 0; i < kBuckets.size(); ++i) agg.buckets[i] += s.buckets[i];
  }
  for (const auto& [key, s] : by_route) {
    const auto& [route, method] = key;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format(
          "accord_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"{}\"}} "
          "{}\n",
          route, method, kBuckets[i], s.buckets[i]);
    }
    out += fmt::format(
        "accord_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"+Inf\"}} "
        "{}\n",
        route, method, s.count);
    out +=
        fmt::format("accord_http_request_duration_seconds_sum{{route=\"{}\",method=\"{}\"}} {}\n",
                    route, method, s.sum);
    out +=
        fmt::format("accord_http_request_duration_seconds_count{{route=\"{}\",method=\"{}\"}} {}\n",
                    route, method, s.count);
  }
  for (const auto& [name, g] : gauges_) {
    out +=
        fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, g.help, name, name, g.sample());
  }
  return out;
}

double ResidentMemoryBytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

}  // namespace accord::http
