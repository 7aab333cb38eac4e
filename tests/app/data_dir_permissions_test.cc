// Issue 21 item 2: every file Accord makes in the data directory is 0600 whatever the umask
// (the database holds password hashes and TOTP secrets), and a data directory other users
// may enter is refused at start, naming the chmod that fixes it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "accord/app/runtime.h"
#include "accord/policy/profile.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace fs = std::filesystem;

const TimePoint kStart{std::chrono::milliseconds(1795000000000)};

unsigned ModeOf(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0xFFFF;
  return static_cast<unsigned>(st.st_mode & 07777);
}

// Sets the process umask for one test and puts the old one back.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }

 private:
  mode_t old_;
};

// Opens the runtime on `dir` and writes to it; while it stays open the WAL and its index
// exist (SQLite removes them when the last connection closes).
Result<std::unique_ptr<app::Runtime>> OpenAndWrite(const fs::path& dir, const Clock& clock) {
  auto rt = app::Runtime::Open(app::StoreConfig{.data_dir = dir}, clock);
  if (!rt.ok()) return std::move(rt).error();
  auto profile = policy::LoadProfile("luma");
  if (!profile.ok()) return std::move(profile).error();
  auto org = (*rt)->EnsureOrg(*profile, "", "Permissions Org");
  if (!org.ok()) return std::move(org).error();
  ACCORD_TRY((*rt)->LoadSigner(org->origin));
  return rt;
}

TEST(DataDirTest, EveryFileInAnExistingDataDirIsPrivateWhateverTheUmask) {
  Umask lax(0);  // the worst case: nothing masked
  TempDir dir;   // exists already (0700), as an operator's prepared directory would
  FakeClock clock{kStart};
  auto rt = OpenAndWrite(dir.path(), clock);
  ASSERT_TRUE(rt.ok()) << rt.error().message;
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    ++seen;
    EXPECT_EQ(ModeOf(entry.path()), 0600u) << entry.path() << " must be readable by its owner only";
  }
  EXPECT_EQ(seen, 4u) << "accord.db, its WAL files and ledger.key";
  EXPECT_EQ(ModeOf(dir.path() / "accord.db"), 0600u);
  EXPECT_EQ(ModeOf(dir.path() / "accord.db-wal"), 0600u);
  EXPECT_EQ(ModeOf(dir.path() / "accord.db-shm"), 0600u);
}

TEST(DataDirTest, FilesLeftReadableByAnOlderVersionAreMadePrivateAtOpen) {
  TempDir dir;
  FakeClock clock{kStart};
  Umask lax(0);
  auto first = OpenAndWrite(dir.path(), clock);
  ASSERT_TRUE(first.ok()) << first.error().message;
  // As an older version left them, while a server has them open.
  for (const char* name : {"accord.db", "accord.db-wal", "accord.db-shm"}) {
    fs::permissions(dir.path() / name, fs::perms(0644));
  }
  auto second = OpenAndWrite(dir.path(), clock);
  ASSERT_TRUE(second.ok()) << second.error().message;
  for (const char* name : {"accord.db", "accord.db-wal", "accord.db-shm"}) {
    if (fs::exists(dir.path() / name)) {
      EXPECT_EQ(ModeOf(dir.path() / name), 0600u) << name;
    }
  }
}

TEST(DataDirTest, ADataDirOthersMayEnterIsRefusedWithTheChmodToRun) {
  TempDir dir;
  FakeClock clock{kStart};
  for (unsigned mode : {0755u, 0750u, 0711u, 0777u}) {
    fs::permissions(dir.path(), fs::perms(mode));
    auto rt = app::Runtime::Open(app::StoreConfig{.data_dir = dir.path()}, clock);
    ASSERT_FALSE(rt.ok()) << std::oct << mode;
    EXPECT_NE(rt.error().message.find("chmod 700 " + dir.str()), std::string::npos)
        << rt.error().message;
    EXPECT_FALSE(fs::exists(dir.path() / "accord.db")) << "nothing is written into it";
  }
  fs::permissions(dir.path(), fs::perms(0700));
  EXPECT_TRUE(app::Runtime::Open(app::StoreConfig{.data_dir = dir.path()}, clock).ok());
}

TEST(DataDirTest, ANewDataDirIsCreatedPrivate) {
  Umask lax(0);
  TempDir parent;
  FakeClock clock{kStart};
  ASSERT_TRUE(OpenAndWrite(parent.path() / "new" / "data", clock).ok());
  EXPECT_EQ(ModeOf(parent.path() / "new" / "data"), 0700u);
  EXPECT_EQ(ModeOf(parent.path() / "new" / "data" / "accord.db"), 0600u);
}

TEST(DataDirTest, ABackupIsPrivateEvenOverAReadableLeftover) {
  Umask lax(0);
  TempDir dir;
  FakeClock clock{kStart};
  ASSERT_TRUE(OpenAndWrite(dir.path(), clock).ok());
  TempDir out;
  const fs::path backup = out.path() / "x.backup";
  // A leftover from an interrupted run, readable by everyone: the backup must not inherit it.
  std::ofstream(backup.string() + ".partial") << "stale";
  fs::permissions(backup.string() + ".partial", fs::perms(0666));
  auto r = RunAccord({"backup", "--data-dir", dir.str(), "--out", backup.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(ModeOf(backup), 0600u);
}

}  // namespace
}  // namespace accord::testing
