#include "party_inventory_http.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

#include "accord/core/csv.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"

namespace accord::http::party_inventory {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr const char* kStateParams[] = {"baa", "sla"};
constexpr const char* kBeforeParams[] = {"baa_expires_before", "sla_expires_before",
                                         "soc2_period_end_before", "next_review_before"};

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// "2026-12-01" or an RFC 3339 time, as RFC 3339.
Result<std::string> TimeParam(const Context& ctx, const char* name) {
  std::string text(ctx.Query(name));
  if (text.size() == 10) text += "T00:00:00Z";
  auto t = ParseRfc3339(text);
  if (!t.ok()) return ValidationError(name, "must be a date (YYYY-MM-DD) or an RFC 3339 time");
  return FormatRfc3339(*t);
}

std::string Words(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string AgreementWords(std::string_view state) {
  if (state == "in_force") return "In force";
  if (state == "unsigned") return "Not signed";
  if (state == "none") return "None";
  return Words(state);
}

std::string Day(const json::value* v) {
  if (!v || !v->is_string()) return "";
  return std::string(v->as_string().subview(0, 10));
}

}  // namespace

std::vector<ParamDoc> Params() {
  return {
      {"sort", "query", "string", false,
       "inventory order: " + Joined(storage::InventorySorts()) +
           " (created by default); a leading - sorts descending; parties without a value last"},
      {"baa", "query", "string", false, "filter by the BAA: " + Joined(storage::AgreementStates())},
      {"sla", "query", "string", false, "filter by the SLA: " + Joined(storage::AgreementStates())},
      {"baa_expires_before", "query", "string", false, "filter: the BAA expires before (date)"},
      {"sla_expires_before", "query", "string", false, "filter: the SLA expires before (date)"},
      {"soc2_period_end_before", "query", "string", false,
       "filter: the latest SOC 2 period ended before (date)"},
      {"next_review_before", "query", "string", false, "filter: a review is due before (date)"},
  };
}

bool WantsCsv(const Context& ctx) {
  return ctx.request.HeaderValue("Accept").find("text/csv") != std::string_view::npos;
}

Result<std::optional<storage::InventoryQuery>> ParseQuery(const Context& ctx, bool org_wide) {
  std::string_view sort = ctx.Query("sort");
  std::vector<const char*> used;
  if (!sort.empty()) used.push_back("sort");
  for (const char* p : kStateParams) {
    if (!ctx.Query(p).empty()) used.push_back(p);
  }
  for (const char* p : kBeforeParams) {
    if (!ctx.Query(p).empty()) used.push_back(p);
  }
  if (used.empty()) return std::optional<storage::InventoryQuery>();
  if (!org_wide) {
    return ValidationError(used.front(),
                           "is the organisation's inventory: not for a third party's contact");
  }
  for (const char* p : {"as_of", "agreement_type", "order"}) {
    if (!ctx.Query(p).empty()) {
      return ValidationError(
          used.front(),
          std::string("cannot be combined with ") + p +
              (std::string_view(p) == "as_of" ? ": the inventory is the current state" : ""));
    }
  }
  storage::InventoryQuery q;
  q.kind = std::string(ctx.Query("kind"));
  q.status = std::string(ctx.Query("status"));
  q.q = std::string(ctx.Query("q"));
  q.risk_tier = std::string(ctx.Query("risk_tier"));
  q.sort = "created";
  if (!sort.empty()) {
    q.descending = sort.front() == '-';
    std::string name(q.descending ? sort.substr(1) : sort);
    const auto& sorts = storage::InventorySorts();
    if (name != "created" && std::find(sorts.begin(), sorts.end(), name) == sorts.end()) {
      return ValidationError(
          "sort", "must be created, " + Joined(sorts) + ", each with a leading - for descending");
    }
    q.sort = name;
  }
  const auto& states = storage::AgreementStates();
  for (const char* p : kStateParams) {
    std::string v(ctx.Query(p));
    if (v.empty()) continue;
    if (std::find(states.begin(), states.end(), v) == states.end()) {
      return ValidationError(p, "must be one of " + Joined(states));
    }
    (std::string_view(p) == "baa" ? q.baa_state : q.sla_state) = v;
  }
  std::string* targets[] = {&q.baa_expires_before, &q.sla_expires_before, &q.soc2_period_end_before,
                            &q.next_review_before};
  for (size_t i = 0; i < std::size(kBeforeParams); ++i) {
    if (ctx.Query(kBeforeParams[i]).empty()) continue;
    auto t = TimeParam(ctx, kBeforeParams[i]);
    if (!t.ok()) return std::move(t).error();
    *targets[i] = std::move(*t);
  }
  return std::optional<storage::InventoryQuery>(std::move(q));
}

Status AddInventory(storage::Tx& tx, json::array& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(StateString(item.as_object(), "id"));
  auto inventory = storage::InventoryOf(tx, ids);
  if (!inventory.ok()) return std::move(inventory).error();
  for (auto& item : items) {
    auto it = inventory->find(StateString(item.as_object(), "id"));
    if (it == inventory->end()) continue;
    it->second.erase("risk_tier");  // the party's own field says it
    item.as_object()["inventory"] = std::move(it->second);
  }
  return Ok();
}

std::string CsvHeader() {
  std::string out;
  std::vector<std::string> header = {
      "Name", "Kind",        "Status",           "Risk tier",   "BAA",         "BAA expires",
      "SLA",  "SLA expires", "SOC 2 period end", "Last review", "Next review", "Id"};
  AppendCsvRow(out, header);
  return out;
}

void AppendCsv(std::string& out, const json::array& items) {
  for (const auto& item : items) {
    const json::object& p = item.as_object();
    std::vector<std::string> row = {StateString(p, "name"), Words(StateString(p, "kind")),
                                    Words(StateString(p, "status")),
                                    Words(StateString(p, "risk_tier"))};
    const json::value* inv = p.if_contains("inventory");
    const json::object* i = inv && inv->is_object() ? &inv->as_object() : nullptr;
    for (const char* type : {"baa", "sla"}) {
      const json::value* a = i ? i->if_contains(type) : nullptr;
      if (a && a->is_object()) {
        row.push_back(AgreementWords(StateString(a->as_object(), "state")));
        row.push_back(Day(a->as_object().if_contains("expires_at")));
      } else {
        row.insert(row.end(), {"", ""});
      }
    }
    for (const char* f : {"soc2_period_end", "last_review_at", "next_review_at"}) {
      row.push_back(i ? Day(i->if_contains(f)) : "");
    }
    row.push_back(StateString(p, "id"));
    AppendCsvRow(out, row);
  }
}

}  // namespace accord::http::party_inventory
