// A signed checkpoint note as a witness or an auditor hands it back (C2SP signed-note and
// tlog-checkpoint): OpenNote against a known key, ParseCheckpoint, and verifier keys.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "accord/ledger/note.h"
#include "fuzz_entry.h"

namespace {

using accord::ledger::Signer;
using accord::ledger::Verifier;

// The signed-note test key of tests/ledger/note_test.cc (Go's note package example key).
const Signer& TestSigner() {
  static const Signer signer = *Signer::FromPrivateKey(
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
  return signer;
}

}  // namespace

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const Signer& signer = TestSigner();
  static const std::vector<Verifier> known = {*Verifier::Parse(signer.VerifierKey())};

  // The whole input as a verifier key, and as a note. The key id's hex digits may be upper
  // case, as Go's parser allows; the key formats back in lower case, otherwise unchanged.
  if (auto v = Verifier::Parse(text); v.ok()) {
    const std::string key = v->VerifierKey();
    FUZZ_CHECK(key.size() == text.size());
    for (size_t i = 0; i < key.size(); ++i) {
      FUZZ_CHECK(key[i] == text[i] || key[i] == std::tolower(static_cast<unsigned char>(text[i])));
    }
    auto again = Verifier::Parse(key);
    FUZZ_CHECK(again.ok() && again->name() == v->name() && again->key_id() == v->key_id());
  }
  if (auto opened = accord::ledger::OpenNote(text, known); opened.ok()) {
    FUZZ_CHECK(!opened->verified_by.empty());
  }

  // The input as a checkpoint body: an accepted one formats, signs and opens again.
  auto cp = accord::ledger::ParseCheckpoint(text);
  if (!cp.ok()) return 0;
  std::string body = accord::ledger::FormatCheckpoint(*cp);
  FUZZ_CHECK(text.substr(0, body.size()) == body);
  auto again = accord::ledger::ParseCheckpoint(body);
  FUZZ_CHECK(again.ok() && *again == *cp);
  auto opened = accord::ledger::OpenNote(signer.Sign(body), known);
  FUZZ_CHECK(opened.ok() && opened->text == body);
  return 0;
}
