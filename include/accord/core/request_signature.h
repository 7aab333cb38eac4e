// The request signature of the Twilio REST API's webhooks (X-Twilio-Signature), which most SMS
// and voice providers copy: base64(HMAC-SHA1(auth token, URL + each POST parameter's name and
// value, sorted by name)). The provider signs the exact URL it called, query included.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace accord {

std::string TwilioSignature(std::string_view auth_token, std::string_view url,
                            const std::map<std::string, std::string>& params);

// Compares in constant time; an empty token or signature never verifies.
bool VerifyTwilioSignature(std::string_view auth_token, std::string_view url,
                           const std::map<std::string, std::string>& params,
                           std::string_view signature);

}  // namespace accord
