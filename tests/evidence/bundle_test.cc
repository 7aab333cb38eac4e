// The evidence bundle end to end: exported from a demo server's store by the CLI, verified
// offline, and every kind of tampering named by the file that broke (docs/ledger.md).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/evidence/layout.h"
#include "accord/evidence/verify.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/note.h"
#include "support/api_server.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using evidence::Entry;

std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args.insert(args.end(), {"--data-dir", server.dir().str(), "--db", server.db_url()});
  return args;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string PdfBytes(std::string_view tag) {
  return "%PDF-1.7\n" + std::string(tag) + std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
}

class BundleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ApiServer();
    dir_ = new TempDir();
    // A policy document with the date it took effect, beside the upload time the ledger keeps.
    json::value certs = server_->GetJson("/api/v1/certifications?limit=50");
    std::string cert(certs.at("items").as_array().at(0).at("id").as_string());
    HttpResult up = HttpCall(
        server_->port(), "POST",
        "/api/v1/certifications/" + cert + "/documents?filename=policy.pdf&effective_at=2026-01-15",
        PdfBytes("bundle"),
        {{"Content-Type", "application/pdf"},
         {"Authorization", "Bearer " + server_->token("security_officer")}});
    ASSERT_EQ(up.status, 201) << up.body;
    auto key = RunAccord(WithStore({"ledger", "public-key"}, *server_));
    ASSERT_EQ(key.exit_code, 0) << key.err;
    key_ = new std::string(Trim(key.out));
    auto out = RunAccord(WithStore({"evidence", "export", "--out", Bundle()}, *server_));
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    delete key_;
    server_ = nullptr;
  }

  static std::string Bundle() { return dir_->str() + "/all.accord-evidence.zip"; }
  static std::vector<Entry> Entries() {
    auto e = evidence::ReadArchive(Bundle());
    EXPECT_TRUE(e.ok()) << e.error().message;
    return e.ok() ? *e : std::vector<Entry>{};
  }
  static Entry& Find(std::vector<Entry>& entries, std::string_view prefix) {
    for (auto& e : entries) {
      if (e.path.starts_with(prefix)) return e;
    }
    ADD_FAILURE() << "no entry " << prefix;
    return entries.front();
  }
  // The file verify names, or "" when it passes.
  static std::string Failed(const std::vector<Entry>& entries) {
    auto r = evidence::VerifyEntries(entries, {.log_keys = {*key_}});
    if (r.ok()) return "";
    EXPECT_EQ(r.error().code, ErrorCode::kCheckFailed) << r.error().message;
    return r.error().details.empty() ? r.error().message : r.error().details.front().field;
  }
  // An attacker with the signing key: recomputes the manifest's hashes and signs it again, so
  // only the proofs can tell.
  static void Reseal(std::vector<Entry>& entries) {
    auto signer =
        ledger::Signer::FromPrivateKey(Trim(ReadFile(server_->dir().path() / "ledger.key")));
    ASSERT_TRUE(signer.ok());
    Entry& m = Find(entries, "manifest.json");
    json::object manifest = json::parse(m.content).as_object();
    json::array files;
    for (const auto& e : entries) {
      if (e.path == "manifest.json" || e.path == "manifest.sig") continue;
      files.push_back(json::object{
          {"path", e.path}, {"sha256", HexEncode(Sha256(e.content))}, {"size", e.content.size()}});
    }
    manifest["files"] = files;
    m.content = json::serialize(manifest);
    Find(entries, "manifest.sig").content = signer->Sign(evidence::ManifestStatement(
        std::string(manifest.at("origin").as_string()), HexEncode(Sha256(m.content))));
  }

  static ApiServer* server_;
  static TempDir* dir_;
  static std::string* key_;
};
ApiServer* BundleTest::server_ = nullptr;
TempDir* BundleTest::dir_ = nullptr;
std::string* BundleTest::key_ = nullptr;

TEST_F(BundleTest, ADemoBundleVerifiesInTheCli) {
  auto ok = RunAccord({"evidence", "verify", Bundle(), "--key", *key_});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("bundle OK"), std::string::npos) << ok.out;
  auto entries = Entries();
  EXPECT_EQ(Failed(entries), "");
  // The key may be given as a file too.
  std::string key_file = dir_->str() + "/log.pub";
  std::ofstream(key_file) << *key_ << "\n";
  auto from_file = RunAccord({"evidence", "verify", Bundle(), "--key", key_file, "--json"});
  EXPECT_EQ(from_file.exit_code, 0) << from_file.out << from_file.err;
  json::value r = json::parse(from_file.out);
  EXPECT_TRUE(r.at("ok").as_bool());
  EXPECT_GT(r.at("events").to_number<int64_t>(), 10);
  EXPECT_GE(r.at("documents").to_number<int64_t>(), 1);
}

TEST_F(BundleTest, TheDocumentKeepsItsRecordedTimeAndItsEffectiveDate) {
  auto entries = Entries();
  json::value manifest = json::parse(Find(entries, "manifest.json").content);
  bool found = false;
  for (const auto& d : manifest.at("documents").as_array()) {
    if (d.at("filename") != "policy.pdf") continue;
    found = true;
    EXPECT_EQ(d.at("effective_at"), "2026-01-15T00:00:00.000Z");
    EXPECT_TRUE(d.at("recorded_at").is_string());
    EXPECT_NE(d.at("recorded_at"), d.at("effective_at"));
    std::string path(d.at("path").as_string());
    EXPECT_EQ(Find(entries, path).content, PdfBytes("bundle"));
  }
  EXPECT_TRUE(found);
  // The event index carries both times as well.
  bool event_found = false;
  for (const auto& e : manifest.at("events").as_array()) {
    if (e.at("type") == "document.uploaded" && e.as_object().contains("effective_at")) {
      event_found = true;
    }
  }
  EXPECT_TRUE(event_found);
}

TEST_F(BundleTest, AChangedByteInAnyFileIsNamed) {
  for (std::string prefix : {"events/", "documents/", "proofs/", "checkpoint.note", "keys/",
                             "verify.html", "README.txt", "manifest.json", "manifest.sig"}) {
    auto entries = Entries();
    Entry& e = Find(entries, prefix);
    e.content[e.content.size() / 2] ^= 0x01;
    EXPECT_EQ(Failed(entries), e.path) << prefix;
  }
}

TEST_F(BundleTest, EveryByteOfTheManifestCounts) {
  const auto original = Entries();
  const size_t size =
      Find(const_cast<std::vector<Entry>&>(original), "manifest.json").content.size();
  // Every byte of the first 400 (the format, origin, selection and first entries), then a
  // sample across the rest.
  for (size_t i = 0; i < size; i += i < 400 ? 1 : size / 200 + 1) {
    auto entries = original;
    Find(entries, "manifest.json").content[i] ^= 0x20;
    EXPECT_EQ(Failed(entries), "manifest.json") << "byte " << i;
  }
}

TEST_F(BundleTest, AResealedForgeryIsCaughtByTheProofs) {
  {
    auto entries = Entries();
    Entry& e = Find(entries, "events/");
    e.content[e.content.size() / 2] ^= 0x01;
    Reseal(entries);
    EXPECT_EQ(Failed(entries), e.path);
  }
  {
    auto entries = Entries();
    Entry& p = Find(entries, "proofs/0");
    json::object proof = json::parse(p.content).as_object();
    auto& path = proof["path"].as_array();
    ASSERT_FALSE(path.empty());
    std::string h(path[0].as_string());
    h[0] = h[0] == 'A' ? 'B' : 'A';
    path[0] = h;
    p.content = json::serialize(proof);
    Reseal(entries);
    EXPECT_EQ(Failed(entries), p.path);
  }
  {
    auto entries = Entries();
    Entry& d = Find(entries, "documents/");
    d.content += "x";
    Reseal(entries);
    EXPECT_EQ(Failed(entries), d.path);
  }
}

TEST_F(BundleTest, AWitnessKeyRequiresItsCosignature) {
  auto witness = ledger::Signer::Generate("witness.example/w1");
  ASSERT_TRUE(witness.ok());
  auto cosigner = ledger::Cosigner::FromSigner(*witness);
  ASSERT_TRUE(cosigner.ok());
  auto other = ledger::Cosigner::FromSigner(*ledger::Signer::Generate("witness.example/w2"));
  ASSERT_TRUE(other.ok());
  auto verify = [](const std::vector<Entry>& entries, std::vector<std::string> witnesses) {
    return evidence::VerifyEntries(entries, {.log_keys = {*key_}, .witness_keys = witnesses});
  };

  // Without a cosignature on the note, naming a witness fails at the checkpoint.
  auto plain = Entries();
  auto none = verify(plain, {cosigner->VerifierKey()});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().details.front().field, "checkpoint.note");
  EXPECT_NE(none.error().message.find("witness.example/w1"), std::string::npos)
      << none.error().message;

  // The note as a witness cosigned it (the server appends the line; the manifest is sealed
  // over the cosigned note).
  auto cosigned = Entries();
  Entry& note = Find(cosigned, "checkpoint.note");
  const std::string text = note.content.substr(0, note.content.find("\n\n") + 1);
  note.content += cosigner->CosignatureLine(text, 1796083200);
  Reseal(cosigned);
  EXPECT_TRUE(verify(cosigned, {cosigner->VerifierKey()}).ok());
  EXPECT_TRUE(verify(cosigned, {}).ok());
  auto wrong = verify(cosigned, {other->VerifierKey()});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().details.front().field, "checkpoint.note");

  // A cosignature over another text (a byte of its signature flipped) does not count.
  auto forged = Entries();
  Entry& fnote = Find(forged, "checkpoint.note");
  std::string line = cosigner->CosignatureLine(text, 1796083200);
  line[line.size() - 6] = line[line.size() - 6] == 'A' ? 'B' : 'A';
  fnote.content += line;
  Reseal(forged);
  EXPECT_FALSE(verify(forged, {cosigner->VerifierKey()}).ok());

  // A malformed witness key is a usage error naming the field.
  auto bad = verify(plain, {"not-a-key"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kValidationFailed);
}

TEST_F(BundleTest, RemovedAndAddedFilesAreNamed) {
  for (std::string prefix : {"events/", "proofs/", "documents/", "checkpoint.note", "manifest.json",
                             "manifest.sig", "verify.html"}) {
    auto entries = Entries();
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.path.starts_with(prefix); });
    ASSERT_NE(it, entries.end());
    std::string path = it->path;
    entries.erase(it);
    EXPECT_EQ(Failed(entries), path) << prefix;
  }
  auto entries = Entries();
  entries.push_back({"events/999999999999.json", "{}"});
  EXPECT_EQ(Failed(entries), "events/999999999999.json");
  // Added and listed by a resealed manifest: still not one of the manifest's events.
  Reseal(entries);
  EXPECT_EQ(Failed(entries), "events/999999999999.json");
}

TEST_F(BundleTest, ADamagedArchiveNamesTheEntry) {
  std::string bytes = ReadFile(Bundle());
  // The first entry's data starts after its 30-byte local header, its name and extra field.
  auto entries = Entries();
  auto u16 = [&](size_t i) {
    return size_t(uint8_t(bytes[i])) | size_t(uint8_t(bytes[i + 1])) << 8;
  };
  size_t at = 30 + u16(26) + u16(28) + 2;
  bytes[at] ^= 0x55;
  std::string damaged = dir_->str() + "/damaged.accord-evidence.zip";
  std::ofstream(damaged, std::ios::binary) << bytes;
  auto r = RunAccord({"evidence", "verify", damaged, "--key", *key_});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(entries.front().path), std::string::npos) << r.out;
}

TEST_F(BundleTest, ABundleOfAnotherLogFails) {
  ApiServer other;
  auto key = RunAccord(WithStore({"ledger", "public-key"}, other));
  ASSERT_EQ(key.exit_code, 0);
  std::string theirs = dir_->str() + "/other.accord-evidence.zip";
  ASSERT_EQ(RunAccord(WithStore({"evidence", "export", "--out", theirs}, other)).exit_code, 0);
  auto r = RunAccord({"evidence", "verify", theirs, "--key", *key_, "--json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(json::parse(r.out).at("file"), "manifest.sig") << r.out;
  // Their checkpoint inside our bundle, everything else resealed with our key.
  auto mixed = Entries();
  auto their_entries = evidence::ReadArchive(theirs);
  ASSERT_TRUE(their_entries.ok());
  Find(mixed, "checkpoint.note").content = Find(*their_entries, "checkpoint.note").content;
  Reseal(mixed);
  EXPECT_EQ(Failed(mixed), "checkpoint.note");
  EXPECT_EQ(RunAccord({"evidence", "verify", theirs, "--key", Trim(key.out)}).exit_code, 0);
}

TEST_F(BundleTest, SinceProvesTheLogOnlyGrew) {
  std::string before = dir_->str() + "/before.accord-evidence.zip";
  ASSERT_EQ(
      RunAccord(WithStore({"evidence", "export", "--kind", "party", "--out", before}, *server_))
          .exit_code,
      0);
  ASSERT_EQ(server_->Post("/api/v1/notes", OrgNoteBody(server_->org_id(), "later")).status, 201);
  std::string after = dir_->str() + "/after.accord-evidence.zip";
  auto ex = RunAccord(WithStore(
      {"evidence", "export", "--from", "2000-01-01", "--since", before, "--out", after, "--json"},
      *server_));
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_TRUE(json::parse(ex.out).as_object().contains("since_size"));
  auto ok = RunAccord({"evidence", "verify", after, "--key", *key_});
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("only grew"), std::string::npos) << ok.out;

  auto entries = evidence::ReadArchive(after);
  ASSERT_TRUE(entries.ok());
  Entry& c = Find(*entries, "proofs/consistency.json");
  json::object proof = json::parse(c.content).as_object();
  auto& path = proof["path"].as_array();
  ASSERT_FALSE(path.empty());
  std::string h(path[0].as_string());
  h[1] = h[1] == 'A' ? 'B' : 'A';
  path[0] = h;
  c.content = json::serialize(proof);
  Reseal(*entries);
  auto r = evidence::VerifyEntries(*entries, {.log_keys = {*key_}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.front().field, "proofs/consistency.json") << r.error().message;

  // A bundle of another log is no "since".
  ApiServer other;
  std::string theirs = dir_->str() + "/other2.accord-evidence.zip";
  ASSERT_EQ(RunAccord(WithStore({"evidence", "export", "--out", theirs}, other)).exit_code, 0);
  auto refused = RunAccord(WithStore(
      {"evidence", "export", "--since", theirs, "--out", dir_->str() + "/x.accord-evidence.zip"},
      *server_));
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("since"), std::string::npos) << refused.err;
}

TEST_F(BundleTest, SelectionAndUsageErrors) {
  std::string out = dir_->str() + "/sel.accord-evidence.zip";
  auto bad =
      RunAccord(WithStore({"evidence", "export", "--from", "yesterday", "--out", out}, *server_));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("from"), std::string::npos) << bad.err;
  auto name =
      RunAccord(WithStore({"evidence", "export", "--out", dir_->str() + "/x.zip"}, *server_));
  EXPECT_EQ(name.exit_code, 2);
  EXPECT_NE(name.err.find("accord-evidence.zip"), std::string::npos) << name.err;
  auto kind = RunAccord(
      WithStore({"evidence", "export", "--kind", "document", "--out", out, "--json"}, *server_));
  ASSERT_EQ(kind.exit_code, 0) << kind.err;
  auto entries = evidence::ReadArchive(out);
  ASSERT_TRUE(entries.ok());
  json::value manifest = json::parse(Find(*entries, "manifest.json").content);
  ASSERT_FALSE(manifest.at("events").as_array().empty());
  for (const auto& e : manifest.at("events").as_array()) {
    EXPECT_TRUE(std::string_view(e.at("subject").as_string()).starts_with("document/"));
  }
  EXPECT_EQ(Failed(*entries), "");
  auto nokey = RunAccord({"evidence", "verify", out, "--key", "not-a-key"});
  EXPECT_EQ(nokey.exit_code, 2) << nokey.out << nokey.err;
}

TEST_F(BundleTest, TheApiGivesAuditorsTheSameBundle) {
  HttpResult r =
      server_->Get("/api/v1/ledger/evidence?kind=document,party&from=2000-01-01", "auditor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/zip");
  EXPECT_NE(r.Header("Content-Disposition").find(".accord-evidence.zip"), std::string::npos);
  std::string file = dir_->str() + "/api.accord-evidence.zip";
  std::ofstream(file, std::ios::binary) << r.body;
  auto facts = evidence::VerifyBundle(file, {.log_keys = {*key_}});
  ASSERT_TRUE(facts.ok()) << facts.error().message;
  EXPECT_GT(facts->events, 0u);
  EXPECT_GE(facts->documents, 1u);

  EXPECT_EQ(server_->Get("/api/v1/ledger/evidence", "staff").status, 403);
  EXPECT_EQ(server_->Get("/api/v1/ledger/evidence", "third_party_contact").status, 403);
  HttpResult bad = server_->Get("/api/v1/ledger/evidence?to=soon", "security_officer");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"to\""), std::string::npos) << bad.body;
}

}  // namespace
}  // namespace accord::testing

namespace accord::testing {
namespace {

// The subjects of a bundle's events, from its manifest.
std::set<std::string> Subjects(const std::string& file, json::object* selection = nullptr) {
  std::set<std::string> out;
  auto entries = evidence::ReadArchive(file);
  EXPECT_TRUE(entries.ok());
  if (!entries.ok()) return out;
  for (const auto& e : *entries) {
    if (e.path != "manifest.json") continue;
    json::object manifest = json::parse(e.content).as_object();
    if (selection) *selection = manifest.at("selection").as_object();
    for (const auto& ev : manifest.at("events").as_array()) {
      out.insert(std::string(ev.at("subject").as_string()));
    }
  }
  return out;
}

TEST_F(BundleTest, ABundleByControlHoldsWhatProvesItAndVerifies) {
  // 164.308(b)(1): the customers' and partners' BAAs in force are its evidence.
  HttpResult r = server_->Get("/api/v1/ledger/evidence?control=164.308(b)(1)", "auditor");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string file = dir_->str() + "/control.accord-evidence.zip";
  std::ofstream(file, std::ios::binary) << r.body;
  auto facts = evidence::VerifyBundle(file, {.log_keys = {*key_}});
  ASSERT_TRUE(facts.ok()) << facts.error().message;
  json::object selection;
  std::set<std::string> subjects = Subjects(file, &selection);
  EXPECT_EQ(selection.at("control"), "164.308(b)(1)");
  json::value page =
      server_->GetJson("/api/v1/compliance/controls/164.308(b)(1)?limit=500", "auditor");
  size_t agreements = 0;
  for (const auto& source : page.at("implemented_by").as_array()) {
    for (const auto& item : source.at("items").as_array()) {
      if (item.at("kind") != "agreement") continue;
      ++agreements;
      EXPECT_TRUE(subjects.contains("agreement/" + std::string(item.at("id").as_string())))
          << item.at("id");
    }
  }
  EXPECT_GT(agreements, 0u);
  // Only what proves it: no certification, no review, no note.
  for (const auto& s : subjects) {
    EXPECT_FALSE(s.starts_with("certification/") || s.starts_with("note/")) << s;
  }
  // The whole log holds more.
  EXPECT_LT(subjects.size(), Subjects(Bundle()).size());

  HttpResult bad = server_->Get("/api/v1/ledger/evidence?control=164.999(z)", "auditor");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"control\""), std::string::npos) << bad.body;

  // The CLI's --control writes the same kind of bundle.
  std::string out = dir_->str() + "/tp11.accord-evidence.zip";
  auto cli =
      RunAccord(WithStore({"evidence", "export", "--control", "TP-11", "--out", out}, *server_));
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  auto verified = evidence::VerifyBundle(out, {.log_keys = {*key_}});
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  json::object tp11;
  Subjects(out, &tp11);
  EXPECT_EQ(tp11.at("control"), "TP-11");
  auto unknown =
      RunAccord(WithStore({"evidence", "export", "--control", "XX-1", "--out", out}, *server_));
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("control"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace accord::testing
