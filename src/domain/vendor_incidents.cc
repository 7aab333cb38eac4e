// The vendor_incident kind (issue 27, TP-13/TP-14) and its assessment's body.
#include "accord/domain/vendor_incidents.h"

#include <string>

#include "output_fields.h"

namespace accord::domain {

using F = FieldType;
using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)

KindSpec VendorIncidentKind() {
  KindSpec k{.kind = "vendor_incident",
             .id_prefix = "vin",
             .parent_kind = "party",
             .name_field = "name",
             .tag_field = "impact",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("name"),
      Out("incident_id"),  // the vendor's own id of the incident
      Out("vendor_impact"),
      Out("vendor_status"),
      OutOpt("started_at", F::kTime),
      OutOpt("resolved_at", F::kTime),
      Out("component_ids", F::kStringList),
      Out("status"),
      OutOpt("impact"),  // our assessment: none | degraded | phi_involved
      OutObject("assessment", {Out("impact"), OutOpt("note", F::kText), ActorOut("by", true),
                               Out("at", F::kTime), OutOpt("finding_id")}),
      OutOpt("finding_id"),
  };
  // What we made of it is ours: a party's contacts do not see it.
  for (auto& f : k.fields) {
    if (f.name == "impact" || f.name == "assessment" || f.name == "finding_id") f.internal = true;
  }
  k.fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) k.fields.push_back(Out(f, F::kTime));
  k.fields.push_back(Out("version", F::kInt));
  k.fields.push_back(Out("party_id"));
  return k;
}

const std::vector<FieldSpec>& VendorIncidentAssessFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "impact",
       .type = F::kEnum,
       .required = true,
       .values = {"none", "degraded", "phi_involved"},
       .description = "what the vendor's incident meant for us: none, our service degraded, or "
                      "PHI involved"},
      {.name = "note", .type = F::kText, .max_length = 4000, .description = "why, in a few words"},
      {.name = "open_finding",
       .type = F::kBool,
       .description = "open a finding to follow it up (default: yes unless the impact is none)"},
  };
  return kFields;
}

}  // namespace accord::domain
