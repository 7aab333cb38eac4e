#include "accord/ledger/note.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "accord/core/sha256.h"
#include "accord/ledger/merkle.h"

namespace accord::ledger {
namespace {

namespace fs = std::filesystem;

// Known answers from golang.org/x/mod/sumdb/note (note_test.go).
constexpr std::string_view kPeterSkey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kPeterVkey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kEnochVkey =
    "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
constexpr std::string_view kText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr std::string_view kPeterSig =
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
constexpr std::string_view kEnochSig =
    "\xE2\x80\x94 EnochRoot "
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/"
    "5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

Verifier MustParse(std::string_view vkey) {
  Result<Verifier> v = Verifier::Parse(vkey);
  EXPECT_TRUE(v.ok()) << vkey;
  return std::move(v).value();
}

Signer MustGenerate(std::string name) {
  Result<Signer> s = Signer::Generate(std::move(name));
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

std::string Str(std::string_view s) { return std::string(s); }

TEST(Note, GoKnownAnswerSign) {
  Result<Signer> signer = Signer::FromPrivateKey(kPeterSkey);
  ASSERT_TRUE(signer.ok()) << signer.error().message;
  EXPECT_EQ(signer->name(), "PeterNeumann");
  EXPECT_EQ(signer->KeyId(), 0xc74f20a3u);
  EXPECT_EQ(signer->VerifierKey(), kPeterVkey);
  EXPECT_EQ(signer->EncodedPrivateKey(), kPeterSkey);
  // Ed25519 is deterministic, so the signature line must match Go's byte for byte.
  EXPECT_EQ(signer->Sign(kText), Str(kText) + "\n" + Str(kPeterSig));
}

TEST(Note, GoKnownAnswerOpen) {
  const Verifier peter = MustParse(kPeterVkey);
  const Verifier enoch = MustParse(kEnochVkey);
  EXPECT_EQ(peter.name(), "PeterNeumann");
  EXPECT_EQ(peter.key_id(), 0xc74f20a3u);
  EXPECT_EQ(peter.VerifierKey(), kPeterVkey);
  EXPECT_EQ(enoch.key_id(), 0xaf0cfe78u);
  const std::string both = Str(kText) + "\n" + Str(kPeterSig) + Str(kEnochSig);

  // One known signer verified, the unknown one ignored.
  Result<OpenedNote> n = OpenNote(both, {peter});
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(n->text, kText);
  EXPECT_EQ(n->verified_by, std::vector<std::string>{"PeterNeumann"});

  n = OpenNote(both, {peter, enoch});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->verified_by, (std::vector<std::string>{"PeterNeumann", "EnochRoot"}));

  n = OpenNote(both, {});
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().code, ErrorCode::kCheckFailed);
  EXPECT_NE(n.error().message.find("PeterNeumann+c74f20a3"), std::string::npos);

  // The same key listed twice is not ambiguous.
  EXPECT_TRUE(OpenNote(Str(kText) + "\n" + Str(kEnochSig), {enoch, peter, enoch}).ok());

  std::string many = Str(kText) + "\n";
  for (int i = 0; i < 101; ++i) many += kPeterSig;
  EXPECT_FALSE(OpenNote(many, {peter}).ok());

  std::string bad_sig = Str(kPeterSig);
  bad_sig.insert(60, "ABCD");
  n = OpenNote(Str(kText) + "\n" + bad_sig, {peter});
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().message, "invalid signature for key PeterNeumann+c74f20a3");

  // Repeated and corrupt signatures by unknown keys do not matter.
  std::string enoch_abcd = Str(kEnochSig);
  enoch_abcd.insert(60, "ABCD");
  n = OpenNote(Str(kText) + "\n" + Str(kPeterSig) + Str(kPeterSig) + Str(kEnochSig) +
                   Str(kEnochSig) + enoch_abcd,
               {peter});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->verified_by, std::vector<std::string>{"PeterNeumann"});

  const std::string peter_sig = Str(kPeterSig);
  for (const std::string& msg : {
           Str(kText),
           Str(kText) + "\n",
           Str(kText) + "\n" + peter_sig.substr(0, peter_sig.size() - 1),
           "\x01" + Str(kText) + "\n" + peter_sig,
           "\xff" + Str(kText) + "\n" + peter_sig,
           Str(kText) + "\n" +
               "\xE2\x80\x94 Bad Name "
               "x08go/ZJkuBS9UG/"
               "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
           Str(kText) + "\n" + peter_sig + "Unexpected line.\n",
           Str(kText) + "\n" + "- PeterNeumann" + peter_sig.substr(peter_sig.find(' ', 4)),
       }) {
    n = OpenNote(msg, {peter});
    EXPECT_FALSE(n.ok()) << msg;
    if (!n.ok()) {
      EXPECT_EQ(n.error().code, ErrorCode::kCheckFailed);
    }
  }
}

// Go's TestNewVerifier/TestNewSigner: every proper substring and every single-byte change
// of a valid key must be rejected.
TEST(Note, MangledKeysAreRejected) {
  for (std::string_view key : {kPeterVkey, kPeterSkey}) {
    const bool is_private = key == kPeterSkey;
    auto accepted = [&](const std::string& k) {
      return is_private ? Signer::FromPrivateKey(k).ok() : Verifier::Parse(k).ok();
    };
    ASSERT_TRUE(accepted(std::string(key)));
    for (size_t i = 0; i <= key.size(); ++i) {
      for (size_t j = i + 1; j <= key.size(); ++j) {
        if (i == 0 && j == key.size()) continue;
        EXPECT_FALSE(accepted(std::string(key.substr(i, j - i)))) << key.substr(i, j - i);
      }
    }
    std::string b(key);
    for (size_t i = 0; i < b.size(); ++i) {
      ++b[i];
      EXPECT_FALSE(accepted(b)) << b;
      --b[i];
    }
  }
  // Wrong key length and unknown algorithm, each with a matching key id (from Go's tests).
  EXPECT_FALSE(
      Verifier::Parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
          .ok());
  EXPECT_FALSE(
      Verifier::Parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").ok());
  Result<Verifier> v = Verifier::Parse("nonsense");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(v.error().details.at(0).field, "verifier_key");
  Result<Signer> s = Signer::FromPrivateKey("PRIVATE+KEY+x+00000000+AAAA");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().details.at(0).field, "private_key");
}

// Go's parser reads the key id with strconv.ParseUint, which takes upper-case hex; so do we,
// and the key formats back in lower case (found by the checkpoint_note fuzzer).
TEST(Note, UpperCaseKeyIdParsesAndFormatsLowerCase) {
  Result<Verifier> v =
      Verifier::Parse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->VerifierKey(), kPeterVkey);
}

TEST(Note, KeyIdIsTruncatedSha256OfNameAndKey) {
  const Signer signer = MustGenerate("example.com/log");
  const std::string vkey = signer.VerifierKey();
  // base64 may itself contain '+': the key starts after "<name>+<8 hex digits>+".
  const std::string b64 = vkey.substr(std::string_view("example.com/log+").size() + 9);
  Result<Bytes> key = Base64Decode(b64);
  ASSERT_TRUE(key.ok());
  ASSERT_EQ(key->size(), 33u);
  EXPECT_EQ((*key)[0], 0x01);
  Bytes input;
  for (char c : std::string_view("example.com/log\n")) input.push_back(static_cast<uint8_t>(c));
  input.insert(input.end(), key->begin(), key->end());
  const Hash h = Sha256(input);
  const uint32_t want =
      (uint32_t{h[0]} << 24) | (uint32_t{h[1]} << 16) | (uint32_t{h[2]} << 8) | h[3];
  EXPECT_EQ(signer.KeyId(), want);
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", want);
  EXPECT_EQ(vkey, "example.com/log+" + std::string(hex) + "+" + b64);
  EXPECT_EQ(MustParse(vkey).key_id(), want);
}

TEST(Note, KeyNamesAreValidated) {
  for (const char* bad : {"", "a+b", "a b", "a\tb", "a\nb",
                          "a\xC2\xA0"
                          "b",
                          "a\xE2\x80\x83"
                          "b",
                          "a\xE3\x80\x80"
                          "b",
                          "\xff"}) {
    Result<Signer> s = Signer::Generate(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(s.error().details.at(0).field, "name");
  }
  for (const char* good : {"accord/org_1", "example.com/log42", "h\xC3\xA9llo"}) {
    EXPECT_TRUE(Signer::Generate(good).ok()) << good;
  }
}

class CheckpointNote : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 11; ++i) frontier_.Append(LeafHash(Bytes{static_cast<uint8_t>(i)}));
    checkpoint_ = Checkpoint{"accord/org_1", frontier_.size(), frontier_.Root()};
    note_ = signer_.Sign(FormatCheckpoint(checkpoint_));
    known_ = {MustParse(signer_.VerifierKey())};
  }

  Frontier frontier_;
  Signer signer_ = MustGenerate("accord/org_1");
  Checkpoint checkpoint_;
  std::string note_;
  std::vector<Verifier> known_;
};

TEST_F(CheckpointNote, RoundTrip) {
  EXPECT_EQ(FormatCheckpoint(checkpoint_),
            "accord/org_1\n11\n" + Base64Encode(checkpoint_.root) + "\n");
  Result<OpenedNote> opened = OpenNote(note_, known_);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->verified_by, std::vector<std::string>{"accord/org_1"});
  Result<Checkpoint> parsed = ParseCheckpoint(opened->text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, checkpoint_);
}

TEST_F(CheckpointNote, TamperedOriginSizeRootAreRejected) {
  Checkpoint origin = checkpoint_, size = checkpoint_, root = checkpoint_;
  origin.origin = "accord/org_2";
  size.size = 12;
  root.root[0] ^= 1;
  const std::string sig_block = note_.substr(FormatCheckpoint(checkpoint_).size());
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", signer_.KeyId());
  for (const Checkpoint& c : {origin, size, root}) {
    Result<OpenedNote> r = OpenNote(FormatCheckpoint(c) + sig_block, known_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCheckFailed);
    EXPECT_EQ(r.error().message,
              "invalid signature for key " + signer_.name() + "+" + std::string(hex));
  }
}

TEST_F(CheckpointNote, EveryByteOfTheTextMatters) {
  const size_t text_size = FormatCheckpoint(checkpoint_).size();
  for (size_t i = 0; i < text_size; ++i) {
    std::string bad = note_;
    bad[i] = bad[i] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(OpenNote(bad, known_).ok()) << i;
  }
  for (size_t len = 0; len < note_.size(); ++len) {
    EXPECT_FALSE(OpenNote(note_.substr(0, len), known_).ok()) << len;
  }
}

TEST_F(CheckpointNote, EveryByteOfTheSignatureMatters) {
  const size_t space = note_.rfind(' ');
  Result<Bytes> sig = Base64Decode(note_.substr(space + 1, note_.size() - space - 2));
  ASSERT_TRUE(sig.ok());
  ASSERT_EQ(sig->size(), 68u);
  for (size_t i = 0; i < sig->size(); ++i) {
    Bytes bad = *sig;
    bad[i] ^= 0x10;
    const std::string note = note_.substr(0, space + 1) + Base64Encode(bad) + "\n";
    Result<OpenedNote> r = OpenNote(note, known_);
    ASSERT_FALSE(r.ok()) << i;
    EXPECT_EQ(r.error().code, ErrorCode::kCheckFailed);
  }
}

TEST_F(CheckpointNote, WrongKeyIsRejected) {
  const Signer other = MustGenerate("accord/org_1");  // Same name, different key.
  Result<OpenedNote> r = OpenNote(note_, {MustParse(other.VerifierKey())});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCheckFailed);

  // A note signed by both verifies with either key; the unknown signature is ignored.
  const std::string twice = other.Sign(FormatCheckpoint(checkpoint_)) +
                            note_.substr(FormatCheckpoint(checkpoint_).size() + 1);
  EXPECT_TRUE(OpenNote(twice, known_).ok());
  EXPECT_TRUE(OpenNote(twice, {MustParse(other.VerifierKey())}).ok());
}

TEST_F(CheckpointNote, SigningAnInvalidTextGivesAnUnopenableNote) {
  EXPECT_FALSE(OpenNote(signer_.Sign(""), known_).ok());
  EXPECT_FALSE(OpenNote(signer_.Sign("no newline"), known_).ok());
}

TEST(Checkpoint, ParseAcceptsExtensionLinesAndLimits) {
  const std::string root = Base64Encode(Hash{});
  Result<Checkpoint> c = ParseCheckpoint("o\n0\n" + root + "\nextension one\nx\n");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->origin, "o");
  EXPECT_EQ(c->size, 0u);
  c = ParseCheckpoint("o\n18446744073709551615\n" + root + "\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->size, UINT64_MAX);
}

TEST(Checkpoint, ParseErrors) {
  const std::string root = Base64Encode(Hash{});
  std::string noncanonical = root;
  noncanonical[noncanonical.size() - 2] = 'B';  // non-zero unused bits
  const struct {
    std::string body;
    std::string field;
  } cases[] = {
      {"", "checkpoint"},
      {"o\n1\n" + root, "checkpoint"},
      {"o\n1\n", "checkpoint"},
      {"o\n1\n" + root + "\n\n", "checkpoint"},
      {"o\n1\n" + root + "\n\next\n", "checkpoint"},
      {"\n1\n" + root + "\n", "checkpoint.origin"},
      {"o\r\n1\n" + root + "\n", "checkpoint"},
      {"o\n\n" + root + "\n", "checkpoint.size"},
      {"o\n01\n" + root + "\n", "checkpoint.size"},
      {"o\n-1\n" + root + "\n", "checkpoint.size"},
      {"o\n+1\n" + root + "\n", "checkpoint.size"},
      {"o\n 1\n" + root + "\n", "checkpoint.size"},
      {"o\n1x\n" + root + "\n", "checkpoint.size"},
      {"o\n18446744073709551616\n" + root + "\n", "checkpoint.size"},
      {"o\n1\nnot base64\n", "checkpoint.root"},
      {"o\n1\n" + noncanonical + "\n", "checkpoint.root"},
      {"o\n1\n" + Base64Encode(Bytes(31)) + "\n", "checkpoint.root"},
      {"o\n1\n" + Base64Encode(Bytes(33)) + "\n", "checkpoint.root"},
  };
  for (const auto& t : cases) {
    Result<Checkpoint> c = ParseCheckpoint(t.body);
    ASSERT_FALSE(c.ok()) << t.body;
    EXPECT_EQ(c.error().code, ErrorCode::kValidationFailed) << t.body;
    EXPECT_EQ(c.error().details.at(0).field, t.field) << t.body << ": " << c.error().message;
  }
  Result<Checkpoint> c = ParseCheckpoint("o\n007\n" + root + "\n");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().details.at(0).line, 2);
}

TEST(Checkpoint, ValidateOrigin) {
  EXPECT_TRUE(ValidateOrigin("accord/org_1").ok());
  EXPECT_TRUE(ValidateOrigin("a b+c").ok());  // Only a recommendation (C2SP).
  for (std::string_view bad : {std::string_view(""), std::string_view("a\nb"),
                               std::string_view("a\rb"), std::string_view("\xff")}) {
    Status s = ValidateOrigin(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().details.at(0).field, "origin");
  }
}

class KeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("accord-note-test-" + HexEncode(RandomBytes(8)));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static unsigned Mode(const fs::path& p) {
    struct stat st;
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode & 07777;
  }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
};

TEST_F(KeyFile, CreatesWithMode0600ThenReloads) {
  const fs::path file = dir_ / "ledger.key";
  Result<Signer> created = LoadOrCreateSigner(file, "accord/org_1");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(Mode(file), 0600u);
  EXPECT_EQ(Read(file), created->EncodedPrivateKey() + "\n");

  // An existing key keeps its name; the name argument only applies when creating.
  Result<Signer> loaded = LoadOrCreateSigner(file, "something-else");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->name(), "accord/org_1");
  EXPECT_EQ(loaded->VerifierKey(), created->VerifierKey());

  ::chmod(file.c_str(), 0400);
  EXPECT_TRUE(LoadOrCreateSigner(file, "x").ok());

  std::vector<fs::path> entries(fs::directory_iterator(dir_), fs::directory_iterator{});
  EXPECT_EQ(entries.size(), 1u) << "temporary files left behind";
}

TEST_F(KeyFile, RefusesFilesOthersCanAccess) {
  const fs::path file = dir_ / "ledger.key";
  ASSERT_TRUE(LoadOrCreateSigner(file, "log").ok());
  for (unsigned mode : {0644u, 0640u, 0604u, 0660u, 0601u, 0610u}) {
    ::chmod(file.c_str(), mode);
    Result<Signer> r = LoadOrCreateSigner(file, "log");
    ASSERT_FALSE(r.ok()) << std::oct << mode;
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(r.error().details.at(0).field, "signing_key");
    EXPECT_NE(r.error().message.find("chmod 600"), std::string::npos) << r.error().message;
  }
}

TEST_F(KeyFile, ReadsGoFormatKeysAndRejectsGarbage) {
  const fs::path file = dir_ / "peter.key";
  {
    std::ofstream(file) << kPeterSkey;  // Go writes no trailing newline.
  }
  ::chmod(file.c_str(), 0600);
  Result<Signer> peter = LoadOrCreateSigner(file, "ignored");
  ASSERT_TRUE(peter.ok()) << peter.error().message;
  EXPECT_EQ(peter->VerifierKey(), kPeterVkey);

  { std::ofstream(file) << "not a key\n"; }
  Result<Signer> garbage = LoadOrCreateSigner(file, "log");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().details.at(0).field, "signing_key");
  EXPECT_EQ(garbage.error().message.find("not a key"), std::string::npos)
      << "the file content must not be echoed";

  fs::create_directory(dir_ / "dir.key");
  ::chmod((dir_ / "dir.key").c_str(), 0700);
  EXPECT_FALSE(LoadOrCreateSigner(dir_ / "dir.key", "log").ok());

  Result<Signer> missing_dir = LoadOrCreateSigner(dir_ / "no" / "such.key", "log");
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_EQ(missing_dir.error().code, ErrorCode::kInternal);

  Result<Signer> bad_name = LoadOrCreateSigner(dir_ / "new.key", "bad name");
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().code, ErrorCode::kValidationFailed);
  EXPECT_FALSE(fs::exists(dir_ / "new.key"));
}

TEST_F(KeyFile, ConcurrentCreatorsAgreeOnOneKey) {
  for (int round = 0; round < 5; ++round) {
    const fs::path file = dir_ / ("race" + std::to_string(round) + ".key");
    constexpr int kThreads = 8;
    std::vector<std::string> keys(kThreads);
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        ready.fetch_add(1);
        while (ready.load() < kThreads) {
        }
        Result<Signer> s = LoadOrCreateSigner(file, "log" + std::to_string(t));
        keys[t] = s.ok() ? s->VerifierKey() : "error: " + s.error().message;
      });
    }
    for (std::thread& t : threads) t.join();
    for (int t = 1; t < kThreads; ++t) EXPECT_EQ(keys[t], keys[0]);
    EXPECT_EQ(keys[0].rfind("error", 0), std::string::npos) << keys[0];
    EXPECT_EQ(Mode(file), 0600u);
  }
  std::vector<fs::path> entries(fs::directory_iterator(dir_), fs::directory_iterator{});
  EXPECT_EQ(entries.size(), 5u) << "temporary files left behind";
}

}  // namespace
}  // namespace accord::ledger
