// The breach assessment's registry kinds and its command bodies (TR-8).
#include <string>

#include "accord/domain/breach.h"
#include "output_fields.h"

namespace accord::domain::breach {
namespace {

using F = FieldType;
using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)

FieldSpec In(std::string name, F type, bool required, std::string description = "",
             size_t max_length = 200) {
  return {.name = std::move(name),
          .type = type,
          .required = required,
          .max_length = max_length,
          .description = std::move(description)};
}

FieldSpec FactorIn(std::string_view factor) {
  FieldSpec f =
      In(std::string(factor), F::kObject, true,
         std::string(FactorTitle(factor)) + " (" + std::string(FactorCitation(factor)) + ")");
  f.fields = {
      {.name = "risk", .type = F::kEnum, .required = true, .values = {"low", "medium", "high"}},
      In("notes", F::kText, false, "the reasoning", 4000)};
  return f;
}

FieldSpec FactorOut(std::string_view factor) {
  return OutObject(std::string(factor), {Out("risk"), OutOpt("notes", F::kText)}, true);
}

void AddMeta(std::vector<FieldSpec>& fields, bool under_party) {
  fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) fields.push_back(Out(f, F::kTime));
  fields.push_back(Out("version", F::kInt));
  if (under_party) fields.push_back(Out("party_id"));
}

std::vector<std::string> ExclusionNames() {
  std::vector<std::string> out;
  for (Exclusion e : {Exclusion::kNone, Exclusion::kGoodFaithWorkforceUse,
                      Exclusion::kInadvertentAuthorizedDisclosure, Exclusion::kUnableToRetain}) {
    out.emplace_back(Name(e));
  }
  return out;
}

}  // namespace

KindSpec AssessmentKind() {
  KindSpec k{.kind = "breach_assessment",
             .id_prefix = "bra",
             .status_field = "status",
             .generic_write = false};
  std::vector<FieldSpec> factors;
  for (auto f : kFactors) factors.push_back(FactorOut(f));
  k.fields = {
      Out("incident_id"),
      Out("status"),
      Out("discovered_at", F::kTime),
      OutOpt("occurred_at", F::kTime),
      OutObject("factors", std::move(factors), true),
      Out("exclusion"),
      Out("phi_secured", F::kBool),
      OutObject("conclusion", {Out("breach", F::kBool), Out("basis"), Out("citation")}, true),
      Out("what_happened", F::kText),
      Out("phi_types", F::kText),
      OutOpt("individual_steps", F::kText),
      OutOpt("our_response", F::kText),
      OutOpt("contact", F::kText),
      Out("individuals", F::kInt),
      OutObject("law_enforcement_delay", {Out("written", F::kBool), Out("stated_at", F::kTime),
                                          Out("days", F::kInt), Out("official"), Out("document_id"),
                                          Out("ends_at", F::kTime), ActorOut("recorded_by")}),
      Out("notice_ids", F::kIdList),
      ActorOut("assessed_by", true),
  };
  AddMeta(k.fields, false);
  return k;
}

KindSpec NoticeKind() {
  KindSpec k{.kind = "breach_notice",
             .id_prefix = "brn",
             .parent_kind = "party",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("assessment_id"),
      Out("incident_id"),
      OutOpt("agreement_id"),
      Out("status"),
      Out("discovered_at", F::kTime),
      Out("deadline_at", F::kTime),
      Out("deadline_basis"),
      OutOpt("baa_notice_hours", F::kNumber),
      OutOpt("overdue", F::kBool),
      OutObject("notice", {Out("subject"), Out("body", F::kText)}, true),
      OutObject("sent", {Out("at", F::kTime), OutOpt("method"), OutOpt("recipient"),
                         OutOpt("note", F::kText), ActorOut("by")}),
      OutOpt("list_secure_message_id"),
      OutOpt("escalated_at", F::kTime),
  };
  AddMeta(k.fields, true);
  return k;
}

const std::vector<FieldSpec>& AssessFields() {
  static const std::vector<FieldSpec> kFields = [] {
    FieldSpec factors = In("factors", F::kObject, true, "the four factors of 164.402 (Breach)(2)");
    for (auto f : kFactors) factors.fields.push_back(FactorIn(f));
    FieldSpec exclusion{
        .name = "exclusion",
        .type = F::kEnum,
        .values = ExclusionNames(),
        .description = "an exclusion of 164.402 (Breach)(1)(i)-(iii); none by default"};
    return std::vector<FieldSpec>{
        In("discovered_at", F::kTime, false,
           "first day the breach was known (164.410(a)(2)); default: the incident's"),
        In("occurred_at", F::kTime, false, "when the breach happened, if known"),
        std::move(factors),
        std::move(exclusion),
        In("phi_secured", F::kBool, false, "encrypted or destroyed per HHS guidance"),
        In("what_happened", F::kText, true, "164.404(c)(1)(A)", 8000),
        In("phi_types", F::kText, true, "types of PHI involved, 164.404(c)(1)(B)", 4000),
        In("individual_steps", F::kText, false, "164.404(c)(1)(C); required for a breach", 4000),
        In("our_response", F::kText, false, "164.404(c)(1)(D); required for a breach", 4000),
        In("contact", F::kText, false, "164.404(c)(1)(E); required for a breach", 2000),
        {.name = "individuals",
         .type = F::kInt,
         .min = 0,
         .max = 1e9,
         .description = "how many individuals (the list goes by Secure Message)"},
        {.name = "customer_ids",
         .type = F::kIdList,
         .max_length = 500,
         .description = "the affected covered entities: customer parties with a BAA; required "
                        "for a breach"},
    };
  }();
  return kFields;
}

const std::vector<FieldSpec>& DelayFields() {
  static const std::vector<FieldSpec> kFields = {
      In("written", F::kBool, true, "a written statement (164.412(a)) or an oral one (164.412(b))"),
      In("stated_at", F::kTime, true, "when the official made the statement"),
      {.name = "days",
       .type = F::kInt,
       .required = true,
       .min = 1,
       .max = 3650,
       .description = "the period stated; an oral statement delays at most 30 days"},
      In("official", F::kString, true, "the official's name and agency"),
      In("document_id", F::kId, true, "the statement, or our record of an oral one"),
  };
  return kFields;
}

const std::vector<FieldSpec>& NoticeActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"send", "record_sent", "link_list"},
       .description = "send (email the notice now) | record_sent (sent another way) | link_list "
                      "(the Secure Message carrying the list of individuals)"},
      In("recipient", F::kEmail, false, "send: the covered entity's privacy contact"),
      In("sent_at", F::kTime, false, "record_sent: when (default now)"),
      In("method", F::kString, false, "record_sent: letter, phone, portal, ..."),
      In("note", F::kText, false, "", 2000),
      In("secure_message_id", F::kId, false, "link_list: the Secure Message"),
  };
  return kFields;
}

}  // namespace accord::domain::breach
