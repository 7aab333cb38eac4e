#include "accord/app/outgoing_check.h"

#include "accord/messaging/phi_guard.h"

namespace accord::app {

// The outbox has already checked the message when it was queued and as it left; this is the
// last look at the exact text the provider will receive (a call's spoken words included).
Status CheckOutgoing(std::string_view text) {
  messaging::PhiVerdict v = messaging::CheckForPhi(text);
  if (!v.refused) return Ok();
  return ValidationError("body", v.reason);
}

}  // namespace accord::app
