// The demo's breach (TR-8), seeded after the rest of the demo by SeedDemo (demo.cc): an incident
// discovered two days ago, assessed as a breach of three customers' data, whose per-customer
// deadlines show on the officers' dashboard and My work — one BAA's 72 hours due tomorrow, the
// rule's 60 days for another, and one notice already sent.
#pragma once

#include <map>
#include <string>

#include "accord/app/runtime.h"

namespace accord::app {

// `ids`: the demo's names to ids (party names among them).
Status SeedBreach(Runtime& runtime, const std::map<std::string, std::string>& ids);

}  // namespace accord::app
