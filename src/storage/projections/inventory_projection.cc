// The vendor inventory's read model (issue 20, item 3): rm_party_inventory, one row per live
// party with its BAA and SLA, SOC 2 period and reviews, kept by storage/party_inventory.cc.
// Runs after the registry and reviews projections, whose tables it reads.
#include <boost/json.hpp>

#include "accord/storage/party_inventory.h"
#include "accord/storage/projection.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

class InventoryProjection final : public Projection {
 public:
  std::string_view name() const override { return "inventory"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_party_inventory", "party_id"}};
  }

  Status Apply(Tx& tx, uint64_t, const domain::Event& e) override {
    const json::value* state = e.payload.if_contains("state");
    const json::object* doc = state && state->is_object() ? &state->as_object() : nullptr;
    return ProjectPartyInventory(tx, e.subject.kind, e.subject.id, e.type, doc);
  }
};

}  // namespace

std::unique_ptr<Projection> MakeInventoryProjection() {
  return std::make_unique<InventoryProjection>();
}

}  // namespace accord::storage
