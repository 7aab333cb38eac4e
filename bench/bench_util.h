// Set-up helpers shared by the benchmarks: a failed set-up ends the run with its reason.
#pragma once

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

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

// A fresh directory under $TMPDIR, removed with its contents when destroyed.
class ScratchDir {
 public:
  explicit ScratchDir(const char* tag) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / (std::string("accord-bench-") + tag + "-XXXXXX"))
            .string();
    if (mkdtemp(pattern.data()) == nullptr) Die("mkdtemp " + pattern);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace accord::bench
