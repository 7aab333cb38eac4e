// Vendor incidents (issue 27, TP-13/TP-14): the registry kind (`vendor_incident`, ids `vin_…`,
// under its party) and the body of its assessment. The workflow is workflow/vendor_incident.h.
#pragma once

#include <vector>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain {

KindSpec VendorIncidentKind();
// POST /api/v1/vendor-incidents/{id}/assess: impact (none | degraded | phi_involved), note,
// open_finding (default: true unless the impact is none).
const std::vector<FieldSpec>& VendorIncidentAssessFields();

}  // namespace accord::domain
