// The SMS and voice provider's callbacks (issue 26): what `serve` tells the hook routes.
#pragma once

#include <string>

namespace accord::http {

// Each channel's account and the token its callbacks are signed with (X-Twilio-Signature).
// A callback names its AccountSid; one the settings do not name is refused.
struct PhoneHookSettings {
  std::string sms_account_sid, sms_auth_token;
  std::string voice_account_sid, voice_auth_token;
  // The auth token of `account_sid`, or "" when no channel has it.
  const std::string& TokenFor(const std::string& account_sid) const {
    static const std::string kNone;
    if (!account_sid.empty() && account_sid == sms_account_sid) return sms_auth_token;
    if (!account_sid.empty() && account_sid == voice_account_sid) return voice_auth_token;
    return kNone;
  }
};

}  // namespace accord::http
