#include "accord/storage/agreement_renewal.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::agreement;

const std::vector<domain::FieldSpec>& AgreementRenewalFields() {
  using F = domain::FieldType;
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "effective_at",
       .type = F::kTime,
       .required = true,
       .description = "when the renewed agreement takes effect"},
      {.name = "expires_at", .type = F::kTime, .description = "when it ends (after effective_at)"},
      {.name = "status",
       .type = F::kEnum,
       .values = {"draft", "sent", "executed"},
       .description = "draft (default), sent for signature, or executed (signed already)"},
      {.name = "signed_by", .type = F::kString, .description = "who signed for the third party"},
      {.name = "title", .type = F::kString, .description = "default: the renewed one's title"},
  };
  return kFields;
}

Result<wf::Facts> AgreementFacts(Tx& tx, const json::object& agreement) {
  wf::Facts facts;
  std::string next = StateString(agreement, "renewed_by");
  if (next.empty()) return facts;
  auto successor = GetObject(tx, "agreement", next, Scope{});
  if (!successor.ok()) return std::move(successor).error();
  // A renewal that was deleted (a draft) or terminated fell through: renew again.
  if (successor->has_value() && StateString((*successor)->doc, "status") != "terminated") {
    facts.renewed_by = next;
  }
  return facts;
}

Result<json::object> RenewAgreement(CommandContext& c, const domain::Actor& actor,
                                    const std::string& id, const json::object& body) {
  auto loaded = GetObject(c.tx(), "agreement", id, Scope{});
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value()) return NotFound("agreement " + id);
  StoredObject old = std::move(**loaded);
  std::string status = StateString(old.doc, "status");
  auto state = wf::ParseState(status);
  if (!state) return Internal("agreement " + id + " has an unknown status " + status);
  if (!wf::Next(*state, wf::Action::kRenew)) {
    return Error{ErrorCode::kConflict,
                 "only an executed or expired agreement is renewed; this one is " + status +
                     " (possible: " + wf::PossibleActions(*state) + ")",
                 {{"status", "is " + status, {}}}};
  }
  auto facts = AgreementFacts(c.tx(), old.doc);
  if (!facts.ok()) return std::move(facts).error();
  if (auto no = wf::RenewalRefusal(*facts, wf::Action::kRenew)) return *no;

  // The old terms, the new dates: a renewal keeps what was agreed, not what happened to the
  // old paper (who signed it, a click-through record, its documents).
  json::object next_body;
  for (const char* f :
       {"type", "title", "renewal_notice_days", "review_rrule", "data_use", "baa", "sla"}) {
    if (const json::value* v = old.doc.if_contains(f); v && !v->is_null()) next_body[f] = *v;
  }
  for (const auto& [k, v] : body) next_body[k] = v;
  if (!next_body.contains("status")) next_body["status"] = "draft";
  const domain::KindSpec& spec = *domain::FindKind("agreement");
  std::string next_id = NewId(spec.id_prefix, c.Now());
  auto next = domain::NewObject(spec, next_body, next_id, old.party_id, c.Now());
  if (!next.ok()) return std::move(next).error();
  (*next)["renews"] = id;
  auto created = c.Append(domain::Event{.type = "agreement.created",
                                        .actor = actor,
                                        .subject = {"agreement", next_id},
                                        .payload = json::object{{"state", *next}}});
  if (!created.ok()) return std::move(created).error();

  old.doc["renewed_by"] = next_id;
  old.doc["updated_at"] = FormatRfc3339(c.Now());
  old.doc["version"] = old.doc.at("version").as_int64() + 1;
  auto renewed = c.Append(domain::Event{
      .type = "agreement.renewed",
      .actor = actor,
      .subject = {"agreement", id},
      .payload = json::object{{"state", old.doc}, {"changed", json::array{"renewed_by"}}}});
  if (!renewed.ok()) return std::move(renewed).error();
  return ObjectView(
      StoredObject{next_id, old.party_id, "", static_cast<int64_t>(*created), std::move(*next)});
}

}  // namespace accord::storage
