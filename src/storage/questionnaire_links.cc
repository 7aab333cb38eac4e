// A customer's answered questionnaire through the trust center (questionnaire_links.h): an
// audit-report request of type customer_questionnaire, sent by an officer, delivered and
// downloaded by the requests' own links.
#include "accord/storage/questionnaire_links.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/customer_questionnaires.h"
#include "accord/storage/registry_store.h"
#include "report_request_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
using namespace report_request_support;  // NOLINT: the requests' own helpers

namespace {

Result<std::optional<json::object>> Questionnaire(Tx& tx, const std::string& id) {
  auto row = tx.QueryOne("SELECT doc FROM rm_customer_questionnaires WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  return std::optional<json::object>(json::parse((*row)->Text(0)).as_object());
}

int64_t IntOr(const json::object& body, std::string_view key, int64_t fallback) {
  const json::value* v = body.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : fallback;
}

}  // namespace

namespace report_request_support {

bool IsQuestionnaireRequest(const json::object& request) {
  return StateString(request, "report_type") == kQuestionnaireReportType;
}

Status DeliverQuestionnaire(CommandContext& c, json::object& state, int64_t days,
                            int64_t max_downloads, const ReportRequestSettings& settings) {
  auto refusal = QuestionnaireLinkRefusal(c.tx(), state, c.Now());
  if (!refusal.ok()) return std::move(refusal).error();
  if (refusal->has_value()) {
    Error e = std::move(**refusal);
    e.code = ErrorCode::kConflict;  // to the officer: not possible now
    return e;
  }
  std::string questionnaire_id = StateString(state, "questionnaire_id");
  auto q = Questionnaire(c.tx(), questionnaire_id);
  if (!q.ok()) return std::move(q).error();
  TimePoint now = c.Now();
  auto link = IssueLink(c.tx(), "download", StateString(state, "id"), "",
                        now + std::chrono::days(days), max_downloads, now);
  if (!link.ok()) return std::move(link).error();
  json::array downloads = DeliveredDownloads(state);
  state["delivery"] = json::object{{"questionnaire_id", questionnaire_id},
                                   {"filename", StateString(**q, "name") + ".csv"},
                                   {"link_id", link->id},
                                   {"expires_at", FormatRfc3339(link->expires_at)},
                                   {"max_downloads", max_downloads},
                                   {"downloads", std::move(downloads)}};
  return MailRequester(
      c.tx(), state, "download:" + link->id, "Our answers to your security questionnaire",
      "We have answered your security questionnaire. Download our answers from our trust center "
      "here (the page has a Download button):\n\n" +
          settings.link_base + "/downloads/" + link->token + "\n\nThe link is personal: it works " +
          std::to_string(max_downloads) + (max_downloads == 1 ? " time" : " times") + " until " +
          FormatRfc3339(link->expires_at).substr(0, 10) +
          ", only while the NDA between your organisation and us is in force, and every download "
          "is recorded.\n" +
          ContactLine(settings),
      true, now);
}

}  // namespace report_request_support

Result<std::optional<Error>> QuestionnaireLinkRefusal(Tx& tx, const json::object& request,
                                                      TimePoint now) {
  std::string party_id = StateString(request, "party_id");
  auto q = Questionnaire(tx, StateString(request, "questionnaire_id"));
  if (!q.ok()) return std::move(q).error();
  if (!q->has_value() || StateString(**q, "party_id") != party_id ||
      StateString(**q, "status") != "shared") {
    return std::optional<Error>(
        Error{ErrorCode::kForbidden,
              "We no longer share this questionnaire with your organisation, so it cannot be "
              "downloaded. If you still need it, ask the person who sent you the link.",
              {{"questionnaire_id", "is not shared with this customer", {}}}});
  }
  auto nda = NdaInForce(tx, party_id, now);
  if (!nda.ok()) return std::move(nda).error();
  if (!nda->has_value()) {
    return std::optional<Error>(
        Error{ErrorCode::kForbidden,
              "The non-disclosure agreement between your organisation and us is no longer in "
              "force, so this questionnaire cannot be downloaded. Ask us for a new link: you "
              "will be asked to accept a new NDA first.",
              {{"nda", "no executed NDA of the customer is in force", {}}}});
  }
  return std::optional<Error>();
}

Result<json::object> SendQuestionnaireLink(CommandContext& c, const domain::Actor& actor,
                                           const std::string& questionnaire_id,
                                           const json::object& body,
                                           const ReportRequestSettings& settings) {
  auto q = Questionnaire(c.tx(), questionnaire_id);
  if (!q.ok()) return std::move(q).error();
  if (!q->has_value()) return NotFound("customer questionnaire " + questionnaire_id);
  const json::object& questionnaire = **q;
  std::string status = StateString(questionnaire, "status");
  if (status != "shared") {
    return Error{ErrorCode::kConflict,
                 "the questionnaire is " + status + ": share it with the customer first",
                 {{"status", "must be shared", {}}}};
  }
  std::string party_id = StateString(questionnaire, "party_id");
  std::string contact_id = StateString(body, "contact_id");
  auto contact = GetObject(c.tx(), "contact", contact_id, Scope{});
  if (!contact.ok()) return std::move(contact).error();
  if (!contact->has_value() || (*contact)->party_id != party_id) {
    return ValidationError("contact_id", "must be a contact of the questionnaire's customer");
  }
  std::string email = StateString((*contact)->doc, "email");
  if (email.empty()) return ValidationError("contact_id", "the contact has no email address");
  auto party = GetObject(c.tx(), "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);

  json::object fields{{"name", StateString((*contact)->doc, "name")},
                      {"email", email},
                      {"organisation", StateString((*party)->doc, "name")},
                      {"report_type", kQuestionnaireReportType},
                      {"party_id", party_id},
                      {"questionnaire_id", questionnaire_id}};
  auto request = SubmitReportRequest(c, actor, fields, {"questionnaire", ""}, settings);
  if (!request.ok()) return request;
  // NDA in force: the officer who sends the link approves it now. Otherwise the contact was
  // sent the click-through NDA, and an officer approves once it is accepted.
  if (StateString(*request, "status") != "in_progress") return request;
  json::object approve{{"action", "approve"},
                       {"expires_in_days", IntOr(body, "expires_in_days", 14)},
                       {"max_downloads", IntOr(body, "max_downloads", 5)}};
  return ReportRequestAction(c, actor, StateString(*request, "id"), approve, settings);
}

Result<json::array> QuestionnaireLinksSent(Tx& tx, const std::string& questionnaire_id) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'report_request' AND to_idx = ? AND tag = ? AND "
      "doc LIKE ? ORDER BY id DESC LIMIT 50",
      {kOpenVersion, kQuestionnaireReportType, "%" + questionnaire_id + "%"});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (!doc || StateString(*doc, "questionnaire_id") != questionnaire_id) continue;
    int64_t downloads = 0;
    if (const json::value* d = doc->if_contains("delivery"); d && d->is_object()) {
      if (const json::value* n = d->as_object().if_contains("downloads"); n && n->is_array()) {
        downloads = static_cast<int64_t>(n->as_array().size());
      }
    }
    out.push_back(json::object{{"request_id", StateString(*doc, "id")},
                               {"name", Requester(*doc, "name")},
                               {"email", Requester(*doc, "email")},
                               {"status", StateString(*doc, "status")},
                               {"sent_at", StateString(*doc, "created_at")},
                               {"downloads", downloads}});
  }
  return out;
}

}  // namespace accord::storage
