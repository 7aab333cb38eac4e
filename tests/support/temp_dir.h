// A fresh directory per test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>

namespace accord::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Path of the reference data the tests read (tests/testdata, or $ACCORD_TESTDATA).
std::filesystem::path TestdataDir();

}  // namespace accord::testing
