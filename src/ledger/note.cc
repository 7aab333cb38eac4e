#include "accord/ledger/note.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>

#include "accord/core/sha256.h"

namespace accord::ledger {
namespace {

constexpr uint8_t kAlgEd25519 = 0x01;
constexpr size_t kEd25519KeySize = 32;
constexpr size_t kEd25519SigSize = 64;
constexpr size_t kMaxSignatures = 100;
constexpr std::string_view kSigPrefix = "\xE2\x80\x94 ";  // em dash (U+2014), space
constexpr size_t kMaxKeyFileSize = 4096;

Error CheckFailed(std::string message) {
  return Error{ErrorCode::kCheckFailed, std::move(message), {}};
}

// Decodes one UTF-8 sequence at s[i] as Go's utf8.DecodeRune does (no overlongs, surrogates
// or values above U+10FFFF). Returns the code point and advances i, or nullopt.
std::optional<char32_t> DecodeRune(std::string_view s, size_t& i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t len;
  char32_t cp, min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return std::nullopt;
  }
  if (s.size() - i < len) return std::nullopt;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += len;
  return cp;
}

// Go's unicode.IsSpace: ASCII white space, NEL, NBSP and the White_Space characters of
// category Z.
bool IsUnicodeSpace(char32_t c) {
  constexpr char32_t kSpaces[] = {'\t', '\n',   '\v',   '\f',   '\r',   ' ',    0x85,
                                  0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  return (c >= 0x2000 && c <= 0x200A) || std::ranges::find(kSpaces, c) != std::end(kSpaces);
}

// The signed-note text rule: valid UTF-8 and no ASCII control character but newline.
std::optional<std::string> NoteTextProblem(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const std::optional<char32_t> c = DecodeRune(s, i);
    if (!c) return "invalid UTF-8 at byte " + std::to_string(at);
    if (*c < 0x20 && *c != '\n') return "control character at byte " + std::to_string(at);
  }
  return std::nullopt;
}

std::string Hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

uint32_t ReadBigEndian32(std::span<const uint8_t> b) {
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

// Go's strconv.ParseUint(s, 16, 32) with the note format's exact length of 8.
std::optional<uint32_t> ParseHex8(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  Result<Bytes> bytes = HexDecode(s);
  if (!bytes.ok()) return std::nullopt;
  return ReadBigEndian32(*bytes);
}

uint32_t ComputeKeyId(std::string_view name, std::span<const uint8_t> public_key) {
  const uint8_t alg = kAlgEd25519;
  const Hash h = Sha256Hasher()
                     .Update(name)
                     .Update(std::string_view("\n"))
                     .Update(std::span<const uint8_t>(&alg, 1))
                     .Update(public_key)
                     .Final();
  return ReadBigEndian32(h);
}

// Splits at the first `sep` like Go's note.chop: before is s, after empty, when absent.
std::pair<std::string_view, std::string_view> Chop(std::string_view s, char sep) {
  const size_t i = s.find(sep);
  if (i == std::string_view::npos) return {s, {}};
  return {s.substr(0, i), s.substr(i + 1)};
}

std::string EncodeKey(std::span<const uint8_t> key) {
  Bytes out{kAlgEd25519};
  out.insert(out.end(), key.begin(), key.end());
  std::string encoded = Base64Encode(out);
  OPENSSL_cleanse(out.data(), out.size());
  return encoded;
}

std::shared_ptr<evp_pkey_st> WrapKey(EVP_PKEY* key) {
  return std::shared_ptr<evp_pkey_st>(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
}

[[noreturn]] void Fatal(const char* what) {
  std::fprintf(stderr, "accord: OpenSSL %s failed; cannot continue\n", what);
  std::abort();
}

// Parses "<name>+<hex id>+<base64 key>" (the tail of both key formats). `field` names the
// input in errors.
struct EncodedKey {
  std::string_view name;
  uint32_t key_id;
  Bytes key;  // without the algorithm byte
};
Result<EncodedKey> ParseEncodedKey(std::string_view s, const std::string& field) {
  const auto [name, rest] = Chop(s, '+');
  const auto [hex, b64] = Chop(rest, '+');
  if (!ValidateKeyName(name).ok()) {
    return ValidationError(field, "must start with a key name without spaces or '+'");
  }
  const std::optional<uint32_t> key_id = ParseHex8(hex);
  if (!key_id) return ValidationError(field, "key id must be 8 hex digits");
  Result<Bytes> key = Base64Decode(b64);
  if (!key.ok() || key->empty()) return ValidationError(field, "key must be base64");
  if ((*key)[0] != kAlgEd25519) {
    return ValidationError(field, "unknown key algorithm " + std::to_string((*key)[0]) +
                                      " (only 1, Ed25519, is supported)");
  }
  if (key->size() != 1 + kEd25519KeySize) {
    return ValidationError(field, "Ed25519 key must be 32 bytes");
  }
  Bytes raw(key->begin() + 1, key->end());
  OPENSSL_cleanse(key->data(), key->size());
  return EncodedKey{name, *key_id, std::move(raw)};
}

Error CheckpointError(std::string field, std::string reason, int line) {
  std::string message = field + ": line " + std::to_string(line) + ": " + reason;
  return Error{ErrorCode::kValidationFailed,
               std::move(message),
               {ErrorDetail{std::move(field), std::move(reason), line}}};
}

Result<uint64_t> ParseTreeSize(std::string_view s) {
  const bool digits =
      !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return CheckpointError("checkpoint.size", "must be a decimal number", 2);
  if (s.size() > 1 && s[0] == '0') {
    return CheckpointError("checkpoint.size", "must not have leading zeros", 2);
  }
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return CheckpointError("checkpoint.size", "is too large", 2);
  }
  return v;
}

}  // namespace

Status ValidateOrigin(std::string_view origin) {
  if (origin.empty()) return ValidationError("origin", "must not be empty");
  if (std::optional<std::string> problem = NoteTextProblem(origin)) {
    return ValidationError("origin", "must be UTF-8 text: " + *problem);
  }
  if (origin.find('\n') != std::string_view::npos) {
    return ValidationError("origin", "must be a single line");
  }
  return Ok();
}

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  return checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
         Base64Encode(checkpoint.root) + "\n";
}

Result<Checkpoint> ParseCheckpoint(std::string_view body) {
  if (body.empty() || body.back() != '\n') {
    return ValidationError("checkpoint", "must end with a newline");
  }
  if (std::optional<std::string> problem = NoteTextProblem(body)) {
    return ValidationError("checkpoint", "must be UTF-8 text: " + *problem);
  }
  std::vector<std::string_view> lines;
  std::string_view rest = body.substr(0, body.size() - 1);
  for (size_t eol; (eol = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(eol + 1)) {
    lines.push_back(rest.substr(0, eol));
  }
  lines.push_back(rest);
  if (lines.size() < 3) {
    return ValidationError("checkpoint", "must have at least 3 lines (origin, size, root hash)");
  }
  constexpr const char* kFields[] = {"checkpoint.origin", "checkpoint.size", "checkpoint.root"};
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      return CheckpointError(i < 3 ? kFields[i] : "checkpoint", "must not be empty",
                             static_cast<int>(i + 1));
    }
  }
  if (Status s = ValidateOrigin(lines[0]); !s.ok()) {
    return CheckpointError("checkpoint.origin", s.error().details.at(0).reason, 1);
  }
  Result<uint64_t> size = ParseTreeSize(lines[1]);
  if (!size.ok()) return std::move(size).error();
  Result<Bytes> root = Base64Decode(lines[2]);
  if (!root.ok()) return CheckpointError("checkpoint.root", "must be base64", 3);
  if (root->size() != 32) {
    return CheckpointError("checkpoint.root",
                           "must be 32 bytes, got " + std::to_string(root->size()), 3);
  }
  Checkpoint c{std::string(lines[0]), *size, {}};
  std::copy(root->begin(), root->end(), c.root.begin());
  return c;
}

Status ValidateKeyName(std::string_view name) {
  if (name.empty()) return ValidationError("name", "must not be empty");
  for (size_t i = 0; i < name.size();) {
    const std::optional<char32_t> c = DecodeRune(name, i);
    if (!c) return ValidationError("name", "must be valid UTF-8");
    if (*c == '+') return ValidationError("name", "must not contain '+'");
    if (IsUnicodeSpace(*c)) return ValidationError("name", "must not contain spaces");
    if (*c < 0x20 || *c == 0x7F) {
      return ValidationError("name", "must not contain control characters");
    }
  }
  return Ok();
}

// --- Verifier -----------------------------------------------------------------------------

Result<Verifier> Verifier::Parse(std::string_view verifier_key) {
  Result<EncodedKey> parsed = ParseEncodedKey(verifier_key, "verifier_key");
  if (!parsed.ok()) return std::move(parsed).error();
  if (ComputeKeyId(parsed->name, parsed->key) != parsed->key_id) {
    return ValidationError("verifier_key", "key id does not match the name and key");
  }
  EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, parsed->key.data(),
                                              parsed->key.size());
  if (key == nullptr) return ValidationError("verifier_key", "not a valid Ed25519 public key");
  Verifier v;
  v.name_ = std::string(parsed->name);
  v.key_id_ = parsed->key_id;
  std::copy(parsed->key.begin(), parsed->key.end(), v.public_key_.begin());
  v.key_ = WrapKey(key);
  return v;
}

std::string Verifier::VerifierKey() const {
  return name_ + "+" + Hex8(key_id_) + "+" + EncodeKey(public_key_);
}

Result<Verifier> Verifier::WithName(std::string name) const {
  ACCORD_TRY(ValidateKeyName(name));
  Verifier v = *this;
  v.key_id_ = ComputeKeyId(name, v.public_key_);
  v.name_ = std::move(name);
  return v;
}

bool Verifier::Verify(std::string_view message, std::span<const uint8_t> signature) const {
  if (signature.size() != kEd25519SigSize || key_ == nullptr) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) Fatal("EVP_MD_CTX_new");
  const bool ok =
      EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key_.get()) == 1 &&
      EVP_DigestVerify(ctx, signature.data(), signature.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

// --- Signer -------------------------------------------------------------------------------

Result<Signer> Signer::FromSeed(std::string name, std::span<const uint8_t> seed) {
  EVP_PKEY* key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size());
  if (key == nullptr) return Internal("cannot load the Ed25519 private key");
  Signer s;
  s.key_ = WrapKey(key);
  size_t len = s.public_key_.size();
  if (EVP_PKEY_get_raw_public_key(key, s.public_key_.data(), &len) != 1 || len != kEd25519KeySize) {
    return Internal("cannot derive the Ed25519 public key");
  }
  s.key_id_ = ComputeKeyId(name, s.public_key_);
  s.name_ = std::move(name);
  return s;
}

Result<Signer> Signer::WithName(std::string name) const {
  ACCORD_TRY(ValidateKeyName(name));
  Signer s = *this;
  s.key_id_ = ComputeKeyId(name, s.public_key_);
  s.name_ = std::move(name);
  return s;
}

Result<Signer> Signer::Generate(std::string name) {
  ACCORD_TRY(ValidateKeyName(name));
  Bytes seed = RandomBytes(kEd25519KeySize);
  Result<Signer> s = FromSeed(std::move(name), seed);
  OPENSSL_cleanse(seed.data(), seed.size());
  return s;
}

Result<Signer> Signer::FromPrivateKey(std::string_view encoded) {
  const auto [word1, rest1] = Chop(encoded, '+');
  const auto [word2, rest2] = Chop(rest1, '+');
  if (word1 != "PRIVATE" || word2 != "KEY") {
    return ValidationError("private_key", "must start with PRIVATE+KEY+");
  }
  Result<EncodedKey> parsed = ParseEncodedKey(rest2, "private_key");
  if (!parsed.ok()) return std::move(parsed).error();
  Result<Signer> s = FromSeed(std::string(parsed->name), parsed->key);
  OPENSSL_cleanse(parsed->key.data(), parsed->key.size());
  if (!s.ok()) return s;
  // The id in the encoding is that of the public key, so it is checked after deriving it.
  if (s->key_id_ != parsed->key_id) {
    return ValidationError("private_key", "key id does not match the name and key");
  }
  return s;
}

std::string Signer::EncodedPrivateKey() const {
  std::array<uint8_t, kEd25519KeySize> seed{};
  size_t len = seed.size();
  if (EVP_PKEY_get_raw_private_key(key_.get(), seed.data(), &len) != 1 || len != kEd25519KeySize) {
    Fatal("EVP_PKEY_get_raw_private_key");
  }
  std::string out = "PRIVATE+KEY+" + name_ + "+" + Hex8(key_id_) + "+" + EncodeKey(seed);
  OPENSSL_cleanse(seed.data(), seed.size());
  return out;
}

std::string Signer::VerifierKey() const {
  return name_ + "+" + Hex8(key_id_) + "+" + EncodeKey(public_key_);
}

std::string Signer::Sign(std::string_view text) const {
  Bytes sig(4 + kEd25519SigSize);
  sig[0] = static_cast<uint8_t>(key_id_ >> 24);
  sig[1] = static_cast<uint8_t>(key_id_ >> 16);
  sig[2] = static_cast<uint8_t>(key_id_ >> 8);
  sig[3] = static_cast<uint8_t>(key_id_);
  size_t len = kEd25519SigSize;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) Fatal("EVP_MD_CTX_new");
  if (EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx, sig.data() + 4, &len, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size()) != 1 ||
      len != kEd25519SigSize) {
    Fatal("Ed25519 signing");
  }
  EVP_MD_CTX_free(ctx);
  std::string note(text);
  note += "\n";
  note += kSigPrefix;
  note += name_;
  note += " ";
  note += Base64Encode(sig);
  note += "\n";
  return note;
}

// --- Opening notes ------------------------------------------------------------------------

Result<OpenedNote> OpenNote(std::string_view note, const std::vector<Verifier>& known) {
  if (std::optional<std::string> problem = NoteTextProblem(note)) {
    return CheckFailed("malformed note: " + *problem);
  }
  // The text ends at the last blank line; one or more signature lines follow it.
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) {
    return CheckFailed("malformed note: no blank line before the signatures");
  }
  OpenedNote opened{std::string(note.substr(0, split + 1)), {}};
  std::string_view sigs = note.substr(split + 2);
  if (sigs.empty() || sigs.back() != '\n') {
    return CheckFailed("malformed note: the signature block must end with a newline");
  }

  std::vector<std::string> unknown;
  size_t count = 0;
  while (!sigs.empty()) {
    const size_t eol = sigs.find('\n');
    std::string_view line = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (++count > kMaxSignatures) {
      return CheckFailed("malformed note: more than " + std::to_string(kMaxSignatures) +
                         " signatures");
    }
    if (!line.starts_with(kSigPrefix)) {
      return CheckFailed("malformed note: signature line " + std::to_string(count) +
                         " does not start with an em dash and a space");
    }
    line.remove_prefix(kSigPrefix.size());
    const auto [name, b64] = Chop(line, ' ');
    Result<Bytes> sig = Base64Decode(b64);
    if (!ValidateKeyName(name).ok() || b64.empty() || !sig.ok() || sig->size() < 5) {
      return CheckFailed("malformed note: signature line " + std::to_string(count) +
                         " is not '<key name> <base64 signature>'");
    }
    const uint32_t key_id = ReadBigEndian32(*sig);
    const std::string key = std::string(name) + "+" + Hex8(key_id);

    const Verifier* match = nullptr;
    for (const Verifier& v : known) {
      if (v.name() != name || v.key_id() != key_id) continue;
      if (match != nullptr && match->VerifierKey() != v.VerifierKey()) {
        return CheckFailed("ambiguous key " + key + ": two different known keys match it");
      }
      match = &v;
    }
    if (match == nullptr) {
      unknown.push_back(key);
      continue;
    }
    const std::span<const uint8_t> signature = std::span<const uint8_t>(*sig).subspan(4);
    if (!match->Verify(opened.text, signature)) {
      return CheckFailed("invalid signature for key " + key);
    }
    if (std::find(opened.verified_by.begin(), opened.verified_by.end(), name) ==
        opened.verified_by.end()) {
      opened.verified_by.emplace_back(name);
    }
  }
  if (opened.verified_by.empty()) {
    std::string found;
    for (const std::string& k : unknown) found += (found.empty() ? "" : ", ") + k;
    return CheckFailed("note has no signature by a known key (signed by " + found + ")");
  }
  return opened;
}

// --- Key file -----------------------------------------------------------------------------

namespace {

std::string Errno(int err) { return std::strerror(err); }

Error KeyFileError(const std::filesystem::path& file, std::string reason) {
  return ValidationError("signing_key", file.string() + ": " + reason);
}

// Reads and parses an open key file, refusing one that others could read.
Result<Signer> ReadKeyFile(int fd, const std::filesystem::path& file) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return Internal(file.string() + ": stat failed: " + Errno(errno));
  if (!S_ISREG(st.st_mode)) return KeyFileError(file, "is not a regular file");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return KeyFileError(file, std::string("has mode ") + mode +
                                  ", which lets other users access the private key; run "
                                  "'chmod 600 " +
                                  file.string() + "'");
  }
  if (st.st_size > static_cast<off_t>(kMaxKeyFileSize)) {
    return KeyFileError(file, "is too large to be a signing key");
  }
  std::string content(kMaxKeyFileSize + 1, '\0');
  size_t used = 0;
  while (used < content.size()) {
    const ssize_t n = ::read(fd, content.data() + used, content.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Internal(file.string() + ": read failed: " + Errno(errno));
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  content.resize(used);
  while (!content.empty() && std::isspace(static_cast<unsigned char>(content.back()))) {
    content.pop_back();
  }
  Result<Signer> signer = Signer::FromPrivateKey(content);
  OPENSSL_cleanse(content.data(), content.size());
  if (!signer.ok()) {
    return KeyFileError(file, "is not a signing key: " + signer.error().details.at(0).reason);
  }
  return signer;
}

Result<Signer> ReadKeyFile(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Internal(file.string() + ": cannot open: " + Errno(errno));
  Result<Signer> signer = ReadKeyFile(fd, file);
  ::close(fd);
  return signer;
}

void SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);  // Best effort: the key is already complete and readable.
  ::close(fd);
}

// Creates `path` exclusively with mode 0600, writes `content` and fsyncs it. Returns 0 or
// the errno of the first failure (having removed the file if it made one).
int WriteNewFile(const std::filesystem::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return errno;
  int err = 0;
  if (::fchmod(fd, 0600) != 0) err = errno;  // Exactly 0600 whatever the umask.
  for (std::string_view rest = content; err == 0 && !rest.empty();) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n > 0) {
      rest.remove_prefix(static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      err = n == 0 ? EIO : errno;
    }
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  ::close(fd);
  if (err != 0) ::unlink(path.c_str());
  return err;
}

}  // namespace

Result<Signer> LoadOrCreateSigner(const std::filesystem::path& file, std::string name) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    Result<Signer> signer = ReadKeyFile(fd, file);
    ::close(fd);
    return signer;
  }
  if (errno != ENOENT) return Internal(file.string() + ": cannot open: " + Errno(errno));

  if (Status s = ValidateKeyName(name); !s.ok()) return s.error();
  Result<Signer> signer = Signer::Generate(std::move(name));
  if (!signer.ok()) return signer;
  std::string content = signer->EncodedPrivateKey() + "\n";

  // Write the whole key under a unique name, then link() it into place: link fails with
  // EEXIST if another process got there first, and nobody ever sees a partial file.
  std::filesystem::path tmp = file;
  tmp += ".tmp-" + HexEncode(RandomBytes(8));
  int err = WriteNewFile(tmp, content);
  if (err != 0) {
    OPENSSL_cleanse(content.data(), content.size());
    return Internal(tmp.string() + ": cannot write the new signing key: " + Errno(err));
  }
  err = ::link(tmp.c_str(), file.c_str()) == 0 ? 0 : errno;
  ::unlink(tmp.c_str());
  // Some file systems have no hard links: create the file in place, still exclusively.
  if (err == EPERM || err == EOPNOTSUPP || err == ENOSYS) err = WriteNewFile(file, content);
  OPENSSL_cleanse(content.data(), content.size());
  if (err == 0) {
    SyncDirectory(file.parent_path());
    return signer;
  }
  if (err == EEXIST) return ReadKeyFile(file);  // Lost the race: use the winner's key.
  return Internal(file.string() + ": cannot create the signing key: " + Errno(err));
}

}  // namespace accord::ledger
