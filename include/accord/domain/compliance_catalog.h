// The compliance catalog (issue 23): every HIPAA Security Rule standard and implementation
// specification (45 CFR 164.308-164.316) and Accord's own controls, with what a customer of the
// service inherits from us by default. Shipped in the binary from data/compliance/; also read
// from an OSCAL catalog. Not the registry's `control` kind (a party's recorded controls, TP-2).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::domain {

// Yes / Partially / No: how much of a control a customer inherits (or we from our host).
enum class Inherited { kNo, kPartially, kYes };
std::string_view Name(Inherited i);  // "no", "partially", "yes"
Result<Inherited> ParseInherited(std::string_view text);

struct CatalogControl {
  std::string id;         // a HIPAA citation ("164.308(b)(1)") or an Accord id ("TP-11")
  std::string framework;  // "hipaa" or "accord"
  std::string kind;       // "standard", "implementation_specification" or "control" (Accord's)
  std::string title;
  std::string description;  // Accord's controls; "" for HIPAA's (the regulation's own text)
  std::string requirement;  // HIPAA: "Required" or "Addressable"; "" for Accord's
  std::string safeguard;    // HIPAA: "Administrative", "Physical", ...
  std::string parent;       // a specification's standard; "" otherwise
  bool applicable = true;   // false where the rule cannot apply to a business associate's
                            // service (group health plans, clearinghouses)
  // The default inheritance: what a customer inherits from us, and we from our host.
  Inherited customer = Inherited::kNo;
  Inherited host = Inherited::kNo;
  std::string responsibility;  // what stays with the customer; "" when it inherits all
};

class Catalog {
 public:
  Catalog() = default;
  explicit Catalog(std::vector<CatalogControl> controls);

  const std::vector<CatalogControl>& controls() const { return controls_; }
  const CatalogControl* Find(std::string_view id) const;
  size_t size() const { return controls_.size(); }

 private:
  std::vector<CatalogControl> controls_;
};

// The shipped catalog (data/compliance/*.json, compiled in), parsed once.
const Catalog& BuiltinCatalog();

// Parses the shipped files' format: the HIPAA list and Accord's controls with the inheritance.
Result<Catalog> ParseCatalog(std::string_view hipaa_json, std::string_view accord_json);

// Reads an OSCAL 1.x catalog (JSON): every control of every group (nested groups and controls
// too) becomes a control of `framework`; its title, its `statement` part's prose as the
// description, a `parent` for a control inside a control. Errors name the JSON path.
Result<Catalog> CatalogFromOscal(const boost::json::value& oscal, std::string_view framework);

}  // namespace accord::domain
