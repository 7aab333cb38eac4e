#include "accord/storage/party_inventory.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/domain/registry.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// The sortable columns, by the API's name. risk_tier sorts by rank (high = 3), so ascending
// is low first.
struct SortColumn {
  const char* api;
  const char* column;
};
constexpr SortColumn kSorts[] = {
    {"created", "party_id"},
    {"name", "name_lc"},
    {"risk_tier", "risk_rank"},
    {"baa_expires_at", "baa_expires_at"},
    {"sla_expires_at", "sla_expires_at"},
    {"soc2_period_end", "soc2_period_end"},
    {"last_review_at", "last_review_at"},
    {"next_review_at", "next_review_at"},
};

const char* ColumnOf(std::string_view sort) {
  for (const auto& s : kSorts) {
    if (sort == s.api) return s.column;
  }
  return nullptr;
}

int64_t RiskRank(std::string_view tier) {
  return tier == "high" ? 3 : tier == "medium" ? 2 : tier == "low" ? 1 : 0;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value(Null()) : Value(s); }

// The BAA or SLA columns of one party: the executed agreement with the latest expiry (no
// expiry counts as latest), else the latest expired one, else a terminated one, else a draft.
struct AgreementColumns {
  std::string state = "none";
  std::string expires_at;
  std::string id;
};

Result<AgreementColumns> AgreementsOf(Tx& tx, const std::string& party_id, const char* type) {
  auto rows = tx.Query(
      "SELECT id, status, doc FROM rm_objects WHERE party_id = ? AND kind = 'agreement' AND "
      "to_idx = ? AND tag = ? ORDER BY id",
      {party_id, kOpenVersion, std::string(type)});
  if (!rows.ok()) return std::move(rows).error();
  auto rank = [](const std::string& state) {
    return state == "in_force" ? 4 : state == "expired" ? 3 : state == "terminated" ? 2 : 1;
  };
  AgreementColumns best;
  int best_rank = 0;
  for (const auto& r : *rows) {
    std::string status = r.Text(1);
    std::string state = status == "executed"     ? "in_force"
                        : status == "expired"    ? "expired"
                        : status == "terminated" ? "terminated"
                                                 : "unsigned";
    auto doc = domain::ParseStateDoc(r.Text(2));
    std::string expires = doc ? StateString(*doc, "expires_at") : "";
    int k = rank(state);
    // Within a state, the later expiry wins ("" = none: latest while in force).
    bool later = state == "in_force" ? (best.expires_at.empty() ? false
                                        : expires.empty()       ? true
                                                                : expires > best.expires_at)
                                     : expires > best.expires_at;
    if (k > best_rank || (k == best_rank && later)) {
      best = {state, expires, r.Text(0)};
      best_rank = k;
    }
  }
  return best;
}

Status UpdateAgreement(Tx& tx, const std::string& party_id, const char* type) {
  auto a = AgreementsOf(tx, party_id, type);
  if (!a.ok()) return std::move(a).error();
  std::string prefix = type;  // "baa" | "sla": the columns' names
  return tx.ExecDeferred("UPDATE rm_party_inventory SET " + prefix + "_state = ?, " + prefix +
                             "_expires_at = ?, " + prefix + "_id = ? WHERE party_id = ?",
                         {a->state, TextOrNull(a->expires_at), TextOrNull(a->id), party_id});
}

Status UpdateReviews(Tx& tx, const std::string& party_id) {
  auto last = tx.QueryOne(
      "SELECT MAX(approved_at) FROM rm_reviews WHERE party_id = ? AND approved_at IS NOT NULL",
      {party_id});
  if (!last.ok()) return std::move(last).error();
  auto next = tx.QueryOne("SELECT MIN(due_at) FROM rm_reviews WHERE party_id = ? AND is_open = 1",
                          {party_id});
  if (!next.ok()) return std::move(next).error();
  auto text = [](const std::optional<Row>& row) {
    return row && !row->IsNull(0) ? Value(row->Text(0)) : Value(Null());
  };
  return tx.ExecDeferred(
      "UPDATE rm_party_inventory SET last_review_at = ?, next_review_at = ? WHERE party_id = ?",
      {text(*last), text(*next), party_id});
}

Status UpdateSoc2(Tx& tx, const std::string& party_id) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE party_id = ? AND kind = 'soc2_report' AND to_idx = ?",
      {party_id, kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::string end;
  for (const auto& r : *rows) {
    if (auto doc = domain::ParseStateDoc(r.Text(0)))
      end = std::max(end, StateString(*doc, "period_end"));
  }
  return tx.ExecDeferred("UPDATE rm_party_inventory SET soc2_period_end = ? WHERE party_id = ?",
                         {TextOrNull(end), party_id});
}

Status UpsertParty(Tx& tx, const std::string& party_id, const json::object& state) {
  int64_t rank = RiskRank(StateString(state, "risk_tier"));
  return tx.ExecDeferred(
      "INSERT INTO rm_party_inventory(party_id, name_lc, kind, status, risk_rank, baa_state, "
      "sla_state) VALUES (?, ?, ?, ?, ?, 'none', 'none') ON CONFLICT(party_id) DO UPDATE SET "
      "name_lc = excluded.name_lc, kind = excluded.kind, status = excluded.status, "
      "risk_rank = excluded.risk_rank",
      {party_id, domain::Lowercase(StateString(state, "name")), StateString(state, "kind"),
       StateString(state, "status"), rank ? Value(rank) : Value(Null())});
}

// The party an object filed under one belongs to, from its newest stored version.
Result<std::string> PartyOf(Tx& tx, std::string_view kind, std::string_view id,
                            const json::object* state) {
  if (state) {
    std::string p = StateString(*state, "party_id");
    if (!p.empty()) return p;
  }
  auto row = tx.QueryOne(
      "SELECT party_id FROM rm_objects WHERE kind = ? AND id = ? ORDER BY from_idx DESC LIMIT 1",
      {std::string(kind), std::string(id)});
  if (!row.ok()) return std::move(row).error();
  return row->has_value() ? (*row)->Text(0) : std::string();
}

const char* TierName(int64_t rank) {
  return rank == 3 ? "high" : rank == 2 ? "medium" : rank == 1 ? "low" : nullptr;
}

constexpr const char* kInventoryColumns =
    "i.party_id, i.risk_rank, i.baa_state, i.baa_expires_at, i.baa_id, i.sla_state, "
    "i.sla_expires_at, i.sla_id, i.soc2_period_end, i.last_review_at, i.next_review_at";

json::object InventoryJson(const Row& r) {
  auto text = [&](int i) { return r.IsNull(i) ? json::value(nullptr) : json::value(r.Text(i)); };
  return json::object{
      {"baa",
       json::object{{"state", r.Text(2)}, {"expires_at", text(3)}, {"agreement_id", text(4)}}},
      {"sla",
       json::object{{"state", r.Text(5)}, {"expires_at", text(6)}, {"agreement_id", text(7)}}},
      {"soc2_period_end", text(8)},
      {"last_review_at", text(9)},
      {"next_review_at", text(10)}};
}

}  // namespace

const std::vector<std::string>& AgreementStates() {
  static const std::vector<std::string> kStates = {"in_force", "expired", "terminated", "unsigned",
                                                   "none"};
  return kStates;
}

const std::vector<std::string>& InventorySorts() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    for (const auto& s : kSorts) out.emplace_back(s.api);
    return out;
  }();
  return kNames;
}

Status ProjectPartyInventory(Tx& tx, std::string_view subject_kind, std::string_view subject_id,
                             std::string_view event_type, const json::object* state) {
  bool deleted = event_type.ends_with(".deleted");
  if (subject_kind == "party") {
    if (deleted) {
      return tx.ExecDeferred("DELETE FROM rm_party_inventory WHERE party_id = ?",
                             {std::string(subject_id)});
    }
    if (!state) return Ok();
    return UpsertParty(tx, std::string(subject_id), *state);
  }
  if (subject_kind != "agreement" && subject_kind != "review" && subject_kind != "soc2_report") {
    return Ok();
  }
  // An event without a state (a note, a comment) changes none of the rows the columns are
  // computed from: skip the party lookup and the recomputation (issue 21: one read less per
  // such append, three for a note on a filed agreement).
  if (!state && !deleted) return Ok();
  auto party = PartyOf(tx, subject_kind, subject_id, state);
  if (!party.ok()) return std::move(party).error();
  if (party->empty()) return Ok();
  if (subject_kind == "review") return UpdateReviews(tx, *party);
  if (subject_kind == "soc2_report") return UpdateSoc2(tx, *party);
  // An agreement: its type may have changed, so both columns are computed again.
  ACCORD_TRY(UpdateAgreement(tx, *party, "baa"));
  return UpdateAgreement(tx, *party, "sla");
}

Result<ObjectPage> ListInventory(Tx& tx, const InventoryQuery& query) {
  const char* column = ColumnOf(query.sort);
  if (!column) return ValidationError("sort", "is not a column the list sorts on");
  // The cursor: "1|<id>" (still among parties with a value, after that party's value) or
  // "2|<id>" (among the parties without one, which come last in either direction).
  int phase = 1;
  std::string after_id;
  std::string after_key;
  if (!query.after.empty()) {
    if (query.after.size() < 3 || (query.after[0] != '1' && query.after[0] != '2') ||
        query.after[1] != '|') {
      return ValidationError("cursor", "is not a cursor of this order: start from the first page");
    }
    phase = query.after[0] - '0';
    after_id = query.after.substr(2);
    if (phase == 1) {
      auto row = tx.QueryOne(
          std::string("SELECT ") + column + " FROM rm_party_inventory WHERE party_id = ?",
          {after_id});
      if (!row.ok()) return std::move(row).error();
      if (!row->has_value() || (*row)->IsNull(0)) {
        return ValidationError("cursor",
                               "the party it continues from has changed or gone: "
                               "start from the first page");
      }
      after_key = std::string_view(column) == "risk_rank" ? std::to_string((*row)->Int(0))
                                                          : (*row)->Text(0);
    }
  }
  std::vector<std::string> words;
  for (const auto& w : domain::NameWords(query.q)) words.push_back(w);
  if (!query.q.empty() && words.empty()) return ObjectPage{};
  std::string base =
      "SELECT o.id, o.party_id, o.parent_id, o.from_idx, o.doc FROM rm_party_inventory i "
      "CROSS JOIN rm_objects o WHERE o.kind = 'party' AND o.id = i.party_id AND o.to_idx = ?";
  std::vector<Value> base_params{kOpenVersion};
  auto eq = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    base += std::string(" AND i.") + col + " = ?";
    base_params.emplace_back(v);
  };
  eq("kind", query.kind);
  eq("status", query.status);
  eq("baa_state", query.baa_state);
  eq("sla_state", query.sla_state);
  if (!query.risk_tier.empty()) {
    base += " AND i.risk_rank = ?";
    base_params.emplace_back(RiskRank(query.risk_tier));
  }
  auto before = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    base += std::string(" AND i.") + col + " < ?";
    base_params.emplace_back(v);
  };
  before("baa_expires_at", query.baa_expires_before);
  before("sla_expires_at", query.sla_expires_before);
  before("soc2_period_end", query.soc2_period_end_before);
  before("next_review_at", query.next_review_before);
  for (size_t i = 0; i < words.size() && i < 4; ++i) {
    base +=
        " AND EXISTS (SELECT 1 FROM rm_words w WHERE w.kind = 'party' AND w.prefix = ? AND "
        "w.id = i.party_id)";
    base_params.emplace_back(domain::IndexedPrefix(words[i]));
  }
  const char* dir = query.descending ? " DESC" : "";
  const char* cmp = query.descending ? " < ?" : " > ?";
  std::string col = std::string("i.") + column;
  bool numeric = std::string_view(column) == "risk_rank";

  ObjectPage page;
  bool more = false;
  std::string last_phase = "1";
  auto run = [&](int which) -> Status {
    std::string sql = base;
    std::vector<Value> params = base_params;
    if (which == 1) {
      sql += " AND " + col + " IS NOT NULL";
      if (phase == 1 && !after_id.empty()) {
        Value key = numeric ? Value(int64_t{std::stoll(after_key)}) : Value(after_key);
        sql += " AND (" + col + cmp + " OR (" + col + " = ? AND i.party_id" + cmp + "))";
        params.push_back(key);
        params.push_back(key);
        params.emplace_back(after_id);
      }
      sql += " ORDER BY " + col + dir + ", i.party_id" + dir;
    } else {
      sql += " AND " + col + " IS NULL";
      if (phase == 2 && !after_id.empty()) {
        sql += std::string(" AND i.party_id") + cmp;
        params.emplace_back(after_id);
      }
      sql += std::string(" ORDER BY i.party_id") + dir;
    }
    // Stale words (an older name's) are dropped below: no LIMIT with a search.
    if (words.empty()) {
      sql += " LIMIT ?";
      params.emplace_back(static_cast<int64_t>(query.limit + 1 - page.items.size()));
    }
    Status error = Ok();
    Status s = tx.ForEach(sql, params, [&](const Row& r) {
      StoredObject o{r.Text(0), r.Text(1), r.Text(2), r.Int(3), {}};
      auto doc = domain::ParseStateDoc(r.Text(4));
      if (!doc) {
        error = Internal("rm_objects holds a malformed document for " + o.id);
        return false;
      }
      o.doc = std::move(*doc);
      if (!words.empty()) {
        auto name_words = domain::NameWords(StateString(o.doc, "name"));
        for (const auto& q : words) {
          if (std::none_of(name_words.begin(), name_words.end(),
                           [&](const std::string& w) { return w.starts_with(q); })) {
            return true;
          }
        }
      }
      if (page.items.size() == query.limit) {
        more = true;
        return false;
      }
      page.items.push_back(std::move(o));
      last_phase = std::to_string(which);
      return true;
    });
    if (!s.ok()) return s;
    return error;
  };
  if (phase == 1) ACCORD_TRY(run(1));
  if (!more) ACCORD_TRY(run(2));
  if (more && !page.items.empty()) page.next_after = last_phase + "|" + page.items.back().id;
  return page;
}

Result<std::map<std::string, json::object>> InventoryOf(Tx& tx,
                                                        const std::vector<std::string>& ids) {
  std::map<std::string, json::object> out;
  if (ids.empty()) return out;
  std::string sql = std::string("SELECT ") + kInventoryColumns +
                    " FROM rm_party_inventory i WHERE i.party_id IN (";
  std::vector<Value> params;
  for (size_t i = 0; i < ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(ids[i]);
  }
  sql += ")";
  auto rows = tx.Query(sql, params);
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    json::object inv = InventoryJson(r);
    if (const char* tier = TierName(r.IsNull(1) ? 0 : r.Int(1))) inv["risk_tier"] = tier;
    out.emplace(r.Text(0), std::move(inv));
  }
  return out;
}

Status FillPartyInventory(Store& store) {
  return store.Write([](Tx& tx) -> Status {
    auto filled = tx.QueryOne("SELECT 1 FROM rm_party_inventory LIMIT 1", {});
    if (!filled.ok()) return std::move(filled).error();
    if (filled->has_value()) return Ok();
    std::vector<std::pair<std::string, std::string>> parties;
    ACCORD_TRY(
        tx.ForEach("SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? ORDER BY id",
                   {kOpenVersion}, [&](const Row& r) {
                     parties.emplace_back(r.Text(0), r.Text(1));
                     return true;
                   }));
    for (const auto& [id, text] : parties) {
      auto doc = domain::ParseStateDoc(text);
      if (!doc) return Internal("rm_objects holds a malformed document for " + id);
      ACCORD_TRY(UpsertParty(tx, id, *doc));
      ACCORD_TRY(UpdateAgreement(tx, id, "baa"));
      ACCORD_TRY(UpdateAgreement(tx, id, "sla"));
      ACCORD_TRY(UpdateReviews(tx, id));
      ACCORD_TRY(UpdateSoc2(tx, id));
    }
    return tx.Flush();
  });
}

}  // namespace accord::storage
