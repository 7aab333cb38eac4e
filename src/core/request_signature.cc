#include "accord/core/request_signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "accord/core/bytes.h"

namespace accord {

std::string TwilioSignature(std::string_view auth_token, std::string_view url,
                            const std::map<std::string, std::string>& params) {
  std::string data(url);
  for (const auto& [name, value] : params) data += name + value;  // std::map: sorted by name
  uint8_t mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), auth_token.data(), static_cast<int>(auth_token.size()),
       reinterpret_cast<const uint8_t*>(data.data()), data.size(), mac, &len);
  return Base64Encode(std::span<const uint8_t>(mac, len));
}

bool VerifyTwilioSignature(std::string_view auth_token, std::string_view url,
                           const std::map<std::string, std::string>& params,
                           std::string_view signature) {
  if (auth_token.empty() || signature.empty()) return false;
  return ConstantTimeEquals(TwilioSignature(auth_token, url, params), signature);
}

}  // namespace accord
