// What the bundle's selection and index need from one event (its canonical JSON), read the
// same way when exporting and when verifying.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace accord::evidence {

struct EventFacts {
  std::string type;
  std::string subject;               // "kind/id"
  std::string subject_kind;          // "kind"
  std::string time;                  // the recorded time, RFC 3339 as in the event
  std::vector<std::string> parties;  // the party it is about: the subject or payload's party_id
  std::string document_sha256;       // a document.uploaded event's content hash, else empty
};

EventFacts ReadEventFacts(const boost::json::object& event);

// Whether the event is in [from, until) (RFC 3339 texts as FormatRfc3339 writes them; empty:
// unbounded) and, when the lists are not empty, about one of `parties` and of one of `kinds`.
bool Matches(const EventFacts& facts, std::string_view from, std::string_view until,
             const std::vector<std::string>& parties, const std::vector<std::string>& kinds);

}  // namespace accord::evidence
