// What the OSCAL exports share (compliance_oscal.cc, compliance_oscal_catalog.cc).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "accord/domain/compliance_catalog.h"

namespace accord::storage::oscal {

extern const char* const kHipaaSource;  // the regulation's text, cited as a back-matter link

// A UUID derived from `name` (the same export twice is the same document).
std::string Uuid(std::string_view name);
// An OSCAL token for a catalog id: "164.308(b)(1)" → "hipaa-164.308-b-1", "TP-11" → "accord-tp-11".
std::string ControlToken(const domain::CatalogControl& c);
// OSCAL metadata: title, times, version, the provider and customer roles, the organisation.
boost::json::object Metadata(const std::string& title, const std::string& org,
                             const std::string& at);

}  // namespace accord::storage::oscal
