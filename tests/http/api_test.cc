// The API as a client sees it: a real `accord serve --demo` process over HTTP.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/note.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

Bytes B64(const json::value& v) {
  auto b = Base64Decode(v.as_string());
  EXPECT_TRUE(b.ok());
  return *b;
}

std::vector<Bytes> B64List(const json::value& v) {
  std::vector<Bytes> out;
  for (const auto& item : v.as_array()) out.push_back(B64(item));
  return out;
}

class ApiTest : public SharedServerTest {
 protected:
};

TEST_F(ApiTest, HealthAndReadinessArePublicWithSecurityHeaders) {
  HttpResult h = HttpCall(s().port(), "GET", "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(h.Header("X-Frame-Options"), "DENY");
  EXPECT_FALSE(h.Header("Content-Security-Policy").empty());
  EXPECT_EQ(h.Header("Strict-Transport-Security"), "");  // plain HTTP on loopback
  EXPECT_EQ(HttpCall(s().port(), "GET", "/readyz").status, 200);
}

TEST_F(ApiTest, MetricsCountRequestsAndLedgerSize) {
  HttpCall(s().port(), "GET", "/healthz");
  EXPECT_EQ(HttpCall(s().port(), "GET", "/metrics").status, 401) << "not even on loopback";
  HttpResult m = s().Get("/metrics", "auditor");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(
      m.body.find("accord_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"),
      std::string::npos);
  EXPECT_NE(m.body.find("accord_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("accord_ledger_size"), std::string::npos);
  EXPECT_NE(m.body.find("accord_resident_memory_bytes"), std::string::npos);
}

TEST_F(ApiTest, LedgerRoutesNeedASignedInReader) {
  ExpectError(s().Get("/api/v1/ledger/checkpoint", ""), 401, "unauthenticated");
  HttpResult bad = HttpCall(s().port(), "GET", "/api/v1/ledger/checkpoint", "",
                            {{"Authorization", "Bearer acc_not-a-real-token"}});
  ExpectError(bad, 401, "unauthenticated");
  ExpectError(s().Get("/api/v1/ledger/checkpoint", "third_party_contact"), 403, "forbidden");
  ExpectError(s().Get("/api/v1/ledger/checkpoint", "staff"), 403, "forbidden");
  EXPECT_EQ(s().Get("/api/v1/ledger/checkpoint", "auditor").status, 200);
}

TEST_F(ApiTest, CheckpointEntryAndProofsVerifyOnTheClient) {
  json::value cp = s().GetJson("/api/v1/ledger/checkpoint", "auditor");
  const uint64_t size = cp.at("size").to_number<uint64_t>();
  ASSERT_GE(size, 3u);
  // The note verifies with the key the ledger recorded.
  json::value keys = s().GetJson("/api/v1/ledger/keys", "auditor");
  ASSERT_EQ(keys.at("items").as_array().size(), 1u);
  auto verifier = ledger::Verifier::Parse(keys.at("items").at(0).at("verifier_key").as_string());
  ASSERT_TRUE(verifier.ok());
  auto opened = ledger::OpenNote(cp.at("note").as_string(), {*verifier});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto body = ledger::ParseCheckpoint(opened->text);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->size, size);
  EXPECT_EQ(Base64Encode(body->root), cp.at("root_hash").as_string());

  for (uint64_t i = 0; i < size; ++i) {
    json::value entry = s().GetJson("/api/v1/ledger/entries/" + std::to_string(i), "auditor");
    Bytes leaf = B64(entry.at("leaf"));
    Hash leaf_hash = ledger::LeafHash(leaf);
    EXPECT_EQ(Base64Encode(leaf_hash), entry.at("leaf_hash").as_string());
    EXPECT_TRUE(entry.at("event").at("type").is_string());
    json::value proof = s().GetJson("/api/v1/ledger/proofs/inclusion?index=" + std::to_string(i) +
                                        "&size=" + std::to_string(size),
                                    "auditor");
    auto st = ledger::VerifyInclusion(i, size, leaf_hash, B64List(proof.at("proof")), body->root);
    EXPECT_TRUE(st.ok()) << i << ": " << st.error().message;
  }
  for (uint64_t m = 1; m <= size; ++m) {
    json::value old_root = s().GetJson("/api/v1/ledger/roots/" + std::to_string(m), "auditor");
    json::value proof = s().GetJson("/api/v1/ledger/proofs/consistency?from=" + std::to_string(m) +
                                        "&to=" + std::to_string(size),
                                    "auditor");
    auto st = ledger::VerifyConsistency(m, size, B64List(proof.at("proof")),
                                        B64(old_root.at("root_hash")), body->root);
    EXPECT_TRUE(st.ok()) << m << ": " << st.error().message;
  }
}

TEST_F(ApiTest, ProofRequestsOutOfRangeAreClearErrors) {
  json::value cp = s().GetJson("/api/v1/ledger/checkpoint");
  std::string big = std::to_string(cp.at("size").to_number<uint64_t>() + 1000);
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/ledger/proofs/inclusion?index=5&size=5"), 422,
                                   "validation_failed")),
            "index");
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/ledger/proofs/inclusion?index=1&size=" + big),
                                   422, "validation_failed")),
            "size");
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/ledger/proofs/consistency?from=4&to=2"), 422,
                                   "validation_failed")),
            "from");
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/ledger/proofs/inclusion?index=x&size=2"), 422,
                                   "validation_failed")),
            "index");
  EXPECT_EQ(
      FirstField(ExpectError(s().Get("/api/v1/ledger/roots/" + big), 422, "validation_failed")),
      "size");
  ExpectError(s().Get("/api/v1/ledger/entries/" + big), 404, "not_found");
  ExpectError(s().Get("/api/v1/ledger/entries/-1"), 422, "validation_failed");
  ExpectError(s().Get("/api/v1/nope"), 404, "not_found");
  ExpectError(HttpCall(s().port(), "DELETE", "/healthz"), 405, "method_not_allowed");
  EXPECT_EQ(HttpCall(s().port(), "GET", "/healthz").status, 200);
}

TEST_F(ApiTest, BadBodiesAreRejectedAndNothingIsWritten) {
  auto size_of = [&] {
    json::value v = s().GetJson("/api/v1/notes?limit=500");
    return v.at("items").as_array().size();
  };
  size_t notes = size_of();
  ExpectError(s().Post("/api/v1/notes", "{not json"), 400, "malformed_json");
  ExpectError(s().Post("/api/v1/notes", "[1,2]"), 422, "validation_failed");
  auto e =
      ExpectError(s().Post("/api/v1/notes", R"({"subject": {"kind": 5, "id": "x"}, "text": 7})"),
                  422, "validation_failed");
  std::vector<std::string> fields;
  for (const auto& d : e.at("details").as_array()) fields.emplace_back(d.at("field").as_string());
  EXPECT_EQ(fields, (std::vector<std::string>{"subject.kind", "text"}));
  ExpectError(s().Post("/api/v1/notes",
                       R"({"subject": {"kind": "org", "id": "x"}, "text": "", "extra": 1})"),
              422, "validation_failed");
  EXPECT_EQ(FirstField(ExpectError(
                s().Post("/api/v1/notes",
                         R"({"subject": {"kind": "org", "id": "x"}, "text": "a\u0000b"})"),
                422, "validation_failed")),
            "text");
  std::string huge =
      R"({"subject": {"kind": "org", "id": "x"}, "text": ")" + std::string(2 << 20, 'a') + "\"}";
  ExpectError(s().Post("/api/v1/notes", huge), 413, "payload_too_large");
  EXPECT_EQ(size_of(), notes);
  EXPECT_EQ(HttpCall(s().port(), "GET", "/healthz").status, 200);
}

TEST_F(ApiTest, NotesAreWrittenToTheLedgerAndPaginate) {
  ExpectError(
      s().Post("/api/v1/notes", R"({"subject":{"kind":"org","id":"x"},"text":"hi"})", "auditor"),
      403, "forbidden");
  HttpResult party =
      s().Post("/api/v1/parties", R"({"name": "Paged Notes Ltd", "kind": "partner"})");
  ASSERT_EQ(party.status, 201) << party.body;
  const std::string pty(json::parse(party.body).at("id").as_string());
  uint64_t first_index = 0;
  for (int i = 0; i < 7; ++i) {
    HttpResult r = s().Post("/api/v1/notes",
                            R"({"subject":{"kind":"party","id":")" + pty + R"("},"text":"n)" +
                                std::to_string(i) + "\"}",
                            "staff");
    ASSERT_EQ(r.status, 201) << r.body;
    json::value note = json::parse(r.body);
    EXPECT_EQ(note.at("author").at("role").as_string(), "staff");
    if (i == 0) first_index = note.at("ledger_index").to_number<uint64_t>();
    json::value entry = s().GetJson("/api/v1/ledger/entries/" +
                                    std::to_string(note.at("ledger_index").to_number<uint64_t>()));
    EXPECT_EQ(entry.at("event").at("type").as_string(), "note.added");
    EXPECT_EQ(entry.at("event").at("payload").at("note_id"), note.at("id"));
  }
  std::vector<std::string> texts;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    json::value v = s().GetJson("/api/v1/notes?subject_kind=party&subject_id=" + pty + "&limit=3" +
                                (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& n : v.at("items").as_array()) texts.emplace_back(n.at("text").as_string());
    if (v.at("next_cursor").is_null()) break;
    cursor = v.at("next_cursor").as_string();
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"n0", "n1", "n2", "n3", "n4", "n5", "n6"}));
  // As of the ledger size just after the third note, only three existed.
  json::value past = s().GetJson("/api/v1/notes?subject_kind=party&subject_id=" + pty +
                                 "&as_of=" + std::to_string(first_index + 3));
  EXPECT_EQ(past.at("items").as_array().size(), 3u);
  ExpectError(s().Get("/api/v1/notes?limit=501"), 422, "validation_failed");
  ExpectError(s().Get("/api/v1/notes?cursor=garbage!"), 422, "validation_failed");
}

TEST_F(ApiTest, OpenApiDocumentIsPublic) {
  HttpResult r = HttpCall(s().port(), "GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json::value doc = json::parse(r.body);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(doc.at("paths").as_object().contains("/api/v1/ledger/proofs/inclusion"));
}

}  // namespace
}  // namespace accord::testing
