// The audit-report requests' secret links (IN-4): issued as hashes only, found by their
// token for the NDA and download pages, and used inside the write transaction: accepting the
// NDA (an executed `nda` agreement with the acceptance record) and counting each download.
#include <boost/json.hpp>
#include <chrono>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/customer_questionnaires.h"
#include "accord/storage/questionnaire_links.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/report_requests.h"
#include "accord/workflow/report_request.h"
#include "report_request_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace report_request_support;  // NOLINT: this file's own helpers

namespace {

namespace wf = workflow::report_request;

Value HashOf(std::string_view token) { return BlobOf(Sha256(token)); }

// A link of `purpose` works while its request can take the requester's move: accept_nda
// (nda_sent), download (approved, completed).
bool WorksFor(const json::object& request, std::string_view purpose) {
  auto state = wf::ParseState(StateString(request, "status"));
  wf::Action action = purpose == "nda" ? wf::Action::kAcceptNda : wf::Action::kDownload;
  return state && wf::Next(*state, action).has_value();
}

}  // namespace

namespace report_request_support {

Result<NewLink> IssueLink(Tx& tx, const std::string& purpose, const std::string& request_id,
                          const std::string& document_id, TimePoint expires_at, int64_t max_uses,
                          TimePoint now) {
  std::string at = FormatRfc3339(now);
  ACCORD_TRY(
      tx.Exec("UPDATE report_links SET revoked_at = ? WHERE request_id = ? AND purpose = ? AND "
              "revoked_at IS NULL",
              {at, request_id, purpose}));
  NewLink link{NewId("rln", now), Base64UrlEncode(RandomBytes(32)), expires_at};
  ACCORD_TRY(tx.Exec(
      "INSERT INTO report_links(id, token_hash, purpose, request_id, document_id, expires_at, "
      "max_uses, uses, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
      {link.id, HashOf(link.token), purpose, request_id,
       document_id.empty() ? Value() : Value(document_id), FormatRfc3339(expires_at), max_uses,
       at}));
  return link;
}

json::array DeliveredDownloads(const json::object& state) {
  const json::value* d = state.if_contains("delivery");
  return d && d->is_object() ? domain::StateArray(d->as_object(), "downloads") : json::array();
}

}  // namespace report_request_support

Result<ReportLink> FindReportLink(Tx& tx, std::string_view token, std::string_view purpose,
                                  TimePoint now) {
  ReportLink link;
  auto row = tx.QueryOne(
      "SELECT id, purpose, request_id, document_id, expires_at, max_uses, uses, revoked_at "
      "FROM report_links WHERE token_hash = ?",
      {HashOf(token)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return link;
  const Row& r = **row;
  if (r.Text(1) != purpose || !r.IsNull(7)) return link;
  auto request = GetObject(tx, "report_request", r.Text(2), Scope{});
  if (!request.ok()) return std::move(request).error();
  if (!request->has_value()) return link;
  bool used_up = r.Int(6) >= r.Int(5);
  if (!used_up && !WorksFor((*request)->doc, purpose)) return link;
  auto expires = ParseRfc3339(r.Text(4));
  if (!expires.ok()) return std::move(expires).error();
  link.id = r.Text(0);
  link.purpose = r.Text(1);
  link.request_id = r.Text(2);
  link.document_id = r.IsNull(3) ? "" : r.Text(3);
  link.expires_at = *expires;
  link.max_uses = r.Int(5);
  link.uses = r.Int(6);
  link.request = std::move((*request)->doc);
  if (!link.document_id.empty()) {
    auto doc = GetObject(tx, "document", link.document_id, Scope{});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) return ReportLink{};
    link.document = std::move((*doc)->doc);
  }
  if (IsQuestionnaireRequest(link.request)) {
    const json::value* d = link.request.if_contains("delivery");
    std::string filename = d && d->is_object() ? StateString(d->as_object(), "filename") : "";
    link.document = json::object{{"filename", filename}};
    auto refusal = QuestionnaireLinkRefusal(tx, link.request, now);
    if (!refusal.ok()) return std::move(refusal).error();
    if (refusal->has_value()) link.refusal = (*refusal)->message;
  }
  link.state = link.uses >= link.max_uses ? LinkState::kUsedUp
               : link.expires_at <= now   ? LinkState::kExpired
                                          : LinkState::kValid;
  return link;
}

namespace {

Result<ReportLink> UsableLink(Tx& tx, std::string_view token, std::string_view purpose,
                              TimePoint now) {
  auto link = FindReportLink(tx, token, purpose, now);
  if (!link.ok()) return std::move(link).error();
  if (link->state == LinkState::kUnknown) return NotFound("link");
  if (link->state == LinkState::kExpired) {
    return Error{ErrorCode::kConflict, "this link has expired", {{"token", "expired", {}}}};
  }
  if (link->state == LinkState::kUsedUp) {
    return Error{ErrorCode::kConflict, "this link has been used up", {{"token", "used up", {}}}};
  }
  // Counted here, inside the transaction: two concurrent uses cannot both take the last one.
  auto n = tx.Exec("UPDATE report_links SET uses = uses + 1 WHERE id = ? AND uses = ?",
                   {link->id, link->uses});
  if (!n.ok()) return std::move(n).error();
  if (*n != 1) return Error{ErrorCode::kConflict, "this link was just used", {}};
  ++link->uses;
  return link;
}

}  // namespace

Result<json::object> AcceptNda(CommandContext& c, std::string_view token, const NdaAcceptance& a,
                               const ReportRequestSettings& settings) {
  TimePoint now = c.Now();
  auto link = UsableLink(c.tx(), token, "nda", now);
  if (!link.ok()) return std::move(link).error();
  json::object state = std::move(link->request);
  auto to = StatusAfter(state, wf::Action::kAcceptNda);
  if (!to.ok()) return std::move(to).error();
  std::string request_id = StateString(state, "id");
  std::string party_id = StateString(state, "party_id");
  domain::Actor requester{request_id, "requester"};
  std::string at = FormatRfc3339(now);

  // The exact text accepted, content addressed like every document.
  std::string_view text = settings.NdaText();
  std::string sha = HexEncode(Sha256(text));
  ACCORD_TRY(c.tx().Exec(
      "INSERT INTO documents(sha256, content_type, size, content, created_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
      {sha, "text/plain", static_cast<int64_t>(text.size()), BlobOf(AsBytes(text)), at}));
  json::object record{
      {"name", a.name},     {"email", a.email},        {"organisation", a.organisation},
      {"accepted_at", at},  {"address", a.address},    {"user_agent", a.user_agent},
      {"text_sha256", sha}, {"request_id", request_id}};

  const domain::KindSpec& spec = *domain::FindKind("agreement");
  std::string agreement_id = NewId("agr", now);
  std::string document_id = NewId("doc", now);
  auto agreement = domain::NewObject(
      spec,
      json::object{
          {"type", "nda"},
          {"title", "Click-through NDA"},
          {"status", "executed"},
          {"effective_at", at},
          {"expires_at", FormatRfc3339(now + std::chrono::months(settings.nda_valid_months))},
          {"signed_by", a.name}},
      agreement_id, party_id, now);
  if (!agreement.ok()) return std::move(agreement).error();
  (*agreement)["click_through"] = record;
  (*agreement)["document_id"] = document_id;
  auto created = c.Append(domain::Event{.type = "agreement.created",
                                        .actor = requester,
                                        .subject = {"agreement", agreement_id},
                                        .payload = json::object{{"state", *agreement}}});
  if (!created.ok()) return std::move(created).error();
  json::object doc{{"id", document_id},
                   {"party_id", party_id},
                   {"filename", "nda-" + sha.substr(0, 12) + ".txt"},
                   {"content_type", "text/plain"},
                   {"size", static_cast<int64_t>(text.size())},
                   {"sha256", sha},
                   {"uploaded_by", ActorJson(requester)},
                   {"agreement_id", agreement_id},
                   {"created_at", at},
                   {"updated_at", at},
                   {"version", 1}};
  auto uploaded = c.Append(domain::Event{.type = "document.uploaded",
                                         .actor = requester,
                                         .subject = {"document", document_id},
                                         .payload = json::object{{"state", doc}}});
  if (!uploaded.ok()) return std::move(uploaded).error();

  json::object nda = state["nda"].is_object() ? state["nda"].as_object() : json::object{};
  nda["agreement_id"] = agreement_id;
  nda["accepted_at"] = at;
  state["nda"] = std::move(nda);
  Step(state, "nda_accepted", *to, requester, now, "accepted by " + a.name);
  auto index = AppendRequest(c, "report_request.nda_accepted", requester, state,
                             json::object{{"acceptance", record}});
  if (!index.ok()) return std::move(index).error();
  ACCORD_TRY(TellDeciders(c, state));
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> RecordDownload(CommandContext& c, std::string_view token,
                                    const std::string& address, const std::string& user_agent) {
  TimePoint now = c.Now();
  auto link = UsableLink(c.tx(), token, "download", now);
  if (!link.ok()) return std::move(link).error();
  json::object state = std::move(link->request);
  auto to = StatusAfter(state, wf::Action::kDownload);
  if (!to.ok()) return std::move(to).error();
  domain::Actor requester{StateString(state, "id"), "requester"};
  std::string at = FormatRfc3339(now);
  // A customer's questionnaire: read now, as the customer's contacts read it (shared with this
  // customer, its NDA in force), its download recorded on the questionnaire too.
  json::object file;
  if (IsQuestionnaireRequest(state)) {
    auto refusal = QuestionnaireLinkRefusal(c.tx(), state, now);
    if (!refusal.ok()) return std::move(refusal).error();
    if (refusal->has_value()) return std::move(**refusal);
    QuestionnaireViewer contact{.role = "third_party_contact",
                                .party_id = StateString(state, "party_id")};
    auto csv = DownloadCustomerQuestionnaire(c, requester, contact,
                                             StateString(state, "questionnaire_id"));
    if (!csv.ok()) return std::move(csv).error();
    file = json::object{{"filename", StateString(link->document, "filename")},
                        {"content_type", "text/csv; charset=utf-8"},
                        {"sha256", HexEncode(Sha256(*csv))},
                        {"content", std::move(*csv)}};
  }
  json::object download{{"at", at},
                        {"email", Requester(state, "email")},
                        {"address", address},
                        {"user_agent", user_agent},
                        {"link_id", link->id},
                        {"number", link->uses}};
  if (!file.empty()) download["sha256"] = file.at("sha256");
  if (state["delivery"].is_object()) {
    json::object& delivery = state["delivery"].as_object();
    if (!delivery["downloads"].is_array()) delivery["downloads"] = json::array{};
    delivery["downloads"].as_array().push_back(download);
  }
  Step(state, "downloaded", *to, requester, now,
       "download " + std::to_string(link->uses) + " of " + std::to_string(link->max_uses));
  auto index = AppendRequest(c, "report_request.downloaded", requester, state,
                             json::object{{"download", download}});
  if (!index.ok()) return std::move(index).error();
  if (!file.empty()) return file;
  return std::move(link->document);
}

}  // namespace accord::storage
