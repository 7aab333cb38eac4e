// Which addresses an outgoing probe or feed poll may reach. A status probe is a request the
// server makes on someone's say-so: by default it may not reach this machine or the private
// network behind it (SSRF), unless the settings allow it (tests and closed networks do).
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>

namespace accord {

// Loopback, private (RFC 1918, fc00::/7), link-local, CGNAT, unspecified, multicast and the
// IPv4-mapped forms of these.
bool IsPrivateAddress(const sockaddr* address);
// The same for an address written as text ("10.0.0.1", "::1"); "localhost" counts as private.
// A name that is not an address literal is not private here (it is checked when resolved).
bool IsPrivateHostLiteral(std::string_view host);
// The host of "scheme://host[:port]/..." or of "host:port" ("[::1]:80" gives "::1"); "" when
// there is none.
std::string HostOfTarget(std::string_view target);

}  // namespace accord
