// The registry kinds whose status the generic PATCH moves (party, agreement): their
// workflows' tables as the status strings a PATCH names. domain::PatchObject is given
// NextStatuses (domain sits below workflow/, so it cannot ask here itself).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace accord::workflow {

// The statuses `kind`'s status may move to from `from`, in table order; none for a kind
// without a workflow here, or a status its table does not know.
std::vector<std::string> NextStatuses(std::string_view kind, std::string_view from);
// May `kind`'s status move from `from` to `to`? (the same status is not a move)
bool StatusTransitionAllowed(std::string_view kind, std::string_view from, std::string_view to);

}  // namespace accord::workflow
