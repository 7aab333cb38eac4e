#include "accord/core/net_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace accord {

namespace {

bool PrivateV4(uint32_t a) {  // host byte order
  auto in = [a](uint32_t net, int bits) {
    uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x64400000, 10) || in(0x7F000000, 8) ||
         in(0xA9FE0000, 16) || in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0xE0000000, 4) ||
         a == 0xFFFFFFFF;
}

bool PrivateV6(const in6_addr& a) {
  if (IN6_IS_ADDR_V4MAPPED(&a)) {
    uint32_t v4 = 0;
    std::memcpy(&v4, a.s6_addr + 12, 4);
    return PrivateV4(ntohl(v4));
  }
  return IN6_IS_ADDR_LOOPBACK(&a) || IN6_IS_ADDR_UNSPECIFIED(&a) || IN6_IS_ADDR_LINKLOCAL(&a) ||
         IN6_IS_ADDR_SITELOCAL(&a) || IN6_IS_ADDR_MULTICAST(&a) || (a.s6_addr[0] & 0xFE) == 0xFC;
}

}  // namespace

bool IsPrivateAddress(const sockaddr* address) {
  if (address == nullptr) return true;
  if (address->sa_family == AF_INET) {
    return PrivateV4(ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    return PrivateV6(reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr);
  }
  return true;  // unix sockets and the rest: never a probe's business
}

bool IsPrivateHostLiteral(std::string_view host) {
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  for (auto& c : h) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (h == "localhost" || h.ends_with(".localhost")) return true;
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return PrivateV4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) return PrivateV6(v6);
  return false;
}

std::string HostOfTarget(std::string_view target) {
  if (auto scheme = target.find("://"); scheme != std::string_view::npos) {
    target.remove_prefix(scheme + 3);
    target = target.substr(0, target.find_first_of("/?#"));
    if (auto at = target.rfind('@'); at != std::string_view::npos) target.remove_prefix(at + 1);
  }
  if (target.starts_with('[')) {
    auto close = target.find(']');
    return close == std::string_view::npos ? "" : std::string(target.substr(1, close - 1));
  }
  return std::string(target.substr(
      0, target.rfind(':') == std::string_view::npos ? target.size() : target.rfind(':')));
}

}  // namespace accord
