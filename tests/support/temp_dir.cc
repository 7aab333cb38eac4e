#include "support/temp_dir.h"
#include "support/build_paths.h"

#include <stdlib.h>

#include <cstdlib>

#include <system_error>

namespace accord::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "accord-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TestdataDir() {
  // The project's own copy (tests/testdata, with each source's licence); ACCORD_TESTDATA
  // points elsewhere, e.g. at a newer set of vectors being tried out.
  if (const char* dir = std::getenv("ACCORD_TESTDATA"); dir && *dir) return dir;
  return TestdataDirDefault();
}

}  // namespace accord::testing
