// RegistryApiTest (registry_api_test.h): documents round-trip byte for byte; uploads are
// limited in size and type.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

// --- documents ----------------------------------------------------------------------------------

TEST_F(RegistryApiTest, DocumentsRoundTripByteForByte) {
  std::string party = NewParty("Document Holder Clinic");
  std::string agreement =
      Str(Create("/api/v1/parties/" + party + "/agreements", {{"type", "baa"}}).at("id"));
  std::string bytes = PdfBytes("first version");
  HttpResult up = Call("POST",
                       "/api/v1/agreements/" + agreement +
                           "/documents?filename=" + UrlEncode("../../BAA signed.pdf"),
                       bytes, "privacy_officer", "application/pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  json::object doc = json::parse(up.body).as_object();
  std::string sha = HexEncode(Sha256(bytes));
  EXPECT_EQ(doc.at("sha256"), sha.c_str());
  EXPECT_EQ(doc.at("size"), static_cast<int64_t>(bytes.size()));
  EXPECT_EQ(doc.at("content_type"), "application/pdf");
  EXPECT_EQ(doc.at("filename"), "BAA signed.pdf");  // the path is dropped
  EXPECT_EQ(doc.at("agreement_id"), agreement.c_str());
  EXPECT_EQ(doc.at("party_id"), party.c_str());
  EXPECT_EQ(doc.at("version"), 1);
  json::object event = Entry(doc.at("ledger_index").as_int64());
  EXPECT_EQ(event.at("type"), "document.uploaded");
  EXPECT_EQ(event.at("payload").at("state").at("sha256"), sha.c_str());

  std::string id = Str(doc.at("id"));
  HttpResult content = s().Get("/api/v1/documents/" + id + "/content", "auditor");
  ASSERT_EQ(content.status, 200) << content.body;
  EXPECT_EQ(content.body, bytes);
  EXPECT_EQ(content.Header("X-Content-SHA256"), sha);
  EXPECT_EQ(content.Header("Content-Disposition"), "attachment; filename=\"BAA signed.pdf\"");
  EXPECT_EQ(content.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(content.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(GetObj("/api/v1/documents/" + id), doc);

  // A second upload is the agreement's next version; both stay listed, oldest first.
  json::object v2 =
      json::parse(Call("POST", "/api/v1/agreements/" + agreement + "/documents?filename=baa-v2.pdf",
                       PdfBytes("second version"), "security_officer",
                       "application/pdf; charset=binary")
                      .body)
          .as_object();
  EXPECT_EQ(v2.at("version"), 2);
  json::array versions = Items("/api/v1/agreements/" + agreement + "/documents");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("id"), id.c_str());
  EXPECT_EQ(versions[1].at("id"), v2.at("id"));
  EXPECT_EQ(Items("/api/v1/parties/" + party + "/documents").size(), 2u);

  // A text file keeps its type; identical bytes uploaded twice are two documents.
  HttpResult txt = Call("POST", "/api/v1/parties/" + party + "/documents?filename=notes.txt",
                        "Reviewed on site.\n", "security_officer", "text/plain; charset=utf-8");
  ASSERT_EQ(txt.status, 201) << txt.body;
  EXPECT_EQ(json::parse(txt.body).at("content_type"), "text/plain");
  EXPECT_NE(UploadPdf("/api/v1/parties/" + party + "/documents", "copy.pdf", bytes), id);
}

TEST_F(RegistryApiTest, UploadsAreLimitedInSizeAndType) {
  std::string party = NewParty("Upload Limits Clinic");
  std::string agreement =
      Str(Create("/api/v1/parties/" + party + "/agreements", {{"type", "nda"}}).at("id"));
  const std::string up = "/api/v1/agreements/" + agreement + "/documents";
  uint64_t before = LedgerSize();

  std::string too_big = PdfBytes("big");
  too_big.resize(25u * 1024 * 1024 + 1, 'x');
  auto e = ExpectError(
      Call("POST", up + "?filename=big.pdf", too_big, "security_officer", "application/pdf"), 413,
      "payload_too_large");

  struct TypeCase {
    std::string content_type, filename, body, field;
  };
  const std::vector<TypeCase> cases = {
      {"text/html", "page.html", "<!DOCTYPE html><html><script>alert(1)</script></html>", "file"},
      {"text/html", "page.pdf", PdfBytes("declared html"), "content_type"},
      {"text/plain", "page.txt", "  <html><body onload=alert(1)></body></html>", "file"},
      {"image/svg+xml", "logo.svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "file"},
      {"text/plain", "logo.txt", "<?xml version=\"1.0\"?><svg/>", "file"},
      {"application/octet-stream", "setup.exe", std::string("MZ\x90\x00\x03\x00", 6), "file"},
      {"application/pdf", "setup.pdf", std::string("MZ\x90\x00\x03\x00", 6), "file"},
      {"text/plain", "run.txt", "#!/bin/sh\nrm -rf /\n", "file"},
      {"application/pdf", "invoice.exe", PdfBytes("renamed"), "filename"},
      {"application/pdf", "invoice.html", PdfBytes("renamed"), "filename"},
      {"image/png", "scan.png", PdfBytes("not a png"), "file"},
      {"application/pdf", "empty.pdf", "", "file"},
      {"", "nothing.pdf", PdfBytes("no type"), "content_type"},
      {"application/pdf", "", PdfBytes("no name"), "filename"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content_type + " " + c.filename);
    std::string target = up + (c.filename.empty() ? "" : "?filename=" + UrlEncode(c.filename));
    auto err = ExpectError(Call("POST", target, c.body, "security_officer", c.content_type), 422,
                           "validation_failed");
    EXPECT_EQ(FirstField(err), c.field) << json::serialize(err);
  }
  // Unknown parents are 404 even with a good document.
  ExpectError(Call("POST", "/api/v1/agreements/agr_nope/documents?filename=a.pdf", PdfBytes("x"),
                   "security_officer", "application/pdf"),
              404, "not_found");
  ExpectNothingWrittenSince(before, "refused uploads");
  EXPECT_TRUE(Items(up).empty());
  // Uploads are received into files under DATA_DIR/uploads: a refused one leaves none behind.
  const std::filesystem::path received = s().dir().path() / "uploads";
  auto files_left = [&received] {
    std::vector<std::string> names;
    for (const auto& f : std::filesystem::directory_iterator(received)) {
      names.push_back(f.path().filename().string());
    }
    return names;
  };
  EXPECT_TRUE(files_left().empty());

  // Exactly the limit is accepted.
  std::string at_limit = PdfBytes("limit");
  at_limit.resize(25u * 1024 * 1024, 'x');
  HttpResult ok =
      Call("POST", up + "?filename=limit.pdf", at_limit, "security_officer", "application/pdf");
  ASSERT_EQ(ok.status, 201) << ok.body.substr(0, 500);
  EXPECT_EQ(json::parse(ok.body).at("size"), static_cast<int64_t>(at_limit.size()));
  EXPECT_EQ(json::parse(ok.body).at("sha256"), HexEncode(Sha256(at_limit)).c_str());
  EXPECT_EQ(s().Get("/api/v1/documents/" + Str(json::parse(ok.body).at("id")) + "/content").body,
            at_limit);
  EXPECT_TRUE(files_left().empty()) << "a stored upload's file is removed too";
}

}  // namespace
}  // namespace accord::testing::registry_api
