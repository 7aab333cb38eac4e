// What a workflow object's view carries beside its stored state, for the person looking at
// it: `allowed_actions` (the server decides; the portal only draws buttons from it), the
// names of the people who acted on it, and with `detail` its `history` built from the stored
// versions. The event format stays as it is: history is read, never stored.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/policy/profile.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct Viewer {
  std::string id;    // the person (usr_...)
  std::string role;  // the role in force (elevated during break-glass)
  bool break_glass = false;
  const policy::Profile* profile = nullptr;  // null: no actions are offered
  // A party's contact sees who acted and when, never our comments (they are our assessment).
  bool sees_comments = true;
};

// Names of accounts and parties by id, each read once per request.
class NameCache {
 public:
  explicit NameCache(Tx& tx) : tx_(tx) {}
  // The account's name (or email), "" for a system actor or an unknown id.
  Result<std::string> NameOf(const std::string& id);
  // The party's name, "" for an unknown id.
  Result<std::string> PartyName(const std::string& id);
  // Adds "name" to every actor reference ({id, role}) in `doc`: top-level fields, their
  // members and the items of their lists.
  Status Name(boost::json::object& doc);

 private:
  Tx& tx_;
  std::map<std::string, std::string, std::less<>> names_;
  std::map<std::string, std::string, std::less<>> parties_;
};

// The versions of one object, oldest first, as history entries: {action (the event's verb),
// status, at, by {id, role, name}, comment?}; up to ledger size `as_of` when given.
Result<boost::json::array> ObjectHistory(Tx& tx, NameCache& names, std::string_view kind,
                                         std::string_view id,
                                         std::optional<int64_t> as_of = std::nullopt);

// True for the kinds whose views carry allowed_actions.
bool HasWorkflowView(std::string_view kind);

// Adds to `view`, the stored state of a `kind` object of a workflow kind (review, finding,
// change notice, grant, report request): allowed_actions, actor names, party_name, and with
// `detail` the history (not report requests: they keep their own).
Status DecorateView(Tx& tx, NameCache& names, const Viewer& viewer, std::string_view kind,
                    boost::json::object& view, bool detail, TimePoint now,
                    std::optional<int64_t> as_of = std::nullopt);

}  // namespace accord::storage
