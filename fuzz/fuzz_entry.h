// The entry point every fuzz target defines. libFuzzer calls LLVMFuzzerTestOneInput; the
// corpus replay test (tests/fuzz/corpus_replay_test.cc) links every target into one binary,
// so there each file is compiled with ACCORD_FUZZ_ENTRY set to a name of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#ifndef ACCORD_FUZZ_ENTRY
#define ACCORD_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

// A property the target checks failed: abort, which libFuzzer reports as a crash and the
// replay test as a failed test.
#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) {       \
      std::abort();      \
    }                    \
  } while (0)
