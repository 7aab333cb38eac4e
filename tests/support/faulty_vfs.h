// An SQLite VFS that wraps the default one and fails on demand, for fault tests: fsync
// (xSync) failing, or every write failing as it does once a filesystem turns read-only
// under a running server (EROFS reaches SQLite as SQLITE_IOERR_WRITE).
#pragma once

namespace accord::testing {

enum class VfsFault { kNone, kSync, kWrite };

// Registers the wrapper as SQLite's default VFS while it lives, so every connection the
// store opens goes through it; the previous default comes back on destruction.
class FaultyVfs {
 public:
  FaultyVfs();
  ~FaultyVfs();
  FaultyVfs(const FaultyVfs&) = delete;
  FaultyVfs& operator=(const FaultyVfs&) = delete;

  void Inject(VfsFault fault);
  // How many calls have failed since the last Inject.
  int failures() const;
};

}  // namespace accord::testing
