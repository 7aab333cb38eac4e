#include "support/build_paths.h"

#include <cstdlib>

namespace accord::testing {

std::string SourceDir() { return ACCORD_SOURCE_DIR; }
// `make soak` drives the release server from the sanitizer-built tests.
std::string AccordBinary() {
  const char* other = std::getenv("ACCORD_TEST_BINARY");
  return other && *other ? other : ACCORD_BINARY;
}
std::string TestPgDir() { return ACCORD_TEST_PG_DIR; }
std::string TestNode() { return ACCORD_TEST_NODE; }
std::string TestdataDirDefault() { return ACCORD_TESTDATA_DIR; }

}  // namespace accord::testing
