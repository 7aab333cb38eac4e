#include <sys/stat.h>

#include "accord/cli/cli.h"

int main(int argc, char** argv) {
  // Everything accord writes (database, WAL, keys, backups) is its owner's alone, even a file
  // a future change forgets to make private.
  ::umask(077);
  return accord::cli::Main(argc, argv);
}
