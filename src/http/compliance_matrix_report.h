// A customer's inheritance matrix for an approved inheritance-matrix request (issue 23, the
// trust center's NDA-gated delivery; docs/trust.md): HTML or CSV, at the approval's instant,
// with the store's profile.
#pragma once

#include "accord/http/api.h"
#include "accord/storage/report_requests.h"

namespace accord::http {

storage::MatrixRenderer MatrixReportRenderer(const ApiDeps& deps);

}  // namespace accord::http
