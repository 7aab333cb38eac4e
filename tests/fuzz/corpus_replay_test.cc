// Replays every fuzz corpus file (fuzz/corpus/<target>/) through its libFuzzer target, built by
// the normal sanitizer build: a crash found by `make fuzz` and kept as a crash-* input stays
// fixed without a second compiler in CI. The targets are compiled into this binary with
// ACCORD_FUZZ_ENTRY renamed (CMakeLists.txt).
#include <gtest/gtest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#define ACCORD_FUZZ_TARGET(name) extern "C" int AccordFuzz_##name(const uint8_t*, size_t);
ACCORD_FUZZ_TARGET(checkpoint_note)
ACCORD_FUZZ_TARGET(csv_import)
ACCORD_FUZZ_TARGET(form_body)
ACCORD_FUZZ_TARGET(json_command)
ACCORD_FUZZ_TARGET(proof)
ACCORD_FUZZ_TARGET(rrule)
ACCORD_FUZZ_TARGET(toml_profile)
ACCORD_FUZZ_TARGET(upload_type)
#undef ACCORD_FUZZ_TARGET

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const uint8_t*, size_t);

const std::map<std::string, Entry>& Targets() {
  static const std::map<std::string, Entry> kTargets = {
      {"checkpoint_note", AccordFuzz_checkpoint_note},
      {"csv_import", AccordFuzz_csv_import},
      {"form_body", AccordFuzz_form_body},
      {"json_command", AccordFuzz_json_command},
      {"proof", AccordFuzz_proof},
      {"rrule", AccordFuzz_rrule},
      {"toml_profile", AccordFuzz_toml_profile},
      {"upload_type", AccordFuzz_upload_type},
  };
  return kTargets;
}

const fs::path kCorpus = fs::path(accord::testing::SourceDir()) / "fuzz" / "corpus";

std::vector<uint8_t> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FuzzCorpusTest, EveryTargetHasACorpusAndEveryCorpusATarget) {
  std::vector<std::string> dirs;
  for (const auto& e : fs::directory_iterator(kCorpus)) {
    if (e.is_directory()) dirs.push_back(e.path().filename().string());
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<std::string> names;
  for (const auto& [name, entry] : Targets()) names.push_back(name);
  EXPECT_EQ(dirs, names);
  for (const auto& e : fs::directory_iterator(fs::path(accord::testing::SourceDir()) / "fuzz")) {
    std::string file = e.path().filename().string();
    if (!file.ends_with("_fuzz.cc")) continue;
    EXPECT_TRUE(Targets().contains(file.substr(0, file.size() - 8))) << file << " is not replayed";
  }
}

// A crash aborts the test binary, with the sanitizer's report; the file replayed last is
// printed first so that it can be found.
TEST(FuzzCorpusTest, EveryCorpusFileRunsClean) {
  size_t files = 0;
  for (const auto& [name, entry] : Targets()) {
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(kCorpus / name)) {
      if (e.is_regular_file()) inputs.push_back(e.path());
    }
    std::sort(inputs.begin(), inputs.end());
    EXPECT_FALSE(inputs.empty()) << name;
    for (const auto& path : inputs) {
      SCOPED_TRACE(path.string());
      std::fprintf(stderr, "fuzz replay: %s\n", path.lexically_relative(kCorpus).c_str());
      std::vector<uint8_t> data = ReadFile(path);
      EXPECT_EQ(entry(data.data(), data.size()), 0);
      ++files;
    }
  }
  std::fprintf(stderr, "fuzz replay: %zu files\n", files);
}

}  // namespace
