// The master key file of Secure Message (message_keys.h).
#include "accord/app/message_keys.h"

#include <spdlog/spdlog.h>

#include "accord/app/private_file.h"
#include "accord/storage/secure_messages.h"
#include "toml_file.h"

namespace accord::app {

namespace {

constexpr const char* kHeader =
    "# Accord Secure Message master keys: \"<id> <base64 of 32 bytes>\" per line. The last line\n"
    "# wraps new messages' keys; keep older lines until the server has rewrapped "
    "(docs/operations.md).\n";

}  // namespace

Result<messaging::MasterKeyRing> LoadMessageKeys(const std::filesystem::path& file, bool create) {
  auto text = ReadPrivateFile(file, "master_key_file");
  if (!text.ok()) return std::move(text).error();
  if (!text->has_value()) {
    if (!create) {
      return ValidationError("master_key_file", "no Secure Message key file at " + file.string());
    }
    std::string content = std::string(kHeader) + messaging::MasterKeyRing::NewKeyLine();
    ACCORD_TRY(WritePrivateFile(file, content));
    spdlog::info(
        "secure messages: created the master key file {} (back it up apart from the "
        "database)",
        file.string());
    *text = content;
  }
  return messaging::MasterKeyRing::Parse(**text, "master_key_file");
}

Status ReadMessageKeyConfig(const std::filesystem::path& config, std::filesystem::path& out) {
  auto table = ParseTomlFile(config);
  if (!table.ok()) return std::move(table).error();
  const toml::table* t = (*table)["secure_messages"].as_table();
  if (!t) return Ok();
  for (const auto& [key, node] : *t) {
    int line = static_cast<int>(node.source().begin.line);
    if (key.str() != "master_key_file") {
      return Error{ErrorCode::kValidationFailed,
                   "secure_messages." + std::string(key.str()) + ": unknown key (master_key_file)",
                   {{"secure_messages." + std::string(key.str()), "unknown key", line}}};
    }
    auto path = node.value<std::string>();
    if (!path || path->empty()) {
      return Error{ErrorCode::kValidationFailed,
                   "secure_messages.master_key_file: must be a path",
                   {{"secure_messages.master_key_file", "must be a path", line}}};
    }
    out = *path;
  }
  return Ok();
}

Status RewrapMessageKeys(storage::Store& store, const messaging::MasterKeyRing& keys) {
  storage::RewrapCount n;
  ACCORD_TRY(store.Write([&](storage::Tx& tx) -> Status {
    auto r = storage::RewrapSecureMessageKeys(tx, keys);
    if (!r.ok()) return std::move(r).error();
    n = *r;
    return Ok();
  }));
  if (n.rewrapped > 0) {
    spdlog::info("secure messages: rewrapped {} data keys under master key {}", n.rewrapped,
                 keys.current().id);
  }
  if (n.unreadable > 0) {
    spdlog::error(
        "secure messages: {} messages are wrapped by master keys the key file does not hold: "
        "they cannot be opened until those keys' lines are back (a restore without the key "
        "file?)",
        n.unreadable);
  }
  return Ok();
}

}  // namespace accord::app
