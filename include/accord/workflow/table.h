// The machinery every workflow shares: a transition table of (from, action, to) moves, and
// names both ways for its enums. A workflow (workflow/<kind>.h) lists its states, actions,
// names and moves; these templates do the rest, so each kind's file holds only its rules.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::workflow {

template <class State, class Action>
struct Move {
  State from;
  Action action;
  State to;
};

// The state `action` leads to from `state` in `table`; nullopt where it has no such move.
template <class State, class Action, size_t N>
constexpr std::optional<State> NextIn(const Move<State, Action> (&table)[N], State state,
                                      Action action) {
  for (const auto& m : table) {
    if (m.from == state && m.action == action) return m.to;
  }
  return std::nullopt;
}

// The action that moves `from` to `to` in `table` (a status field's PATCH names the state
// it wants, not the action); nullopt where no move does.
template <class State, class Action, size_t N>
constexpr std::optional<Action> ActionIn(const Move<State, Action> (&table)[N], State from,
                                         State to) {
  for (const auto& m : table) {
    if (m.from == from && m.to == to) return m.action;
  }
  return std::nullopt;
}

// The states one move away from `from`, in table order, each once.
template <class State, class Action, size_t N>
std::vector<State> StatesFrom(const Move<State, Action> (&table)[N], State from) {
  std::vector<State> out;
  for (const auto& m : table) {
    if (m.from != from) continue;
    if (std::find(out.begin(), out.end(), m.to) == out.end()) out.push_back(m.to);
  }
  return out;
}

// The value of `all` whose name is `name`, by the kind's own Name(); nullopt if none.
template <class E, size_t N, class NameOf>
constexpr std::optional<E> ParseIn(const E (&all)[N], std::string_view name, NameOf name_of) {
  for (E e : all) {
    if (name_of(e) == name) return e;
  }
  return std::nullopt;
}

// "a, b, c": the actions of `all` for which `possible` holds, in their order.
template <class Action, size_t N, class Pred, class NameOf>
std::string JoinWhere(const Action (&all)[N], Pred possible, NameOf name_of) {
  std::string out;
  for (Action a : all) {
    if (possible(a)) out += (out.empty() ? "" : ", ") + std::string(name_of(a));
  }
  return out;
}

}  // namespace accord::workflow

// Defines, inside a workflow's namespace, what every kind declares alike from its kStates,
// kActions, kTable and Name(): ParseState, ParseAction and Next.
#define ACCORD_WORKFLOW_LOOKUPS()                                                         \
  std::optional<State> ParseState(std::string_view name) {                                \
    return ::accord::workflow::ParseIn(kStates, name, [](State s) { return Name(s); });   \
  }                                                                                       \
  std::optional<Action> ParseAction(std::string_view name) {                              \
    return ::accord::workflow::ParseIn(kActions, name, [](Action a) { return Name(a); }); \
  }                                                                                       \
  std::optional<State> Next(State state, Action action) {                                 \
    return ::accord::workflow::NextIn(kTable, state, action);                             \
  }

// PossibleActions for a 409: "assign, request_info", or "none (the <noun> is <state>)".
#define ACCORD_WORKFLOW_POSSIBLE_ACTIONS(noun)                                            \
  std::string PossibleActions(State state) {                                              \
    std::string out = ::accord::workflow::JoinWhere(                                      \
        kActions, [state](Action a) { return Next(state, a).has_value(); },               \
        [](Action a) { return Name(a); });                                                \
    return out.empty() ? "none (the " noun " is " + std::string(Name(state)) + ")" : out; \
  }
