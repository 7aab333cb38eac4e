#pragma once
// Where this build's files are: the source tree, the test data, the accord binary, the
// PostgreSQL test server's directory and Node. Only build_paths.cc is compiled with them, so
// no other file's compile command names this checkout and a second worktree reuses the
// compiler cache.
#include <string>

namespace accord::testing {

std::string SourceDir();
std::string AccordBinary();
std::string TestPgDir();
std::string TestNode();
std::string TestdataDirDefault();

}  // namespace accord::testing
