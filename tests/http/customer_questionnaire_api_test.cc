// Answering our customers (issue 28, part 5) over the API, in-process with a fake clock: the
// library curated by an officer (versions, approval, evidence checked), a customer's
// questionnaire imported as CSV in its own layout and matched, answers confirmed or edited,
// the CSV exported back in the same layout, malformed files refused naming the line with
// nothing written, and the NDA gate on a customer's contact downloading its questionnaire.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <map>

#include "accord/core/csv.h"
#include "accord/domain/compliance_catalog.h"
#include "http/identity_test.h"
#include "support/temp_dir.h"

namespace accord::http::identity_test {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(testing::TestdataDir() / "answer_library" / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

CsvTable Table(const std::string& text) {
  auto t = ParseCsv(text);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().ToString());
  return t.ok() ? std::move(*t) : CsvTable{};
}

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

class CustomerQuestionnaireApiTest : public IdentityTest {
 protected:
  void SetUp() override {
    AddUser("sam@luma.example", "security_officer");
    so_ = SignInAndEnrol("sam@luma.example");
    customer_ = Created("/api/v1/parties", {{"name", "Summit Health"}, {"kind", "customer"}});
    other_ = Created("/api/v1/parties", {{"name", "Bayview Clinics"}, {"kind", "customer"}});
    contact_ = ContactToken("it@summit.example", customer_);
    other_contact_ = ContactToken("it@bayview.example", other_);
  }

  std::vector<Header> Officer(const std::string& type = "application/json") const {
    auto h = Cookie(so_.secret, so_.csrf);
    h.push_back({"Content-Type", type});
    return h;
  }
  static std::vector<Header> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }
  Reply_ Post(const std::string& target, const json::object& body) {
    return Call("POST", target, json::serialize(body), Officer());
  }
  std::string Created(const std::string& target, const json::object& body) {
    Reply_ r = Post(target, body);
    EXPECT_EQ(r.status, 201) << r.text;
    return Str(r.body["id"]);
  }
  std::string ContactToken(const std::string& email, const std::string& party) {
    std::string user = AddUser(email, "third_party_contact", true, {{"party_id", party}});
    auto t = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto made = storage::CreateToken(c, {"test", "security_officer"}, user, "questionnaires", "",
                                       std::nullopt);
      if (!made.ok()) return std::move(made).error();
      return json::value(made->secret);
    });
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().ToString());
    return t.ok() ? Str(*t) : "";
  }
  static std::string FirstField(const Reply_& r) {
    const json::value* e = r.body.if_contains("error");
    if (!e || e->at("details").as_array().empty()) return "";
    return Str(e->at("details").as_array().at(0).at("field"));
  }
  static int64_t FirstLine(const Reply_& r) {
    const json::value* d =
        r.body.at("error").at("details").as_array().at(0).as_object().if_contains("line");
    return d && d->is_int64() ? d->as_int64() : -1;
  }

  // The fixture's library, every answer approved; key → answer id.
  std::map<std::string, std::string> Library() {
    std::map<std::string, std::string> ids;
    for (const auto& r : Table(Fixture("library.csv")).rows) {
      json::object body{{"question", r.fields[1]}, {"answer", r.fields[2]}};
      if (domain::BuiltinCatalog().Find(r.fields[3])) {
        body["evidence"] = json::array{json::object{{"kind", "control"}, {"id", r.fields[3]}}};
      }
      std::string id = Created("/api/v1/answer-library", body);
      Reply_ a = Post("/api/v1/answer-library/" + id + "/actions", {{"action", "approve"}});
      EXPECT_EQ(a.status, 200) << r.fields[0] << ": " << a.text;
      ids[r.fields[0]] = id;
    }
    return ids;
  }

  Reply_ Import(const std::string& csv, const std::string& party, const std::string& extra = "") {
    return Call(
        "POST",
        "/api/v1/customer-questionnaires?party_id=" + party + "&name=Vendor%20review" + extra, csv,
        Officer("text/csv"));
  }

  void Nda(const std::string& party, const std::string& from, const std::string& until) {
    Created("/api/v1/parties/" + party + "/agreements", {{"type", "nda"},
                                                         {"title", "Mutual NDA"},
                                                         {"status", "executed"},
                                                         {"effective_at", from},
                                                         {"expires_at", until}});
  }

  Signed so_;
  std::string customer_, other_, contact_, other_contact_;
};

TEST_F(CustomerQuestionnaireApiTest, ImportMatchesAndTheCsvComesBackInTheCustomersLayout) {
  std::map<std::string, std::string> library = Library();
  std::map<std::string, std::string> key_of;
  for (const auto& [k, id] : library) key_of[id] = k;
  std::map<std::string, std::string> want;
  for (const auto& r : Table(Fixture("expected.csv")).rows) want[r.fields[0]] = r.fields[1];

  std::string csv = Fixture("customer.csv");
  Reply_ r = Import(csv, customer_);
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body["question_column"], "Question");
  EXPECT_EQ(r.body["answer_column"], "Vendor Response");
  EXPECT_EQ(r.body["questions"].as_int64(), 42);
  EXPECT_EQ(r.body["status"], "open");
  const json::array& items = r.body["items"].as_array();
  ASSERT_EQ(items.size(), 42u);
  size_t first = 0;
  for (const auto& it : items) {
    const json::array& s = it.at("suggestions").as_array();
    ASSERT_FALSE(s.empty()) << Str(it.at("question"));
    EXPECT_LE(s.size(), 3u);
    double score = s[0].at("score").to_number<double>();
    EXPECT_GT(score, 0.0);
    EXPECT_LE(score, 1.0);
    first += key_of[Str(s[0].at("answer_id"))] == want[Str(it.at("cells").at(0))];
  }
  EXPECT_GE(first * 10, items.size() * 8) << first << " of " << items.size();
  std::string id = Str(r.body["id"]);

  // The officer takes every first suggestion, then corrects one row by hand.
  Reply_ all = Post("/api/v1/customer-questionnaires/" + id + "/actions",
                    {{"action", "answer"}, {"accept_suggestions", 0}});
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body["answered"].as_int64(), 42);
  Reply_ edit =
      Post("/api/v1/customer-questionnaires/" + id + "/actions",
           {{"action", "answer"},
            {"answers",
             json::array{json::object{{"row", 3},
                                      {"answer_id", library["key_mgmt"]},
                                      {"answer", "Keys are held in a managed key service."}}}}});
  ASSERT_EQ(edit.status, 200) << edit.text;

  Reply_ out =
      Call("GET", "/api/v1/customer-questionnaires/" + id + "/export.csv", "", Cookie(so_.secret));
  ASSERT_EQ(out.status, 200) << out.text;
  EXPECT_TRUE(out.content_type.starts_with("text/csv"));
  CsvTable in = Table(csv), back = Table(out.text);
  ASSERT_EQ(back.header, in.header);
  ASSERT_EQ(back.rows.size(), in.rows.size());
  for (size_t i = 0; i < in.rows.size(); ++i) {
    for (size_t c = 0; c < in.header.size(); ++c) {
      if (c == 3) continue;  // Vendor Response: ours
      EXPECT_EQ(back.rows[i].fields[c], in.rows[i].fields[c]) << "row " << i << " col " << c;
    }
    EXPECT_FALSE(back.rows[i].fields[3].empty()) << "row " << i;
  }
  EXPECT_EQ(back.rows[2].fields[3], "Keys are held in a managed key service.");
  EXPECT_TRUE(back.rows[0].fields[3].starts_with("Yes. All databases")) << back.rows[0].fields[3];

  Reply_ one = Call("GET", "/api/v1/customer-questionnaires/" + id, "", Cookie(so_.secret));
  ASSERT_EQ(one.status, 200);
  const json::object& row3 = one.body["items"].as_array()[2].as_object();
  EXPECT_EQ(row3.at("edited"), true);
  EXPECT_EQ(row3.at("answer_id"), library["key_mgmt"].c_str());
}

TEST_F(CustomerQuestionnaireApiTest, MalformedFilesAreRefusedNamingTheLineAndWriteNothing) {
  Library();
  uint64_t before = f_.LedgerSize();
  std::string header = "Ref,Question,Answer\r\n1,Is data encrypted at rest?,\r\n";
  Reply_ quote = Import(header + "2,\"Do you use MFA?,\r\n", customer_);
  EXPECT_EQ(quote.status, 422) << quote.text;
  EXPECT_EQ(FirstLine(quote), 3);
  Reply_ wide = Import(header + "2,Do you use MFA?,,extra\r\n", customer_);
  EXPECT_EQ(wide.status, 422) << wide.text;
  EXPECT_EQ(FirstLine(wide), 3);
  Reply_ nocol = Import("Ref,Text,Answer\r\n1,Encrypted?,\r\n", customer_);
  EXPECT_EQ(nocol.status, 422);
  EXPECT_EQ(FirstField(nocol), "question_column");
  Reply_ named = Import(header, customer_, "&answer_column=Reply");
  EXPECT_EQ(named.status, 422);
  EXPECT_EQ(FirstField(named), "answer_column");
  Reply_ empty = Import("Ref,Question,Answer\r\n1,,\r\n", customer_);
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(FirstField(empty), "body");
  Reply_ party = Import(header, "pty_nobody");
  EXPECT_EQ(party.status, 422);
  EXPECT_EQ(FirstField(party), "party_id");
  Reply_ type = Call("POST", "/api/v1/customer-questionnaires?party_id=" + customer_ + "&name=x",
                     header, Officer("application/json"));
  EXPECT_EQ(type.status, 422);
  EXPECT_EQ(FirstField(type), "content_type");
  EXPECT_EQ(f_.LedgerSize(), before) << "a refused file wrote nothing";

  // An answer list is checked whole: one bad row and no row changes.
  Reply_ ok = Import(header, customer_);
  ASSERT_EQ(ok.status, 201) << ok.text;
  std::string id = Str(ok.body["id"]);
  before = f_.LedgerSize();
  Reply_ bad = Post("/api/v1/customer-questionnaires/" + id + "/actions",
                    {{"action", "answer"},
                     {"answers", json::array{json::object{{"row", 1}, {"answer", "Yes."}},
                                             json::object{{"row", 9}, {"answer", "Yes."}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "answers[1].row");
  EXPECT_EQ(f_.LedgerSize(), before);
  Reply_ done =
      Post("/api/v1/customer-questionnaires/" + id + "/actions", {{"action", "complete"}});
  EXPECT_EQ(done.status, 409) << done.text;
  EXPECT_EQ(FirstField(done), "rows[1]");
}

TEST_F(CustomerQuestionnaireApiTest, LibraryAnswersAreVersionedAndOnlyApprovedOnesMatch) {
  Reply_ bad =
      Post("/api/v1/answer-library",
           {{"question", "Is ePHI encrypted at rest?"},
            {"answer", "Yes."},
            {"evidence", json::array{json::object{{"kind", "document"}, {"id", "doc_nothing"}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "evidence[0].id");
  Reply_ missing = Post("/api/v1/answer-library", {{"question", "Anything?"}});
  EXPECT_EQ(FirstField(missing), "answer");

  std::string id = Created(
      "/api/v1/answer-library",
      {{"question", "Is ePHI encrypted at rest?"},
       {"answer", "Yes, AES-256."},
       {"evidence", json::array{json::object{{"kind", "control"}, {"id", "164.312(a)(2)(iv)"}}}}});
  // A draft is not suggested.
  std::string csv = "Question,Answer\r\nDo you encrypt ePHI at rest?,\r\n";
  Reply_ q1 = Import(csv, customer_);
  ASSERT_EQ(q1.status, 201) << q1.text;
  EXPECT_TRUE(q1.body["items"].as_array()[0].at("suggestions").as_array().empty());

  std::string target = "/api/v1/answer-library/" + id + "/actions";
  Reply_ approve = Post(target, {{"action", "approve"}});
  ASSERT_EQ(approve.status, 200) << approve.text;
  EXPECT_EQ(approve.body["status"], "approved");
  EXPECT_EQ(approve.body["approved_at"], FormatRfc3339(f_.clock().Now()).c_str());
  EXPECT_EQ(Post(target, {{"action", "approve"}}).status, 409);
  Reply_ revise = Post(target, {{"action", "revise"}, {"answer", "Yes, AES-256-GCM."}});
  ASSERT_EQ(revise.status, 200) << revise.text;
  EXPECT_EQ(revise.body["version"].as_int64(), 2);
  EXPECT_EQ(revise.body["status"], "draft");
  EXPECT_TRUE(revise.body["approved_by"].is_null());
  ASSERT_EQ(Post(target, {{"action", "approve"}}).status, 200);
  Reply_ one = Call("GET", "/api/v1/answer-library/" + id, "", Cookie(so_.secret));
  ASSERT_EQ(one.status, 200);
  ASSERT_EQ(one.body["versions"].as_array().size(), 2u);
  EXPECT_EQ(one.body["versions"].as_array()[0].at("answer"), "Yes, AES-256.");

  Reply_ q2 = Import(csv, customer_);
  ASSERT_EQ(q2.status, 201);
  const json::array& s = q2.body["items"].as_array()[0].at("suggestions").as_array();
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].at("answer_id"), id.c_str());
  EXPECT_EQ(s[0].at("version").as_int64(), 2);

  // The library is ours: a customer's contact may not read it.
  EXPECT_EQ(Call("GET", "/api/v1/answer-library", "", Bearer(contact_)).status, 403);
}

TEST_F(CustomerQuestionnaireApiTest, ACustomerDownloadsItsOwnSharedQuestionnaireOnlyUnderNda) {
  std::map<std::string, std::string> library = Library();
  std::string csv =
      "Question,Response\r\nIs all patient data encrypted when stored?,\r\n"
      "Is MFA enforced for staff?,\r\n";
  Reply_ r = Import(csv, customer_);
  ASSERT_EQ(r.status, 201) << r.text;
  std::string id = Str(r.body["id"]);
  std::string actions = "/api/v1/customer-questionnaires/" + id + "/actions";
  std::string download = "/api/v1/customer-questionnaires/" + id + "/download";

  // Not shared yet: the customer does not see it.
  EXPECT_EQ(Call("GET", "/api/v1/customer-questionnaires/" + id, "", Bearer(contact_)).status, 404);
  ASSERT_EQ(Post(actions, {{"action", "answer"}, {"accept_suggestions", 0.1}}).status, 200);
  ASSERT_EQ(Post(actions, {{"action", "complete"}}).status, 200);
  Reply_ no_nda = Post(actions, {{"action", "share"}});
  EXPECT_EQ(no_nda.status, 409);
  EXPECT_EQ(FirstField(no_nda), "nda");

  std::string now = FormatRfc3339(f_.clock().Now());
  Nda(customer_, now, FormatRfc3339(f_.clock().Now() + std::chrono::days(30)));
  Reply_ shared = Post(actions, {{"action", "share"}});
  ASSERT_EQ(shared.status, 200) << shared.text;
  EXPECT_EQ(shared.body["status"], "shared");

  Reply_ list = Call("GET", "/api/v1/customer-questionnaires", "", Bearer(contact_));
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].as_array().size(), 1u);
  Reply_ view = Call("GET", "/api/v1/customer-questionnaires/" + id, "", Bearer(contact_));
  ASSERT_EQ(view.status, 200);
  EXPECT_FALSE(view.body["items"].as_array()[0].as_object().contains("suggestions"))
      << "our matching is not the customer's to see";
  uint64_t before = f_.LedgerSize();
  Reply_ got = Call("POST", download, "", Bearer(contact_));
  ASSERT_EQ(got.status, 200) << got.text;
  EXPECT_NE(got.text.find("AES-256"), std::string::npos);
  EXPECT_EQ(f_.LedgerSize(), before + 1) << "the download is recorded";
  EXPECT_NE(AllLeaves().find("customer_questionnaire.downloaded"), std::string::npos);
  // The plain export is the workforce's.
  EXPECT_EQ(
      Call("GET", "/api/v1/customer-questionnaires/" + id + "/export.csv", "", Bearer(contact_))
          .status,
      403);

  // Another customer: as if it did not exist.
  EXPECT_EQ(Call("POST", download, "", Bearer(other_contact_)).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/customer-questionnaires/" + id, "", Bearer(other_contact_)).status,
            404);
  Reply_ others = Call("GET", "/api/v1/customer-questionnaires", "", Bearer(other_contact_));
  EXPECT_TRUE(others.body["items"].as_array().empty());
  EXPECT_EQ(Call("POST", actions, R"({"action": "unshare"})", Bearer(contact_)).status, 403);

  // Unshared, it is gone from the customer's view; shared again, it is back.
  ASSERT_EQ(Post(actions, {{"action", "unshare"}}).status, 200);
  EXPECT_EQ(Call("POST", download, "", Bearer(contact_)).status, 404);
  ASSERT_EQ(Post(actions, {{"action", "share"}}).status, 200);
  EXPECT_EQ(Call("POST", download, "", Bearer(contact_)).status, 200);

  // The NDA runs out: the download stops, naming why.
  Advance(std::chrono::days(31));
  Reply_ expired = Call("POST", download, "", Bearer(contact_));
  EXPECT_EQ(expired.status, 403) << expired.text;
  EXPECT_EQ(FirstField(expired), "nda");
}

}  // namespace
}  // namespace accord::http::identity_test
