// `accord backup` and `accord restore`: a consistent, backend-neutral copy of the store.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <utility>

#include "accord/app/message_keys.h"
#include "accord/app/runtime.h"
#include "accord/cli/progress.h"
#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "accord/storage/backup.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

// Which Secure Message key file seals (or opens) a backup's secrets, found as `serve` finds
// it: --message-key-file, else --config's [secure_messages] master_key_file, else
// DATA_DIR/message.keys. `named`: the operator named it (a missing file is then an error).
struct KeyFileChoice {
  std::string flag;    // --message-key-file
  std::string config;  // --config
};
Result<std::pair<std::filesystem::path, bool>> KeyFileOf(const Globals& g,
                                                         const KeyFileChoice& choice) {
  if (!choice.flag.empty()) return std::make_pair(std::filesystem::path(choice.flag), true);
  std::filesystem::path from_config;
  if (!choice.config.empty()) ACCORD_TRY(app::ReadMessageKeyConfig(choice.config, from_config));
  if (!from_config.empty()) return std::make_pair(from_config, true);
  return std::make_pair(g.store.data_dir / "message.keys", false);
}

int RunBackup(const Globals& g, const std::string& out_path, const KeyFileChoice& choice) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "backup");
  // The backup's secrets are sealed under this file's current key. The default file is made
  // here if no server has made it yet, as `serve` would at its first start; a file the
  // operator named must exist.
  auto chosen = KeyFileOf(g, choice);
  if (!chosen.ok()) return Report(chosen.error(), "backup");
  const std::filesystem::path key_file = chosen->first;
  auto keys = app::LoadMessageKeys(key_file, !chosen->second);
  if (!keys.ok()) return Report(keys.error(), "backup");
  // Written beside the target (mode 0600 from the start: it holds token hashes), synced,
  // then renamed and the directory synced, so a crash never leaves a torn backup in place.
  const std::string tmp = out_path + ".partial";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return Report(Internal("cannot write " + tmp + ": " + std::strerror(errno)), "backup");
  // A leftover .partial keeps its mode through O_TRUNC: make it private whatever it was.
  const int chmod_error = ::fchmod(fd, 0600) == 0 ? 0 : errno;
  ::close(fd);
  if (chmod_error != 0) {
    return Report(Internal("cannot make " + tmp + " private: " + std::strerror(chmod_error)),
                  "backup");
  }
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  auto progress = TerminalProgress::ForCommand("backup", g.json);
  auto report = storage::WriteBackup((*rt)->store(), out, FormatRfc3339(clock.Now()), *keys,
                                     progress.callback());
  progress.Finish();
  out.close();
  auto sync = [](const std::string& path) {
    int f = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    bool ok = f >= 0 && ::fsync(f) == 0;
    if (f >= 0) ::close(f);
    return ok;
  };
  if (!report.ok() || !out || !sync(tmp)) {
    std::filesystem::remove(tmp);
    return Report(report.ok() ? Internal("writing " + tmp + " failed") : report.error(), "backup");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) return Report(Internal("rename " + tmp + ": " + ec.message()), "backup");
  auto dir = std::filesystem::absolute(out_path).parent_path().string();
  if (!sync(dir)) return Report(Internal("cannot sync directory " + dir), "backup");
  if (g.json) {
    PrintJson(json::object{{"out", out_path},
                           {"leaves", report->leaves},
                           {"checkpoints", report->checkpoints},
                           {"rows", report->rows},
                           {"root_hash", Base64Encode(report->root)},
                           {"secrets_key", keys->current().id},
                           {"key_file", key_file.string()}});
  } else {
    std::printf("backup written to %s: %llu ledger entries, %llu checkpoints, root %s\n",
                out_path.c_str(), static_cast<unsigned long long>(report->leaves),
                static_cast<unsigned long long>(report->checkpoints),
                Base64Encode(report->root).c_str());
    std::printf(
        "its secrets are sealed with master key %s of %s, which is not in the backup: keep a "
        "copy of that file to restore them\n",
        keys->current().id.c_str(), key_file.string().c_str());
  }
  return kExitOk;
}

int RunRestore(const Globals& g, const std::string& in_path, const KeyFileChoice& choice) {
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return Report(ValidationError("in", "cannot read " + in_path), "restore");
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "restore");
  // Needed only for a backup with sealed secrets; never created here (a new key opens nothing).
  // A file the operator named must exist; the default one may be missing (an older backup).
  std::optional<messaging::MasterKeyRing> keys;
  auto chosen = KeyFileOf(g, choice);
  if (!chosen.ok()) return Report(chosen.error(), "restore");
  if (chosen->second || std::filesystem::exists(chosen->first)) {
    auto loaded = app::LoadMessageKeys(chosen->first, false);
    if (!loaded.ok()) return Report(loaded.error(), "restore");
    keys = std::move(loaded.value());
  }
  auto progress = TerminalProgress::ForCommand("restore", g.json);
  auto report = storage::RestoreBackup((*rt)->store(), (*rt)->log().projections(), in,
                                       keys ? &*keys : nullptr, progress.callback());
  progress.Finish();
  if (!report.ok()) return Report(report.error(), "restore");
  // RestoreBackup verified the whole ledger before it committed. A data directory whose
  // server signed a later checkpoint than the backup holds refuses to serve it: say so now.
  std::string refused;
  if (auto org = (*rt)->ReadOrg(); org.ok() && org->has_value()) {
    Status s = (*rt)->CheckCheckpointFile((*org)->origin);
    if (!s.ok()) refused = s.error().message;
  }
  if (g.json) {
    PrintJson(json::object{{"leaves", report->leaves},
                           {"checkpoints", report->checkpoints},
                           {"rows", report->rows},
                           {"root_hash", Base64Encode(report->root)}});
  } else {
    std::printf("restored %llu ledger entries; verified root %s and %llu checkpoints\n",
                static_cast<unsigned long long>(report->leaves), Base64Encode(report->root).c_str(),
                static_cast<unsigned long long>(report->checkpoints));
  }
  if (!refused.empty()) {
    std::fprintf(stderr,
                 "accord restore: the restore is complete, but this data directory's server "
                 "will refuse to start on it: %s\n",
                 refused.c_str());
    return kExitCheckFailed;
  }
  return kExitOk;
}

// --message-key-file and --config, for the key file that seals (or opens) the secrets.
std::shared_ptr<KeyFileChoice> AddKeyFileOptions(CLI::App* cmd, const char* what) {
  auto choice = std::make_shared<KeyFileChoice>();
  cmd->add_option("--message-key-file", choice->flag,
                  std::string("Secure Message key file ") + what +
                      " (default: --config's [secure_messages], else DATA_DIR/message.keys)");
  cmd->add_option("--config", choice->config,
                  "the server's config file, for [secure_messages] master_key_file");
  return choice;
}

}  // namespace

void AddBackupCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto backup_out = std::make_shared<std::string>();
  auto* backup = cli.add_subcommand("backup", "write a consistent, backend-neutral backup");
  AddStoreOptions(backup, g);
  backup->add_option("--out", *backup_out, "backup file")->required();
  auto backup_keys = AddKeyFileOptions(backup, "whose current key seals the backup's secrets");
  backup->callback([&g, &exit_code, backup_out, backup_keys] {
    exit_code = RunBackup(g, *backup_out, *backup_keys);
  });
  auto restore_in = std::make_shared<std::string>();
  auto* restore = cli.add_subcommand("restore", "restore a backup into an empty store");
  AddStoreOptions(restore, g);
  restore->add_option("--in", *restore_in, "backup file")->required();
  auto restore_keys =
      AddKeyFileOptions(restore, "holding the key that sealed the backup's secrets");
  restore->callback([&g, &exit_code, restore_in, restore_keys] {
    exit_code = RunRestore(g, *restore_in, *restore_keys);
  });
}

}  // namespace accord::cli
