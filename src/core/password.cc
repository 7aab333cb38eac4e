#include "accord/core/password.h"

#include <argon2.h>
#include <zxcvbn.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_set>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/utf8.h"

namespace accord::embedded {
// data/common-passwords.txt, compiled in by cmake/embed_text.cmake (see CMakeLists.txt).
std::string_view CommonPasswordsText();
}  // namespace accord::embedded

namespace accord {
namespace {

constexpr uint32_t kSaltBytes = 16;
constexpr uint32_t kTagBytes = 32;
constexpr size_t kMinChars = 12;
constexpr size_t kMaxChars = 128;
constexpr size_t kMinLocalPartChars = 4;
// A PHC string for our salt and tag sizes is under 100 characters; anything this long is not one.
constexpr size_t kMaxPhcLength = 512;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The email's words, lower case: "ann.lee+x@luma.example" -> ann.lee+x, ann, lee, x, luma,
// example.
std::vector<std::string> EmailWords(std::string_view email) {
  std::vector<std::string> words;
  const size_t at = email.rfind('@');
  if (at != std::string_view::npos && at > 0) words.push_back(AsciiLower(email.substr(0, at)));
  std::string word;
  for (char c : email) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      if (word.size() >= 3) words.push_back(AsciiLower(word));
      word.clear();
    }
  }
  if (word.size() >= 3) words.push_back(AsciiLower(word));
  return words;
}

const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> kSet = [] {
    std::unordered_set<std::string> set;
    std::string_view text = embedded::CommonPasswordsText();
    while (!text.empty()) {
      const size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      set.insert(AsciiLower(line));
    }
    return set;
  }();
  return kSet;
}

// The part before the last '@' (a quoted local part may itself contain '@').
std::string_view LocalPart(std::string_view email) {
  const size_t at = email.rfind('@');
  return at == std::string_view::npos ? email : email.substr(0, at);
}

}  // namespace

Result<std::string> HashPassword(std::string_view password, const Argon2Params& params) {
  const Bytes salt = RandomBytes(kSaltBytes);
  std::string phc(argon2_encodedlen(params.iterations, params.memory_kib, params.parallelism,
                                    kSaltBytes, kTagBytes, Argon2_id),
                  '\0');
  const int rc = argon2id_hash_encoded(params.iterations, params.memory_kib, params.parallelism,
                                       password.data(), password.size(), salt.data(), salt.size(),
                                       kTagBytes, phc.data(), phc.size());
  if (rc != ARGON2_OK) {
    return Internal(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
  }
  phc.resize(std::strlen(phc.c_str()));
  return phc;
}

bool VerifyPassword(std::string_view password, std::string_view phc) {
  // libargon2 wants a NUL-terminated string; a stack copy keeps this free of allocation (and so
  // of exceptions), and an embedded NUL would otherwise hide a malformed tail.
  std::array<char, kMaxPhcLength> encoded;
  if (phc.size() >= encoded.size() || phc.find('\0') != std::string_view::npos) return false;
  phc.copy(encoded.data(), phc.size());
  encoded[phc.size()] = '\0';
  return argon2id_verify(encoded.data(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& DummyPasswordHash() {
  static const std::string kHash = [] {
    Result<std::string> hash = HashPassword(HexEncode(RandomBytes(16)));
    if (!hash.ok()) {
      // Without it an unknown account would answer faster than a wrong password.
      std::fprintf(stderr, "accord: %s\n", hash.error().message.c_str());
      std::abort();
    }
    return std::move(hash).value();
  }();
  return kHash;
}

double PasswordStrengthBits(std::string_view password, std::string_view email) {
  const std::string text(password);  // zxcvbn reads a C string: a NUL ends it, scoring lower
  const std::vector<std::string> words = EmailWords(email);
  std::vector<const char*> dictionary;
  for (const auto& w : words) dictionary.push_back(w.c_str());
  dictionary.push_back(nullptr);
  return ZxcvbnMatch(text.c_str(), dictionary.data(), nullptr);
}

Status CheckPasswordPolicy(std::string_view password, std::string_view email, int min_bits) {
  if (!IsValidUtf8(password)) return ValidationError("password", "is not valid UTF-8 text");
  const size_t chars = CodePointCount(password);
  if (chars < kMinChars) {
    return ValidationError("password",
                           "must be at least " + std::to_string(kMinChars) + " characters long");
  }
  if (chars > kMaxChars) {
    return ValidationError("password",
                           "must be at most " + std::to_string(kMaxChars) + " characters long");
  }
  if (IsCommonPassword(password)) {
    return ValidationError(
        "password", "is on the list of commonly used passwords; choose a less guessable one");
  }
  const std::string_view local = LocalPart(email);
  if (CodePointCount(local) >= kMinLocalPartChars &&
      AsciiLower(password).find(AsciiLower(local)) != std::string::npos) {
    return ValidationError("password", "must not contain the part of your email before the '@'");
  }
  if (min_bits > 0 && PasswordStrengthBits(password, email) < min_bits) {
    return ValidationError("password",
                           "is too easy to guess: it follows a common pattern (a word with "
                           "digits, a keyboard row, a repeat, a name). Try several unrelated "
                           "words or a longer, less regular phrase");
  }
  return Ok();
}

bool IsCommonPassword(std::string_view password) {
  return CommonPasswords().contains(AsciiLower(password));
}

size_t CommonPasswordCount() { return CommonPasswords().size(); }

}  // namespace accord
