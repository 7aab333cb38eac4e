// What the public trust center shows (issue 9, IN-4, TR-1, TP-1): the certifications valid
// now and the subprocessor list, both read from the registry, and the subprocessor list's
// history for its Atom feed. Nothing here needs a sign-in; nothing else leaves through it.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The trust center's settings ([trust] of --config and its flags): read by the public
// pages, the emails' links and the scheduler's subprocessor notices.
struct TrustSettings {
  std::string security_contact;  // mailto: or https: URI (RFC 9116 Contact)
  std::string public_url;        // https://trust.example.com: Canonical and links, if set
  std::string listen_url;        // where this server listens: links in emails without public_url
  std::string nda_file;          // [trust] nda_file / --nda-file: the click-through NDA's text
  std::string nda_text;          // read from nda_file by `serve` ("" = the built-in NDA)
  int nda_valid_months = 12;     // [trust] nda_valid_months: an accepted click-through NDA's term
  int nda_link_days = 14;        // [trust] nda_link_days: how long an emailed NDA link works
  // The HMAC-SHA256 key subscription links are derived with: `serve` derives it from the
  // server's signing key (ledger.key); never configured, never stored.
  std::string link_key;
  // The base of absolute links in emails (NDA, downloads, subscriptions).
  const std::string& LinkBase() const { return public_url.empty() ? listen_url : public_url; }
};

// {organisation, certifications: [{name, framework, issuer, scope, valid_from,
// valid_until}], commitments: [...], data_privacy_framework: {...} | null,
// subprocessors: [{name, purpose, location, commitments}], planned: [...], generated_at}:
// public certifications whose validity covers `now`, our published data-use commitments and
// DPF participation (storage/data_commitments.h), active parties flagged public_subprocessor
// (and, as planned, those still onboarding), by name, each with the data-use commitments its
// agreements in force make. Only published fields: no party ids, documents or contacts.
Result<boost::json::object> TrustSnapshot(Tx& tx, TimePoint now);

// One change of the public subprocessor list: a party announced (planned: onboarding), added
// to it (active), its published purpose or location changed, or removed from it
// (offboarded, unflagged or deleted).
struct SubprocessorChange {
  std::string party_id;
  std::string name;
  std::string change;  // planned | added | updated | removed
  std::string purpose, location;
  TimePoint at;
  uint64_t index;  // the ledger entry that made the change
};
// Newest first, at most `limit`.
Result<std::vector<SubprocessorChange>> SubprocessorHistory(Tx& tx, size_t limit = 100);

// The organisation's name ("" before the first start), for page titles.
Result<std::string> OrganisationName(Tx& tx);

}  // namespace accord::storage
