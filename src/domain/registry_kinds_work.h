// The registry kinds of our own work (grants, users, reviews, findings, ...), defined in
// registry_kinds_work.cc; RegistryKinds() (registry_kinds.cc) lists them with the rest.
#pragma once

#include "accord/domain/registry.h"

namespace accord::domain::work_kinds {

KindSpec Grant();
KindSpec User();
KindSpec EntitlementReview();
KindSpec Alert();
KindSpec Review();
KindSpec Soc2Report();
KindSpec ReportRequest();
KindSpec ChangeNotice();
KindSpec Finding();
KindSpec Connection();

}  // namespace accord::domain::work_kinds
