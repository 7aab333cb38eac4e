#include "accord/workflow/lifecycle.h"

#include <algorithm>

#include "accord/workflow/agreement.h"
#include "accord/workflow/party.h"

namespace accord::workflow {
namespace {

template <class State, class Parse, class Nexts, class NameOf>
std::vector<std::string> Names(std::string_view from, Parse parse, Nexts nexts, NameOf name_of) {
  std::vector<std::string> out;
  std::optional<State> state = parse(from);
  if (!state) return out;
  for (State s : nexts(*state)) out.emplace_back(name_of(s));
  return out;
}

}  // namespace

std::vector<std::string> NextStatuses(std::string_view kind, std::string_view from) {
  if (kind == "party") {
    return Names<party::State>(from, party::ParseState, party::NextStates,
                               [](party::State s) { return party::Name(s); });
  }
  if (kind == "agreement") {
    return Names<agreement::State>(from, agreement::ParseState, agreement::NextStates,
                                   [](agreement::State s) { return agreement::Name(s); });
  }
  return {};
}

bool StatusTransitionAllowed(std::string_view kind, std::string_view from, std::string_view to) {
  auto next = NextStatuses(kind, from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

}  // namespace accord::workflow
