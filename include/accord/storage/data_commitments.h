// Our own data-use commitments (TR-11, issue 29): what the organisation promises its customers
// (no sale or sharing of their data, no advertising use, AI providers that keep nothing and
// train on nothing, ...) and its Data Privacy Framework participation, both registry kinds
// (`data_commitment`, `dpf_participation`) written by the officers. The trust center publishes
// them; a public subprocessor whose agreements in force do not make a published commitment that
// applies to it is a red flag, and cannot be published until an officer records an exception
// with a reason (the party's `commitment_exceptions`); a DPF re-certification falling due opens
// a finding a month before.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The commitments an agreement's `data_use` can make, in the order pages list them.
inline constexpr std::string_view kDataUseClauses[] = {"no_sale_or_sharing", "no_advertising_use",
                                                       "ai_zero_data_retention",
                                                       "no_model_training", "dpf_participation"};
// A clause or commitment key in plain words: "no model training on customer data".
std::string DataUseWords(std::string_view key);

// Our public commitments in force at `now` (public, since reached), by key then statement.
Result<std::vector<boost::json::object>> PublishedCommitments(Tx& tx, TimePoint now);

// The data-use clauses (kDataUseClauses keys) that `party_id`'s agreements in force at `now`
// (executed, effective, not expired) make, in kDataUseClauses order.
Result<std::vector<std::string>> BoundClauses(Tx& tx, const std::string& party_id, TimePoint now);

// A published commitment that applies to a party its agreements in force do not make.
struct CommitmentGap {
  std::string key;        // no_sale_or_sharing | no_advertising_use | ai_zero_data_retention | ...
  std::string statement;  // the commitment as we publish it
  std::string since;      // when we made it
};
// The gaps of `party` (a party's state), less the ones it has an exception for.
Result<std::vector<CommitmentGap>> CommitmentGaps(Tx& tx, const boost::json::object& party,
                                                  TimePoint now);

// The public DPF participation as the trust center shows it: {frameworks, status,
// last_recertified_at, recertification_due, listing_url}; nullopt when none is public.
Result<std::optional<boost::json::object>> PublishedDpf(Tx& tx);

// When a participation must be re-certified: a year after its last re-certification.
std::string RecertificationDue(const boost::json::object& participation);

// The scheduler's job: a finding for each active DPF participation whose re-certification is
// due within 30 days (or past), once per re-certification cycle. Returns how many it opened.
Result<int> RaiseDpfRecertificationFindings(EventLog& log, const policy::ReviewsPolicy& policy);

}  // namespace accord::storage
