#include "accord/storage/soc2_reports.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/soc2.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/soc2_report.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::soc2_report;

namespace {

// Owners of complementary user-entity controls: active accounts of our workforce.
Status CheckControlOwners(Tx& tx, const json::object& state) {
  const json::value* cs = state.if_contains("user_entity_controls");
  if (!cs || !cs->is_array()) return Ok();
  const json::array& arr = cs->as_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_object()) continue;
    std::string owner = StateString(arr[i].as_object(), "owner_id");
    if (owner.empty()) continue;
    auto user = GetObject(tx, "user", owner, Scope{});
    if (!user.ok()) return std::move(user).error();
    std::string field = "user_entity_controls[" + std::to_string(i) + "].owner_id";
    if (!user->has_value()) return ValidationError(field, "no account has id " + owner);
    const json::object& u = (*user)->doc;
    if (!domain::IsWorkforceRole(StateString(u, "role")) || StateString(u, "status") != "active") {
      return ValidationError(field, "must be an active account of our workforce (" +
                                        StateString(u, "email") + " is not)");
    }
  }
  return Ok();
}

// The report and its bridge letter must be documents of the report's own party.
Status CheckDocuments(Tx& tx, const std::string& party_id, const json::object& body) {
  std::vector<ErrorDetail> details;
  auto check = [&](const std::string& id, const std::string& field) -> Status {
    if (id.empty()) return Ok();
    auto doc = GetObject(tx, "document", id, Scope{party_id});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) details.push_back({field, "no document of this party has id " + id, {}});
    return Ok();
  };
  ACCORD_TRY(check(StateString(body, "document_id"), "document_id"));
  if (const json::value* b = body.if_contains("bridge_letter"); b && b->is_object()) {
    ACCORD_TRY(check(StateString(b->as_object(), "document_id"), "bridge_letter.document_id"));
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return Ok();
}

Status CheckReviewedAt(const json::object& body, TimePoint now) {
  std::string text = StateString(body, "reviewed_at");
  if (text.empty()) return Ok();
  auto t = ParseRfc3339(text);
  if (t.ok() && *t > now) return ValidationError("reviewed_at", "must not be in the future");
  return Ok();
}

}  // namespace

Result<json::object> SubmitSoc2Report(CommandContext& c, const domain::Actor& actor,
                                      const std::string& party_id, const json::object& body,
                                      const Scope& scope, const policy::ReviewsPolicy& policy) {
  auto party = GetObject(c.tx(), "party", party_id, scope);
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);
  ACCORD_TRY(CheckControlOwners(c.tx(), body));
  ACCORD_TRY(CheckReviewedAt(body, c.Now()));
  ACCORD_TRY(CheckDocuments(c.tx(), party_id, body));
  auto created = CreateRegistryObject(c, "soc2_report", party_id, body, actor, scope);
  if (!created.ok()) return std::move(created).error();
  json::object report = std::move(created->as_object());
  if (!body.contains("reviewed_at")) return report;
  auto findings = RaiseSoc2Findings(c, actor, report, policy);
  if (!findings.ok()) return std::move(findings).error();
  if (findings->empty()) return report;
  // The report's own state names its findings, in a second version.
  json::array ids;
  for (const auto& f : *findings) ids.push_back(json::value(f));
  report.erase("ledger_index");
  report["finding_ids"] = std::move(ids);
  report["reviewed_by"] = domain::ActorJson(actor);
  auto index =
      review_support::AppendState(c, "soc2_report", "soc2_report.findings_opened", actor, report);
  if (!index.ok()) return std::move(index).error();
  report["ledger_index"] = static_cast<int64_t>(*index);
  return report;
}

Result<json::object> ReviewSoc2Report(CommandContext& c, const domain::Actor& actor,
                                      const std::string& id, const json::object& body,
                                      const policy::ReviewsPolicy& policy) {
  auto loaded = review_support::Load(c.tx(), "soc2_report", id, "SOC 2 report");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  wf::State from = wf::StateOf(StateString(state, "status"));
  if (!wf::Next(from, wf::Action::kReview)) {
    return review_support::Conflict(
        "SOC 2 report " + id + " is " + std::string(wf::Name(from)) + " already", "action",
        "possible: " + wf::PossibleActions(from));
  }
  ACCORD_TRY(CheckControlOwners(c.tx(), body));
  ACCORD_TRY(CheckReviewedAt(body, c.Now()));
  for (const char* field : {"exceptions", "user_entity_controls", "summary"}) {
    if (const json::value* v = body.if_contains(field)) state[field] = *v;
  }
  state["reviewed_at"] =
      body.contains("reviewed_at") ? body.at("reviewed_at") : json::value(FormatRfc3339(c.Now()));
  std::vector<ErrorDetail> details;
  domain::CheckObject(*domain::FindKind("soc2_report"), state, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  state["status"] = std::string(wf::Name(*wf::Next(from, wf::Action::kReview)));
  state["reviewed_by"] = domain::ActorJson(actor);
  state.erase("ledger_index");
  auto findings = RaiseSoc2Findings(c, actor, state, policy);
  if (!findings.ok()) return std::move(findings).error();
  json::array ids;
  for (const auto& f : *findings) ids.push_back(json::value(f));
  state["finding_ids"] = std::move(ids);
  review_support::Bump(state, c.Now());
  auto index = review_support::AppendState(c, "soc2_report", "soc2_report.reviewed", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace accord::storage
