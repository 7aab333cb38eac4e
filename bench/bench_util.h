// Set-up helpers shared by the benchmarks: a failed set-up ends the run with its reason.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "accord/core/result.h"

namespace accord::bench {

[[noreturn]] inline void Die(const std::string& what) {
  std::fprintf(stderr, "accord_bench: %s\n", what.c_str());
  std::exit(1);
}

template <class T>
T Check(Result<T> r, const char* what) {
  if (!r.ok()) Die(std::string(what) + ": " + r.error().message);
  return std::move(r.value());
}

inline void Check(Status s, const char* what) {
  if (!s.ok()) Die(std::string(what) + ": " + s.error().message);
}

}  // namespace accord::bench
