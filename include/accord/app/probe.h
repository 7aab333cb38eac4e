// Outgoing checks of the status feature (issue 27), each bounded in time and size: probes
// (HTTP(S) with expected status, body match and certificate expiry; TCP connect), run many at
// once on one thread with libcurl's multi interface, and the bounded fetch that reads vendors'
// status feeds. Loopback and private addresses are refused at connect time (so a name that
// resolves to one is refused too) unless `allow_private`.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/status.h"

namespace accord::app {

struct ProbeLimits {
  bool allow_private = false;
  size_t max_body = 64 * 1024;  // bytes of a body read for the body match; the rest is dropped
  int max_parallel = 64;        // transfers at once
  std::string ca_file;          // trust these CAs instead of the system's (tests)
};

struct ProbeRequest {
  std::string component_id;
  storage::ProbeSpec spec;
};

// Runs every probe (at most max_parallel at once) and returns one outcome each, in order.
// Certificate expiry is judged against `now`. Never longer than the longest timeout + 1 s.
std::vector<storage::ProbeOutcome> RunProbes(const std::vector<ProbeRequest>& probes,
                                             const ProbeLimits& limits, TimePoint now);

struct FetchLimits {
  std::chrono::milliseconds timeout{10000};
  size_t max_bytes = 1 << 20;
  int max_redirects = 3;
  bool allow_private = false;
  std::string ca_file;
};
struct Fetched {
  long status = 0;
  std::string content_type;
  std::string body;
};
// A GET of `url` (http or https) within the limits. kUnavailable names what went wrong: no
// answer in time, a body over the limit, too many redirects, a TLS or connection failure, a
// refused private address.
Result<Fetched> FetchBounded(const std::string& url, const FetchLimits& limits);

}  // namespace accord::app
