// My work's side tables: what a person has read (my_work_reads) and their account settings
// (account_settings). Neither is the ledger: a read mark or a digest choice is a person's own.
#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/storage/my_work.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace {

// The object a read mark names: a vendor answer is read on its review.
std::string_view ObjectKind(std::string_view read_kind) {
  return read_kind == "vendor_answer" ? "review" : read_kind;
}

}  // namespace

Status MarkRead(Tx& tx, const std::string& user_id, const std::vector<ReadMark>& marks,
                TimePoint now) {
  std::vector<ErrorDetail> details;
  for (size_t i = 0; i < marks.size(); ++i) {
    const ReadMark& m = marks[i];
    std::string field = "items[" + std::to_string(i) + "]";
    if (std::find(std::begin(kReadKinds), std::end(kReadKinds), m.kind) == std::end(kReadKinds)) {
      details.push_back({field + ".kind", "must be vendor_answer or change_notice", {}});
      continue;
    }
    auto o = GetObject(tx, ObjectKind(m.kind), m.id, Scope{});
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) {
      return Error{ErrorCode::kNotFound,
                   std::string(ObjectKind(m.kind)) + " " + m.id + " not found",
                   {{field + ".id", "no such " + std::string(ObjectKind(m.kind)), {}}}};
    }
  }
  if (!details.empty()) {
    std::string message = details.front().field + ": " + details.front().reason;
    return Error{ErrorCode::kValidationFailed, std::move(message), std::move(details)};
  }
  std::string at = FormatRfc3339(now);
  for (const ReadMark& m : marks) {
    auto r = tx.Exec(
        "INSERT INTO my_work_reads(user_id, kind, item_id, read_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(user_id, kind, item_id) DO UPDATE SET read_at = excluded.read_at",
        {user_id, m.kind, m.id, at});
    if (!r.ok()) return std::move(r).error();
  }
  return Ok();
}

Result<AccountSettings> ReadAccountSettings(Tx& tx, const std::string& user_id) {
  auto row = tx.QueryOne("SELECT daily_digest FROM account_settings WHERE user_id = ?", {user_id});
  if (!row.ok()) return std::move(row).error();
  AccountSettings out;
  if (row->has_value()) out.daily_digest = (*row)->Int(0) != 0;
  return out;
}

Status WriteAccountSettings(Tx& tx, const std::string& user_id, const AccountSettings& settings,
                            TimePoint now) {
  auto r = tx.Exec(
      "INSERT INTO account_settings(user_id, daily_digest, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT(user_id) DO UPDATE SET daily_digest = excluded.daily_digest, "
      "updated_at = excluded.updated_at",
      {user_id, int64_t{settings.daily_digest ? 1 : 0}, FormatRfc3339(now)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::storage
