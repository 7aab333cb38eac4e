// The one place every SMS and voice text passes before it leaves (issue 26): the PHI guard
// (messaging::CheckForPhi) decides here whether a text may go. A refusal fails the message at once
// with the reason; nothing of the text is logged.
#pragma once

#include <string_view>

#include "accord/core/result.h"

namespace accord::app {

// Ok, or kValidationFailed with the reason the text may not go on a channel.
Status CheckOutgoing(std::string_view text);

}  // namespace accord::app
