// Walking the live OpenAPI document: its operations as the route table declares them, and
// filling path templates with real ids (the route matrix and tenant isolation tests).
#pragma once

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace accord::testing {

extern const std::set<std::string> kHttpMethods;  // lower case, as OpenAPI path items

// One operation of the OpenAPI document.
struct Operation {
  std::string method;  // "GET"
  std::string pattern;
  std::string summary;
  std::string tag;
  std::vector<std::string> roles;   // x-accord-roles
  bool is_public = false;           // x-accord-public
  std::vector<std::string> scopes;  // x-accord-scopes: integration tokens that may call it
  std::vector<std::string> required_query;
  bool has_as_of = false;  // reads the state at an earlier ledger size on request

  std::string Name() const { return method + " " + pattern; }
  bool HasPathParam() const { return pattern.find('{') != std::string::npos; }
  // The role is in x-accord-roles (public routes list none).
  bool Allows(const std::string& role) const;
};

std::vector<Operation> Operations(const boost::json::object& doc);

// The key a path parameter is filled by is the segment before it and its name
// ("parties/party_id"), so /parties/{id} and /parties/{party_id}/services share a party.
// Returns `pattern` with each parameter replaced by values.at(key), or by `fallback` when it
// is not empty; every key goes to `keys` (if given), keys without a value to `missing`.
std::string FillPath(const std::string& pattern, const std::map<std::string, std::string>& values,
                     const std::string& fallback, std::vector<std::string>* keys,
                     std::vector<std::string>& missing);

}  // namespace accord::testing
