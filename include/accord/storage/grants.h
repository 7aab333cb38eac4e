// Access grants (TP-2, TP-3, TP-5): requests decided by the gate, approvals, denials,
// revocations and the expiry sweep, each a ledger event. The rules of who may act and when
// are workflow/grant.h; the gate's rules are policy/gate.h; the routes are http/api_access.cc.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/gate.h"
#include "accord/storage/event_log.h"
#include "accord/storage/gate_input.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// The status a person should see: an approved grant is active between start and end and
// expired after it, whether or not the expiry sweep has recorded it yet.
std::string EffectiveStatus(const boost::json::object& grant, TimePoint now);

// A grant's lines in words, "read on Luma platform; write on Developer sandbox", each line's
// environment in brackets after it ("[staging]") when `environments`.
std::string GrantLinesText(const boost::json::object& grant, bool environments);

// A stored grant as the API shows it: its state, ledger_index and effective_status.
boost::json::object GrantView(const StoredObject& o, TimePoint now);

// The gate's decision for a request, read in `tx` as `scope` sees the registry (a dry run
// records nothing); `lines`, when given, receives the lines as a grant stores them.
Result<boost::json::object> DecideGrant(Tx& tx, const policy::AccessPolicy& policy,
                                        const GrantInput& input, const Scope& scope, TimePoint now,
                                        boost::json::array* lines = nullptr);

// grant.requested with the gate's decision; a deny or allow is recorded at once
// (grant.denied / grant.approved by the gate). Returns the grant's view.
Result<boost::json::value> RequestGrant(CommandContext& c, const policy::AccessPolicy& policy,
                                        const GrantInput& input, const domain::Actor& actor);
// The same from a request body ({party_id, contact_id, start_at, end_at, purpose, lines}).
Result<boost::json::value> RequestGrant(CommandContext& c, const policy::AccessPolicy& policy,
                                        const boost::json::object& body,
                                        const domain::Actor& actor);

// verb: approve | deny | revoke (workflow/grant.h). Approval asks the gate again first.
Result<boost::json::value> ApplyGrantAction(CommandContext& c, const policy::AccessPolicy& policy,
                                            const std::string& id, const std::string& verb,
                                            const std::string& comment, const domain::Actor& actor);

// Records grant.expired for every approved grant whose end has passed (TP-3: expiry by time,
// not by a person). The scheduler runs it about once a second; returns how many expired.
Result<int> ExpireGrants(EventLog& log);

}  // namespace accord::storage
