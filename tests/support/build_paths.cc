#include "support/build_paths.h"

namespace accord::testing {

std::string SourceDir() { return ACCORD_SOURCE_DIR; }
std::string AccordBinary() { return ACCORD_BINARY; }
std::string TestPgDir() { return ACCORD_TEST_PG_DIR; }
std::string TestNode() { return ACCORD_TEST_NODE; }
std::string TestdataDirDefault() { return ACCORD_TESTDATA_DIR; }

}  // namespace accord::testing
