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

Result<std::string> AddMessageKey(const std::filesystem::path& file) {
  auto text = ReadPrivateFile(file, "master_key_file");
  if (!text.ok()) return std::move(text).error();
  std::string content = text->value_or(kHeader);
  if (!content.empty() && content.back() != '\n') content += '\n';
  std::string line = messaging::MasterKeyRing::NewKeyLine();
  content += line;
  auto ring = messaging::MasterKeyRing::Parse(content, "master_key_file");
  if (!ring.ok()) return std::move(ring).error();
  ACCORD_TRY(WritePrivateFile(file, content));
  return ring->current().id;
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
  int64_t n = 0;
  ACCORD_TRY(store.Write([&](storage::Tx& tx) -> Status {
    auto r = storage::RewrapSecureMessageKeys(tx, keys);
    if (!r.ok()) return std::move(r).error();
    n = *r;
    return Ok();
  }));
  if (n > 0) {
    spdlog::info("secure messages: rewrapped {} data keys under master key {}", n,
                 keys.current().id);
  }
  return Ok();
}

}  // namespace accord::app
