// Read models: tables derived only from ledger events, rebuilt by replaying the ledger.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "accord/domain/event.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct ProjectedTable {
  std::string name;
  std::string order_by;  // a total order, so digests are stable
};

class Projection {
 public:
  virtual ~Projection() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<ProjectedTable> tables() const = 0;
  // Called for every appended event, in ledger order, inside the appending transaction.
  virtual Status Apply(Tx& tx, uint64_t index, const domain::Event& event) = 0;
};

using Projections = std::vector<std::unique_ptr<Projection>>;

// Every read model Accord has; later features add theirs here.
Projections DefaultProjections();

// Each projection's factory (one file each under src/storage/projections/).
std::unique_ptr<Projection> MakeOrgProjection();
std::unique_ptr<Projection> MakeSigningKeyProjection();
std::unique_ptr<Projection> MakeSubjectEventProjection();
std::unique_ptr<Projection> MakeNoteProjection();
std::unique_ptr<Projection> MakeApiTokenProjection();
std::unique_ptr<Projection> MakeRegistryProjection();
std::unique_ptr<Projection> MakeReviewsProjection();

}  // namespace accord::storage
