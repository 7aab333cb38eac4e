// The `accord` command line (CLI11): one binary, sub-commands, exit codes per CONTRACT.md.
#pragma once

namespace accord::cli {

// 0 success, 1 a check failed, 2 usage error, 3 runtime error.
int Main(int argc, char** argv);

}  // namespace accord::cli
