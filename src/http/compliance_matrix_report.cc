#include "compliance_matrix_report.h"

#include <boost/json.hpp>

#include "accord/domain/compliance_catalog.h"
#include "accord/domain/registry.h"
#include "accord/storage/compliance.h"

namespace accord::http {

storage::MatrixRenderer MatrixReportRenderer(const ApiDeps& deps) {
  const policy::Profile* profile = deps.profile;
  return [profile](storage::Tx& tx, TimePoint now, const std::string& party_id,
                   const std::string& format) -> Result<storage::RenderedReport> {
    if (!profile) return Internal("no policy profile");
    auto point = storage::ResolveCompliancePoint(tx, *profile, now, std::nullopt);
    if (!point.ok()) return std::move(point).error();
    auto matrix = storage::InheritanceMatrix(tx, domain::BuiltinCatalog(), *point, party_id);
    if (!matrix.ok()) return std::move(matrix).error();
    std::string name =
        "inheritance-matrix-" + party_id + "-" + FormatRfc3339(now).substr(0, 10) + "." + format;
    if (format == "csv") {
      return storage::RenderedReport{name, "text/csv", storage::MatrixCsv(*matrix)};
    }
    return storage::RenderedReport{
        name, "text/html", MatrixHtml(*matrix, domain::StateString(*matrix, "organisation"))};
  };
}

}  // namespace accord::http
